#include "base/phrases.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string_view>

#include "base/utf8.h"

namespace hyoka {
namespace {

enum class Kind { kanji, hiragana, katakana, latin, digit, opening, closing, pause, other };

constexpr std::u32string_view kOpening = U"（［｛「『【〈《〔〖〘｟";
constexpr std::u32string_view kClosing = U"）］｝」』】〉》〕〗〙｠";
// Marks after which Japanese breaks a line: the middle dot, commas, the colon, the full stop.
constexpr std::u32string_view kPauses = U"・、，：。";

Kind kind_of(char32_t c) {
  if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) || c == U'々' || c == U'〆' ||
      c == U'ヵ' || c == U'ヶ') {
    return Kind::kanji;
  }
  if (c >= 0x3041 && c <= 0x309F) return Kind::hiragana;
  if ((c >= 0x30A1 && c <= 0x30FA) || c == U'ー' || c == U'ヽ' || c == U'ヾ' ||
      (c >= 0xFF66 && c <= 0xFF9F)) {
    return Kind::katakana;
  }
  if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z') || (c >= U'Ａ' && c <= U'Ｚ') ||
      (c >= U'ａ' && c <= U'ｚ')) {
    return Kind::latin;
  }
  if ((c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９')) return Kind::digit;
  if (kOpening.find(c) != std::u32string_view::npos) return Kind::opening;
  if (kClosing.find(c) != std::u32string_view::npos) return Kind::closing;
  if (kPauses.find(c) != std::u32string_view::npos) return Kind::pause;
  return Kind::other;
}

// Runs of hiragana that end a phrase when a word follows: case particles, compound particles
// and the conjunctions of headings. Okurigana are not among them: 「計画通り実施」 stays whole.
constexpr std::u32string_view kParticles[] = {
    U"の",   U"を",   U"に",   U"は",   U"が",     U"で",       U"と",     U"へ",      U"や",
    U"も",   U"から", U"まで", U"より", U"など",   U"への",     U"での",   U"との",    U"には",
    U"では", U"とは", U"にも", U"でも", U"および", U"ならびに", U"または", U"における"};

bool is_word(Kind k) {
  return k == Kind::kanji || k == Kind::katakana || k == Kind::latin;
}

}  // namespace

std::vector<std::string_view> phrases(std::string_view text) {
  struct Char {
    std::size_t begin;
    char32_t c;
    Kind kind;
  };
  std::vector<Char> chars;
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t begin = pos;
    const char32_t c = utf8::next(text, pos).value_or(U'\uFFFD');
    chars.push_back({begin, c, kind_of(c)});
  }
  // The length of the run of `kind` that holds chars[i], from i in direction `step`.
  const auto run = [&](std::size_t i, int step) {
    std::size_t n = 0;
    for (auto j = static_cast<std::ptrdiff_t>(i);
         j >= 0 && j < static_cast<std::ptrdiff_t>(chars.size()) &&
         chars[static_cast<std::size_t>(j)].kind == chars[i].kind;
         j += step) {
      ++n;
    }
    return n;
  };
  const auto ends_phrase = [&](std::size_t i) {  // whether a phrase may end before chars[i]
    const Kind before = chars[i - 1].kind, after = chars[i].kind;
    if (before == Kind::pause) return after != Kind::pause && after != Kind::closing;
    if (after == Kind::opening) return before != Kind::opening;
    if (before == Kind::closing) return is_word(after) || after == Kind::digit;
    if (before == Kind::hiragana && is_word(after)) {
      const std::size_t length = run(i - 1, -1);
      std::u32string particle;
      for (std::size_t j = i - length; j < i; ++j) particle += chars[j].c;
      return std::find(std::begin(kParticles), std::end(kParticles), particle) !=
             std::end(kParticles);
    }
    if (is_word(before) && is_word(after) && before != after) {
      // A single kanji beside katakana or Latin letters is a prefix or a suffix: 「データ化」.
      if (before == Kind::kanji) return run(i - 1, -1) >= 2;
      if (after == Kind::kanji) return run(i, 1) >= 2;
      return true;
    }
    return false;
  };
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 1; i < chars.size(); ++i) {
    if (!ends_phrase(i)) continue;
    out.push_back(text.substr(start, chars[i].begin - start));
    start = chars[i].begin;
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

}  // namespace hyoka
