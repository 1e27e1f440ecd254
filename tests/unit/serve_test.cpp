#define BOOST_TEST_MODULE serve
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <future>

#include "serve/content_type.h"
#include "serve/live_reload.h"
#include "serve/route.h"
#include "serve/watcher.h"
#include "support/run.h"

namespace fs = std::filesystem;
using namespace hyoka;
using hyoka::test::TempDir;
using hyoka::test::write_file;

BOOST_AUTO_TEST_CASE(gives_each_output_file_the_content_type_a_host_would) {
  BOOST_TEST(content_type_for("index.html") == "text/html; charset=utf-8");
  BOOST_TEST(content_type_for("css/style.css") == "text/css; charset=utf-8");
  BOOST_TEST(content_type_for("areas/recovery/chart-achievement.svg") == "image/svg+xml");
  BOOST_TEST(content_type_for("data/achievement.csv") == "text/csv; charset=utf-8");
  BOOST_TEST(content_type_for("datapackage.json") == "application/json");
  BOOST_TEST(content_type_for("catalog.jsonld") == "application/ld+json");
  BOOST_TEST(content_type_for("catalog.ttl") == "text/turtle; charset=utf-8");
  BOOST_TEST(content_type_for("IMAGE.PNG") == "image/png");
  BOOST_TEST(content_type_for("CNAME") == "application/octet-stream");
  BOOST_TEST(content_type_for(".nojekyll") == "application/octet-stream");
  BOOST_TEST(content_type_for("a.b/file") == "application/octet-stream");
}

BOOST_AUTO_TEST_CASE(decodes_a_request_target_once_and_drops_the_query) {
  BOOST_TEST(*decode_request_path("/a/b%20c.html?x=1#y") == "/a/b c.html");
  BOOST_TEST(*decode_request_path("/%E7%A6%8F%E5%B3%B6/") == "/福島/");
  // Decoded once only: %252e stays the three characters "%2e", which no output file has.
  BOOST_TEST(*decode_request_path("/%252e%252e/x") == "/%2e%2e/x");
}

BOOST_AUTO_TEST_CASE(refuses_every_target_that_climbs_out_or_is_malformed) {
  for (const auto* target :
       {"/../etc/passwd", "/a/../../b", "/a/./b", "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc",
        "/a/%2e%2e%2f%2e%2e/b", "/..\\..\\etc", "/a%5c..%5cb", "/a%00.html", "/a%0d%0aX: y",
        "/a%zz", "/a%2", "relative/path", "", "/.."}) {
    BOOST_TEST(!decode_request_path(target).has_value(), target);
  }
}

BOOST_AUTO_TEST_CASE(takes_the_sub_path_from_the_base_url) {
  BOOST_TEST(sub_path_of("https://example.github.io/fukushima-ict/") == "/fukushima-ict/");
  BOOST_TEST(sub_path_of("https://hyoka.example.jp/") == "/");
  BOOST_TEST(sub_path_of("https://hyoka.example.jp") == "/");
  BOOST_TEST(sub_path_of("http://127.0.0.1:1313/a/b") == "/a/b/");
}

BOOST_AUTO_TEST_CASE(routes_requests_under_the_sub_path_only) {
  const SiteFiles site{{"index.html", "home"},
                       {"areas/recovery/index.html", "area"},
                       {"css/style.css", "css"},
                       {"404.html", "missing"}};
  const std::string sub = "/fukushima-ict/";
  using Kind = Route::Kind;
  const auto is = [&](std::string_view target, Kind kind, std::string where) {
    const auto route = route_request(target, sub, &site);
    BOOST_TEST((route.kind == kind), target);
    BOOST_TEST(route.target == where, target);
  };
  is("/", Kind::redirect, "/fukushima-ict/");
  is("/fukushima-ict", Kind::redirect, "/fukushima-ict/");
  is("/fukushima-ict/", Kind::file, "index.html");
  is("/fukushima-ict/?q=1", Kind::file, "index.html");
  is("/fukushima-ict/areas/recovery/", Kind::file, "areas/recovery/index.html");
  is("/fukushima-ict/areas/recovery", Kind::redirect, "/fukushima-ict/areas/recovery/");
  is("/fukushima-ict/css/style.css?hyoka-reload=1", Kind::file, "css/style.css");
  is("/index.html", Kind::not_found, "");
  is("/fukushima-ict/nope.html", Kind::not_found, "");
  is("/fukushima-ict/../fukushima-ict/index.html", Kind::not_found, "");
  is("/__hyoka/events", Kind::events, "");
  BOOST_TEST((route_request("/fukushima-ict/", sub, nullptr).kind == Kind::not_found));
}

BOOST_AUTO_TEST_CASE(injects_the_script_before_the_end_of_the_head) {
  const auto page = inject_live_reload("<html><HEAD><title>t</title></HEAD><body>x</body></html>");
  const auto script = page.find(kLiveReloadMarker);
  BOOST_REQUIRE(script != std::string::npos);
  BOOST_TEST(script < page.find("</HEAD>"));
  BOOST_TEST(page.find("<title>t</title>") < script);
  // Pages without a head or a body still get it.
  BOOST_TEST(inject_live_reload("<p>x</p>").find(kLiveReloadMarker) != std::string::npos);
  const auto body_only = inject_live_reload("<body><p>x</p></body>");
  BOOST_TEST(body_only.find(kLiveReloadMarker) < body_only.find("</body>"));
}

BOOST_AUTO_TEST_CASE(the_page_for_a_site_that_never_built_escapes_the_error) {
  const auto page = error_page("content/a.md:2:9: error: <script>alert(1)</script> & \"x\"\n");
  BOOST_TEST(page.find("<script>alert(1)") == std::string::npos);
  BOOST_TEST(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;") !=
             std::string::npos);
  BOOST_TEST(page.find(kLiveReloadMarker) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(frames_a_multi_line_event_as_one_event_of_several_data_lines) {
  BOOST_TEST(sse_event("reload", "") == "event: reload\ndata: \n\n");
  BOOST_TEST(sse_event("build-error", "a:1:2: error: x\n 1 | y\r\n") ==
             "event: build-error\ndata: a:1:2: error: x\ndata:  1 | y\n\n");
}

BOOST_AUTO_TEST_CASE(a_new_page_hears_the_current_error_and_then_only_newer_events) {
  LiveReloadHub hub;
  hub.publish(ReloadKind::build_error, "a.md:1:1: error: x");
  const auto [greeting, seen] = hub.subscribe();
  BOOST_TEST(greeting.find("event: build-error\ndata: a.md:1:1: error: x") != std::string::npos);
  BOOST_TEST(!hub.wait_after(seen, std::chrono::milliseconds(1)).has_value());
  hub.publish(ReloadKind::reload);
  const auto event = hub.wait_after(seen, std::chrono::milliseconds(1));
  BOOST_REQUIRE(event.has_value());
  BOOST_TEST(event->text.starts_with("event: reload\n"));
  // Once the site builds again, new pages no longer see the error.
  BOOST_TEST(hub.subscribe().first == "retry: 500\n\n");
}

BOOST_AUTO_TEST_CASE(a_page_that_fell_behind_the_history_reloads) {
  LiveReloadHub hub;
  const auto seen = hub.subscribe().second;
  for (std::size_t i = 0; i < LiveReloadHub::kHistory + 3; ++i) hub.publish(ReloadKind::css);
  const auto event = hub.wait_after(seen, std::chrono::milliseconds(1));
  BOOST_REQUIRE(event.has_value());
  BOOST_TEST(event->text.starts_with("event: reload\n"));
}

BOOST_AUTO_TEST_CASE(closing_the_hub_wakes_every_waiting_stream) {
  LiveReloadHub hub;
  auto waiting = std::async(std::launch::async, [&] {
    return hub.wait_after(hub.subscribe().second, std::chrono::seconds(30));
  });
  hub.close();
  BOOST_REQUIRE(waiting.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
  BOOST_TEST(!waiting.get().has_value());
  BOOST_TEST(hub.closed());
}

BOOST_AUTO_TEST_CASE(only_the_site_sources_count_and_editor_scratch_files_do_not) {
  BOOST_TEST(is_site_source("site.toml"));
  BOOST_TEST(is_site_source("content/areas/a.md"));
  BOOST_TEST(is_site_source("themes/default/static/css/style.css"));
  BOOST_TEST(is_site_source("static/logo.png"));
  BOOST_TEST(is_site_source("content/"));
  BOOST_TEST(!is_site_source("public/index.html"));
  BOOST_TEST(!is_site_source("contents/a.md"));
  BOOST_TEST(!is_site_source("README.md"));
  BOOST_TEST(!is_site_source("content/areas/.a.md.swp"));
  BOOST_TEST(!is_site_source("content/areas/a.md~"));
  BOOST_TEST(!is_site_source("content/areas/.#a.md"));
  BOOST_TEST(!is_site_source("content/areas/4913"));
}

// The watchers on a real folder. Every wait is bounded: a watcher that misses a change
// fails the test instead of hanging it.
namespace {

std::vector<std::string> next_change(Watcher& watcher) {
  auto change = std::async(std::launch::async, [&] { return watcher.wait(); });
  if (change.wait_for(std::chrono::seconds(5)) != std::future_status::ready) {
    watcher.stop();
    change.wait();
    BOOST_FAIL("no change seen within 5 s");
  }
  return change.get();
}

bool has(const std::vector<std::string>& paths, const std::string& path) {
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

void check_watcher_sees_every_kind_of_change(
    const std::function<std::unique_ptr<Watcher>(const std::string&)>& make) {
  TempDir dir;
  const auto& root = dir.path();
  write_file(root / "site.toml", "title = \"x\"\n");
  write_file(root / "content/_index.md", "one");
  write_file(root / "themes/default/theme.toml", "name = \"default\"\n");
  auto watcher = make(root.string());
  BOOST_REQUIRE(watcher);

  write_file(root / "content/_index.md", "two");
  BOOST_TEST(next_change(*watcher) == std::vector<std::string>{"content/_index.md"});

  write_file(root / "site.toml", "title = \"y\"\n");
  BOOST_TEST(next_change(*watcher) == std::vector<std::string>{"site.toml"});

  // An editor's save: write a temporary file, rename it over the old one. One change.
  write_file(root / "content/_index.md.tmp~", "three");
  fs::rename(root / "content/_index.md.tmp~", root / "content/_index.md");
  BOOST_TEST(has(next_change(*watcher), "content/_index.md"));

  // A whole new folder, then a file in it: the new folder is watched too.
  fs::create_directories(root / "content/areas");
  BOOST_TEST(has(next_change(*watcher), "content/areas/"));
  write_file(root / "content/areas/a.md", "a");
  BOOST_TEST(has(next_change(*watcher), "content/areas/a.md"));
  write_file(root / "content/areas/a.md", "aa");
  BOOST_TEST(has(next_change(*watcher), "content/areas/a.md"));

  fs::rename(root / "content/areas/a.md", root / "content/areas/b.md");
  const auto renamed = next_change(*watcher);
  BOOST_TEST(has(renamed, "content/areas/a.md"));
  BOOST_TEST(has(renamed, "content/areas/b.md"));

  // A renamed folder: files in it are still watched under their new path.
  fs::rename(root / "content/areas", root / "content/places");
  BOOST_TEST(has(next_change(*watcher), "content/places/"));
  write_file(root / "content/places/b.md", "bb");
  BOOST_TEST(has(next_change(*watcher), "content/places/b.md"));

  fs::remove(root / "content/places/b.md");
  BOOST_TEST(has(next_change(*watcher), "content/places/b.md"));

  // static/ may appear after the preview started.
  write_file(root / "static/logo.svg", "<svg/>");
  const auto appeared = next_change(*watcher);
  BOOST_TEST((has(appeared, "static/") || has(appeared, "static/logo.svg")));

  // Files that are not sources do not wake it; a stop does, with nothing.
  write_file(root / "public/index.html", "x");
  auto quiet = std::async(std::launch::async, [&] { return watcher->wait(); });
  BOOST_TEST((quiet.wait_for(std::chrono::milliseconds(700)) == std::future_status::timeout));
  watcher->stop();
  BOOST_REQUIRE(quiet.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
  BOOST_TEST(quiet.get().empty());
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_inotify_watcher_sees_edits_new_folders_renames_and_deletions) {
  check_watcher_sees_every_kind_of_change(
      [](const std::string& dir) { return make_inotify_watcher(dir); });
}

BOOST_AUTO_TEST_CASE(the_polling_watcher_sees_edits_new_folders_renames_and_deletions) {
  check_watcher_sees_every_kind_of_change([](const std::string& dir) {
    return make_polling_watcher(dir, std::chrono::milliseconds(50));
  });
}

BOOST_AUTO_TEST_CASE(the_polling_watcher_sees_an_edit_that_keeps_size_and_time) {
  TempDir dir;
  write_file(dir.path() / "content/_index.md", "one");
  const auto time = fs::last_write_time(dir.path() / "content/_index.md");
  auto watcher = make_polling_watcher(dir.path().string(), std::chrono::milliseconds(50));
  write_file(dir.path() / "content/_index.md", "two");
  fs::last_write_time(dir.path() / "content/_index.md", time);
  BOOST_TEST(next_change(*watcher) == std::vector<std::string>{"content/_index.md"});
}
