// Runs the hyoka binary for end-to-end tests and reads what it left behind.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace hyoka::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `hyoka <arguments>` in `working_dir` through the shell; `prefix` goes before the
// binary (environment variables, `setpriv ...`).
RunResult run_hyoka(const std::string& arguments, const std::filesystem::path& working_dir,
                    const std::string& prefix = "");

// A fresh empty folder under the system's temporary folder, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& path);

// A test site built with `build -q --strict` into a temporary folder of its own.
struct BuiltSite {
  TempDir dir;
  RunResult run;
  explicit BuiltSite(const std::filesystem::path& source);
  // A file of the built site, by its path below public/.
  std::string file(const std::string& relative) const;
  bool exists(const std::string& relative) const;
};
void write_file(const std::filesystem::path& path, const std::string& text);
// Every file below `dir` (relative path → bytes), to compare whole trees; links are left out.
std::map<std::string, std::string> read_tree(const std::filesystem::path& dir);
// Copies the sample site (site.toml, content/, themes/) into `dir`.
void copy_sample_site(const std::filesystem::path& dir);
// Copies the small valid site of tests/sites/minimal/ and the repository's themes into `dir`.
void copy_minimal_site(const std::filesystem::path& dir);

}  // namespace hyoka::test
