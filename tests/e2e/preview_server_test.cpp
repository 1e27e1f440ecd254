// The preview server over real HTTP on a free loopback port, in this process: content types,
// the sub-path, redirects, the site's 404 page, HEAD, byte ranges, empty files, refused
// methods, traversal attempts sent byte for byte, and the live-reload events in the order pages
// must get them.
#define BOOST_TEST_MODULE preview_server
#include <httplib.h>
#include <sys/resource.h>

#include <boost/test/unit_test.hpp>
#include <condition_variable>
#include <regex>
#include <sstream>

#include "pipeline/build.h"
#include "serve/content_type.h"
#include "serve/live_reload.h"
#include "serve/preview_build.h"
#include "serve/preview_server.h"
#include "support/raw_http.h"
#include "support/run.h"

using namespace hyoka;
using hyoka::test::get_request;
using hyoka::test::send_and_read;

namespace {

const SiteFiles kSite{
    {"index.html", "<html><head><title>home</title></head><body>home</body></html>"},
    {"404.html", "<html><head></head><body>the site's own 404</body></html>"},
    {"areas/recovery/index.html", "<html><head></head><body>recovery</body></html>"},
    {"css/style.css", "body { color: black }"},
    {"chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
    {"data/achievement.csv", "area,count\n"},
    {"data/achievement.json", "{}"},
    {"catalog.jsonld", "{}"},
    {"catalog.ttl", "@prefix dcat: <http://www.w3.org/ns/dcat#> ."},
    {"js/hyoka.js", "document.documentElement.dataset.js = 'yes';\n"},
    {"sitemap.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset/>\n"},
    {"robots.txt", "User-agent: *\nAllow: /\n"},
    {"CNAME", "hyoka.example.jp"},
    // Every build writes it, empty.
    {".nojekyll", ""},
};

struct Preview {
  PreviewServer server;
  int port = server.bind("127.0.0.1", 0);
  httplib::Client client{"127.0.0.1", port};

  explicit Preview(const SiteFiles& site = kSite) {
    BOOST_REQUIRE(port > 0);
    server.show_site(site, "/fukushima-ict/", "");
    server.start();
    client.set_connection_timeout(5);
    client.set_read_timeout(5);
    client.set_url_encode(false);
  }
};

// The preview of the site in `source_dir` on a free port, and a client of it; what the
// server shows is the last successful run(), once start() is called.
struct SitePreview {
  PreviewServer server;
  int port = server.bind("127.0.0.1", 0);
  PreviewBuild build;
  std::ostringstream log;
  httplib::Client client{"127.0.0.1", port};

  explicit SitePreview(const std::string& source_dir, const std::string& secret = "")
      : build(options(source_dir, secret), preview_origin("127.0.0.1", port), server) {}
  // Builds after a change of `changed` (everything when empty); `log` holds this run's words.
  bool run(const std::vector<std::string>& changed = {}) {
    log.str("");
    return build.run(changed, log);
  }

 private:
  static ServeOptions options(const std::string& source_dir, const std::string& secret) {
    ServeOptions options;
    options.source_dir = source_dir;
    options.secret = secret;
    return options;
  }
};

// Sends `target` exactly as written, with nothing normalized by a client library.
std::string raw_request(int port, const std::string& method, const std::string& target) {
  return send_and_read(port, get_request(port, target, "", method)).bytes;
}

// An open page's event stream, read on a thread of its own.
class EventStream {
 public:
  explicit EventStream(int port) : client_("127.0.0.1", port) {
    client_.set_read_timeout(10);
    reader_ = std::thread([this] {
      client_.Get("/__hyoka/events", [this](const char* data, std::size_t length) {
        {
          const std::lock_guard lock(mutex_);
          text_.append(data, length);
        }
        arrived_.notify_all();
        return true;
      });
    });
  }
  ~EventStream() { reader_.join(); }  // ends when the server stops

  // Waits (at most 5 s) until the stream holds `needle` after what earlier calls consumed.
  bool next(const std::string& needle) {
    std::unique_lock lock(mutex_);
    return arrived_.wait_for(lock, std::chrono::seconds(5), [&] {
      const auto at = text_.find(needle, consumed_);
      if (at == std::string::npos) return false;
      consumed_ = at + needle.size();
      return true;
    });
  }

 private:
  httplib::Client client_;
  std::thread reader_;
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::string text_;
  std::size_t consumed_ = 0;
};

}  // namespace

BOOST_AUTO_TEST_CASE(serves_every_kind_of_output_file_with_its_content_type) {
  Preview preview;
  for (const auto& [path, bytes] : kSite) {
    if (path == "404.html") continue;
    const auto response = preview.client.Get("/fukushima-ict/" + path);
    BOOST_REQUIRE(response);
    BOOST_TEST(response->status == 200, path);
    BOOST_TEST(response->get_header_value("Content-Type") == content_type_for(path), path);
    BOOST_TEST(response->get_header_value("X-Content-Type-Options") == "nosniff");
    if (!path.ends_with(".html")) BOOST_TEST(response->body == bytes, path);
  }
  BOOST_TEST(content_type_for("catalog.ttl") == "text/turtle; charset=utf-8");
}

BOOST_AUTO_TEST_CASE(injects_the_live_reload_script_into_pages_only) {
  Preview preview;
  const auto page = preview.client.Get("/fukushima-ict/");
  BOOST_REQUIRE(page);
  BOOST_TEST(page->body.find(kLiveReloadMarker) != std::string::npos);
  BOOST_TEST(page->body.find("<body>home</body>") != std::string::npos);
  const auto style = preview.client.Get("/fukushima-ict/css/style.css");
  BOOST_REQUIRE(style);
  BOOST_TEST(style->body == "body { color: black }");
}

BOOST_AUTO_TEST_CASE(serves_the_site_under_its_sub_path_and_redirects_to_it) {
  Preview preview;
  for (const auto* target : {"/", "/fukushima-ict"}) {
    const auto response = preview.client.Get(target);
    BOOST_REQUIRE(response);
    BOOST_TEST(response->status == 302, target);
    BOOST_TEST(response->get_header_value("Location") == "/fukushima-ict/", target);
  }
  const auto folder = preview.client.Get("/fukushima-ict/areas/recovery");
  BOOST_REQUIRE(folder);
  BOOST_TEST(folder->status == 302);
  BOOST_TEST(folder->get_header_value("Location") == "/fukushima-ict/areas/recovery/");
  const auto index = preview.client.Get("/fukushima-ict/areas/recovery/");
  BOOST_REQUIRE(index);
  BOOST_TEST(index->status == 200);
  BOOST_TEST(index->body.find("recovery") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(answers_a_missing_path_with_the_sites_own_404_page) {
  Preview preview;
  for (const auto* target : {"/fukushima-ict/nope/", "/index.html", "/other/index.html"}) {
    const auto response = preview.client.Get(target);
    BOOST_REQUIRE(response);
    BOOST_TEST(response->status == 404, target);
    BOOST_TEST(response->get_header_value("Content-Type") == "text/html; charset=utf-8");
    BOOST_TEST(response->body.find("the site's own 404") != std::string::npos, target);
    BOOST_TEST(response->body.find(kLiveReloadMarker) != std::string::npos, target);
  }
}

BOOST_AUTO_TEST_CASE(answers_head_like_get_without_the_body) {
  Preview preview;
  const auto get = preview.client.Get("/fukushima-ict/css/style.css");
  const auto head = preview.client.Head("/fukushima-ict/css/style.css");
  BOOST_REQUIRE(get);
  BOOST_REQUIRE(head);
  BOOST_TEST(head->status == 200);
  BOOST_TEST(head->body.empty());
  BOOST_TEST(head->get_header_value("Content-Length") == std::to_string(get->body.size()));
  BOOST_TEST(head->get_header_value("Content-Type") == "text/css; charset=utf-8");
  const auto missing = preview.client.Head("/fukushima-ict/nope");
  BOOST_REQUIRE(missing);
  BOOST_TEST(missing->status == 404);
}

// Byte ranges, by RFC 9110 §14: a satisfiable single range gets 206 with exactly those bytes
// and Content-Range "bytes first-last/length"; a last-pos past the end, or a suffix longer
// than the file, stops at the last byte (§14.1.2).
BOOST_AUTO_TEST_CASE(answers_a_byte_range_of_every_kind_of_file_with_206_and_those_bytes_only) {
  Preview preview;
  for (const auto& [path, bytes] : kSite) {
    if (bytes.empty() || path == "404.html") continue;
    const auto target = "/fukushima-ict/" + path;
    const auto whole = send_and_read(preview.port, get_request(preview.port, target));
    BOOST_REQUIRE_MESSAGE(whole.status() == 200, path);
    // The representation ranges are taken from: for a page, the page with its script.
    const auto file = whole.body();
    const auto n = file.size();
    BOOST_TEST(whole.header("Accept-Ranges") == "bytes", path);
    const auto last = std::to_string(n - 1);
    const struct {
      std::string range;
      std::size_t first;
      std::size_t last;
    } cases[] = {
        {"bytes=0-0", 0, 0},
        {"bytes=-1", n - 1, n - 1},
        {"bytes=" + last + "-", n - 1, n - 1},
        {"bytes=" + last + "-" + last, n - 1, n - 1},
        {"bytes=1-", 1, n - 1},
        {"bytes=0-3000000", 0, n - 1},
        {"bytes=-3000000", 0, n - 1},
        {"bytes=0-99999999999999999999999", 0, n - 1},
        // Range units are case-insensitive (§14.1); empty list elements are ignored (§5.6.1).
        {"BYTES=0-0", 0, 0},
        {"bytes=1-1,", 1, 1},
    };
    for (const auto& c : cases) {
      BOOST_TEST_CONTEXT(path << ", Range: " << c.range) {
        const auto answer = send_and_read(
            preview.port, get_request(preview.port, target, "Range: " + c.range + "\r\n"));
        const auto length = c.last - c.first + 1;
        BOOST_TEST(answer.status() == 206);
        BOOST_TEST(answer.header("Content-Range") == "bytes " + std::to_string(c.first) + "-" +
                                                         std::to_string(c.last) + "/" +
                                                         std::to_string(n));
        BOOST_TEST(answer.header("Content-Length") == std::to_string(length));
        BOOST_TEST(answer.header("Content-Type") == content_type_for(path));
        BOOST_TEST(answer.body() == file.substr(c.first, length));
      }
    }
  }
}

// §14.1.2 and §15.5.17: a range that starts at or past the end (or a suffix of 0 bytes) is
// not satisfiable: 416, with Content-Range "bytes */length" (§14.4), and no file bytes.
BOOST_AUTO_TEST_CASE(a_range_that_starts_past_the_end_gets_416_and_no_bytes_of_the_file) {
  Preview preview;
  for (const auto& [path, bytes] : kSite) {
    if (path == "404.html") continue;
    const auto target = "/fukushima-ict/" + path;
    const auto n = send_and_read(preview.port, get_request(preview.port, target)).body().size();
    const auto end = std::to_string(n);
    for (const auto& range :
         {"bytes=" + end + "-", "bytes=" + end + "-" + end, std::string("bytes=3000000-"),
          std::string("bytes=3000000-3000001"), std::string("bytes=-0")}) {
      BOOST_TEST_CONTEXT(path << ", Range: " << range) {
        const auto answer = send_and_read(
            preview.port, get_request(preview.port, target, "Range: " + range + "\r\n"));
        BOOST_TEST(answer.closed);
        BOOST_TEST(answer.status() == 416);
        BOOST_TEST(answer.header("Content-Range") == "bytes */" + end);
        BOOST_TEST(answer.header("Content-Length") == std::to_string(answer.body().size()));
        BOOST_TEST(answer.body().size() < 100u);
        if (!bytes.empty()) BOOST_TEST(answer.body().find(bytes) == std::string::npos);
      }
    }
  }
}

// §14.2: a server MAY ignore Range, MUST ignore it for a method other than GET, for a unit it
// does not know, and when If-Range does not match (the preview sends no validators, so none
// matches); a Range only applies where the answer would be 200. The preview also ignores a
// Range it cannot parse and one with several ranges, and sends the whole file.
BOOST_AUTO_TEST_CASE(a_range_the_preview_does_not_serve_gets_the_whole_file) {
  Preview preview;
  const std::string target = "/fukushima-ict/css/style.css";
  const std::string style = kSite.at("css/style.css");
  for (const auto* headers :
       {"Range: items=0-0\r\n", "Range: bytes=5-1\r\n", "Range: bytes=zz\r\n", "Range: bytes=\r\n",
        "Range: bytes=--1\r\n", "Range: bytes=0-0,-1\r\n", "Range: bytes=0-1,2-3,4-5\r\n",
        "Range: bytes=0-0\r\nRange: bytes=1-1\r\n", "Range: bytes=0-0\r\nIf-Range: \"x\"\r\n",
        "Range: bytes=0-0\r\nIf-Range: Sat, 29 Oct 1994 19:43:31 GMT\r\n"}) {
    BOOST_TEST_CONTEXT(headers) {
      const auto answer = send_and_read(preview.port, get_request(preview.port, target, headers));
      BOOST_TEST(answer.status() == 200);
      BOOST_TEST(answer.header("Content-Range").empty());
      BOOST_TEST(answer.body() == style);
    }
  }
  const auto head = send_and_read(
      preview.port, get_request(preview.port, target, "Range: bytes=0-0\r\n", "HEAD"));
  BOOST_TEST(head.status() == 200);
  BOOST_TEST(head.header("Content-Length") == std::to_string(style.size()));
  BOOST_TEST(head.body().empty());
  const auto missing = send_and_read(
      preview.port, get_request(preview.port, "/fukushima-ict/nope", "Range: bytes=0-0\r\n"));
  BOOST_TEST(missing.status() == 404);
  BOOST_TEST(missing.body().find("the site's own 404") != std::string::npos);
}

// Every build writes an empty .nojekyll. Its answer must say Content-Length: 0 and end.
BOOST_AUTO_TEST_CASE(an_empty_file_is_answered_at_once_and_leaves_the_server_idle) {
  Preview preview;
  const auto start = std::chrono::steady_clock::now();
  const auto answer = send_and_read(
      preview.port, get_request(preview.port, "/fukushima-ict/.nojekyll"), std::chrono::seconds(5));
  BOOST_TEST(answer.closed);
  BOOST_TEST(answer.status() == 200);
  BOOST_TEST(answer.header("Content-Length") == "0");
  BOOST_TEST(answer.body().empty());
  BOOST_TEST((std::chrono::steady_clock::now() - start < std::chrono::seconds(2)));
  // Kept alive, the connection takes the next request at once.
  hyoka::test::Socket socket(preview.port);
  const auto keep_alive = [&](const std::string& path) {
    return "GET /fukushima-ict/" + path +
           " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(preview.port) + "\r\n\r\n";
  };
  socket.send_all(keep_alive(".nojekyll"));
  const auto first = hyoka::test::read_until(socket, "\r\n\r\n", std::chrono::seconds(5));
  BOOST_TEST(first.status() == 200);
  BOOST_TEST(first.header("Content-Length") == "0");
  socket.send_all(keep_alive("css/style.css"));
  const auto second =
      hyoka::test::read_until(socket, kSite.at("css/style.css"), std::chrono::seconds(5));
  BOOST_TEST(second.status() == 200);
  BOOST_TEST(second.body() == kSite.at("css/style.css"));
  const auto head = send_and_read(
      preview.port, get_request(preview.port, "/fukushima-ict/.nojekyll", "", "HEAD"));
  BOOST_TEST(head.status() == 200);
  BOOST_TEST(head.header("Content-Length") == "0");
  // Of an empty file no int-range is satisfiable (§14.1.2); a suffix is, but of no bytes, and
  // a 206 cannot say so: the whole (empty) file.
  const auto first_byte = send_and_read(
      preview.port, get_request(preview.port, "/fukushima-ict/.nojekyll", "Range: bytes=0-0\r\n"));
  BOOST_TEST(first_byte.status() == 416);
  BOOST_TEST(first_byte.header("Content-Range") == "bytes */0");
  const auto suffix = send_and_read(
      preview.port, get_request(preview.port, "/fukushima-ict/.nojekyll", "Range: bytes=-1\r\n"));
  BOOST_TEST(suffix.status() == 200);
  BOOST_TEST(suffix.header("Content-Length") == "0");

  // Nothing keeps working once the clients are gone: the server sleeps.
  rusage before{};
  getrusage(RUSAGE_SELF, &before);
  std::this_thread::sleep_for(std::chrono::seconds(1));
  rusage after{};
  getrusage(RUSAGE_SELF, &after);
  const auto cpu = [](const rusage& usage) {
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  };
  BOOST_TEST(cpu(after) - cpu(before) < 0.25,
             "processor time in 1 s: " << cpu(after) - cpu(before));
}

// cpp-httplib's own socket options add SO_REUSEPORT, with which a second preview bound to the
// same port as well, and the kernel shared the connections between the two sites.
BOOST_AUTO_TEST_CASE(a_second_preview_cannot_take_a_port_another_listens_on) {
  Preview preview;
  PreviewServer second;
  BOOST_TEST(second.bind("127.0.0.1", preview.port) == -1);
  const auto style = preview.client.Get("/fukushima-ict/css/style.css");
  BOOST_REQUIRE(style);
  BOOST_TEST(style->body == kSite.at("css/style.css"));
}

BOOST_AUTO_TEST_CASE(refuses_every_method_but_get_and_head) {
  Preview preview;
  for (const auto* method : {"POST", "PUT", "DELETE", "OPTIONS", "PATCH"}) {
    const auto response = raw_request(preview.port, method, "/fukushima-ict/");
    BOOST_TEST(response.starts_with("HTTP/1.1 405"), method);
    BOOST_TEST(response.find("Allow: GET, HEAD") != std::string::npos, method);
  }
}

BOOST_AUTO_TEST_CASE(no_traversal_attempt_reaches_anything_outside_the_site) {
  Preview preview;
  for (const auto* target :
       {"/fukushima-ict/../../../../etc/passwd", "/../../../../etc/passwd",
        "/fukushima-ict/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/fukushima-ict/%2E%2E%2F%2E%2E%2Fetc",
        "/fukushima-ict/..%2f..%2f..%2fetc%2fpasswd", "/fukushima-ict/%252e%252e/etc/passwd",
        "/fukushima-ict/..\\..\\..\\etc\\passwd", "/fukushima-ict/%5c..%5c..%5cetc%5cpasswd",
        "/fukushima-ict/./index.html", "/fukushima-ict/index.html%00.css",
        "/fukushima-ict//etc/passwd", "/etc/passwd", "/proc/self/environ",
        "/fukushima-ict/areas/../../fukushima-ict/index.html"}) {
    const auto response = raw_request(preview.port, "GET", target);
    BOOST_TEST((response.starts_with("HTTP/1.1 404") || response.starts_with("HTTP/1.1 400")),
               target << " → " << response.substr(0, response.find('\r')));
    BOOST_TEST(response.find("root:") == std::string::npos, target);
  }
}

BOOST_AUTO_TEST_CASE(pages_hear_reload_only_once_the_new_site_is_served) {
  Preview preview;
  EventStream events(preview.port);
  BOOST_REQUIRE(events.next("retry: 500\n\n"));

  auto edited = kSite;
  edited["areas/recovery/index.html"] = "<html><head></head><body>edited</body></html>";
  preview.server.show_site(edited, "/fukushima-ict/", "content/areas/recovery.md");
  BOOST_REQUIRE(events.next("event: reload\ndata: content/areas/recovery.md\n\n"));
  // The page reloads the moment it hears the event: the new text must be there already.
  const auto page = preview.client.Get("/fukushima-ict/areas/recovery/");
  BOOST_REQUIRE(page);
  BOOST_TEST(page->body.find("edited") != std::string::npos);

  // A change of stylesheets only swaps them.
  edited["css/style.css"] = "body { color: navy }";
  preview.server.show_site(edited, "/fukushima-ict/", "themes/default/static/css/style.css");
  BOOST_REQUIRE(events.next("event: css\n"));

  // A failed build: the error for every page, and the last good site stays.
  preview.server.show_error("content/a.md:2:9: error: <b>bad</b>\n", "/fukushima-ict/");
  BOOST_REQUIRE(events.next("event: build-error\ndata: content/a.md:2:9: error: <b>bad</b>\n\n"));
  const auto still = preview.client.Get("/fukushima-ict/areas/recovery/");
  BOOST_REQUIRE(still);
  BOOST_TEST(still->body.find("edited") != std::string::npos);
  // The fix: the same site as before the error still reloads, to clear the overlay.
  preview.server.show_site(edited, "/fukushima-ict/", "content/a.md");
  BOOST_REQUIRE(events.next("event: reload\n"));
  preview.server.stop();
}

BOOST_AUTO_TEST_CASE(a_page_opened_while_the_build_is_broken_sees_the_error_at_once) {
  Preview preview;
  preview.server.show_error("content/a.md:1:1: error: x\n", "/fukushima-ict/");
  EventStream events(preview.port);
  BOOST_REQUIRE(events.next("event: build-error\ndata: content/a.md:1:1: error: x\n"));
  preview.server.stop();
}

BOOST_AUTO_TEST_CASE(before_the_first_good_build_every_page_shows_the_error_escaped) {
  PreviewServer server;
  const int port = server.bind("127.0.0.1", 0);
  server.show_error("site.toml:1:9: error: <oops>\n", "/x/");
  server.start();
  httplib::Client client("127.0.0.1", port);
  const auto root = client.Get("/");
  BOOST_REQUIRE(root);
  BOOST_TEST(root->status == 302);
  const auto page = client.Get("/x/");
  BOOST_REQUIRE(page);
  BOOST_TEST(page->status == 500);
  BOOST_TEST(page->body.find("site.toml:1:9: error: &lt;oops&gt;") != std::string::npos);
  BOOST_TEST(page->body.find(kLiveReloadMarker) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(previews_the_sample_site_at_its_sub_path_with_links_to_the_preview) {
  SitePreview preview(HYOKA_SOURCE_DIR);
  auto& [server, port, build, log, client] = preview;
  BOOST_REQUIRE(preview.run());
  BOOST_TEST(log.str().find("hyoka: built 6 pages in ") != std::string::npos);
  BOOST_TEST(build.url() == "http://127.0.0.1:" + std::to_string(port) + "/fukushima-ict/");
  server.start();
  const auto home = client.Get("/fukushima-ict/");
  BOOST_REQUIRE(home);
  BOOST_TEST(home->status == 200);
  BOOST_TEST(home->body.find("ふくしま") != std::string::npos);
  // The 404 page's absolute links and the canonical links point at the preview.
  const auto missing = client.Get("/fukushima-ict/no/such/page/");
  BOOST_REQUIRE(missing);
  BOOST_TEST(missing->status == 404);
  BOOST_TEST(missing->body.find(build.url()) != std::string::npos);
  BOOST_TEST(missing->body.find("example.github.io") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(hyoka_build_output_never_holds_the_live_reload_script) {
  const RealFileSystem fs;
  BuildOptions options;
  options.source_dir = HYOKA_SOURCE_DIR;
  options.write = false;
  options.keep_files = true;
  const auto result = build_site(options, fs);
  BOOST_REQUIRE(result.ok);
  BOOST_REQUIRE(!result.files.empty());
  for (const auto& [path, bytes] : result.files) {
    BOOST_TEST(bytes.find(kLiveReloadMarker) == std::string::npos, path);
    BOOST_TEST(bytes.find("__hyoka") == std::string::npos, path);
    BOOST_TEST(bytes.find("EventSource") == std::string::npos, path);
  }
}

BOOST_AUTO_TEST_CASE(a_preview_origin_is_a_url_a_browser_can_open) {
  BOOST_TEST(preview_origin("127.0.0.1", 1313) == "http://127.0.0.1:1313");
  BOOST_TEST(preview_origin("0.0.0.0", 8080) == "http://127.0.0.1:8080");
  BOOST_TEST(preview_origin("::1", 1313) == "http://[::1]:1313");
  BOOST_TEST(preview_origin("::", 1313) == "http://[::1]:1313");
}

BOOST_AUTO_TEST_CASE(an_edit_of_a_pages_markdown_renders_that_page_alone_and_the_same) {
  hyoka::test::TempDir dir;
  hyoka::test::copy_sample_site(dir.path());
  const auto page_file = dir.path() / "content/areas/recovery.md";
  const auto original = hyoka::test::read_file(page_file);
  SitePreview preview(dir.path().string());
  auto& [server, port, build, log, client] = preview;
  BOOST_REQUIRE(preview.run());
  server.start();
  const auto home_before = client.Get("/fukushima-ict/");
  BOOST_REQUIRE(home_before);
  const std::vector<std::string> changed = {"content/areas/recovery.md"};

  // The body only: that page alone, and exactly what a full build makes of it.
  hyoka::test::write_file(page_file, original + "\n追記の段落。\n");
  BOOST_REQUIRE(preview.run(changed));
  BOOST_TEST(log.str().find("rebuilt 1 page in ") != std::string::npos, log.str());
  // One file is the page: the verb agrees with it (issue 22: "1 file differ").
  BOOST_TEST(log.str().ends_with(" ms, 1 file differs\n"), log.str());
  BuildOptions full;
  full.source_dir = dir.path().string();
  full.base_url = build.url();
  full.write = false;
  full.keep_files = true;
  const auto expected = build_site(full, RealFileSystem());
  BOOST_REQUIRE(expected.ok);
  const auto page = client.Get("/fukushima-ict/areas/recovery/");
  BOOST_REQUIRE(page);
  BOOST_TEST(page->body.find("追記の段落。") != std::string::npos);
  BOOST_TEST(page->body == inject_live_reload(expected.files.at("areas/recovery/index.html")));
  BOOST_TEST(client.Get("/fukushima-ict/")->body == home_before->body);

  // Saved again without a change: nothing is rendered.
  BOOST_REQUIRE(preview.run(changed));
  BOOST_TEST(log.str().find("rebuilt 0 pages in ") != std::string::npos, log.str());
  BOOST_TEST(log.str().ends_with(" ms, 0 files differ\n"), log.str());

  // A new title reaches the home page and the neighbours: a full build.
  hyoka::test::write_file(page_file, std::regex_replace(original, std::regex("title = \"[^\"]*\""),
                                                        "title = \"復興の新しい名前\"",
                                                        std::regex_constants::format_first_only));
  BOOST_REQUIRE(preview.run(changed));
  BOOST_TEST(log.str().find("rebuilt 6 pages in ") != std::string::npos, log.str());
  BOOST_TEST(client.Get("/fukushima-ict/")->body.find("復興の新しい名前") != std::string::npos);

  // A broken link in the body fails like any build, and the next edit builds in full again.
  hyoka::test::write_file(page_file, original + "\n[どこにも](nowhere.html)\n");
  BOOST_TEST(!preview.run(changed));
  BOOST_TEST(log.str().find("broken link \"nowhere.html\"") != std::string::npos, log.str());
  hyoka::test::write_file(page_file, original);
  BOOST_REQUIRE(preview.run(changed));
  BOOST_TEST(log.str().find("rebuilt 6 pages in ") != std::string::npos, log.str());
}

BOOST_AUTO_TEST_CASE(an_edit_of_a_datasets_csv_rebuilds_the_site_with_its_figures) {
  hyoka::test::TempDir dir;
  hyoka::test::copy_minimal_site(dir.path());
  hyoka::test::write_file(dir.path() / "content/data/counts.toml",
                          "title = \"達成状況\"\nrows = \"counts.csv\"\n"
                          "[measures.implemented]\nlabel = \"実施事業項目\"\n");
  const auto csv = dir.path() / "content/data/counts.csv";
  hyoka::test::write_file(csv, "分野ID,年度,実施事業項目\nalpha,2020,7\nbeta,2020,5\n");
  SitePreview preview(dir.path().string());
  auto& [server, port, build, log, client] = preview;
  BOOST_REQUIRE(preview.run());
  server.start();
  const std::vector<std::string> changed = {"content/data/counts.csv"};

  hyoka::test::write_file(csv, "分野ID,年度,実施事業項目\nalpha,2020,\"4,321\"\nbeta,2020,5\n");
  BOOST_REQUIRE(preview.run(changed));
  BOOST_TEST(
      log.str().find("content/data/counts.csv changed: rebuilt 3 pages") != std::string::npos,
      log.str());
  BOOST_TEST(client.Get("/test/areas/alpha/")->body.find("4,321") != std::string::npos);

  // A broken cell: the overlay points into the CSV.
  hyoka::test::write_file(csv, "分野ID,年度,実施事業項目\nalpha,2020,たくさん\nbeta,2020,5\n");
  BOOST_TEST(!preview.run(changed));
  const auto overlay = server.hub().subscribe().first;
  BOOST_TEST(overlay.find("content/data/counts.csv:2:12: error: \"たくさん\" is not a count") !=
                 std::string::npos,
             overlay);
}

BOOST_AUTO_TEST_CASE(the_error_overlay_masks_the_api_token) {
  hyoka::test::TempDir dir;
  hyoka::test::copy_minimal_site(dir.path());
  const std::string token = "preview-test-token-51c0";
  hyoka::test::write_file(dir.path() / "content/areas/alpha.md",
                          "+++\ntitle = \"a\"\nkey = \"" + token + "\"\n+++\n");
  SitePreview preview(dir.path().string(), token);
  BOOST_REQUIRE(!preview.run());
  const auto overlay = preview.server.hub().subscribe().first;
  BOOST_TEST(overlay.find("key = \"***\"") != std::string::npos, overlay);
  BOOST_TEST(overlay.find(token) == std::string::npos);
}
