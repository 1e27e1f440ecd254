// The same context for mstch and hyoka's engine: a mustache::Value (with its lazy lists, views
// and borrowed values) copied into an mstch::node, for the differential tests that hold the
// engine to mstch (tests/unit/mstch_differential_test.cpp, tests/fuzz/template_fuzz.cpp).
#pragma once

#include <mstch/mstch.hpp>

#include <string>

#include "base/escape.h"
#include "render/mustache.h"

namespace hyoka::test {

inline mstch::node to_mstch(const mustache::Value& value) {
  if (const auto text = value.text()) return std::string(*text);
  if (const auto* flag = value.flag()) return *flag;
  if (const auto* list = value.list()) {
    mstch::array out;
    for (const auto& item : *list) out.push_back(to_mstch(item));
    return out;
  }
  if (const auto* lazy = value.lazy()) {
    mstch::array out;
    for (std::size_t i = 0; i < lazy->size; ++i) out.push_back(to_mstch(lazy->item(i)));
    return out;
  }
  if (const auto* map = value.map()) {
    mstch::map out;
    // The first of a name wins, as in hyoka's lookup.
    for (const auto& [key, item] : *map) out.emplace(key.str(), to_mstch(item));
    return out;
  }
  return nullptr;
}

// The one way the engines differ on purpose: mstch escapes ' and / as well (&#39; and
// &#x2F;), hyoka only & < > " (base/escape.h: so that URLs stay readable). The differential
// tests give mstch hyoka's escaping; everything else is mstch's own.
inline void give_mstch_hyokas_escaping() {
  mstch::config::escape = [](const std::string& text) { return escape_markup(text); };
}

}  // namespace hyoka::test
