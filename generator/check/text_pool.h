// Every distinct text once, under a small id. The link check keeps the references and ids of
// every file, and most are the same few ("../../index.html", "main"): a page keeps ids.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hyoka {

class TextPool {
 public:
  using Id = std::uint32_t;

  // The id of `text`, added if it is new.
  Id intern(std::string_view text);
  // False when no text like it was interned.
  bool find(std::string_view text, Id& id) const;
  std::string_view operator[](Id id) const { return texts_[id]; }

 private:
  std::deque<std::string> texts_;                 // by id; a deque never moves them
  std::unordered_map<std::string_view, Id> ids_;  // views of texts_
};

}  // namespace hyoka
