#define BOOST_TEST_MODULE serve
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <future>

#include "serve/allowed_hosts.h"
#include "serve/byte_range.h"
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

namespace {

// A ByteRange as text, so that a failed check shows the whole of it.
std::string describe(const ByteRange& range) {
  switch (range.kind) {
    case ByteRange::Kind::whole:
      return "whole";
    case ByteRange::Kind::unsatisfiable:
      return "unsatisfiable";
    case ByteRange::Kind::partial:
      break;
  }
  return "partial " + std::to_string(range.first) + "+" + std::to_string(range.length);
}

std::string range_of(std::string_view header, std::size_t size) {
  return describe(select_byte_range(header, size));
}

}  // namespace

// The examples of RFC 9110 §14.1.2, on its 10,000-byte representation.
BOOST_AUTO_TEST_CASE(selects_the_byte_ranges_of_the_rfcs_examples) {
  BOOST_TEST(range_of("bytes=0-499", 10000) == "partial 0+500");
  BOOST_TEST(range_of("bytes=500-999", 10000) == "partial 500+500");
  BOOST_TEST(range_of("bytes=-500", 10000) == "partial 9500+500");
  BOOST_TEST(range_of("bytes=9500-", 10000) == "partial 9500+500");
  // "The first and last bytes only": several ranges, which the preview answers whole.
  BOOST_TEST(range_of("bytes=0-0,-1", 10000) == "whole");
  BOOST_TEST(range_of("bytes= 0-999, 4500-5499, -1000", 10000) == "whole");
  BOOST_TEST(range_of("bytes=500-600,601-999", 10000) == "whole");
}

// §14.1.2: a last-pos at or past the end means the last byte; a suffix longer than the
// representation means all of it.
BOOST_AUTO_TEST_CASE(clamps_a_range_to_the_end_of_the_file) {
  BOOST_TEST(range_of("bytes=0-", 10) == "partial 0+10");
  BOOST_TEST(range_of("bytes=0-9", 10) == "partial 0+10");
  BOOST_TEST(range_of("bytes=0-10", 10) == "partial 0+10");
  BOOST_TEST(range_of("bytes=5-3000000", 10) == "partial 5+5");
  BOOST_TEST(range_of("bytes=9-9", 10) == "partial 9+1");
  BOOST_TEST(range_of("bytes=-10", 10) == "partial 0+10");
  BOOST_TEST(range_of("bytes=-3000000", 10) == "partial 0+10");
  BOOST_TEST(range_of("bytes=0-99999999999999999999999999", 10) == "partial 0+10");
  BOOST_TEST(range_of("bytes=-99999999999999999999999999", 10) == "partial 0+10");
}

// §14.1.2: an int-range is satisfiable when first-pos is below the length, a suffix-range
// when its length is not 0; of an empty file no int-range is.
BOOST_AUTO_TEST_CASE(a_range_that_starts_past_the_end_is_unsatisfiable) {
  BOOST_TEST(range_of("bytes=10-", 10) == "unsatisfiable");
  BOOST_TEST(range_of("bytes=10-20", 10) == "unsatisfiable");
  BOOST_TEST(range_of("bytes=3000000-", 10) == "unsatisfiable");
  BOOST_TEST(range_of("bytes=99999999999999999999999999-", 10) == "unsatisfiable");
  BOOST_TEST(range_of("bytes=-0", 10) == "unsatisfiable");
  BOOST_TEST(range_of("bytes=0-0", 0) == "unsatisfiable");
  BOOST_TEST(range_of("bytes=0-", 0) == "unsatisfiable");
  // A suffix of an empty file is satisfiable by no bytes, which a 206 cannot carry.
  BOOST_TEST(range_of("bytes=-1", 0) == "whole");
}

// §14.2: a server MAY ignore Range, and MUST ignore a unit it does not know. Units compare
// ignoring case (§14.1); empty list elements are skipped (§5.6.1).
BOOST_AUTO_TEST_CASE(ignores_a_range_header_it_cannot_parse_or_of_another_unit) {
  for (const auto* header :
       {"", "bytes", "bytes=", "bytes=,", "bytes=-", "bytes=--1", "bytes=1", "bytes=a-b",
        "bytes=0x10-", "bytes=+1-2", "bytes=1-+2", "bytes=5-4", "bytes=0-0-1", "bytes =0-0",
        "bytes=0 -1", "items=0-0", "=0-0", "bytes=1-2;3", "bytes=\xff-"}) {
    BOOST_TEST(range_of(header, 10) == "whole", header);
  }
  BOOST_TEST(range_of("Bytes=0-0", 10) == "partial 0+1");
  BOOST_TEST(range_of("BYTES=0-0", 10) == "partial 0+1");
  BOOST_TEST(range_of("bytes=,0-0,", 10) == "partial 0+1");
  BOOST_TEST(range_of(" bytes=0-0\t", 10) == "partial 0+1");
}

BOOST_AUTO_TEST_CASE(writes_content_range_as_the_rfc_does) {
  BOOST_TEST(content_range({ByteRange::Kind::partial, 42, 1192}, 1234) == "bytes 42-1233/1234");
  BOOST_TEST(content_range({ByteRange::Kind::unsatisfiable, 0, 0}, 1234) == "bytes */1234");
  BOOST_TEST(content_range({}, 1234).empty());
}

BOOST_AUTO_TEST_CASE(tells_loopback_addresses_from_the_others) {
  for (const auto* address : {"127.0.0.1", "127.1.2.3", "::1", "localhost", "LocalHost"}) {
    BOOST_TEST(is_loopback(address), address);
  }
  for (const auto* address :
       {"0.0.0.0", "::", "192.168.1.5", "localhost.example", "128.0.0.1", "::2", ""}) {
    BOOST_TEST(!is_loopback(address), address);
  }
}

namespace {

const MachineNames kMachine{{"mypc", "mypc.local"}, {"192.168.1.5", "[fe80::1]", "127.0.0.1"}};

std::string verdict(const AllowedHosts& hosts, std::string_view host) {
  switch (hosts.check(host)) {
    case AllowedHosts::Verdict::allowed:
      return "allowed";
    case AllowedHosts::Verdict::other_host:
      return "other host";
    case AllowedHosts::Verdict::malformed:
      break;
  }
  return "malformed";
}

}  // namespace

// RFC 9110 §7.2: Host is uri-host [":" port]; without a port, HTTP's 80 is meant. Names
// compare ignoring case (RFC 3986 §3.2.2), IPv6 addresses by value.
BOOST_AUTO_TEST_CASE(on_loopback_the_preview_answers_to_loopback_names_with_its_port) {
  const auto hosts = AllowedHosts::for_bind("127.0.0.1", 1313, kMachine);
  BOOST_TEST(hosts.names() == (std::vector<std::string>{"127.0.0.1", "localhost", "[::1]"}),
             boost::test_tools::per_element());
  for (const auto* host : {"127.0.0.1:1313", "localhost:1313", "LocalHost:1313", "[::1]:1313",
                           "[0:0:0:0:0:0:0:1]:1313", "[::1]:01313"}) {
    BOOST_TEST(verdict(hosts, host) == "allowed", host);
  }
  for (const auto* host :
       {"127.0.0.1", "localhost", "localhost:", "127.0.0.1:80", "127.0.0.1:13130",
        "127.0.0.1:99999999999", "evil.example:1313", "localhost.evil.example:1313", "mypc:1313",
        "192.168.1.5:1313", "[::2]:1313", "127.0.0.2:1313", "127.1:1313", "%6cocalhost:1313"}) {
    BOOST_TEST(verdict(hosts, host) == "other host", host);
  }
  for (const auto* host : {"", ":1313", "[::1", "[::1]x", "[::1]:x", "[nope]:1313", "a b:1313",
                           "a/b:1313", "127.0.0.1:13a", "127.0.0.1:1313:1", "a@b:1313"}) {
    BOOST_TEST(verdict(hosts, host) == "malformed", host);
  }
  const auto on_80 = AllowedHosts::for_bind("localhost", 80, kMachine);
  BOOST_TEST(verdict(on_80, "localhost") == "allowed");
  BOOST_TEST(verdict(on_80, "127.0.0.1:") == "allowed");
  BOOST_TEST(verdict(AllowedHosts::for_bind("::1", 1313, kMachine), "[::1]:1313") == "allowed");
}

// Someone on the network types the machine's name or one of its addresses.
BOOST_AUTO_TEST_CASE(on_every_address_the_preview_answers_to_the_machines_names_and_addresses) {
  for (const auto* bind : {"0.0.0.0", "::"}) {
    const auto hosts = AllowedHosts::for_bind(bind, 1313, kMachine);
    for (const auto* host : {"192.168.1.5:1313", "[fe80::1]:1313", "mypc:1313", "MyPC.local:1313",
                             "127.0.0.1:1313", "localhost:1313", "[::1]:1313"}) {
      BOOST_TEST(verdict(hosts, host) == "allowed", bind << " " << host);
    }
    for (const auto* host : {"192.168.1.6:1313", "mypc.evil.example:1313", "0.0.0.0:1313",
                             "[::]:1313", "192.168.1.5:80"}) {
      BOOST_TEST(verdict(hosts, host) == "other host", bind << " " << host);
    }
  }
  // Bound to one address: only that address reaches it, by number or by the machine's name.
  const auto one = AllowedHosts::for_bind("192.168.1.5", 1313, kMachine);
  BOOST_TEST(one.names().front() == "192.168.1.5");
  BOOST_TEST(verdict(one, "192.168.1.5:1313") == "allowed");
  BOOST_TEST(verdict(one, "mypc.local:1313") == "allowed");
  BOOST_TEST(verdict(one, "127.0.0.1:1313") == "other host");
  BOOST_TEST(verdict(one, "[fe80::1]:1313") == "other host");
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
  // A dataset's CSV is a source; the lock file Excel keeps beside it while open is not.
  BOOST_TEST(is_site_source("content/data/achievement.csv"));
  BOOST_TEST(!is_site_source("content/data/~$achievement.csv"));
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
