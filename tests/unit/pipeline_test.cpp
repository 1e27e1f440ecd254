#define BOOST_TEST_MODULE pipeline
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>
#include <boost/test/unit_test.hpp>

#include <csignal>
#include <filesystem>
#include <sstream>

#include "output/destination.h"
#include "pipeline/build.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka;

using hyoka::test::TempDir;

BOOST_AUTO_TEST_CASE(every_error_is_printed_even_after_a_hundred_warnings) {
  Diagnostics diags;
  for (int i = 0; i < 150; ++i) {
    diags.report_file(Severity::warning, "a/" + std::to_string(1000 + i) + ".md", "w");
  }
  diags.report_file(Severity::error, "z/last.md", "the error");
  diags.report_file(Severity::error, "a/0000.md", "the first error");
  std::ostringstream out;
  print_diagnostics(diags, out);
  const auto text = out.str();
  BOOST_TEST(text.find("z/last.md: error: the error\n") != std::string::npos);
  BOOST_TEST(text.starts_with("a/0000.md: error: the first error\n"));
  std::size_t warnings = 0;
  for (auto at = text.find("warning: w"); at != std::string::npos;
       at = text.find("warning: w", at + 1)) {
    ++warnings;
  }
  BOOST_TEST(warnings == 100u);
  BOOST_TEST(text.ends_with("… and 50 more warnings not shown\n2 errors, 150 warnings\n"));
}

BOOST_AUTO_TEST_CASE(a_destination_that_is_holds_or_lies_inside_what_a_build_reads_is_refused) {
  TempDir dir;
  const auto site = dir.path() / "site";
  fs::create_directories(site / "content/data");
  fs::create_directories(site / "themes/default");
  fs::create_directories(dir.path() / "shared-theme");
  fs::create_symlink(dir.path() / "shared-theme", site / "themes/shared");
  fs::create_symlink(site / "content", dir.path() / "content-link");
  SiteConfig config;
  config.allow_links_to = {"../allowed"};
  config.plugins = {{"plugins/libx.so", {}}};
  const RealFileSystem disk;
  const auto read = read_by_build(disk, site.string(), config);
  const auto refused = [&](const fs::path& destination) {
    Diagnostics diags;
    return !check_destination(destination.string(), read, diags) && diags.errors() == 1;
  };
  BOOST_TEST(!refused(site / "public"));
  BOOST_TEST(!refused(dir.path() / "out"));
  BOOST_TEST(refused(site / "content"));
  BOOST_TEST(refused(site / "content/data"));
  BOOST_TEST(refused(site / "content/data/new/"));
  BOOST_TEST(refused(site / "themes/../content//data/"));
  BOOST_TEST(refused(dir.path() / "content-link/data"));  // through a link
  BOOST_TEST(refused(site / "static"));                   // read when it is there
  BOOST_TEST(refused(site));                              // holds site.toml
  BOOST_TEST(refused(dir.path()));
  BOOST_TEST(refused(dir.path() / "shared-theme/static"));  // a theme outside the site
  BOOST_TEST(refused(dir.path() / "allowed"));
  BOOST_TEST(refused(site / "plugins"));  // holds a plugin library
}

BOOST_AUTO_TEST_CASE(one_build_at_a_time_holds_a_destination_and_a_dead_one_holds_nothing) {
  TempDir dir;
  const auto destination = (dir.path() / "public").string();
  {
    DestinationLock first;
    Diagnostics diags;
    BOOST_REQUIRE(first.acquire(destination, diags));
    DestinationLock second;
    BOOST_TEST(!second.acquire(destination, diags));
    BOOST_TEST(diags.all().at(0).message ==
               "another hyoka build is writing this folder now; build again when it has finished");
  }
  // Held by a process that is killed: the kernel lets go of it.
  const auto lock_file = dir.path() / ".public.hyoka-lock";
  const pid_t child = ::fork();
  if (child == 0) {
    const int fd = ::open(lock_file.c_str(), O_RDWR | O_CREAT, 0644);
    ::flock(fd, LOCK_EX);
    ::pause();
    ::_exit(0);
  }
  bool held_by_child = false;
  for (int i = 0; i < 500 && !held_by_child; ++i) {
    DestinationLock probe;
    Diagnostics diags;
    held_by_child = !probe.acquire(destination, diags);
    if (!held_by_child) ::usleep(10000);  // the child has not taken it yet
  }
  BOOST_REQUIRE(held_by_child);
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  Diagnostics after;
  DestinationLock again;
  BOOST_TEST(again.acquire(destination, after));
}
