#include "base/version.h"

namespace hyoka {

std::string_view version() {
  return HYOKA_VERSION;
}

std::string_view releases_repository() {
  return HYOKA_REPOSITORY;
}

}  // namespace hyoka
