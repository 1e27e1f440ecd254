// Text widths estimated at build time, so labels can be wrapped and placed without a browser.
// The estimates are a little generous for Noto Sans CJK JP, the font the themes ask for; the
// browser tests measure the real glyphs and fail on any overlap.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hyoka {

double text_width(std::string_view text, double font_size);

// Breaks `text` into lines no wider than `max_width`: anywhere between Japanese characters,
// at spaces in Latin text, never before closing punctuation such as 、。）」.
std::vector<std::string> wrap_text(std::string_view text, double max_width, double font_size);

}  // namespace hyoka
