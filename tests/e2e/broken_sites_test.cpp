// Every folder in tests/broken_sites/ breaks one thing in the small valid site in
// tests/sites/minimal/: its files under site/ replace or add to that site's files, and
// remove.txt lists files to delete first. `hyoka build` must exit 1, print exactly expected.txt,
// and leave the public/ folder of the last good build as it was.
//
// faults.txt brings in what a folder of files cannot hold, one per line:
//   symlink <link> <target>   a symbolic link in the site (loops, links out)
//   fifo <path>               a named pipe in the site
//   large <path> <bytes>      a file of so many bytes ('#' lines, valid UTF-8)
//   name <path>               a file whose name holds \n, \t or \xNN, written so here
//   unreadable <path>         a file hyoka may not read (mode 000)
//   unwritable-destination    the folder that holds public/ may not be written (mode 555)
//   disk-full-after <bytes>   the disk fills up after so many bytes (tests/support/disk_full.c)
//   env <NAME>=<value>        a variable in hyoka's environment
// Permissions do not stop root: as root, hyoka then runs as nobody (setpriv).
// args.txt, when there, replaces `--destination public` on the command line. The site's own
// files must be as they were after the build, too.
//
// HYOKA_UPDATE_EXPECTED=1 rewrites expected.txt from what hyoka prints; read the diff.
#define BOOST_TEST_MODULE broken_sites
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;

namespace {

const fs::path kRoot = HYOKA_SOURCE_DIR;

void make_site(const fs::path& fixture, const fs::path& dir) {
  copy_minimal_site(dir);
  if (fs::exists(fixture / "remove.txt")) {
    std::istringstream lines(read_file(fixture / "remove.txt"));
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) fs::remove_all(dir / line);
    }
  }
  if (fs::exists(fixture / "site")) {
    fs::copy(fixture / "site", dir,
             fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
}

// `\n`, `\t` and `\xNN` in a fault's path, for names a repository cannot hold.
std::string unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
    } else if (text[i + 1] == 'n') {
      out += '\n', ++i;
    } else if (text[i + 1] == 't') {
      out += '\t', ++i;
    } else if (text[i + 1] == 'x' && i + 3 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 2, 2), nullptr, 16));
      i += 3;
    }
  }
  return out;
}

// Applies faults.txt to the site in `dir` and to `top` (the folder holding public/); returns
// what goes before the hyoka binary on the command line.
std::string apply_faults(const fs::path& fixture, const fs::path& dir, const fs::path& top) {
  if (!fs::exists(fixture / "faults.txt")) return "";
  std::string prefix;
  bool needs_permissions = false;
  std::istringstream lines(read_file(fixture / "faults.txt"));
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string fault, a, b;
    words >> fault >> a >> b;
    if (fault == "symlink") {
      fs::create_symlink(b, dir / a);
    } else if (fault == "fifo") {
      BOOST_REQUIRE(::mkfifo((dir / a).c_str(), 0644) == 0);
    } else if (fault == "large") {
      std::string text;
      const auto bytes = std::stoul(b);
      while (text.size() < bytes) text += "# " + std::string(77, 'x') + '\n';
      text.resize(bytes);
      write_file(dir / a, text);
    } else if (fault == "name") {
      write_file(dir / unescape(a), "");
    } else if (fault == "env") {
      prefix += a + " ";
    } else if (fault == "unreadable") {
      fs::permissions(dir / a, fs::perms::none);
      needs_permissions = true;
    } else if (fault == "unwritable-destination") {
      fs::permissions(top, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                               fs::perms::group_exec | fs::perms::others_read |
                               fs::perms::others_exec);
      needs_permissions = true;
    } else if (fault == "disk-full-after") {
      // ASan must come first among the libraries; with a preloaded one it cannot.
      prefix += "LD_PRELOAD='" HYOKA_DISK_FULL_LIBRARY "' HYOKA_TEST_DISK_BYTES=" + a +
                " ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=1 ";
    } else if (!fault.empty()) {
      BOOST_FAIL("unknown fault in " << fixture << ": " << line);
    }
  }
  if (needs_permissions && ::geteuid() == 0) {
    prefix += "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  return prefix;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_minimal_site_builds_cleanly) {
  TempDir dir;
  make_site("", dir.path());
  const auto run = run_hyoka("build -q", dir.path());
  BOOST_TEST(run.exit_code == 0);
  BOOST_TEST(run.err == "");
}

BOOST_AUTO_TEST_CASE(every_broken_site_fails_with_its_exact_message_and_keeps_public) {
  std::vector<fs::path> fixtures;
  for (const auto& entry : fs::directory_iterator(kRoot / "tests/broken_sites")) {
    if (entry.is_directory()) fixtures.push_back(entry.path());
  }
  std::sort(fixtures.begin(), fixtures.end());
  BOOST_TEST(fixtures.size() >= 20u);
  const bool update = std::getenv("HYOKA_UPDATE_EXPECTED") != nullptr;
  for (const auto& fixture : fixtures) {
    BOOST_TEST_CONTEXT(fixture.filename().string()) {
      TempDir dir;
      make_site("", dir.path() / "good");
      BOOST_REQUIRE(
          run_hyoka("build -q --source good --destination public", dir.path()).exit_code == 0);
      const auto before = read_tree(dir.path() / "public");
      fs::remove_all(dir.path() / "good");
      make_site(fixture, dir.path() / "site");
      const auto prefix = apply_faults(fixture, dir.path() / "site", dir.path());
      const auto sources = read_tree(dir.path() / "site");
      std::string args = "--destination public";
      if (fs::exists(fixture / "args.txt")) {
        args = read_file(fixture / "args.txt");
        while (!args.empty() && args.back() == '\n') args.pop_back();
      }
      const auto run = run_hyoka("build --source site " + args, dir.path(), prefix);
      if (update) write_file(fixture / "expected.txt", run.err);
      BOOST_TEST(run.exit_code == 1);
      BOOST_TEST(run.err == read_file(fixture / "expected.txt"));
      BOOST_TEST((read_tree(dir.path() / "public") == before));
      BOOST_TEST((read_tree(dir.path() / "site") == sources));
    }
  }
}
