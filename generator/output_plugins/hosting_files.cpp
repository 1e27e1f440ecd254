// The files a static host needs beside the pages: .nojekyll (GitHub Pages would otherwise run
// Jekyll and drop paths starting with _), CNAME for a custom domain, robots.txt, sitemap.xml.
#include <algorithm>

#include "base/escape.h"
#include "output_plugins/output_plugin.h"
#include "site/open_data_paths.h"

namespace hyoka {

namespace {

class NoJekyll final : public OutputPlugin {
 public:
  std::string name() const override { return "nojekyll"; }
  void emit(const OutputContext&, SiteFiles& out, Diagnostics&) const override {
    out[".nojekyll"] = "";
  }
};

class Cname final : public OutputPlugin {
 public:
  std::string name() const override { return "cname"; }
  void emit(const OutputContext& context, SiteFiles& out, Diagnostics&) const override {
    const auto& domain = context.site.config.custom_domain;
    if (!domain.empty()) out["CNAME"] = domain + "\n";
  }
};

class Robots final : public OutputPlugin {
 public:
  std::string name() const override { return "robots"; }
  void emit(const OutputContext& context, SiteFiles& out, Diagnostics&) const override {
    out["robots.txt"] =
        "User-agent: *\nAllow: /\n\nSitemap: " + context.site.config.base_url + "sitemap.xml\n";
  }
};

// Absolute URLs of the home page, the area pages and the datasets' landing pages, sorted;
// lastmod only where a page's front matter says when it was updated.
class Sitemap final : public OutputPlugin {
 public:
  std::string name() const override { return "sitemap"; }
  void emit(const OutputContext& context, SiteFiles& out, Diagnostics&) const override {
    const auto& site = context.site;
    std::vector<std::pair<std::string, std::string>> urls;
    urls.push_back({site.config.base_url + site.home.url_path, site.home.page->updated});
    for (const auto& area : site.areas) {
      urls.push_back({site.config.base_url + area.url_path, area.page->updated});
    }
    if (makes_landing_pages(context.theme)) {
      for (const auto& dataset : site.datasets) {
        urls.push_back({site.config.base_url + dataset_page_path(dataset.id), ""});
      }
    }
    std::sort(urls.begin(), urls.end());
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& [loc, updated] : urls) {
      xml += "  <url>\n    <loc>";
      append_escaped_markup(xml, loc);
      xml += "</loc>\n";
      if (!updated.empty()) {
        xml += "    <lastmod>";
        xml += updated;
        xml += "</lastmod>\n";
      }
      xml += "  </url>\n";
    }
    xml += "</urlset>\n";
    out["sitemap.xml"] = std::move(xml);
  }
};

// The host serves 404.html for any missing path at any depth, so every link in it is absolute
// from base_url: its "root" is the base URL itself.
class NotFoundPage final : public OutputPlugin {
 public:
  std::string name() const override { return "404"; }
  void emit(const OutputContext& context, SiteFiles& out, Diagnostics& diags) const override {
    if (!context.theme.layouts.count("404")) {
      diags.report_file(Severity::warning,
                        "themes/" + context.theme.name + "/templates/404.mustache",
                        "missing: without it the site has no 404.html and the host shows its own");
      return;
    }
    Page page;
    page.kind = PageKind::not_found;
    page.title = context.site.words(Word::not_found_title);
    SitePage not_found{&page, "404.html",  "404.html", context.site.config.base_url,
                       {},    std::nullopt};
    SiteFiles charts;
    out["404.html"] =
        render_page(context.site, not_found, context.theme, charts, {}, nullptr, &diags);
  }
};

}  // namespace

void add_builtin_outputs(OutputRegistry& registry) {
  registry.add(std::make_unique<NoJekyll>());
  registry.add(std::make_unique<Cname>());
  registry.add(std::make_unique<Robots>());
  registry.add(std::make_unique<Sitemap>());
  registry.add(std::make_unique<NotFoundPage>());
  add_open_data_output(registry);
}

}  // namespace hyoka
