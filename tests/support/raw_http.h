// HTTP over plain sockets for the preview server's tests: requests sent byte for byte, with
// nothing normalized by a client library, and answers read as the server wrote them.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hyoka::test {

// A client connection to 127.0.0.1:`port`.
class Socket {
 public:
  explicit Socket(int port);
  ~Socket();
  Socket(Socket&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;

  void send_all(std::string_view bytes);
  int fd() const { return fd_; }

 private:
  int fd_;
};

// What came back on one connection.
struct Received {
  std::string bytes;
  bool closed = false;  // by the server (end of stream or reset) before the deadline

  // Of the first answer: 0 when there is none.
  int status() const;
  // The first value of a header of the first answer, by its name in any case; "" if none.
  std::string header(std::string_view name) const;
  // How many lines of the first answer's header have this name.
  std::size_t header_count(std::string_view name) const;
  // Everything after the first answer's header.
  std::string body() const;
  // How many answers the bytes hold (status lines at the start of a line).
  std::size_t answers() const;
};

// Reads every socket until the server closes it or `within` has passed.
std::vector<Received> read_until_closed(const std::vector<Socket>& sockets,
                                        std::chrono::steady_clock::duration within);
Received read_until_closed(Socket socket, std::chrono::steady_clock::duration within);

// Reads until the bytes hold `needle` or the server closes or `within` has passed.
Received read_until(const Socket& socket, std::string_view needle,
                    std::chrono::steady_clock::duration within);

// One request on a connection of its own, read until the server closes it.
Received send_and_read(int port, std::string_view request,
                       std::chrono::steady_clock::duration within = std::chrono::seconds(10));

// "GET <target> HTTP/1.1" with Host 127.0.0.1:<port>, `headers` (each ending in CRLF) and
// Connection: close.
std::string get_request(int port, std::string_view target, std::string_view headers = "",
                        std::string_view method = "GET");

}  // namespace hyoka::test
