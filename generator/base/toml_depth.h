// toml++ reads a dotted key or a table header (`a.a.a…`, `[t.t.t…]`) of any length by
// recursion, and about 40,000 levels overflow the stack: such text is refused before the
// parser sees it. No real file needs more than a handful of levels.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace hyoka {

// Keys, tables, arrays and inline tables nested in one another, counted together.
inline constexpr int kMaxTomlDepth = 64;

// The byte offset where `text` first nests deeper than `limit`, or nullopt. Text that is not
// TOML is passed over as well as can be; the parser reports it.
std::optional<std::size_t> find_too_deep(std::string_view text, int limit = kMaxTomlDepth);

}  // namespace hyoka
