// A compiled template's tree, shared by the compiler (mustache_compile.cpp) and the renderer
// (mustache.cpp) only.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "render/mustache.h"

namespace hyoka::mustache {

struct Node {
  enum class Kind { text, variable, raw, section, inverted, partial };
  Kind kind = Kind::text;
  std::string text;            // literal text, or the name as written
  std::vector<Key> path;       // the name split at its dots ("." stays whole)
  std::vector<Node> children;  // of a section
  const Template* partial = nullptr;
  bool dot = false;        // the name is "."
  std::size_t offset = 0;  // of a tag, in its template's text
};

// Partials nested deeper than this render as nothing (a theme with a cycle of partials is
// refused by its checks before any page renders; this only keeps a mistake finite).
constexpr int kMaxPartialDepth = 64;

}  // namespace hyoka::mustache
