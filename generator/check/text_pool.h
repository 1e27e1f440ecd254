// Every distinct text once, under a small id. The link check keeps the references and ids of
// every file, and most are the same few ("../../index.html", "main"): a page keeps ids, and a
// lookup reads one slot of a flat table and then the text, which stays where it was put.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace hyoka {

class TextPool {
 public:
  using Id = std::uint32_t;

  static std::size_t hash(std::string_view text);
  // The id of `text` (whose hash() is `hash`), added if it is new.
  Id intern(std::string_view text, std::size_t hash);
  // False when no text like it was interned.
  bool find(std::string_view text, Id& id) const;
  std::string_view operator[](Id id) const { return texts_[id]; }

 private:
  struct Slot {
    const char* data = nullptr;  // null: empty
    std::size_t hash = 0;
    std::uint32_t size = 0;
    Id id = 0;
  };
  // Where `text` is, or the empty slot where it would go.
  std::size_t slot_of(std::string_view text, std::size_t hash) const;
  const char* store(std::string_view text);
  void grow();

  std::vector<Slot> slots_;              // a power of two, at most half of them full
  std::vector<std::string_view> texts_;  // by id
  // The texts themselves, in blocks that never move.
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

}  // namespace hyoka
