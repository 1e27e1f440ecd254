// A portal's answer body → JSON, within the limits that hold against a hostile portal
// (README, "Publish to a CKAN portal"): at most kMaxAnswerBytes, arrays and objects nested at
// most kMaxAnswerDepth deep. nlohmann parses iteratively, but copies, compares and prints
// recursively: a 200,000-deep answer overflowed the stack in a copy. So the depth is measured
// on the bytes, before anything is parsed.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/file_system.h"

namespace hyoka {

// CKAN's deepest answers (a ckanext-scheming schema with choices in repeating subfields) nest
// about ten deep.
constexpr int kMaxAnswerDepth = 64;

// Whether arrays and objects in `body` nest deeper than `limit`, counting only the brackets
// outside strings; whether `body` is JSON at all is left to the parser.
bool nested_deeper_than(std::string_view body, int limit);

// The answer, or why it cannot be read: too large, too deep, or (an empty reason) not JSON.
Result<nlohmann::json> parse_answer(std::string_view body);

}  // namespace hyoka
