// The preview server over real HTTP on a free loopback port, in this process: content types,
// the sub-path, redirects, the site's 404 page, HEAD, refused methods, traversal attempts sent
// byte for byte, and the live-reload events in the order pages must get them.
#define BOOST_TEST_MODULE preview_server
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <condition_variable>
#include <regex>
#include <sstream>

#include "pipeline/build.h"
#include "serve/content_type.h"
#include "serve/live_reload.h"
#include "serve/preview_build.h"
#include "serve/preview_server.h"
#include "support/run.h"

using namespace hyoka;

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

// Sends `target` exactly as written, with nothing normalized by a client library.
std::string raw_request(int port, const std::string& method, const std::string& target) {
  const int sock = socket(AF_INET, SOCK_STREAM, 0);
  timeval timeout{5, 0};
  setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  BOOST_REQUIRE(connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  const auto request =
      method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  BOOST_REQUIRE(send(sock, request.data(), request.size(), MSG_NOSIGNAL) ==
                static_cast<ssize_t>(request.size()));
  std::string response;
  char buffer[4096];
  for (ssize_t n; (n = recv(sock, buffer, sizeof buffer, 0)) > 0;) response.append(buffer, n);
  close(sock);
  return response;
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
  PreviewServer server;
  const int port = server.bind("127.0.0.1", 0);
  ServeOptions options;
  options.source_dir = HYOKA_SOURCE_DIR;
  PreviewBuild build(options, preview_origin("127.0.0.1", port), server);
  std::ostringstream log;
  BOOST_REQUIRE(build.run({}, log));
  BOOST_TEST(log.str().find("hyoka: built 6 pages in ") != std::string::npos);
  BOOST_TEST(build.url() == "http://127.0.0.1:" + std::to_string(port) + "/fukushima-ict/");
  server.start();
  httplib::Client client("127.0.0.1", port);
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
  PreviewServer server;
  const int port = server.bind("127.0.0.1", 0);
  ServeOptions options;
  options.source_dir = dir.path().string();
  PreviewBuild build(options, preview_origin("127.0.0.1", port), server);
  std::ostringstream log;
  BOOST_REQUIRE(build.run({}, log));
  server.start();
  httplib::Client client("127.0.0.1", port);
  const auto home_before = client.Get("/fukushima-ict/");
  BOOST_REQUIRE(home_before);
  const std::vector<std::string> changed = {"content/areas/recovery.md"};

  // The body only: that page alone, and exactly what a full build makes of it.
  hyoka::test::write_file(page_file, original + "\n追記の段落。\n");
  log.str("");
  BOOST_REQUIRE(build.run(changed, log));
  BOOST_TEST(log.str().find("rebuilt 1 page in ") != std::string::npos, log.str());
  BuildOptions full;
  full.source_dir = options.source_dir;
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
  log.str("");
  BOOST_REQUIRE(build.run(changed, log));
  BOOST_TEST(log.str().find("rebuilt 0 pages in ") != std::string::npos, log.str());

  // A new title reaches the home page and the neighbours: a full build.
  hyoka::test::write_file(page_file, std::regex_replace(original, std::regex("title = \"[^\"]*\""),
                                                        "title = \"復興の新しい名前\"",
                                                        std::regex_constants::format_first_only));
  log.str("");
  BOOST_REQUIRE(build.run(changed, log));
  BOOST_TEST(log.str().find("rebuilt 6 pages in ") != std::string::npos, log.str());
  BOOST_TEST(client.Get("/fukushima-ict/")->body.find("復興の新しい名前") != std::string::npos);

  // A broken link in the body fails like any build, and the next edit builds in full again.
  hyoka::test::write_file(page_file, original + "\n[どこにも](nowhere.html)\n");
  log.str("");
  BOOST_TEST(!build.run(changed, log));
  BOOST_TEST(log.str().find("broken link \"nowhere.html\"") != std::string::npos, log.str());
  hyoka::test::write_file(page_file, original);
  log.str("");
  BOOST_REQUIRE(build.run(changed, log));
  BOOST_TEST(log.str().find("rebuilt 6 pages in ") != std::string::npos, log.str());
}

BOOST_AUTO_TEST_CASE(the_error_overlay_masks_the_api_token) {
  hyoka::test::TempDir dir;
  hyoka::test::copy_minimal_site(dir.path());
  const std::string token = "preview-test-token-51c0";
  hyoka::test::write_file(dir.path() / "content/areas/alpha.md",
                          "+++\ntitle = \"a\"\nkey = \"" + token + "\"\n+++\n");
  PreviewServer server;
  const int port = server.bind("127.0.0.1", 0);
  ServeOptions options;
  options.source_dir = dir.path().string();
  options.secret = token;
  PreviewBuild build(options, preview_origin("127.0.0.1", port), server);
  std::ostringstream log;
  BOOST_REQUIRE(!build.run({}, log));
  const auto overlay = server.hub().subscribe().first;
  BOOST_TEST(overlay.find("key = \"***\"") != std::string::npos, overlay);
  BOOST_TEST(overlay.find(token) == std::string::npos);
}
