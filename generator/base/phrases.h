// Where a line may break in a table's headings and names. A browser breaks Japanese between
// any two characters (「復興の推/進」); with `word-break: keep-all` it breaks only at spaces and
// punctuation, and hyoka marks with <wbr> the other ends of phrases (文節) it can tell without
// a dictionary. A run of kanji stays whole: 「実施事業項目」 is one phrase.
#pragma once

#include <string_view>
#include <vector>

namespace hyoka {

// `text` cut where a phrase ends: after a particle (の, を, に, は, が, で, と, へ, や, も,
// から, まで, より, など, および, …) that comes before a word; where kanji, katakana and Latin
// letters meet (「ICT|人材育成」, 「データ|利活用」), unless the kanji side is one character
// (「デジタル化」, 「新システム」); after 「・」「、」「：」; before an opening bracket and after
// a closing one. Digits stay with what they touch (「2019年度」), and text in English is one
// piece (its spaces are where it breaks). The pieces, joined, are `text`.
std::vector<std::string_view> phrases(std::string_view text);

}  // namespace hyoka
