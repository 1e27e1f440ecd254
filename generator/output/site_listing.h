// What a folder of the site holds, for the writer to remove what a new build does not have.
// Reading every folder of a large site costs a build as much as its Markdown; so when a build
// finishes a folder it records what the folder holds, beside it, and the build after next
// reads only the folders that changed since: every change to a folder's entries (a file added,
// removed, renamed, replaced by a link) sets the folder's status-change time (ctime), which no
// program can set back, unlike the modification time that `touch` or `rsync -t` do set.
#pragma once

#include <ctime>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

namespace hyoka {

enum class EntryKind : unsigned char { file, folder, other };
// Paths below a folder, '/'-separated, each folder right before what it holds.
using Listing = std::vector<std::pair<std::string, EntryKind>>;

// Lists what the folder `root` holds into `out`. A folder below it that the record at
// `record_path` holds, and whose entries have not changed since the record was made, is taken
// from the record; every other folder is read. False when a folder could not be read whole,
// when the record disagrees with the disk, or when stopped.
bool list_site_folder(int root, const std::string& record_path, Listing& out,
                      const std::stop_token& stop);

// Records that the folder `root` holds `entries` (in any order), replacing the record at
// `record_path` but keeping what it says about the folder `keep` (the other site folder, -1
// for none). Made after the last change to `root`. False when it could not be written; a record
// left from before stays safe to read, since its folders changed since show as changed.
bool record_site_folder(int root, int keep, Listing entries, const std::string& record_path);

}  // namespace hyoka
