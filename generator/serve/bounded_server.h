// cpp-httplib's Server with every connection bounded in time and size (ServerLimits), for the
// preview. Private to serve/: only .cpp files include it, so httplib.h stays out of the other
// headers.
//
// Debian's cpp-httplib 0.11.4 is a compiled library: its CPPHTTPLIB_* limits (8,192-byte
// request line and header, a listen backlog of 5, 5 s per read) are fixed inside
// libcpp-httplib.so, and defining the macros here would change nothing. What it leaves open:
//  - a fixed thread pool in which every connection holds a thread until its timeout, so a
//    thousand idle connections starve everyone else: here, a pool that starts threads as
//    connections come, up to ServerLimits::max_connections;
//  - the read timeout is per read, so a client that sends a byte every few seconds keeps its
//    thread for ever, and the request line and the number of headers have no limit in bytes:
//    here, each connection is read through a Stream of our own with a deadline and a byte
//    budget for each request (process_and_close_socket is httplib's virtual hook for this);
//  - a listen backlog of 5, so a burst of connections waits for SYN retries: raised after bind.
#pragma once

#include <httplib.h>

#include <string>

#include "serve/server_limits.h"

namespace hyoka {

class BoundedServer final : public httplib::Server {
 public:
  explicit BoundedServer(const ServerLimits& limits);
  ~BoundedServer() override;

  // Port 0 picks a free one. Returns the port, or -1 when the address cannot be bound.
  int bind(const std::string& host, int port);
  // Wakes every connection that waits for a request, so that they close, and stops listening.
  // The thread that runs listen_after_bind() returns once every connection has closed.
  void stop_all();

 private:
  bool process_and_close_socket(socket_t sock) override;

  ServerLimits limits_;
  int stop_fd_;  // an eventfd, readable once stop_all() was called
};

}  // namespace hyoka
