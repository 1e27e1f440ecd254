// What a new user meets first, with the real binary: hyoka new, the themes built into the
// program, hyoka theme copy, and the version from project(VERSION) in CMakeLists.txt.
#define BOOST_TEST_MODULE start
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <regex>

#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka::test;

namespace {

const fs::path kRoot = HYOKA_SOURCE_DIR;

// The version as CMakeLists.txt's project() states it.
std::string project_version() {
  const auto text = read_file(kRoot / "CMakeLists.txt");
  std::smatch match;
  BOOST_REQUIRE(std::regex_search(text, match, std::regex(R"(project\(hyoka VERSION ([0-9.]+))")));
  return match[1];
}

// Every file below `dir`, by relative path.
std::map<std::string, std::string> tree(const fs::path& dir) {
  return read_tree(dir);
}

// The sample site without its themes/ folder.
void copy_sample_site_without_themes(const fs::path& dir) {
  fs::create_directories(dir);
  fs::copy(kRoot / "site.toml", dir / "site.toml");
  fs::copy(kRoot / "content", dir / "content", fs::copy_options::recursive);
}

std::map<std::string, std::string> build(const fs::path& site, const std::string& flags = "") {
  const auto run = run_hyoka("build -q " + flags, site);
  BOOST_TEST(run.exit_code == 0, run.err);
  return tree(site / "public");
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_new_site_builds_with_strict_and_passes_check_strict) {
  TempDir dir;
  const auto made = run_hyoka("new site", dir.path());
  BOOST_TEST(made.exit_code == 0);
  BOOST_TEST(made.err == "");
  for (const auto* file :
       {"site.toml", "content/_index.md", "content/areas/kurashi.md",
        "content/data/achievement.toml", ".gitignore", ".github/workflows/pages.yml"}) {
    BOOST_TEST(fs::is_regular_file(dir.path() / "site" / file), file);
  }
  BOOST_TEST(!fs::exists(dir.path() / "site/themes"));
  const auto check = run_hyoka("check --strict", dir.path() / "site");
  BOOST_TEST(check.exit_code == 0);
  const auto built = run_hyoka("build --strict -q", dir.path() / "site");
  BOOST_TEST(built.exit_code == 0);
  BOOST_TEST(built.err == "");  // no warning
  const auto home = read_file(dir.path() / "site/public/index.html");
  BOOST_TEST(home.find("達成割合") != std::string::npos);  // the dataset's ratio
  // 9 of 12 projects, rounded half up to one decimal: 75.0%.
  BOOST_TEST(home.find("75.0%") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_new_sites_gitignore_keeps_the_build_out_of_git) {
  TempDir dir;
  BOOST_REQUIRE(run_hyoka("new site", dir.path()).exit_code == 0);
  const auto ignore = read_file(dir.path() / "site/.gitignore");
  // The names write_site.cpp gives what it keeps beside the destination.
  for (const auto* line : {"/public/", ".*.hyoka-new/", ".*.hyoka-old/", ".*.hyoka-lock", "~$*"}) {
    BOOST_TEST(ignore.find(std::string(line) + "\n") != std::string::npos, line);
  }
}

BOOST_AUTO_TEST_CASE(a_new_sites_workflow_installs_the_version_that_made_it) {
  TempDir dir;
  BOOST_REQUIRE(run_hyoka("new site", dir.path()).exit_code == 0);
  const auto workflow = read_file(dir.path() / "site/.github/workflows/pages.yml");
  BOOST_TEST(workflow.find("HYOKA_VERSION: \"" + project_version() + "\"") != std::string::npos);
  BOOST_TEST(!std::regex_search(workflow, std::regex("@[A-Z_]+@")));  // no placeholder left
}

BOOST_AUTO_TEST_CASE(new_writes_the_title_and_area_label_it_is_given) {
  TempDir dir;
  const auto made =
      run_hyoka("new site --title '南\"北\\市の評価' --area-label 施策展開方向", dir.path());
  BOOST_REQUIRE(made.exit_code == 0);
  const auto config = read_file(dir.path() / "site/site.toml");
  BOOST_TEST(config.find("title = \"南\\\"北\\\\市の評価\"\n") != std::string::npos);
  BOOST_TEST(config.find("area_label = \"施策展開方向\"\n") != std::string::npos);
  const auto built = run_hyoka("build --strict -q", dir.path() / "site");
  BOOST_TEST(built.exit_code == 0, built.err);
  const auto home = read_file(dir.path() / "site/public/index.html");
  BOOST_TEST(home.find("<title>南&quot;北\\市の評価</title>") != std::string::npos);
  BOOST_TEST(home.find("施策展開方向") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(new_refuses_a_folder_that_is_not_empty_and_writes_nothing) {
  TempDir dir;
  write_file(dir.path() / "site/notes.txt", "mine");
  const auto made = run_hyoka("new site", dir.path());
  BOOST_TEST(made.exit_code == 1);
  BOOST_TEST(made.err ==
             "hyoka new: site is not empty: choose a new folder, or empty this one first\n");
  BOOST_TEST(tree(dir.path() / "site") ==
             (std::map<std::string, std::string>{{"notes.txt", "mine"}}));
  // An empty folder is fine.
  fs::create_directories(dir.path() / "empty");
  BOOST_TEST(run_hyoka("new empty", dir.path()).exit_code == 0);
}

BOOST_AUTO_TEST_CASE(new_refuses_a_title_with_a_line_break_as_a_wrong_command_line) {
  TempDir dir;
  const auto made = run_hyoka("new site --title \"$(printf 'a\\nb')\"", dir.path());
  BOOST_TEST(made.exit_code == 2);
  BOOST_TEST(!fs::exists(dir.path() / "site"));
}

BOOST_AUTO_TEST_CASE(a_site_without_themes_builds_byte_identical_to_one_with_the_repositorys) {
  TempDir dir;
  copy_sample_site_without_themes(dir.path() / "bare");
  copy_sample_site(dir.path() / "full");
  for (const auto* theme : {"default", "portal"}) {
    BOOST_TEST_CONTEXT(theme) {
      const auto flags = std::string("--theme ") + theme;
      const auto bare = build(dir.path() / "bare", flags);
      BOOST_TEST(bare.count("css/style.css") == 1u);
      BOOST_TEST((bare == build(dir.path() / "full", flags)));
    }
  }
}

BOOST_AUTO_TEST_CASE(theme_copy_writes_the_builtin_theme_byte_for_byte) {
  TempDir dir;
  for (const auto* theme : {"default", "portal"}) {
    BOOST_TEST_CONTEXT(theme) {
      const auto run = run_hyoka(std::string("theme copy ") + theme, dir.path());
      BOOST_TEST(run.exit_code == 0);
      BOOST_TEST((tree(dir.path() / "themes" / theme) == tree(kRoot / "themes" / theme)));
    }
  }
  const auto listed = run_hyoka("theme list", dir.path());
  BOOST_TEST(listed.out == "default\nportal\n");
}

BOOST_AUTO_TEST_CASE(a_copied_theme_builds_the_same_site_and_its_edits_win_file_by_file) {
  TempDir dir;
  copy_sample_site_without_themes(dir.path() / "site");
  const auto before = build(dir.path() / "site");
  BOOST_REQUIRE(run_hyoka("theme copy default", dir.path() / "site").exit_code == 0);
  BOOST_TEST((build(dir.path() / "site") == before));
  // Only the stylesheet left in the site's folder, and changed: the templates still come from
  // the built-in theme, the stylesheet from the site.
  fs::remove_all(dir.path() / "site/themes/default/templates");
  fs::remove(dir.path() / "site/themes/default/theme.toml");
  write_file(dir.path() / "site/themes/default/static/css/style.css", "body { color: #000; }\n");
  auto after = build(dir.path() / "site");
  BOOST_TEST(after.at("css/style.css") == "body { color: #000; }\n");
  after["css/style.css"] = before.at("css/style.css");
  BOOST_TEST((after == before));
}

BOOST_AUTO_TEST_CASE(theme_copy_refuses_an_unknown_theme_and_a_folder_that_is_not_empty) {
  TempDir dir;
  const auto unknown = run_hyoka("theme copy defualt", dir.path());
  BOOST_TEST(unknown.exit_code == 2);
  BOOST_TEST(unknown.err ==
             "hyoka theme copy: unknown theme \"defualt\"; did you mean \"default\"?\n");
  write_file(dir.path() / "mine/x.css", "");
  const auto full = run_hyoka("theme copy default mine", dir.path());
  BOOST_TEST(full.exit_code == 1);
  BOOST_TEST(full.err ==
             "hyoka theme copy: mine is not empty: choose a new folder, or empty this one first\n");
}

BOOST_AUTO_TEST_CASE(the_version_is_project_versions_everywhere_it_is_shown) {
  TempDir dir;
  const auto version = project_version();
  BOOST_TEST(run_hyoka("--version", dir.path()).out == "hyoka " + version + "\n");
  BOOST_REQUIRE(run_hyoka("new site", dir.path()).exit_code == 0);
  const auto built = build(dir.path() / "site");
  BOOST_TEST(
      built.at("index.html").find("<meta name=\"generator\" content=\"hyoka " + version + "\">") !=
      std::string::npos);
}
