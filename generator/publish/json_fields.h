// Reading a portal's JSON without trusting its shape: a field that is missing or of another
// type reads as empty, never as an exception.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace hyoka {

inline std::string text_of(const nlohmann::json& object, const char* key) {
  return object.is_object() && object.contains(key) && object[key].is_string()
             ? object[key].get<std::string>()
             : "";
}

inline const nlohmann::json& list_of(const nlohmann::json& object, const char* key) {
  static const nlohmann::json empty = nlohmann::json::array();
  return object.is_object() && object.contains(key) && object[key].is_array() ? object[key] : empty;
}

}  // namespace hyoka
