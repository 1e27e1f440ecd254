// `hyoka check` and `hyoka serve` on sites that crashed or stopped them: a --theme that does not
// exist, a TOML key nested 40,000 deep saved while the preview runs, a named pipe for site.toml.
// The preview must report each, keep serving, and build again once the file is mended.
#define BOOST_TEST_MODULE hostile_sites
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;

namespace {

// `hyoka serve` as a child process, its output in files.
class Preview {
 public:
  Preview(const fs::path& site, const std::string& extra) : log_(dir_.path() / "log") {
    pid_ = ::fork();
    if (pid_ == 0) {
      const auto command = "exec '" HYOKA_BINARY "' serve --port 0 --source '" + site.string() +
                           "' " + extra + " >'" + log_.string() + "' 2>&1";
      ::execl("/bin/sh", "sh", "-c", command.c_str(), nullptr);
      ::_exit(127);
    }
  }
  ~Preview() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  // Waits up to 60 s for `text` to be in the log, `count` times.
  bool wait_for(const std::string& text, std::size_t count = 1) const {
    for (int i = 0; i < 600; ++i) {
      if (occurrences(text) >= count) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }
  std::size_t occurrences(const std::string& text) const {
    const auto log = fs::exists(log_) ? read_file(log_) : "";
    std::size_t n = 0;
    for (auto at = log.find(text); at != std::string::npos; at = log.find(text, at + 1)) ++n;
    return n;
  }
  bool alive() const { return ::waitpid(pid_, nullptr, WNOHANG) == 0; }
  // SIGTERM, as Ctrl+C would: the exit status.
  int stop() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::string log() const { return read_file(log_); }

 private:
  TempDir dir_;
  fs::path log_;
  pid_t pid_ = -1;
};

}  // namespace

BOOST_AUTO_TEST_CASE(check_and_serve_report_an_unknown_theme_flag_without_crashing) {
  TempDir dir;
  copy_minimal_site(dir.path() / "site");
  const auto check = run_hyoka("check -q --source site --theme nosuch", dir.path());
  BOOST_TEST(check.exit_code == 1);
  BOOST_TEST(
      check.err ==
      "error: --theme: unknown theme \"nosuch\": no folder site/themes/nosuch and no "
      "built-in theme of that name; expected one of: default, portal\n1 error, 0 warnings\n");
  Preview preview(dir.path() / "site", "--theme nosuch");
  BOOST_REQUIRE(preview.wait_for("hyoka: serving "));
  BOOST_TEST(preview.occurrences("error: --theme: unknown theme \"nosuch\"") == 1u);
  BOOST_TEST(preview.stop() == 0);
}

BOOST_AUTO_TEST_CASE(the_preview_survives_a_key_nested_too_deep_and_a_pipe_for_site_toml) {
  TempDir dir;
  const auto site = dir.path() / "site";
  copy_minimal_site(site);
  const auto good = read_file(site / "site.toml");
  Preview preview(site, "");
  BOOST_REQUIRE(preview.wait_for("hyoka: serving "));

  std::string deep = "a";
  for (int i = 0; i < 40000; ++i) deep += ".a";
  write_file(site / "site.toml", good + deep + " = 1\n");
  BOOST_TEST(preview.wait_for("error: invalid TOML: nested more than 64 levels deep"));
  BOOST_TEST(preview.alive());

  fs::remove(site / "site.toml");
  BOOST_REQUIRE(::mkfifo((site / "site.toml").c_str(), 0644) == 0);
  BOOST_TEST(preview.wait_for("site.toml: error: is a named pipe (FIFO), not a file"));
  BOOST_TEST(preview.alive());

  // Later edits are still seen: the site builds again.
  fs::remove(site / "site.toml");
  const auto rebuilt_before = preview.occurrences("site.toml changed");
  write_file(site / "site.toml", good);
  BOOST_TEST(preview.wait_for("site.toml changed", rebuilt_before + 1));
  BOOST_TEST(preview.occurrences(" error: ") == 2u, preview.log());
  BOOST_TEST(preview.stop() == 0);
}
