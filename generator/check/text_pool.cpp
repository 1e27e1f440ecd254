#include "check/text_pool.h"

namespace hyoka {

TextPool::Id TextPool::intern(std::string_view text) {
  if (const auto it = ids_.find(text); it != ids_.end()) return it->second;
  const auto id = static_cast<Id>(texts_.size());
  ids_.emplace(texts_.emplace_back(text), id);
  return id;
}

bool TextPool::find(std::string_view text, Id& id) const {
  const auto it = ids_.find(text);
  if (it == ids_.end()) return false;
  id = it->second;
  return true;
}

}  // namespace hyoka
