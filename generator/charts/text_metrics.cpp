#include "charts/text_metrics.h"

#include "base/utf8.h"

namespace hyoka {

namespace {

double advance(char32_t c) {
  if (c >= 0x1100 && !(c >= 0xFF61 && c <= 0xFFDC)) return 1.0;  // Japanese, full-width forms
  if (c == U' ') return 0.28;
  if (c >= U'0' && c <= U'9') return 0.6;
  if (c == U'%') return 0.9;
  if (c == U'.' || c == U',' || c == U':' || c == U'(' || c == U')') return 0.35;
  if (c >= U'A' && c <= U'Z') return c == U'M' || c == U'W' ? 0.95 : 0.72;
  if (c == U'm' || c == U'w') return 0.9;
  if (c >= 0xFF61 && c <= 0xFF9F) return 0.55;  // half-width katakana
  return 0.62;
}

bool no_break_before(char32_t c) {
  static const std::u32string closers = U"、。，．）」』】〕〉》・ー？！％%)],.:;";
  return closers.find(c) != std::u32string::npos;
}

bool no_break_after(char32_t c) {
  static const std::u32string openers = U"（「『【〔〈《([";
  return openers.find(c) != std::u32string::npos;
}

bool is_latin(char32_t c) {
  return c < 0x1100 && c != U' ';
}

}  // namespace

double text_width(std::string_view text, double font_size) {
  double em = 0;
  std::size_t pos = 0;
  while (pos < text.size()) em += advance(utf8::next(text, pos).value_or(U'?'));
  return em * font_size;
}

namespace {

struct Glyph {
  std::size_t begin;  // byte offset in the text
  char32_t c;
  bool starts_piece;
};

// Advances of glyphs [first, last) added one at a time onto `em`, in the order text_width
// adds them, so a width grown piece by piece is bit for bit the width measured whole.
double add_advances(double em, const std::vector<Glyph>& glyphs, std::size_t first,
                    std::size_t last) {
  for (std::size_t i = first; i < last; ++i) em += advance(glyphs[i].c);
  return em;
}

std::string without_trailing_spaces(std::string_view line) {
  while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
  return std::string(line);
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, double max_width, double font_size) {
  // Sums of advances never shrink as a line grows, so text that fits whole never breaks.
  if (text_width(text, font_size) <= max_width) return {without_trailing_spaces(text)};
  std::vector<Glyph> glyphs;
  glyphs.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    glyphs.push_back({begin, utf8::next(text, pos).value_or(U'?'), false});
  }
  const std::size_t count = glyphs.size();
  const auto end_of = [&](std::size_t last) {
    return last < count ? glyphs[last].begin : text.size();
  };
  // Split into unbreakable pieces: a Latin word, or one Japanese character with any closing
  // punctuation that must stay with it; an opening bracket stays with what follows it.
  for (std::size_t i = 0; i < count;) {
    const std::size_t start = i;
    if (is_latin(glyphs[i++].c)) {
      while (i < count && is_latin(glyphs[i].c)) ++i;
    }
    while (i < count && (no_break_before(glyphs[i].c) || glyphs[i].c == U' ')) ++i;
    glyphs[start].starts_piece = start == 0 || !no_break_after(glyphs[start - 1].c);
  }
  // Pieces are contiguous, so a line is a range of the text and its width grows by each
  // piece's advances rather than being measured again from the line's start.
  std::vector<std::string> lines;
  bool open = false;  // the line holds at least one piece
  std::size_t line_begin = 0, line_end = 0;
  double em = 0;
  for (std::size_t first = 0, last = 0; first < count; first = last) {
    last = first + 1;
    while (last < count && !glyphs[last].starts_piece) ++last;
    if (open) {
      const double widened = add_advances(em, glyphs, first, last);
      if (!(widened * font_size > max_width)) {
        em = widened;
        line_end = end_of(last);
        continue;
      }
      lines.push_back(without_trailing_spaces(text.substr(line_begin, line_end - line_begin)));
      open = false;
      if (last - first == 1 && glyphs[first].c == U' ') continue;  // no line starts with it
    }
    open = true;
    em = add_advances(0, glyphs, first, last);
    line_begin = glyphs[first].begin;
    line_end = end_of(last);
  }
  auto line = open ? without_trailing_spaces(text.substr(line_begin, line_end - line_begin)) : "";
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

}  // namespace hyoka
