// CKAN's rule for tag names, which [open_data] keywords become on a portal: 2 to 100
// characters (MIN_TAG_LENGTH, MAX_TAG_LENGTH in ckan/model/tag.py), each a letter or digit of
// any script, '_', ' ', '-' or '.' (tag_length_validator and tag_name_validator in
// ckan/logic/validators.py, the same in CKAN 2.9 to 2.11). Kana and kanji pass; ・, a
// full-width space, （）and ／ do not.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hyoka {

// Why CKAN would refuse `tag`, or nullopt when it would take it.
std::optional<std::string> ckan_tag_problem(std::string_view tag);

}  // namespace hyoka
