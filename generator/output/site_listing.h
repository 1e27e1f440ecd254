// What a folder of the site holds, for the writer to remove what a new build does not have.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace hyoka {

enum class EntryKind : unsigned char { file, folder, other };
// Paths below a folder, '/'-separated, each folder right before what it holds.
using Listing = std::vector<std::pair<std::string, EntryKind>>;

// Lists what the folder `root` holds into `out`, every folder below it read with getdents64,
// on `jobs` threads (0: one per core). False when a folder could not be read whole.
bool list_site_folder(int root, Listing& out, unsigned jobs = 0);

}  // namespace hyoka
