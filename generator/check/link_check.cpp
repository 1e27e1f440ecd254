#include "check/link_check.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/parallel.h"
#include "check/scan_text.h"
#include "markdown/markdown.h"

namespace hyoka {

namespace {

bool is_ascii_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void percent_decode(std::string_view s, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < s.size(); ++i) {
    int high = 0, low = 0;
    if (s[i] == '%' && i + 2 < s.size() && (high = hex_value(s[i + 1])) >= 0 &&
        (low = hex_value(s[i + 2])) >= 0) {
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += s[i];
    }
  }
}

// A URL scheme (`https:`, `mailto:`) at the start of a reference.
bool has_scheme(std::string_view ref) {
  if (ref.empty() || !is_ascii_letter(ref[0])) return false;
  for (std::size_t i = 1; i < ref.size(); ++i) {
    const char c = ref[i];
    if (c == ':') return true;
    if (!is_ascii_letter(c) && !is_digit(c) && c != '+' && c != '.' && c != '-') return false;
  }
  return false;
}

// "a/b/../c" → "a/c" into `out`; false when it climbs out of the site. `starts` is room for
// where each part begins.
bool normalize(std::string_view path, std::string& out, std::vector<std::size_t>& starts) {
  out.clear();
  starts.clear();
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = std::min(path.find('/', start), path.size());
    const auto part = path.substr(start, slash - start);
    if (part == "..") {
      if (starts.empty()) return false;
      out.resize(starts.back() == 0 ? 0 : starts.back() - 1);
      starts.pop_back();
    } else if (!part.empty() && part != ".") {
      if (!out.empty()) out += '/';
      starts.push_back(out.size());
      out += part;
    }
    start = slash + 1;
  }
  if (!path.empty() && path.back() == '/' && !out.empty()) out += '/';
  return true;
}

}  // namespace

// Decides whether a reference leads where it should; read-only, so several threads share one.
struct LinkCheck::Resolver {
  // Room for one thread's work, reused from reference to reference.
  struct Scratch {
    std::string target, fragment, decoded, file;
    std::vector<std::size_t> starts;
  };

  Resolver(const LinkCheck& check, const SitePaths& files, bool index_files)
      : check(check), base(check.site_.config.base_url), files(files), indexed(index_files) {
    const auto host_end = base.find('/', base.find("//") + 2);
    base_path = host_end == std::string::npos ? "/" : base.substr(host_end);
    if (index_files) {
      for (const auto& path : files) index.intern(path);
    }
  }

  bool has(std::string_view file) const {
    Id id = 0;
    return indexed ? index.find(file, id) : files.count(std::string(file)) > 0;
  }

  bool has_id(std::string_view file, std::string_view id_text) const {
    const auto it = check.files_.find(file);
    Id id = 0;
    if (it == check.files_.end() || !check.texts_.find(id_text, id)) return false;
    return std::binary_search(it->second.ids.begin(), it->second.ids.end(), id);
  }

  // What is wrong with `raw` in a file of `folder`; empty when it leads where it should.
  std::string problem(std::string_view folder, std::string_view raw, Scratch& s) const {
    if (raw.starts_with("//") || (has_scheme(raw) && !raw.starts_with(base))) return {};
    auto& target = s.target;
    if (raw.starts_with(base)) {
      target.assign(raw.substr(base.size()));
    } else if (raw.starts_with("/")) {
      if (base_path != "/") {
        return "starts with '/', so it leaves the site's folder " + base_path +
               " on the host; write it relative to the page";
      }
      target.assign(raw.substr(1));
    } else {
      target.assign(folder);
      target += raw;
    }
    std::string_view t = target;
    s.fragment.clear();
    if (const auto hash = t.find('#'); hash != std::string_view::npos) {
      percent_decode(t.substr(hash + 1), s.fragment);
      t = t.substr(0, hash);
    }
    if (const auto query = t.find('?'); query != std::string_view::npos) t = t.substr(0, query);
    percent_decode(t, s.decoded);
    if (!normalize(s.decoded, s.file, s.starts)) return "leads out of the site";
    auto& file = s.file;
    if (file.empty() || file.ends_with('/')) file += "index.html";
    if (!has(file)) {
      const auto length = file.size();
      file += "/index.html";
      if (!has(file)) file.resize(length);
    }
    if (!has(file)) return "no file " + file + " in the site";
    if (!s.fragment.empty() && file.ends_with(".html") && !has_id(file, s.fragment)) {
      return "no id \"" + s.fragment + "\" on " + file;
    }
    return {};
  }

  const LinkCheck& check;
  const std::string& base;
  std::string base_path;
  const SitePaths& files;
  const bool indexed;
  TextPool index;  // of `files`, for the whole site's references
};

LinkCheck::LinkCheck(const Site& site, const Theme& theme) : site_(site), theme_(theme) {
  // A page per area and per dataset, and a few more: no rehashing under the lock.
  files_.reserve(site.areas.size() + site.datasets.size() + 16);
}

void LinkCheck::scan(const std::string& path, std::string_view text) {
  const bool html = path.ends_with(".html");
  if (!html && !path.ends_with(".css")) return;
  // The scratch of each rendering thread, kept from file to file.
  thread_local TextSpans spans;
  spans.clear();
  if (html) {
    scan_html(text, spans);
  } else {
    scan_css(text, spans);
  }
  File fresh;
  fresh.references.reserve(spans.references.size());
  fresh.ids.reserve(spans.ids.size());
  const std::lock_guard lock(mutex_);
  for (const auto& span : spans.references) {
    fresh.references.push_back(texts_.intern(spans.view(span, text)));
  }
  for (const auto& span : spans.ids) fresh.ids.push_back(texts_.intern(spans.view(span, text)));
  std::sort(fresh.ids.begin(), fresh.ids.end());
  fresh.ids.erase(std::unique(fresh.ids.begin(), fresh.ids.end()), fresh.ids.end());
  const auto [it, added] = files_.try_emplace(path);
  auto& file = it->second;
  if (added) {
    file = std::move(fresh);
    return;
  }
  file.references.insert(file.references.end(), fresh.references.begin(), fresh.references.end());
  if (!fresh.ids.empty()) file.ids = std::move(fresh.ids);
}

void LinkCheck::forget(const std::string& path) {
  const std::lock_guard lock(mutex_);
  if (const auto it = files_.find(path); it != files_.end()) files_.erase(it);
}

void LinkCheck::report(const SitePaths& files, Diagnostics& diags, const std::string* only,
                       unsigned jobs) const {
  const auto& site = site_;
  const auto& theme = theme_;
  const auto& base = site.config.base_url;
  std::vector<const std::pair<const std::string, File>*> order;
  if (only) {
    if (const auto it = files_.find(*only); it != files_.end()) order.push_back(&*it);
  } else {
    order.reserve(files_.size());
    for (const auto& entry : files_) order.push_back(&entry);
    std::sort(order.begin(), order.end(),
              [](const auto* a, const auto* b) { return a->first < b->first; });
  }
  const Resolver resolver(*this, files, !only);

  // What is wrong, file by file on several threads: (index of the reference, problem).
  using Problems = std::vector<std::pair<std::size_t, std::string>>;
  std::vector<Problems> problems(order.size());
  constexpr std::size_t kChunk = 256;
  parallel_for((order.size() + kChunk - 1) / kChunk, jobs, [&](std::size_t chunk) {
    Resolver::Scratch scratch;
    const auto end = std::min(order.size(), (chunk + 1) * kChunk);
    for (auto i = chunk * kChunk; i < end; ++i) {
      const auto& path = order[i]->first;
      const auto folder = std::string_view(path).substr(0, path.rfind('/') + 1);
      const auto& references = order[i]->second.references;
      for (std::size_t r = 0; r < references.size(); ++r) {
        auto problem = resolver.problem(folder, texts_[references[r]], scratch);
        if (!problem.empty()) problems[i].emplace_back(r, std::move(problem));
      }
    }
  });

  // Then the messages, in the order of the files and their references. Where each page's
  // Markdown links are written, by output path, is needed only for a broken link; for one
  // file, found by a walk instead of a map of every page (the preview asks after each edit).
  std::map<std::string, const SitePage*> pages;
  const auto page_of = [&](const std::string& path) -> const SitePage* {
    if (pages.empty()) {
      pages[site.home.output_path] = &site.home;
      for (const auto& area : site.areas) {
        if (!only || area.output_path == *only) pages[area.output_path] = &area;
      }
    }
    const auto it = pages.find(path);
    return it == pages.end() ? nullptr : it->second;
  };
  std::set<std::string> reported;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto& path = order[i]->first;
    for (const auto& [r, problem] : problems[i]) {
      const std::string raw(texts_[order[i]->second.references[r]]);
      const std::string message = "broken link \"" + raw + "\": " + problem;

      // Where the link was written: the page's Markdown, a template, or only the output.
      if (const auto* page = page_of(path)) {
        const auto& p = *page->page;
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

void check_links(const Site& site, const Theme& theme, const SiteFiles& files, Diagnostics& diags) {
  LinkCheck check(site, theme);
  SitePaths paths;
  for (const auto& [path, text] : files) {
    check.scan(path, text);
    paths.insert(path);
  }
  check.report(paths, diags);
}

}  // namespace hyoka
