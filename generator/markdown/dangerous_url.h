// Addresses a page must not link to: cmark-gfm's safe mode (_scan_dangerous_url in its
// houdini/scanners) drops javascript:, vbscript:, file: and data: targets, except data: images
// in PNG, GIF, JPEG and WebP. hyoka renders Markdown in cmark's unsafe mode (to keep the HTML
// of block plugins), so it applies the same rule itself, after undoing what a browser ignores.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hyoka {

// The dangerous scheme of `url` as a browser would read it ("javascript:", "vbscript:",
// "file:" or "data:"), or nullopt for an address that is safe to link to. Letters in any case;
// leading spaces and control characters, and tabs and line breaks anywhere, do not hide it
// (the URL standard removes them before it reads the scheme).
std::optional<std::string> dangerous_scheme(std::string_view url);

}  // namespace hyoka
