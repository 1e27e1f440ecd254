#include "check/link_check.h"

#include <map>
#include <regex>
#include <set>

#include "markdown/markdown.h"

namespace hyoka {

namespace {

std::string decode_entities(std::string s) {
  const std::pair<const char*, const char*> entities[] = {
      {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
  for (const auto& [entity, plain] : entities) {
    for (std::size_t p = 0; (p = s.find(entity, p)) != std::string::npos;
         p += std::string(plain).size()) {
      s.replace(p, std::string(entity).size(), plain);
    }
  }
  return s;
}

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool has_scheme(const std::string& ref) {
  static const std::regex scheme("^[A-Za-z][A-Za-z0-9+.-]*:");
  return std::regex_search(ref, scheme);
}

// "a/b/../c" → "a/c"; nullopt when it climbs out of the site.
std::optional<std::string> normalize(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = std::min(path.find('/', start), path.size());
    const auto part = path.substr(start, slash - start);
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = slash + 1;
  }
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + part;
  if (!path.empty() && path.back() == '/' && !out.empty()) out += '/';
  return out;
}

struct Reference {
  std::string raw;
  std::string file;  // the output file it is in
};

std::vector<std::string> references_in(const std::string& path, const std::string& text) {
  std::vector<std::string> out;
  if (path.ends_with(".html")) {
    static const std::regex attr(
        R"re(<(?:a|link|img|script|source|iframe)\b[^>]*?\s(?:href|src)="([^"]*)")re");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), attr);
         it != std::sregex_iterator(); ++it) {
      out.push_back(decode_entities((*it)[1]));
    }
  } else if (path.ends_with(".css")) {
    static const std::regex url(R"re(url\(\s*['"]?([^'")]+?)['"]?\s*\))re");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), url);
         it != std::sregex_iterator(); ++it) {
      out.push_back((*it)[1]);
    }
  }
  return out;
}

std::set<std::string> ids_in(const std::string& html) {
  std::set<std::string> ids;
  static const std::regex id(R"re(\sid="([^"]*)")re");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), id); it != std::sregex_iterator();
       ++it) {
    ids.insert(decode_entities((*it)[1]));
  }
  return ids;
}

}  // namespace

void check_links(const Site& site, const Theme& theme, const SiteFiles& files, Diagnostics& diags) {
  const auto& base = site.config.base_url;
  const auto host_end = base.find('/', base.find("//") + 2);
  const std::string base_path = host_end == std::string::npos ? "/" : base.substr(host_end);

  std::map<std::string, std::set<std::string>> ids;
  for (const auto& [path, text] : files) {
    if (path.ends_with(".html")) ids[path] = ids_in(text);
  }
  // Where each page's Markdown links are written, by output path.
  std::map<std::string, const SitePage*> pages = {{site.home.output_path, &site.home}};
  for (const auto& area : site.areas) pages[area.output_path] = &area;

  std::set<std::string> reported;
  for (const auto& [path, text] : files) {
    const auto folder = path.substr(0, path.rfind('/') + 1);
    for (const auto& raw : references_in(path, text)) {
      std::string ref = raw;
      std::string problem;
      std::optional<std::string> target;
      if (ref.starts_with("//") || (has_scheme(ref) && !ref.starts_with(base))) continue;
      if (ref.starts_with(base)) {
        target = ref.substr(base.size());
      } else if (ref.starts_with("/")) {
        if (base_path != "/") {
          problem = "starts with '/', so it leaves the site's folder " + base_path +
                    " on the host; write it relative to the page";
        } else {
          target = ref.substr(1);
        }
      } else {
        target = folder + ref;
      }
      std::string fragment;
      if (target) {
        auto t = *target;
        if (const auto hash = t.find('#'); hash != std::string::npos) {
          fragment = percent_decode(t.substr(hash + 1));
          t.erase(hash);
        }
        if (const auto query = t.find('?'); query != std::string::npos) t.erase(query);
        const auto normal = normalize(percent_decode(t));
        if (!normal) {
          problem = "leads out of the site";
        } else {
          std::string file = *normal;
          if (file.empty() || file.ends_with('/')) file += "index.html";
          if (!files.count(file) && files.count(file + "/index.html")) file += "/index.html";
          if (!files.count(file)) {
            problem = "no file " + file + " in the site";
          } else if (!fragment.empty() && file.ends_with(".html") && !ids[file].count(fragment)) {
            problem = "no id \"" + fragment + "\" on " + file;
          }
        }
      }
      if (problem.empty()) continue;
      const std::string message = "broken link \"" + raw + "\": " + problem;

      // Where the link was written: the page's Markdown, a template, or only the output.
      if (const auto page = pages.find(path); page != pages.end()) {
        const auto& p = *page->second->page;
        bool found = false;
        for (const auto& link : markdown_links(p.body)) {
          if (link.destination != raw) continue;
          const int line = link.line + p.body_first_line - 1;
          if (reported.insert(p.source->path() + std::to_string(line) + raw).second) {
            diags.error(*p.source, {line, p.source->character_column(line, link.byte_column)},
                        message);
          }
          found = true;
        }
        if (found) continue;
      }
      std::string tail = raw;
      while (tail.starts_with("../") || tail.starts_with("./")) tail.erase(0, tail.find('/') + 1);
      if (tail.starts_with(base)) tail.erase(0, base.size());
      bool found = false;
      for (const auto* templates : {&theme.layouts, &theme.partials}) {
        for (const auto& [name, source] : *templates) {
          const auto at = tail.empty() ? std::string::npos : source.text().find(tail);
          if (at == std::string::npos) continue;
          found = true;
          if (reported.insert(source.path() + tail).second) {
            diags.error(source, source.position_at(at), message + " (on " + path + ")");
          }
        }
      }
      if (!found && reported.insert(path + raw).second) {
        diags.report_file(Severity::error, path, message);
      }
    }
  }
}

}  // namespace hyoka
