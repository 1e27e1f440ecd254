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

std::vector<std::string> wrap_text(std::string_view text, double max_width, double font_size) {
  // Split into unbreakable pieces: a Latin word, or one Japanese character with any closing
  // punctuation that must stay with it.
  std::vector<std::string> pieces;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::string piece;
    std::size_t start = pos;
    const auto first = utf8::next(text, pos).value_or(U'?');
    piece.assign(text.substr(start, pos - start));
    if (is_latin(first)) {
      while (pos < text.size()) {
        std::size_t next = pos;
        const auto c = utf8::next(text, next).value_or(U'?');
        if (!is_latin(c)) break;
        piece.append(text.substr(pos, next - pos));
        pos = next;
      }
    }
    while (pos < text.size()) {
      std::size_t next = pos;
      const auto c = utf8::next(text, next).value_or(U'?');
      if (!no_break_before(c) && c != U' ') break;
      piece.append(text.substr(pos, next - pos));
      pos = next;
    }
    // An opening bracket stays with what follows it.
    if (!pieces.empty() && !pieces.back().empty()) {
      std::size_t q = 0;
      std::optional<char32_t> previous_last;
      while (q < pieces.back().size()) previous_last = utf8::next(pieces.back(), q);
      if (previous_last && no_break_after(*previous_last)) {
        pieces.back() += piece;
        continue;
      }
    }
    pieces.push_back(piece);
  }
  std::vector<std::string> lines;
  std::string line;
  for (const auto& piece : pieces) {
    if (!line.empty() && text_width(line + piece, font_size) > max_width) {
      while (!line.empty() && line.back() == ' ') line.pop_back();
      lines.push_back(line);
      line.clear();
      if (piece == " ") continue;
    }
    line += piece;
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

}  // namespace hyoka
