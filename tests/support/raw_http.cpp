#include "support/raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cerrno>
#include <cstring>

namespace hyoka::test {

namespace {

using Clock = std::chrono::steady_clock;

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// The header lines of the first answer, without the status line.
std::vector<std::pair<std::string_view, std::string_view>> header_lines(std::string_view bytes) {
  std::vector<std::pair<std::string_view, std::string_view>> lines;
  const auto end = bytes.find("\r\n\r\n");
  if (end == std::string_view::npos) return lines;
  auto head = bytes.substr(0, end + 2);
  head.remove_prefix(std::min(head.size(), head.find("\r\n") + 2));
  while (!head.empty()) {
    const auto line = head.substr(0, head.find("\r\n"));
    head.remove_prefix(line.size() + 2);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    auto value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    lines.emplace_back(line.substr(0, colon), value);
  }
  return lines;
}

}  // namespace

Socket::Socket(int port) : fd_(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
  BOOST_REQUIRE_MESSAGE(fd_ >= 0, "socket: " << std::strerror(errno));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  BOOST_REQUIRE_MESSAGE(connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0,
                        "connect: " << std::strerror(errno));
}

Socket::~Socket() {
  if (fd_ >= 0) close(fd_);
}

void Socket::send_all(std::string_view bytes) {
  while (!bytes.empty()) {
    const auto sent = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    BOOST_REQUIRE_MESSAGE(sent > 0, "send: " << std::strerror(errno));
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
}

int Received::status() const {
  if (!bytes.starts_with("HTTP/1.1 ") || bytes.size() < 12) return 0;
  return std::stoi(bytes.substr(9, 3));
}

std::string Received::header(std::string_view name) const {
  for (const auto& [key, value] : header_lines(bytes)) {
    if (same_name(key, name)) return std::string(value);
  }
  return "";
}

std::size_t Received::header_count(std::string_view name) const {
  std::size_t count = 0;
  for (const auto& [key, value] : header_lines(bytes)) count += same_name(key, name) ? 1 : 0;
  return count;
}

std::string Received::body() const {
  const auto end = bytes.find("\r\n\r\n");
  return end == std::string::npos ? "" : bytes.substr(end + 4);
}

std::size_t Received::answers() const {
  std::size_t count = bytes.starts_with("HTTP/1.1 ") ? 1 : 0;
  for (auto at = bytes.find("\nHTTP/1.1 "); at != std::string::npos;
       at = bytes.find("\nHTTP/1.1 ", at + 1)) {
    ++count;
  }
  return count;
}

std::vector<Received> read_until_closed(const std::vector<Socket>& sockets,
                                        Clock::duration within) {
  std::vector<Received> received(sockets.size());
  std::vector<pollfd> fds;
  for (const auto& socket : sockets) fds.push_back({socket.fd(), POLLIN, 0});
  const auto deadline = Clock::now() + within;
  std::size_t open = sockets.size();
  std::vector<char> buffer(65536);
  while (open > 0 && Clock::now() < deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    const int ready = poll(fds.data(), fds.size(), static_cast<int>(left.count()) + 1);
    if (ready < 0 && errno == EINTR) continue;
    BOOST_REQUIRE(ready >= 0);
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const auto n = recv(fds[i].fd, buffer.data(), buffer.size(), 0);
      if (n > 0) {
        received[i].bytes.append(buffer.data(), static_cast<std::size_t>(n));
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

Received read_until(const Socket& socket, std::string_view needle, Clock::duration within) {
  Received received;
  const auto deadline = Clock::now() + within;
  char buffer[4096];
  while (received.bytes.find(needle) == std::string::npos && Clock::now() < deadline) {
    pollfd fd{socket.fd(), POLLIN, 0};
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (poll(&fd, 1, static_cast<int>(left.count()) + 1) <= 0) continue;
    const auto n = recv(socket.fd(), buffer, sizeof buffer, 0);
    if (n <= 0) {
      received.closed = true;
      break;
    }
    received.bytes.append(buffer, static_cast<std::size_t>(n));
  }
  return received;
}

Received send_and_read(int port, std::string_view request, Clock::duration within) {
  Socket socket(port);
  socket.send_all(request);
  return read_until_closed(std::move(socket), within);
}

std::string get_request(int port, std::string_view target, std::string_view headers,
                        std::string_view method) {
  return std::string(method) + " " + std::string(target) +
         " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n" + std::string(headers) +
         "Connection: close\r\n\r\n";
}

}  // namespace hyoka::test
