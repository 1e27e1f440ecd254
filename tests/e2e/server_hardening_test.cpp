// The preview server against requests a browser would not send, over raw sockets on loopback in
// this process: malformed requests, bodies and bad Content-Length, other hosts' names (DNS
// rebinding), and a person's browsers holding every connection they may while a page loads.
// None may crash the server, be answered as if it were fine, or keep a page from loading.
#define BOOST_TEST_MODULE server_hardening
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "serve/preview_server.h"
#include "support/raw_http.h"

using namespace hyoka;
using namespace hyoka::test;
using namespace std::string_literals;
using Clock = std::chrono::steady_clock;
using std::chrono::seconds;

namespace {

const std::string kStyle = "body { color: black }";
const std::string kStylePath = "/fukushima-ict/css/style.css";

const SiteFiles kSite{
    {"index.html", "<html><head><title>home</title></head><body>home</body></html>"},
    {"404.html", "<html><head></head><body>the site's own 404</body></html>"},
    {"css/style.css", kStyle},
};

struct Preview {
  PreviewServer server;
  int port;

  explicit Preview(const std::string& address = "127.0.0.1") : port(server.bind(address, 0)) {
    BOOST_REQUIRE(port > 0);
    server.show_site(kSite, "/fukushima-ict/", "");
    server.start();
  }

  std::string host() const { return "127.0.0.1:" + std::to_string(port); }
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The stylesheet, whole, over a new connection, answered within `within`.
void require_the_stylesheet(int port, Clock::duration within = seconds(10)) {
  const auto answer = send_and_read(port, get_request(port, kStylePath), within);
  BOOST_TEST(answer.status() == 200);
  BOOST_TEST(answer.body() == kStyle);
}

// An open page's live-reload stream, once the server has sent its first bytes.
Socket open_event_stream(int port) {
  Socket socket(port);
  socket.send_all("GET /__hyoka/events HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                  "\r\nAccept: text/event-stream\r\n\r\n");
  const auto greeting = read_until(socket, "retry: 500", seconds(10));
  BOOST_TEST(greeting.status() == 200);
  BOOST_TEST(greeting.header("Content-Type") == "text/event-stream");
  return socket;
}

// A connection that has had its answer and is kept alive, as a browser keeps it after a page.
Socket kept_alive_connection(int port) {
  Socket socket(port);
  socket.send_all("GET " + kStylePath + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                  "\r\n\r\n");
  BOOST_TEST(read_until(socket, kStyle, seconds(10)).body() == kStyle);
  return socket;
}

}  // namespace

// RFC 9112 §3: an invalid request line gets 400 (or a request-target too long to parse, 414);
// RFC 9110 §5.4: a header line too large gets a 4xx. The server keeps answering others.
BOOST_AUTO_TEST_CASE(answers_malformed_requests_with_4xx_and_keeps_serving) {
  Preview preview;
  const struct {
    const char* what;
    std::string bytes;
    int status;
  } cases[] = {
      {"garbage bytes", "\x01\x02\xff\xfe garbage\r\n\r\n", 400},
      {"NUL bytes", "\0\0\0\0\r\n\r\n"s, 400},
      {"only blank lines", "\r\n\r\n\r\n", 400},
      {"no HTTP version", "GET /fukushima-ict/css/style.css\r\n\r\n", 400},
      {"unknown HTTP version",
       "GET /fukushima-ict/ HTTP/9.9\r\nHost: " + preview.host() + "\r\n\r\n", 400},
      {"unknown method", "BREW /fukushima-ict/ HTTP/1.1\r\nHost: " + preview.host() + "\r\n\r\n",
       400},
      {"HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400},
      {"NUL in the target",
       "GET /fukushima-ict/\0.css HTTP/1.1\r\nHost: " + preview.host() + "\r\n\r\n"s, 400},
      {"URL of 9 KB", "GET /" + std::string(9 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", 414},
  };
  // All at once: the server closes each connection once it has been quiet for a while.
  std::vector<Socket> sockets;
  for (const auto& c : cases) {
    sockets.emplace_back(preview.port);
    sockets.back().send_all(c.bytes);
  }
  const auto answers = read_until_closed(sockets, seconds(20));
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    BOOST_TEST_CONTEXT(cases[i].what) {
      BOOST_TEST(answers[i].status() == cases[i].status);
      BOOST_TEST(answers[i].closed);
    }
  }
  const auto long_header = send_and_read(
      preview.port,
      get_request(preview.port, kStylePath, "X-Long: " + std::string(9 * 1024, 'a') + "\r\n"));
  BOOST_TEST(long_header.status() >= 400);
  BOOST_TEST(long_header.status() < 500);
  require_the_stylesheet(preview.port);
}

// RFC 9112 §6.3: a request whose Content-Length is not one valid number (several lines, a
// list, not a number) has no message framing a server can trust: 400, then close. Nothing
// after its headers may be read as another request.
BOOST_AUTO_TEST_CASE(refuses_a_request_with_duplicate_or_invalid_content_length_and_closes) {
  Preview preview;
  const auto head = "GET " + kStylePath + " HTTP/1.1\r\nHost: " + preview.host() + "\r\n";
  const auto hidden = "GET " + kStylePath + " HTTP/1.1\r\nHost: " + preview.host() + "\r\n\r\n";
  const auto hidden_length = std::to_string(hidden.size());
  for (const auto& request : {
           head + "Content-Length: 0\r\nContent-Length: 0\r\n\r\n",
           head + "Content-Length: 0\r\nContent-Length: " + hidden_length + "\r\n\r\n" + hidden,
           head + "Content-Length: " + hidden_length + "\r\nContent-Length: 0\r\n\r\n" + hidden,
           head + "Content-Length: " + hidden_length + "\r\ncontent-length: " + hidden_length +
               "\r\n\r\n" + hidden,
           head + "Content-Length: 0, 0\r\n\r\n",
           head + "Content-Length: abc\r\n\r\n",
           head + "Content-Length: -5\r\n\r\n",
           head + "Content-Length: +5\r\n\r\n",
       }) {
    BOOST_TEST_CONTEXT(request) {
      const auto start = Clock::now();
      // Without Connection: close; a server that keeps the connection fails the time bound.
      const auto answer = send_and_read(preview.port, request, seconds(5));
      BOOST_TEST(answer.status() == 400);
      BOOST_TEST(answer.closed);
      BOOST_TEST(seconds_since(start) < 1.0);
      BOOST_TEST(answer.answers() == 1u);
      BOOST_TEST(answer.header("Connection") == "close");
      BOOST_TEST(answer.body().find(kStyle) == std::string::npos);
    }
  }
  require_the_stylesheet(preview.port);
}

// RFC 9110 §9.3.1: content in a GET has no defined meaning, and a server may reject such a
// request and close the connection. The preview reads no request's content, so it does: what
// follows the headers is never taken for a request of its own.
BOOST_AUTO_TEST_CASE(refuses_a_request_with_a_body_and_closes_before_reading_it) {
  Preview preview;
  const auto hidden = "GET " + kStylePath + " HTTP/1.1\r\nHost: " + preview.host() + "\r\n\r\n";
  const auto with_body = [&](const std::string& method, const std::string& framing) {
    return method + " /fukushima-ict/ HTTP/1.1\r\nHost: " + preview.host() + "\r\n" + framing;
  };
  const struct {
    std::string request;
    int status;
  } cases[] = {
      {with_body("GET", "Content-Length: " + std::to_string(hidden.size()) + "\r\n\r\n" + hidden),
       400},
      {with_body("GET", "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n" + hidden), 400},
      {with_body("GET", "Content-Length: 99999999999\r\n\r\n"), 400},
      {with_body("POST", "Content-Length: " + std::to_string(hidden.size()) + "\r\n\r\n" + hidden),
       405},
      {with_body("POST", "Content-Length: 99999999999\r\n\r\n"), 405},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.request) {
      const auto start = Clock::now();
      const auto answer = send_and_read(preview.port, c.request, seconds(5));
      BOOST_TEST(answer.status() == c.status);
      BOOST_TEST(answer.closed);
      BOOST_TEST(seconds_since(start) < 1.0);
      BOOST_TEST(answer.answers() == 1u);
      BOOST_TEST(answer.body().find(kStyle) == std::string::npos);
    }
  }
  require_the_stylesheet(preview.port);
}

// A page on another site can reach the preview through DNS rebinding: its name resolves to
// 127.0.0.1, and the browser sends that name as Host. Only the preview's own names are
// answered (RFC 9110 §15.5.20: 421 for a request not meant for this server); a request without
// a Host, or with two, is a bad request (RFC 9112 §3.2).
BOOST_AUTO_TEST_CASE(answers_only_requests_addressed_to_its_own_host) {
  Preview preview;
  const auto port = std::to_string(preview.port);
  const auto request = [&](const std::string& target, const std::string& host_lines) {
    return "GET " + target + " HTTP/1.1\r\n" + host_lines + "Connection: close\r\n\r\n";
  };
  for (const auto& host : {"127.0.0.1:" + port, "localhost:" + port, "LocalHost:" + port,
                           "[::1]:" + port, "[0:0:0:0:0:0:0:1]:" + port}) {
    BOOST_TEST_CONTEXT(host) {
      const auto answer =
          send_and_read(preview.port, request(kStylePath, "Host: " + host + "\r\n"));
      BOOST_TEST(answer.status() == 200);
      BOOST_TEST(answer.body() == kStyle);
    }
  }
  for (const auto& host :
       {"evil.example:" + port, "evil.example"s, "127.0.0.1"s, "localhost"s, "127.0.0.1:1"s,
        "127.0.0.1:" + port + "0", "localhost.evil.example:" + port, "127.0.0.1.nip.io:" + port,
        "[::2]:" + port, "127.0.0.2:" + port, "0.0.0.0:" + port, "10.0.0.1:" + port}) {
    for (const auto* target :
         {"/fukushima-ict/css/style.css", "/fukushima-ict/", "/nope", "/__hyoka/events"}) {
      BOOST_TEST_CONTEXT(host << " " << target) {
        const auto answer =
            send_and_read(preview.port, request(target, "Host: " + host + "\r\n"), seconds(5));
        BOOST_TEST(answer.status() == 421);
        BOOST_TEST(answer.closed);
        BOOST_TEST(answer.header("Content-Type") == "text/plain; charset=utf-8");
        BOOST_TEST(answer.header("Content-Length") == std::to_string(answer.body().size()));
        BOOST_TEST(answer.body().find(kStyle) == std::string::npos);
        BOOST_TEST(answer.body().find("home") == std::string::npos);
        BOOST_TEST(answer.body().find("retry:") == std::string::npos);
      }
    }
  }
  for (const auto& lines : {""s, "Host: 127.0.0.1:" + port + "\r\nHost: 127.0.0.1:" + port + "\r\n",
                            "Host: \r\n"s, "Host: 127.0.0.1:" + port + "\r\nHost: evil\r\n"}) {
    BOOST_TEST_CONTEXT(lines) {
      const auto answer = send_and_read(preview.port, request(kStylePath, lines), seconds(5));
      BOOST_TEST(answer.status() == 400);
      BOOST_TEST(answer.body().find(kStyle) == std::string::npos);
    }
  }
}

// Bound to every address, the preview answers to what someone on the network types: the
// machine's name (and name.local), one of its addresses, or this machine's loopback names.
BOOST_AUTO_TEST_CASE(bound_to_every_address_it_answers_to_the_machines_names_only) {
  Preview preview("0.0.0.0");
  const auto port = std::to_string(preview.port);
  char name[256] = "";
  BOOST_REQUIRE(gethostname(name, sizeof name - 1) == 0);
  const auto style_for = [&](const std::string& host) {
    return send_and_read(preview.port, "GET " + kStylePath + " HTTP/1.1\r\nHost: " + host +
                                           "\r\nConnection: close\r\n\r\n");
  };
  for (const auto& host : {std::string(name) + ":" + port, std::string(name) + ".local:" + port,
                           "127.0.0.1:" + port, "localhost:" + port}) {
    BOOST_TEST_CONTEXT(host) {
      BOOST_TEST(style_for(host).status() == 200);
    }
  }
  for (const auto& host : {"evil.example:" + port, std::string(name) + ".evil.example:" + port}) {
    BOOST_TEST_CONTEXT(host) {
      BOOST_TEST(style_for(host).status() == 421);
    }
  }
}

// A browser keeps up to six connections to a host, kept alive between pages, and each open
// page holds one more for its live-reload stream for as long as it is open. With several
// browsers and every live-reload stream the preview takes open, a page still loads at once,
// and a stream beyond them is refused (503) rather than holding a connection a page needs.
BOOST_AUTO_TEST_CASE(live_reload_streams_and_kept_alive_connections_never_starve_a_page_load) {
  // README: "at most 24 open pages get live reload (the next one gets 503)".
  constexpr int kStreams = 24;
  Preview preview;
  std::vector<Socket> held;
  for (int browser = 0; browser < 3; ++browser) {
    for (int i = 0; i < 6; ++i) held.push_back(kept_alive_connection(preview.port));
  }
  for (int page = 0; page < kStreams; ++page) held.push_back(open_event_stream(preview.port));

  auto start = Clock::now();
  require_the_stylesheet(preview.port, seconds(10));
  auto took = seconds_since(start);
  // Milliseconds when a thread is free; a wait for a kept-alive connection's timeout or for a
  // stream to end would take seconds.
  BOOST_TEST(took < 1.0, "answered in " << took << " s");

  Socket one_more(preview.port);
  one_more.send_all("GET /__hyoka/events HTTP/1.1\r\nHost: " + preview.host() +
                    "\r\nConnection: close\r\n\r\n");
  const auto refused = read_until_closed(std::move(one_more), seconds(10));
  BOOST_TEST(refused.status() == 503);

  start = Clock::now();
  require_the_stylesheet(preview.port, seconds(10));
  took = seconds_since(start);
  BOOST_TEST(took < 1.0, "answered in " << took << " s");
}

// A kept-alive connection a browser leaves open holds a thread: it is closed after a short
// quiet time (README: 2 s), so that it never holds one for long.
BOOST_AUTO_TEST_CASE(a_quiet_kept_alive_connection_is_closed_within_seconds) {
  Preview preview;
  auto socket = kept_alive_connection(preview.port);
  const auto start = Clock::now();
  const auto rest = read_until_closed(std::move(socket), seconds(10));
  BOOST_TEST(rest.closed);
  BOOST_TEST(rest.bytes.empty());
  BOOST_TEST(seconds_since(start) < 4.0, "closed after " << seconds_since(start) << " s");
}

// Ctrl+C must not wait for the pages a person left open.
BOOST_AUTO_TEST_CASE(stops_within_seconds_with_idle_connections_and_streams_open) {
  std::vector<Socket> held;
  double took = 0;
  {
    Preview preview;
    for (int i = 0; i < 100; ++i) held.emplace_back(preview.port);
    for (int i = 0; i < 6; ++i) held.push_back(kept_alive_connection(preview.port));
    for (int i = 0; i < 6; ++i) held.push_back(open_event_stream(preview.port));
    require_the_stylesheet(preview.port);
    const auto start = Clock::now();
    preview.server.stop();
    took = seconds_since(start);
  }
  BOOST_TEST(took < 4.0, "stopped in " << took << " s");
  const auto answers = read_until_closed(held, seconds(5));
  std::size_t closed = 0;
  for (const auto& answer : answers) closed += answer.closed ? 1 : 0;
  BOOST_TEST(closed == held.size());
}
