#define BOOST_TEST_MODULE output
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <sstream>

#include "output/site_listing.h"
#include "output_plugins/output_plugin.h"
#include "pipeline/build.h"
#include "support/tiny_site.h"

namespace fs = std::filesystem;
using namespace hyoka;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("hyoka-output-" + std::to_string(std::random_device()()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(writes_every_file_and_replaces_the_previous_site_whole) {
  TempDir dir;
  Diagnostics diags;
  const auto dest = (dir.path / "public").string();
  BOOST_REQUIRE(write_site({{"index.html", "one"}, {"old.html", "x"}}, dest,
                           (dir.path / "src").string(), diags));
  WriteStats stats;
  BOOST_REQUIRE(write_site({{"index.html", "two"}, {"a/b/c.css", "c"}}, dest,
                           (dir.path / "src").string(), diags, &stats));
  BOOST_TEST(slurp(dir.path / "public/index.html") == "two");
  BOOST_TEST(slurp(dir.path / "public/a/b/c.css") == "c");
  BOOST_TEST(!fs::exists(dir.path / "public/old.html"));
  BOOST_TEST(stats.files == 2u);
  BOOST_TEST(stats.bytes == 4u);
  // The site before is kept beside it, for the next build to write over.
  BOOST_TEST(slurp(dir.path / ".public.hyoka-new/old.html") == "x");
  BOOST_TEST(diags.all().empty());
}

BOOST_AUTO_TEST_CASE(the_next_build_writes_over_the_site_before_the_last_and_prunes_it) {
  TempDir dir;
  Diagnostics diags;
  const auto dest = (dir.path / "public").string();
  const auto src = (dir.path / "src").string();
  BOOST_REQUIRE(
      write_site({{"index.html", "1"}, {"gone.html", "g"}, {"a/x.html", "x"}}, dest, src, diags));
  BOOST_REQUIRE(write_site({{"index.html", "2"}}, dest, src, diags));
  // Where a folder was there is now a file and the other way round; a stray link goes.
  fs::create_symlink("/etc/hostname", dir.path / ".public.hyoka-new/link.html");
  BOOST_REQUIRE(write_site({{"index.html", "3"}, {"a", "file"}, {"gone.html/y.html", "y"}}, dest,
                           src, diags));
  std::set<std::string> written;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path / "public")) {
    written.insert(entry.path().lexically_relative(dir.path / "public").generic_string());
  }
  BOOST_TEST(
      (written == std::set<std::string>{"a", "gone.html", "gone.html/y.html", "index.html"}));
  BOOST_TEST(slurp(dir.path / "public/index.html") == "3");
  BOOST_TEST(slurp(dir.path / "public/a") == "file");
  BOOST_TEST(slurp(dir.path / ".public.hyoka-new/index.html") == "2");
  BOOST_TEST(diags.all().empty());
}

BOOST_AUTO_TEST_CASE(what_the_site_before_the_last_has_and_this_one_lacks_is_pruned) {
  TempDir dir;
  const auto dest = (dir.path / "public").string();
  const auto src = (dir.path / "src").string();
  Diagnostics diags;
  BOOST_REQUIRE(
      write_site({{"index.html", "1"}, {"gone.html", "g"}, {"a/x.html", "x"}}, dest, src, diags));
  BOOST_REQUIRE(write_site({{"index.html", "2"}}, dest, src, diags));
  fs::create_symlink("/etc/hostname", dir.path / ".public.hyoka-new/link.html");
  SiteWriter writer;
  BOOST_REQUIRE(writer.open(dest, src, diags));
  writer.put("index.html", "3");
  writer.put("a", "file");
  writer.put("gone.html/y.html", "y");
  BOOST_REQUIRE(writer.commit(diags));
  std::set<std::string> written;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path / "public")) {
    written.insert(entry.path().lexically_relative(dir.path / "public").generic_string());
  }
  BOOST_TEST(
      (written == std::set<std::string>{"a", "gone.html", "gone.html/y.html", "index.html"}));
  BOOST_TEST(slurp(dir.path / "public/a") == "file");
  BOOST_TEST(diags.all().empty());
}

// The writer writes over the site before the last: a link, a pipe or a file where the new site
// needs a folder or a file is found as it writes, and replaced, never written through.
BOOST_AUTO_TEST_CASE(links_pipes_and_files_in_the_way_are_replaced_not_written_through) {
  TempDir dir;
  const auto dest = (dir.path / "public").string();
  const auto src = (dir.path / "src").string();
  Diagnostics diags;
  BOOST_REQUIRE(write_site({{"index.html", "1"}}, dest, src, diags));
  BOOST_REQUIRE(write_site({{"index.html", "2"}}, dest, src, diags));
  const auto staging = dir.path / ".public.hyoka-new";
  const auto outside = dir.path / "outside";
  fs::create_directories(outside);
  for (int build = 0; build < 2; ++build) {
    fs::create_directory_symlink(outside, staging / "areas");       // a folder the site needs
    fs::create_symlink(outside / "x.html", staging / "link.html");  // a file the site writes
    BOOST_REQUIRE(::mkfifo((staging / "pipe.html").c_str(), 0644) == 0);
    fs::create_directories(staging / "folder.html/below");  // a folder where a file goes
    { std::ofstream(staging / "file") << "a file where a folder goes"; }
    SiteWriter writer;
    BOOST_REQUIRE(writer.open(dest, src, diags));
    writer.put("areas/a/index.html", "a");
    writer.put("link.html", "l");
    writer.put("pipe.html", "p");
    writer.put("folder.html", "f");
    writer.put("file/inside.html", "i");
    BOOST_REQUIRE(writer.commit(diags));
    BOOST_TEST(fs::is_empty(outside));
    BOOST_TEST(!fs::is_symlink(dir.path / "public/areas"));
    BOOST_TEST(slurp(dir.path / "public/areas/a/index.html") == "a");
    BOOST_TEST(!fs::is_symlink(dir.path / "public/link.html"));
    BOOST_TEST(slurp(dir.path / "public/link.html") == "l");
    BOOST_TEST(fs::is_regular_file(dir.path / "public/pipe.html"));
    BOOST_TEST(slurp(dir.path / "public/pipe.html") == "p");
    BOOST_TEST(slurp(dir.path / "public/folder.html") == "f");
    BOOST_TEST(slurp(dir.path / "public/file/inside.html") == "i");
    BOOST_TEST(!fs::exists(dir.path / "public/index.html"));
    BOOST_TEST(diags.all().empty());
  }
}

BOOST_AUTO_TEST_CASE(a_file_and_a_folder_at_one_path_fail_the_build_and_keep_the_site) {
  for (const bool folder_first : {true, false}) {
    TempDir dir;
    const auto dest = (dir.path / "public").string();
    const auto src = (dir.path / "src").string();
    Diagnostics diags;
    BOOST_REQUIRE(write_site({{"index.html", "1"}}, dest, src, diags));
    SiteWriter writer;
    BOOST_REQUIRE(writer.open(dest, src, diags));
    if (folder_first) writer.put("a/b.html", "b");
    writer.put("a", "a file");
    if (!folder_first) writer.put("a/b.html", "b");
    BOOST_TEST(!writer.commit(diags));
    BOOST_TEST(diags.has_errors());
    BOOST_TEST(slurp(dir.path / "public/index.html") == "1");
    BOOST_TEST(!fs::exists(dir.path / "public/a"));
  }
}

// A file put by hand into the site before the last, however its folder's times were set, is
// found and removed: it must not be published with the next site.
BOOST_AUTO_TEST_CASE(what_was_added_by_hand_to_the_site_before_the_last_is_removed) {
  TempDir dir;
  const auto dest = (dir.path / "public").string();
  const auto src = (dir.path / "src").string();
  const SiteFiles site = {{"index.html", "i"},
                          {"areas/a/index.html", "a"},
                          {"areas/b/index.html", "b"},
                          {"data/d.csv", "d"}};
  Diagnostics diags;
  // A record of earlier versions of hyoka is removed.
  { std::ofstream(dir.path / ".public.hyoka-listing") << "hyoka-listing 1\n"; }
  BOOST_REQUIRE(write_site(site, dest, src, diags));
  BOOST_REQUIRE(write_site(site, dest, src, diags));
  BOOST_TEST(!fs::exists(dir.path / ".public.hyoka-listing"));
  // Into the site that the next build leaves as the one to write over.
  const auto old_time = fs::last_write_time(dir.path / "public/areas/b");
  { std::ofstream(dir.path / "public/areas/a/stray.html") << "x"; }
  { std::ofstream(dir.path / "public/areas/b/stray.html") << "x"; }
  fs::last_write_time(dir.path / "public/areas/b", old_time - std::chrono::hours(24));
  fs::create_directories(dir.path / "public/areas/new/deeper");
  { std::ofstream(dir.path / "public/areas/new/deeper/stray.html") << "x"; }
  BOOST_REQUIRE(write_site(site, dest, src, diags));
  BOOST_REQUIRE(write_site(site, dest, src, diags));
  std::set<std::string> written;
  for (const auto& entry : fs::recursive_directory_iterator(dir.path / "public")) {
    if (entry.is_regular_file()) {
      written.insert(entry.path().lexically_relative(dir.path / "public").generic_string());
    }
  }
  BOOST_TEST((written == std::set<std::string>{"index.html", "areas/a/index.html",
                                               "areas/b/index.html", "data/d.csv"}));
  BOOST_TEST(!fs::exists(dir.path / "public/areas/new"));
  BOOST_TEST(diags.all().empty());
}

BOOST_AUTO_TEST_CASE(a_site_folder_is_listed_whole_each_folder_before_what_it_holds) {
  TempDir dir;
  const auto site = dir.path / "site";
  fs::create_directories(site / "a/b");
  { std::ofstream(site / "a/x.html") << "x"; }
  { std::ofstream(site / "a/b/y.html") << "y"; }
  { std::ofstream(site / "top.html") << "t"; }
  fs::create_symlink("/etc", site / "link");
  const int root = ::open(site.c_str(), O_RDONLY | O_DIRECTORY);
  BOOST_REQUIRE(root >= 0);
  Listing out;
  BOOST_TEST(list_site_folder(root, out));
  ::close(root);
  const auto at = [&](const std::string& path) {
    return std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.first == path; }) -
           out.begin();
  };
  BOOST_TEST(out.size() == 6u);
  BOOST_TEST(at("a") < at("a/x.html"));
  BOOST_TEST(at("a/b") < at("a/b/y.html"));
  BOOST_TEST((out[at("link")].second == EntryKind::other));  // not followed
  BOOST_TEST((out[at("a/b")].second == EntryKind::folder));
  BOOST_TEST((out[at("top.html")].second == EntryKind::file));
}

BOOST_AUTO_TEST_CASE(a_site_folder_listed_on_several_threads_keeps_each_folder_whole) {
  // The writer removes a folder that is gone with everything listed after it under its path, so
  // what a folder holds must follow it, whole, however many threads read the folders.
  TempDir dir;
  const auto site = dir.path / "site";
  for (int a = 0; a < 30; ++a) {
    const auto area = site / "areas" / ("a" + std::to_string(a));
    fs::create_directories(area / "deep");
    { std::ofstream(area / "index.html") << a; }
    { std::ofstream(area / "deep/chart.svg") << a; }
  }
  { std::ofstream(site / "areas-list.html") << "a"; }  // sorts between "areas" and "areas/"
  const int root = ::open(site.c_str(), O_RDONLY | O_DIRECTORY);
  BOOST_REQUIRE(root >= 0);
  Listing one, several;
  BOOST_TEST(list_site_folder(root, one, 1));
  BOOST_TEST(list_site_folder(root, several, 4));
  ::close(root);
  BOOST_TEST(one.size() == 2u + 30u * 4u);
  BOOST_TEST((one == several));
  for (std::size_t i = 0; i < several.size(); ++i) {
    if (several[i].second != EntryKind::folder) continue;
    const auto below = several[i].first + '/';
    std::size_t end = i + 1;
    while (end < several.size() && several[end].first.starts_with(below)) ++end;
    for (std::size_t j = end; j < several.size(); ++j)
      BOOST_TEST(!several[j].first.starts_with(below));
  }
}

BOOST_AUTO_TEST_CASE(a_file_put_twice_is_written_over_whole_in_a_new_or_a_reused_folder) {
  TempDir dir;
  const auto dest = (dir.path / "public").string();
  const auto src = (dir.path / "src").string();
  for (int build = 0; build < 3; ++build) {
    Diagnostics diags;
    SiteWriter writer;
    BOOST_REQUIRE(writer.open(dest, src, diags));
    writer.put("a/b.html", "the first, longer text");
    writer.put("a/b.html", std::to_string(build));
    BOOST_REQUIRE(writer.commit(diags));
    BOOST_TEST(slurp(dir.path / "public/a/b.html") == std::to_string(build));
  }
}

BOOST_AUTO_TEST_CASE(a_failed_write_leaves_the_previous_site_untouched) {
  TempDir dir;
  Diagnostics diags;
  const auto dest = (dir.path / "public").string();
  BOOST_REQUIRE(write_site({{"index.html", "good"}}, dest, "src", diags));
  // "a" cannot be both a file and a folder: the write fails part-way.
  BOOST_TEST(
      !write_site({{"a", "file"}, {"a/b.html", "x"}, {"index.html", "bad"}}, dest, "src", diags));
  BOOST_TEST(slurp(dir.path / "public/index.html") == "good");
  BOOST_TEST(!fs::exists(dir.path / "public/a"));
  BOOST_TEST(!fs::exists(dir.path / ".public.hyoka-new"));
  BOOST_REQUIRE(diags.all().size() == 1u);
  BOOST_TEST(diags.all()[0].message.ends_with("; the previous site was left as it was"));
}

BOOST_AUTO_TEST_CASE(refuses_to_replace_the_source_folder) {
  TempDir dir;
  Diagnostics diags;
  BOOST_TEST(
      !write_site({{"index.html", "x"}}, dir.path.string(), (dir.path / "site").string(), diags));
  BOOST_TEST(diags.all().at(0).message.starts_with("the destination holds " +
                                                   (dir.path / "site/site.toml").string() +
                                                   ", which hyoka reads the site from"));
  BOOST_TEST(fs::exists(dir.path));
}

BOOST_AUTO_TEST_CASE(the_pipeline_runs_on_an_in_memory_site_without_writing) {
  MemoryFileSystem memory({
      {"s/site.toml", "title = \"t\"\nbase_url = \"https://example.org/\"\n"},
      {"s/content/_index.md", "+++\ntitle = \"home\"\n+++\n"},
      {"s/content/areas/a.md", "+++\ntitle = \"A\"\n+++\n"},
      {"s/content/data/d.toml",
       "title = \"t\"\nperiods = [2021]\n[measures.n]\nlabel = \"n\"\n[[rows]]\narea = \"a\"\nn = "
       "[1]\n"},
      {"s/themes/default/templates/base.mustache", "{{{main}}}"},
      {"s/themes/default/templates/home.mustache", "{{title}}"},
      {"s/themes/default/templates/area.mustache", "{{title}}"},
      {"s/themes/default/i18n/ja.toml", hyoka::test::default_words_file()},
      {"s/themes/default/static/x.css", "css"},
  });
  BuildOptions options;
  options.source_dir = "s";
  options.write = false;
  options.keep_files = true;
  const auto result = build_site(options, memory);
  BOOST_TEST(result.ok);
  BOOST_TEST(result.files.at("index.html") == "home");
  BOOST_TEST(result.files.at("areas/a/index.html") == "A");
  BOOST_TEST(result.files.at("x.css") == "css");
  BOOST_TEST(result.pages == 2u);
}

BOOST_AUTO_TEST_CASE(an_unknown_theme_is_reported_at_site_toml_with_a_suggestion) {
  MemoryFileSystem memory({
      {"site.toml", "title = \"t\"\nbase_url = \"https://example.org/\"\ntheme = \"defualt\"\n"},
      {"content/_index.md", "+++\ntitle = \"home\"\n+++\n"},
      {"themes/default/templates/base.mustache", ""},
  });
  BuildOptions options;
  options.write = false;
  const auto result = build_site(options, memory);
  BOOST_TEST(!result.ok);
  BOOST_TEST(format(result.diagnostics.sorted().at(0)) ==
             "site.toml:3:9: error: unknown theme \"defualt\": no folder themes/defualt and no "
             "built-in theme of that name; did you mean \"default\"?\n"
             " 3 | theme = \"defualt\"\n"
             "   |         ^\n");
}

BOOST_AUTO_TEST_CASE(the_sites_own_static_files_are_copied_and_win_over_the_themes) {
  MemoryFileSystem memory({
      {"site.toml", "title = \"t\"\nbase_url = \"https://example.org/\"\n"},
      {"content/_index.md", "+++\ntitle = \"home\"\n+++\n"},
      {"static/css/style.css", "site"},
      {"static/files/plan.pdf", "pdf"},
      {"themes/default/templates/base.mustache", "{{{main}}}"},
      {"themes/default/templates/home.mustache", "{{title}}"},
      {"themes/default/templates/area.mustache", "{{title}}"},
      {"themes/default/i18n/ja.toml", hyoka::test::default_words_file()},
      {"themes/default/static/css/style.css", "theme"},
  });
  BuildOptions options;
  options.write = false;
  options.keep_files = true;
  const auto result = build_site(options, memory);
  BOOST_TEST(result.ok);
  BOOST_TEST(result.files.at("css/style.css") == "site");
  BOOST_TEST(result.files.at("files/plan.pdf") == "pdf");
}

BOOST_AUTO_TEST_CASE(a_destination_with_a_trailing_slash_is_the_folder_itself) {
  TempDir dir;
  Diagnostics diags;
  const auto dest = (dir.path / "out").string() + "/";
  BOOST_REQUIRE(write_site({{"index.html", "x"}}, dest, (dir.path / "src").string(), diags));
  BOOST_TEST(slurp(dir.path / "out/index.html") == "x");
  BOOST_TEST(!fs::exists(dir.path / "out/.hyoka-new"));
  BOOST_TEST(diags.all().empty());
}

namespace {

// Writes 51 files and a warning; the first file's path collides with other plugins'.
class CountingPlugin final : public OutputPlugin {
 public:
  explicit CountingPlugin(std::string name) : name_(std::move(name)) {}
  std::string name() const override { return name_; }
  void emit(const OutputContext&, SiteFiles& out, Diagnostics& diags) const override {
    out["shared.txt"] = name_;
    for (int i = 0; i < 50; ++i) out[name_ + "/" + std::to_string(i) + ".txt"] = name_;
    diags.report_file(Severity::warning, name_, "ran");
  }

 private:
  std::string name_;
};

}  // namespace

BOOST_AUTO_TEST_CASE(output_plugins_run_in_order_and_a_path_taken_twice_is_an_error) {
  const auto loaded = hyoka::test::load_tiny_site("https://example.org/");
  BOOST_TEST_REQUIRE(loaded.site);
  OutputRegistry registry;
  for (int i = 0; i < 12; ++i)
    registry.add(std::make_unique<CountingPlugin>("p" + std::to_string(i)));
  SitePaths paths = {"index.html"};
  MemorySink sink;
  Diagnostics diags;
  registry.run(*loaded.site, *loaded.theme, paths, sink, diags);
  std::vector<std::string> messages;
  for (const auto& d : diags.all()) messages.push_back(d.path + ": " + d.message);
  BOOST_TEST(messages.size() == 23u);
  BOOST_TEST(messages[0] == "p0: ran");
  BOOST_TEST(messages[1] == "p1: ran");
  BOOST_TEST(messages[2] ==
             "shared.txt: the output plugin \"p1\" writes a file that the site already has");
  BOOST_TEST(sink.files.size() == 601u);
  BOOST_TEST(sink.files.at("shared.txt") == "p0");
  BOOST_TEST(paths.size() == 602u);
}
