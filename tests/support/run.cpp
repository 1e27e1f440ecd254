#include "support/run.h"

#include <sys/wait.h>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace fs = std::filesystem;

namespace hyoka::test {

TempDir::TempDir() {
  std::random_device random;
  path_ = fs::temp_directory_path() / ("hyoka-test-" + std::to_string(random()));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

std::map<std::string, std::string> read_tree(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    // Only the tree's own files: a link may lead to a device, a pipe would wait forever.
    if (!entry.is_symlink() && entry.is_regular_file()) {
      files[entry.path().lexically_relative(dir).generic_string()] = read_file(entry.path());
    }
  }
  return files;
}

void copy_minimal_site(const fs::path& dir) {
  const fs::path source = HYOKA_SOURCE_DIR;
  fs::copy(source / "tests/sites/minimal", dir, fs::copy_options::recursive);
  fs::copy(source / "themes", dir / "themes", fs::copy_options::recursive);
}

void copy_sample_site(const fs::path& dir) {
  const fs::path source = HYOKA_SOURCE_DIR;
  fs::create_directories(dir);
  fs::copy(source / "site.toml", dir / "site.toml");
  fs::copy(source / "content", dir / "content", fs::copy_options::recursive);
  fs::copy(source / "themes", dir / "themes", fs::copy_options::recursive);
}

RunResult run_hyoka(const std::string& arguments, const fs::path& working_dir,
                    const std::string& prefix) {
  TempDir capture;
  const auto out = capture.path() / "out";
  const auto err = capture.path() / "err";
  // A hyoka that hangs fails its test (exit 124) instead of stopping the suite.
  const std::string command = "cd '" + working_dir.string() + "' && " + prefix +
                              " timeout -k 5 120 '" HYOKA_BINARY "' " + arguments + " >'" +
                              out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

BuiltSite::BuiltSite(const std::filesystem::path& source) {
  run = run_hyoka("build -q --strict --source " + source.string() + " --destination " +
                      (dir.path() / "public").string(),
                  dir.path());
}

std::string BuiltSite::file(const std::string& relative) const {
  return read_file(dir.path() / "public" / relative);
}

bool BuiltSite::exists(const std::string& relative) const {
  return std::filesystem::exists(dir.path() / "public" / relative);
}

}  // namespace hyoka::test
