// The preview server against clients that break the rules, over raw sockets on loopback in
// this process: malformed requests, very long URLs and headers, a request that trickles in,
// 1,000 connections at once, 1,000 idle ones, more connections than threads, and a stop with
// connections open. None may crash the server or keep it from answering a page.
#define BOOST_TEST_MODULE server_hardening
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "serve/preview_server.h"

using namespace hyoka;
using namespace std::string_literals;
using Clock = std::chrono::steady_clock;
using std::chrono::seconds;

namespace {

constexpr std::size_t kMany = 1000;
const std::string kStyle = "body { color: black }";
const std::string kStyleRequest =
    "GET /fukushima-ict/css/style.css HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

const SiteFiles kSite{
    {"index.html", "<html><head><title>home</title></head><body>home</body></html>"},
    {"404.html", "<html><head></head><body>the site's own 404</body></html>"},
    {"css/style.css", kStyle},
};

// Shorter than the defaults, so the test waits less; the code is the same.
ServerLimits short_limits() {
  ServerLimits limits;
  limits.idle_timeout = seconds(2);
  limits.request_timeout = seconds(3);
  return limits;
}

// Long enough that a connection closed within a few seconds was closed for another reason.
ServerLimits long_limits() {
  ServerLimits limits;
  limits.idle_timeout = seconds(60);
  limits.request_timeout = seconds(60);
  return limits;
}

struct Preview {
  PreviewServer server;
  int port;

  explicit Preview(const ServerLimits& limits) : server(limits), port(server.bind("127.0.0.1", 0)) {
    BOOST_REQUIRE(port > 0);
    server.show_site(kSite, "/fukushima-ict/", "");
    server.start();
  }
};

// Both ends of 1,000 connections are in this process: 2,000 descriptors, more than the usual
// soft limit of 1,024.
struct RaiseOpenFileLimit {
  RaiseOpenFileLimit() {
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
      files.rlim_cur = files.rlim_max;
      setrlimit(RLIMIT_NOFILE, &files);
    }
  }
};
BOOST_TEST_GLOBAL_FIXTURE(RaiseOpenFileLimit);

// 1,000 connections need both of their ends open here.
void require_enough_open_files() {
  rlimit files{};
  BOOST_REQUIRE(getrlimit(RLIMIT_NOFILE, &files) == 0);
  BOOST_REQUIRE_MESSAGE(
      files.rlim_cur >= 2 * kMany + 100,
      "needs 2,100 open files; the hard limit (ulimit -Hn) is " << files.rlim_max);
}

// A client connection that sends bytes exactly as given.
class Socket {
 public:
  explicit Socket(int port) : fd_(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    BOOST_REQUIRE_MESSAGE(fd_ >= 0, "socket: " << std::strerror(errno));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE_MESSAGE(connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0,
                          "connect: " << std::strerror(errno));
  }
  ~Socket() {
    if (fd_ >= 0) close(fd_);
  }
  Socket(Socket&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  void send_all(std::string_view bytes) {
    while (!bytes.empty()) {
      const auto sent = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      BOOST_REQUIRE_MESSAGE(sent > 0, "send: " << std::strerror(errno));
      bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
  }
  // False once the server has closed the connection.
  bool try_send(std::string_view bytes) {
    return send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  int fd() const { return fd_; }

 private:
  int fd_;
};

struct Received {
  std::string bytes;
  bool closed = false;  // by the server (end of stream or reset) before the deadline

  int status() const {
    if (!bytes.starts_with("HTTP/1.1 ") || bytes.size() < 12) return 0;
    return std::stoi(bytes.substr(9, 3));
  }
  std::string body() const {
    const auto end = bytes.find("\r\n\r\n");
    return end == std::string::npos ? "" : bytes.substr(end + 4);
  }
};

// Reads every socket until the server closes it or `within` has passed.
std::vector<Received> read_until_closed(const std::vector<Socket>& sockets,
                                        Clock::duration within) {
  std::vector<Received> received(sockets.size());
  std::vector<pollfd> fds;
  for (const auto& socket : sockets) fds.push_back({socket.fd(), POLLIN, 0});
  const auto deadline = Clock::now() + within;
  std::size_t open = sockets.size();
  char buffer[65536];
  while (open > 0 && Clock::now() < deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    const int ready = poll(fds.data(), fds.size(), static_cast<int>(left.count()) + 1);
    if (ready < 0 && errno == EINTR) continue;
    BOOST_REQUIRE(ready >= 0);
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const auto n = recv(fds[i].fd, buffer, sizeof buffer, 0);
      if (n > 0) {
        received[i].bytes.append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        received[i].closed = true;
        fds[i].fd = -1;  // poll skips it
        --open;
      }
    }
  }
  return received;
}

Received read_until_closed(Socket socket, Clock::duration within) {
  std::vector<Socket> one;
  one.push_back(std::move(socket));
  return read_until_closed(one, within).front();
}

// One request on a connection of its own.
Received send_and_read(int port, std::string_view request, Clock::duration within = seconds(10)) {
  Socket socket(port);
  socket.send_all(request);
  return read_until_closed(std::move(socket), within);
}

// The stylesheet, whole, over a new connection.
void require_the_stylesheet(int port) {
  const auto answer = send_and_read(port, kStyleRequest);
  BOOST_TEST(answer.status() == 200);
  BOOST_TEST(answer.body() == kStyle);
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

BOOST_AUTO_TEST_CASE(answers_malformed_requests_and_closes_their_connections) {
  // Idle timeouts of a minute: each connection below closes at once, or the test fails.
  Preview preview(long_limits());
  const std::string get = "GET /fukushima-ict/css/style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  const std::string hidden = "GET /fukushima-ict/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
  const std::string range_8k = "Range: bytes=0-0" + [] {
    std::string more;
    while (more.size() < 8000) more += ",0-0";
    return more;
  }() + "\r\n";
  const struct {
    const char* what;
    std::string bytes;
    int status;
  } cases[] = {
      {"garbage bytes", "\x01\x02\xff\xfe garbage\r\n\r\n", 400},
      {"NUL bytes", "\0\0\0\0\r\n\r\n"s, 400},
      {"only blank lines", "\r\n\r\n\r\n", 400},
      {"no HTTP version", "GET /fukushima-ict/css/style.css\r\n\r\n", 400},
      {"unknown HTTP version", "GET /fukushima-ict/ HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n", 400},
      {"unknown method", "BREW /fukushima-ict/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400},
      {"HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400},
      {"NUL in the target", "GET /fukushima-ict/\0.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"s, 400},
      {"lines ended by LF only", "GET /fukushima-ict/ HTTP/1.1\nHost: 127.0.0.1\n\n", 400},
      // A body the preview does not read: answered, then closed, never parsed as a request.
      {"invalid Content-Length", get + "Content-Length: abc\r\n\r\n", 200},
      {"negative Content-Length", get + "Content-Length: -5\r\n\r\n", 200},
      {"huge Content-Length, no body", get + "Content-Length: 99999999999\r\n\r\n", 200},
      {"POST with a body that never comes",
       "POST /fukushima-ict/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999999999\r\n\r\n",
       405},
      {"chunked body on a GET", get + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
       200},
      {"a request hidden in a body",
       get + "Content-Length: " + std::to_string(hidden.size()) + "\r\n\r\n" + hidden, 200},
      // httplib skips a header line it cannot split, and a Range it cannot parse is a 416.
      {"header without a colon", get + "X-Broken\r\nConnection: close\r\n\r\n", 200},
      {"unparsable Range", get + "Range: bytes=zz\r\nConnection: close\r\n\r\n", 416},
      {"Range of 8,000 bytes", get + range_8k + "Connection: close\r\n\r\n", 200},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.what) {
      const auto start = Clock::now();
      const auto answer = send_and_read(preview.port, c.bytes, seconds(20));
      BOOST_TEST(answer.closed);
      BOOST_TEST(answer.status() == c.status);
      BOOST_TEST(seconds_since(start) < 10);
      // Exactly one answer: nothing after the headers was taken for a request.
      BOOST_TEST(answer.bytes.find("HTTP/1.1", 1) == std::string::npos);
      require_the_stylesheet(preview.port);
    }
  }
}

BOOST_AUTO_TEST_CASE(refuses_very_long_urls_and_headers_and_keeps_serving) {
  Preview preview(long_limits());
  const std::string get = "GET /fukushima-ict/css/style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  std::string many_headers;
  for (int i = 0; i < 10000; ++i) many_headers += "X-A: b\r\n";
  const struct {
    const char* what;
    std::string bytes;
    int status;
  } cases[] = {
      // httplib's own limits: 8,192 bytes for the request line and for one header line.
      {"URL of 9 KB", "GET /" + std::string(9 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", 414},
      {"header of 9 KB", get + "X-Long: " + std::string(9 * 1024, 'a') + "\r\n\r\n", 400},
      // The preview's: 64 KiB for the line and headers together, which httplib lacks.
      {"URL of 100 KB", "GET /" + std::string(100 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n",
       414},
      {"header of 100 KB", get + "X-Long: " + std::string(100 * 1024, 'a') + "\r\n\r\n", 431},
      {"10,000 short headers", get + many_headers + "\r\n", 431},
      {"URL of 512 KB without an end", "GET /" + std::string(512 * 1024, 'a'), 414},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.what) {
      const auto answer = send_and_read(preview.port, c.bytes, seconds(20));
      BOOST_TEST(answer.closed);
      BOOST_TEST(answer.status() == c.status);
      require_the_stylesheet(preview.port);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_request_that_trickles_in_gets_408_at_its_deadline) {
  // httplib's read timeout is per read: one byte a quarter of a second kept a thread for ever.
  Preview preview(short_limits());
  Socket socket(preview.port);
  socket.send_all("GET /fukushima-ict/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
  const auto start = Clock::now();
  while (seconds_since(start) < 15) {
    pollfd fd{socket.fd(), POLLIN, 0};
    if (poll(&fd, 1, 250) > 0 || !socket.try_send("a")) break;
  }
  const auto answer = read_until_closed(std::move(socket), seconds(5));
  BOOST_TEST(answer.closed);
  BOOST_TEST(answer.status() == 408);
  // The request timeout is 3 s; far below the 15 s the trickle would have gone on.
  BOOST_TEST(seconds_since(start) < 10);
}

BOOST_AUTO_TEST_CASE(answers_1000_connections_open_at_once) {
  require_enough_open_files();
  Preview preview(long_limits());
  std::vector<Socket> sockets;
  for (std::size_t i = 0; i < kMany; ++i) sockets.emplace_back(preview.port);
  for (auto& socket : sockets) socket.send_all(kStyleRequest);
  const auto answers = read_until_closed(sockets, seconds(30));
  std::size_t whole = 0;
  for (const auto& answer : answers) {
    if (answer.closed && answer.status() == 200 && answer.body() == kStyle) ++whole;
  }
  BOOST_TEST(whole == kMany);
}

BOOST_AUTO_TEST_CASE(answers_a_page_while_1000_idle_connections_wait_then_closes_them) {
  require_enough_open_files();
  // Timeouts longer than the bound on the answer below, so that a server that waits for the
  // idle connections to time out cannot pass; short enough that the test waits little.
  ServerLimits limits;
  limits.idle_timeout = seconds(6);
  limits.request_timeout = seconds(7);
  Preview preview(limits);
  std::vector<Socket> idle;
  for (std::size_t i = 0; i < kMany; ++i) {
    idle.emplace_back(preview.port);
    // Every other one sends half a request and then nothing.
    if (i % 2 == 1) idle.back().send_all("GET /fukushima-ict/ HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  }

  httplib::Client client("127.0.0.1", preview.port);
  client.set_read_timeout(10);
  const auto start = Clock::now();
  const auto page = client.Get("/fukushima-ict/css/style.css");
  const auto took = seconds_since(start);
  BOOST_REQUIRE(page);
  BOOST_TEST(page->status == 200);
  BOOST_TEST(page->body == kStyle);
  // About 10 ms on the normal build; the bound leaves room for sanitizer builds on a busy
  // machine, and is far below what waiting for the idle connections' timeouts would take.
  BOOST_TEST(took < 4.0, "answered in " << took << " s");
  BOOST_TEST_MESSAGE("a page with 1,000 idle connections open: " << took * 1000 << " ms");

  // Idle timeout 6 s, request timeout 7 s: every one is closed well within 15 s.
  const auto answers = read_until_closed(idle, seconds(15));
  std::size_t silent_closed = 0;
  std::size_t half_closed_with_408 = 0;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    if (!answers[i].closed) continue;
    if (i % 2 == 0 && answers[i].bytes.empty()) ++silent_closed;
    if (i % 2 == 1 && answers[i].status() == 408) ++half_closed_with_408;
  }
  BOOST_TEST(silent_closed == kMany / 2);
  BOOST_TEST(half_closed_with_408 == kMany / 2);
  require_the_stylesheet(preview.port);
}

BOOST_AUTO_TEST_CASE(connections_beyond_the_thread_limit_wait_their_turn) {
  auto limits = short_limits();
  limits.idle_timeout = seconds(1);
  limits.max_connections = 4;
  Preview preview(limits);
  std::vector<Socket> idle;
  for (int i = 0; i < 8; ++i) idle.emplace_back(preview.port);
  // Queued behind eight idle connections on four threads: about two idle timeouts.
  const auto answer = send_and_read(preview.port, kStyleRequest, seconds(20));
  BOOST_TEST(answer.status() == 200);
  BOOST_TEST(answer.body() == kStyle);
}

BOOST_AUTO_TEST_CASE(answers_pipelined_requests_in_order) {
  Preview preview(long_limits());
  const auto answer =
      send_and_read(preview.port,
                    "GET /fukushima-ict/css/style.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    "GET /fukushima-ict/nope HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" +
                        kStyleRequest);
  BOOST_TEST(answer.closed);
  const auto first = answer.bytes.find("HTTP/1.1 200 OK");
  const auto second = answer.bytes.find("HTTP/1.1 404 Not Found");
  const auto third = answer.bytes.rfind("HTTP/1.1 200 OK");
  BOOST_TEST(first == 0u);
  BOOST_TEST((first < second && second < third && third != std::string::npos));
  BOOST_TEST(answer.bytes.ends_with(kStyle));
}

BOOST_AUTO_TEST_CASE(stops_at_once_with_idle_connections_open) {
  std::vector<Socket> idle;
  double took = 0;
  {
    Preview preview(long_limits());
    for (int i = 0; i < 200; ++i) idle.emplace_back(preview.port);
    idle.back().send_all("GET /fukushima-ict/ HTTP/1.1\r\n");
    require_the_stylesheet(preview.port);
    const auto start = Clock::now();
    preview.server.stop();
    took = seconds_since(start);
  }
  // Idle timeouts of a minute: only the stop can have closed them.
  BOOST_TEST(took < 5.0, "stopped in " << took << " s");
  const auto answers = read_until_closed(idle, seconds(5));
  std::size_t closed = 0;
  for (const auto& answer : answers) closed += answer.closed ? 1 : 0;
  BOOST_TEST(closed == idle.size());
}
