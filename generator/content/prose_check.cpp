#include "content/prose_check.h"

#include <algorithm>
#include <optional>
#include <string>

#include "base/era.h"
#include "base/utf8.h"

namespace hyoka {

namespace {

struct Cursor {
  std::string_view text;
  std::size_t pos = 0;

  std::optional<char32_t> peek() const {
    if (pos >= text.size()) return std::nullopt;
    std::size_t p = pos;
    return utf8::next(text, p);
  }
  void advance() { utf8::next(text, pos); }
  bool take(std::string_view word) {
    if (text.substr(pos).starts_with(word)) {
      pos += word.size();
      return true;
    }
    return false;
  }
  void skip_spaces() {
    while (peek() == U' ' || peek() == U'　') advance();
  }
  // Half- or full-width digits; nullopt when none.
  std::optional<int> number() {
    std::optional<int> value;
    while (auto c = peek()) {
      const auto digit = utf8::digit_value(*c);
      if (!digit || value.value_or(0) > 99999) break;
      value = value.value_or(0) * 10 + *digit;
      advance();
    }
    return value;
  }
};

bool take_year_suffix(Cursor& c) {
  return c.take("年度") || c.take("年");
}

// Reads `令和３（２０２２）年度` or `令和3年度（2022年度）` from the era name on.
struct EraMention {
  std::string era;
  int era_year = 0;
  int western = 0;
};

std::optional<EraMention> read_mention(Cursor c, const std::string& era) {
  EraMention m{era, 0, 0};
  c.take(era);
  c.skip_spaces();
  if (c.take("元")) {
    m.era_year = 1;
  } else if (const auto n = c.number()) {
    m.era_year = *n;
  } else {
    return std::nullopt;
  }
  c.skip_spaces();
  take_year_suffix(c);
  if (!c.take("（") && !c.take("(")) return std::nullopt;
  c.skip_spaces();
  const std::size_t digits_start = c.pos;
  const auto western = c.number();
  if (!western || utf8::length(c.text.substr(digits_start, c.pos - digits_start)) != 4) {
    return std::nullopt;
  }
  m.western = *western;
  c.skip_spaces();
  take_year_suffix(c);
  if (!c.take("）") && !c.take(")")) return std::nullopt;
  return m;
}

bool is_code_fence(std::string_view line, std::string_view& fence) {
  std::size_t indent = 0;
  while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
  line.remove_prefix(indent);
  if (indent > 3 || line.size() < 3) return false;
  const char mark = line[0];
  if (mark != '`' && mark != '~') return false;
  std::size_t n = 0;
  while (n < line.size() && line[n] == mark) ++n;
  if (n < 3) return false;
  fence = line.substr(0, n);
  return true;
}

}  // namespace

void check_prose(const SourceText& source, int first_line, Diagnostics& diags) {
  std::string_view open_fence;
  for (int number = first_line; number <= source.line_count(); ++number) {
    const auto line = source.line(number);
    std::string_view fence;
    if (open_fence.empty() && is_code_fence(line, fence)) {
      open_fence = fence;
      continue;
    }
    if (!open_fence.empty()) {
      if (is_code_fence(line, fence) && fence[0] == open_fence[0] &&
          fence.size() >= open_fence.size()) {
        open_fence = {};
      }
      continue;
    }
    if (line == "#" || line.starts_with("# ")) {
      diags.warning(source, {number, 1},
                    "a level-1 heading in the page: the title is the page's one <h1>; start "
                    "headings with ##");
    }
    // Most lines name no era, or have no brackets for a Western year: a search or two each,
    // instead of a comparison at every character. Brackets first: the byte that begins an era
    // name begins most kanji, the one that begins a full-width bracket few characters.
    if (line.find('(') == std::string_view::npos && line.find("（") == std::string_view::npos) {
      continue;
    }
    const auto& eras = era_names();
    if (std::none_of(eras.begin(), eras.end(), [&](const std::string& era) {
          return line.find(era) != std::string_view::npos;
        })) {
      continue;
    }
    Cursor c{line, 0};
    bool in_code_span = false;
    while (c.pos < line.size()) {
      if (line[c.pos] == '`') in_code_span = !in_code_span;
      if (!in_code_span) {
        for (const auto& era : era_names()) {
          if (!line.substr(c.pos).starts_with(era)) continue;
          const auto m = read_mention(c, era);
          if (!m) continue;
          const auto expected = to_western(m->era, m->era_year);
          if (expected && *expected != m->western) {
            const std::string year = m->era_year == 1 ? "元" : std::to_string(m->era_year);
            diags.warning(source,
                          {number, static_cast<int>(utf8::length(line.substr(0, c.pos))) + 1},
                          "era year and Western year disagree: " + m->era + year + "年 is " +
                              std::to_string(*expected) + ", but the brackets say " +
                              std::to_string(m->western));
          }
        }
      }
      c.advance();
    }
  }
}

}  // namespace hyoka
