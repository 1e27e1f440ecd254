// The destination folder and what hyoka keeps beside it: which folders may receive a site, and
// the lock that lets one build at a time write there.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace hyoka {

// The destination as a folder, absolute and with its links resolved: "out/" names the folder
// "out", and without the trailing separator its parent is right.
std::filesystem::path destination_folder(const std::string& destination);

// What hyoka keeps beside the destination `dest`, named after it: ".public<suffix>".
std::filesystem::path beside(const std::filesystem::path& dest, const char* suffix);

// Refuses (an error in `diags`, false) a destination that is, holds or lies inside any of
// `read`, the files and folders a build reads (as the user would name them), however either is
// spelled: the build replaces the destination as a whole, and would take the sources with it.
bool check_destination(const std::string& destination, const std::vector<std::string>& read,
                       Diagnostics& diags);

// An advisory lock on `.public.hyoka-lock` beside the destination, held from before the build
// reads the folders there until it ends; the kernel releases it when the process dies. Two
// builds into one folder at once would each swap in their own site and leave a mix.
class DestinationLock {
 public:
  DestinationLock() = default;
  DestinationLock(const DestinationLock&) = delete;
  DestinationLock& operator=(const DestinationLock&) = delete;
  ~DestinationLock();
  // False, with an error in `diags`, when another build holds it or it cannot be taken.
  bool acquire(const std::string& destination, Diagnostics& diags);

 private:
  int fd_ = -1;
};

}  // namespace hyoka
