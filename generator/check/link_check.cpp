#include "check/link_check.h"

#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_set>

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

bool is_ascii_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// What \s and \b mean in the patterns these scanners replaced, in the "C" locale.
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool is_word(char c) {
  return is_ascii_letter(c) || is_digit(c) || c == '_';
}

// A URL scheme (`https:`, `mailto:`) at the start of a reference.
bool has_scheme(const std::string& ref) {
  if (ref.empty() || !is_ascii_letter(ref[0])) return false;
  for (std::size_t i = 1; i < ref.size(); ++i) {
    const char c = ref[i];
    if (c == ':') return true;
    if (!is_ascii_letter(c) && !is_digit(c) && c != '+' && c != '.' && c != '-') return false;
  }
  return false;
}

// The value of `name="value"` when it starts at `at`; `end` is then past its closing quote.
std::optional<std::string_view> quoted_attribute(std::string_view text, std::size_t at,
                                                 std::string_view name, std::size_t& end) {
  if (text.substr(at, name.size()) != name || text.substr(at + name.size(), 2) != "=\"") {
    return std::nullopt;
  }
  const auto open = at + name.size() + 2;
  const auto close = text.find('"', open);
  if (close == std::string_view::npos) return std::nullopt;
  end = close + 1;
  return text.substr(open, close - open);
}

// The first ` href="…"` or ` src="…"` inside the tag whose name ends at `from`, before any '>'.
std::optional<std::string_view> link_attribute(std::string_view text, std::size_t from,
                                               std::size_t& end) {
  for (auto at = from; at < text.size() && text[at] != '>'; ++at) {
    if (!is_space(text[at])) continue;
    for (const std::string_view name : {"href", "src"}) {
      if (const auto value = quoted_attribute(text, at + 1, name, end)) return value;
    }
  }
  return std::nullopt;
}

// `href` and `src` of the tags that load or lead somewhere: <a>, <link>, <img>, <script>,
// <source>, <iframe>.
std::vector<std::string> html_references(std::string_view text) {
  static const std::string_view tags[] = {"a", "link", "img", "script", "source", "iframe"};
  std::vector<std::string> out;
  for (auto lt = text.find('<'); lt != std::string_view::npos; lt = text.find('<', lt + 1)) {
    for (const auto tag : tags) {
      const auto name_end = lt + 1 + tag.size();
      if (text.substr(lt + 1, tag.size()) != tag) continue;
      if (name_end < text.size() && is_word(text[name_end])) continue;
      std::size_t end = 0;
      if (const auto value = link_attribute(text, name_end, end)) {
        out.push_back(decode_entities(std::string(*value)));
        lt = end - 1;
      }
      break;
    }
  }
  return out;
}

// The end of `['"]?\s*\)` at `at`, if it matches there.
std::optional<std::size_t> url_close(std::string_view text, std::size_t at) {
  const auto after_spaces = [&](std::size_t i) -> std::optional<std::size_t> {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i < text.size() && text[i] == ')') return i + 1;
    return std::nullopt;
  };
  if (at < text.size() && (text[at] == '\'' || text[at] == '"')) {
    if (const auto end = after_spaces(at + 1)) return end;
  }
  return after_spaces(at);
}

// CSS `url( 'x' )` references: the shortest run of characters other than quotes and ')'
// after optional spaces and an optional quote, before an optional quote, spaces and ')'.
std::vector<std::string> css_references(std::string_view text) {
  const auto excluded = [](char c) { return c == '\'' || c == '"' || c == ')'; };
  std::vector<std::string> out;
  for (auto at = text.find("url("); at != std::string_view::npos; at = text.find("url(", at)) {
    const auto open = at + 4;
    auto spaces_end = open;
    while (spaces_end < text.size() && is_space(text[spaces_end])) ++spaces_end;
    std::optional<std::size_t> match_end;
    std::size_t value_start = 0, value_end = 0;
    // Backtracking in the order the pattern would: most leading spaces first, quote first.
    for (auto lead = spaces_end + 1; lead-- > open && !match_end;) {
      const bool quoted = lead < text.size() && (text[lead] == '\'' || text[lead] == '"');
      for (const bool take_quote : {true, false}) {
        if (take_quote && !quoted) continue;
        const auto start = lead + (take_quote ? 1 : 0);
        for (auto stop = start; stop < text.size() && !excluded(text[stop]);) {
          ++stop;
          if ((match_end = url_close(text, stop))) {
            value_start = start;
            value_end = stop;
            break;
          }
        }
        if (match_end) break;
      }
    }
    if (match_end) {
      out.emplace_back(text.substr(value_start, value_end - value_start));
      at = *match_end;
    } else {
      at += 1;
    }
  }
  return out;
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

std::vector<std::string> references_in(const std::string& path, std::string_view text) {
  std::vector<std::string> out;
  if (path.ends_with(".html")) return html_references(text);
  if (path.ends_with(".css")) return css_references(text);
  return out;
}

std::set<std::string> ids_in(std::string_view text) {
  std::set<std::string> ids;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (!is_space(text[at])) continue;
    std::size_t end = 0;
    if (const auto value = quoted_attribute(text, at + 1, "id", end)) {
      ids.insert(decode_entities(std::string(*value)));
      at = end - 1;
    }
  }
  return ids;
}

}  // namespace

LinkCheck::LinkCheck(const Site& site, const Theme& theme) : site_(site), theme_(theme) {}

void LinkCheck::scan(const std::string& path, std::string_view text) {
  if (!path.ends_with(".html") && !path.ends_with(".css")) return;
  auto references = references_in(path, text);
  std::set<std::string> ids;
  if (path.ends_with(".html")) ids = ids_in(text);
  const std::lock_guard lock(mutex_);
  auto& list = references_[path];
  for (auto& reference : references) list.push_back(&*pool_.insert(std::move(reference)).first);
  if (!ids.empty()) ids_[path] = std::move(ids);
}

void LinkCheck::forget(const std::string& path) {
  const std::lock_guard lock(mutex_);
  references_.erase(path);
  ids_.erase(path);
}

void LinkCheck::report(const SitePaths& files, Diagnostics& diags, const std::string* only) const {
  const auto& site = site_;
  const auto& theme = theme_;
  const auto& base = site.config.base_url;
  const auto host_end = base.find('/', base.find("//") + 2);
  const std::string base_path = host_end == std::string::npos ? "/" : base.substr(host_end);
  const auto ids_of = [&](const std::string& file) -> const std::set<std::string>& {
    static const std::set<std::string> none;
    const auto it = ids_.find(file);
    return it == ids_.end() ? none : it->second;
  };
  // Where each page's Markdown links are written, by output path; for one file, found by a
  // walk instead of a map of every page (the preview asks after each edit).
  std::map<std::string, const SitePage*> pages = {{site.home.output_path, &site.home}};
  if (only) {
    for (const auto& area : site.areas) {
      if (area.output_path == *only) pages[area.output_path] = &area;
    }
  } else {
    for (const auto& area : site.areas) pages[area.output_path] = &area;
  }

  std::set<std::string> reported;
  const auto check_file = [&](const std::string& path,
                              const std::vector<const std::string*>& references) {
    const auto folder = path.substr(0, path.rfind('/') + 1);
    for (const auto* reference : references) {
      const std::string& raw = *reference;
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
          } else if (!fragment.empty() && file.ends_with(".html") &&
                     !ids_of(file).count(fragment)) {
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
  };
  if (only) {
    if (const auto it = references_.find(*only); it != references_.end()) {
      check_file(it->first, it->second);
    }
    return;
  }
  for (const auto& [path, references] : references_) check_file(path, references);
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
