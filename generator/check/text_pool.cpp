#include "check/text_pool.h"

#include <algorithm>
#include <cstring>
#include <functional>

namespace hyoka {

std::size_t TextPool::hash(std::string_view text) {
  return std::hash<std::string_view>{}(text);
}

std::size_t TextPool::slot_of(std::string_view text, std::size_t hash) const {
  const auto mask = slots_.size() - 1;
  for (auto i = hash & mask;; i = (i + 1) & mask) {
    const auto& slot = slots_[i];
    if (!slot.data || (slot.hash == hash && slot.size == text.size() &&
                       (text.empty() || std::memcmp(slot.data, text.data(), text.size()) == 0))) {
      return i;
    }
  }
}

TextPool::Id TextPool::intern(std::string_view text, std::size_t hash) {
  if ((texts_.size() + 1) * 2 > slots_.size()) grow();
  auto& slot = slots_[slot_of(text, hash)];
  if (slot.data) return slot.id;
  const auto id = static_cast<Id>(texts_.size());
  slot = {store(text), hash, static_cast<std::uint32_t>(text.size()), id};
  texts_.emplace_back(slot.data, text.size());
  return id;
}

bool TextPool::find(std::string_view text, Id& id) const {
  if (slots_.empty()) return false;
  const auto& slot = slots_[slot_of(text, hash(text))];
  if (!slot.data) return false;
  id = slot.id;
  return true;
}

const char* TextPool::store(std::string_view text) {
  static constexpr char empty = '\0';  // a slot's data is never null
  if (text.empty()) return &empty;
  if (text.size() > left_) {
    constexpr std::size_t kBlock = 64 * 1024;
    left_ = std::max(kBlock, text.size());
    blocks_.emplace_back(new char[left_]);
    next_ = blocks_.back().get();
  }
  char* copy = next_;
  std::memcpy(copy, text.data(), text.size());
  next_ += text.size();
  left_ -= text.size();
  return copy;
}

void TextPool::grow() {
  std::vector<Slot> old(std::max<std::size_t>(1024, slots_.size() * 2));
  old.swap(slots_);
  const auto mask = slots_.size() - 1;
  for (const auto& slot : old) {
    if (!slot.data) continue;
    auto i = slot.hash & mask;
    while (slots_[i].data) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace hyoka
