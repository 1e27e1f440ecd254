#include "check/scan_text.h"

#include <cstring>
#include <optional>

namespace hyoka {

namespace {

constexpr auto npos = std::string_view::npos;

// memchr, which the library's find(char) may not be.
std::size_t find_char(std::string_view text, char c, std::size_t from) {
  if (from >= text.size()) return npos;
  const void* at = std::memchr(text.data() + from, c, text.size() - from);
  return at ? static_cast<std::size_t>(static_cast<const char*>(at) - text.data()) : npos;
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

// An attribute value as it reads once the escaper's five character references are decoded.
// One pass decodes what five passes of replace-all did, one reference after the other: a
// reference holds a single '&' and ends at its ';', so two never overlap, and the '&' that
// "&amp;" leaves was never read again.
TextSpans::Span value_span(std::string_view text, std::size_t begin, std::size_t size,
                           TextSpans& out) {
  const auto value = text.substr(begin, size);
  if (value.find('&') == npos) return {begin, size, false};
  static constexpr std::pair<std::string_view, char> entities[] = {
      {"&quot;", '"'}, {"&#39;", '\''}, {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}};
  const auto start = out.decoded.size();
  for (std::size_t i = 0; i < value.size();) {
    bool replaced = false;
    if (value[i] == '&') {
      for (const auto& [entity, plain] : entities) {
        if (value.compare(i, entity.size(), entity) == 0) {
          out.decoded += plain;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out.decoded += value[i++];
  }
  return {start, out.decoded.size() - start, true};
}

// Where the value of `name="value"` starts when the attribute starts at `at`.
std::optional<std::size_t> attribute_value(std::string_view text, std::size_t at,
                                           std::string_view name) {
  if (text.compare(at, name.size(), name) != 0 || text.compare(at + name.size(), 2, "=\"") != 0) {
    return std::nullopt;
  }
  return at + name.size() + 2;
}

// The end of the name of <a>, <link>, <img>, <script>, <source> or <iframe> when one starts at
// `at`; most tags fail on their first letter.
std::size_t link_tag_end(std::string_view text, std::size_t at) {
  static constexpr std::string_view tags[] = {"a", "link", "img", "script", "source", "iframe"};
  if (at >= text.size()) return npos;
  const char first = text[at];
  if (first != 'a' && first != 'l' && first != 'i' && first != 's') return npos;
  for (const auto tag : tags) {
    if (tag[0] != first || text.compare(at, tag.size(), tag) != 0) continue;
    const auto end = at + tag.size();
    if (end < text.size() && is_word(text[end])) continue;
    return end;
  }
  return npos;
}

// The first ` href="…"` or ` src="…"` inside the tag whose name ends at `from`, before any '>';
// `end` is then past its closing quote.
bool link_attribute(std::string_view text, std::size_t from, std::size_t& end, TextSpans& out) {
  for (auto at = from; at < text.size() && text[at] != '>'; ++at) {
    if (!is_space(text[at])) continue;
    for (const std::string_view name : {"href", "src"}) {
      const auto open = attribute_value(text, at + 1, name);
      if (!open) continue;
      const auto close = find_char(text, '"', *open);
      if (close == npos) continue;
      out.references.push_back(value_span(text, *open, close - *open, out));
      end = close + 1;
      return true;
    }
  }
  return false;
}

void html_references(std::string_view text, TextSpans& out) {
  for (auto lt = find_char(text, '<', 0); lt != npos; lt = find_char(text, '<', lt + 1)) {
    const auto name_end = link_tag_end(text, lt + 1);
    if (name_end == npos) continue;
    std::size_t end = 0;
    if (link_attribute(text, name_end, end, out)) lt = end - 1;
  }
}

// Every ` id="…"`, found by its '=': a page has few of those, and memchr skips the rest.
void html_ids(std::string_view text, TextSpans& out) {
  for (auto eq = find_char(text, '=', 0); eq != npos; eq = find_char(text, '=', eq + 1)) {
    if (eq < 3 || eq + 1 >= text.size() || text[eq + 1] != '"' || text[eq - 1] != 'd' ||
        text[eq - 2] != 'i' || !is_space(text[eq - 3])) {
      continue;
    }
    const auto open = eq + 2;
    const auto close = find_char(text, '"', open);
    // Without a closing quote no later value has one either.
    if (close == npos) return;
    out.ids.push_back(value_span(text, open, close - open, out));
    eq = close;
  }
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

}  // namespace

void scan_html(std::string_view text, TextSpans& out) {
  html_references(text, out);
  html_ids(text, out);
}

// CSS `url( 'x' )` references: the shortest run of characters other than quotes and ')'
// after optional spaces and an optional quote, before an optional quote, spaces and ')'.
void scan_css(std::string_view text, TextSpans& out) {
  const auto excluded = [](char c) { return c == '\'' || c == '"' || c == ')'; };
  for (auto at = text.find("url("); at != npos; at = text.find("url(", at)) {
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
      out.references.push_back({value_start, value_end - value_start, false});
      at = *match_end;
    } else {
      at += 1;
    }
  }
}

}  // namespace hyoka
