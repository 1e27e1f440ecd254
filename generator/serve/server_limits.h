// The preview server's bounds on every connection: how long it may stay quiet, how long and
// how large one request may be, and how many connections are served at once. A client that
// breaks one of them is answered (408, 414, 431) or closed; it never holds the server.
#pragma once

#include <chrono>
#include <cstddef>

namespace hyoka {

struct ServerLimits {
  // A connection that sends no request for this long (a new one, or kept alive after its last
  // answer) is closed. Whole seconds: the Keep-Alive header tells clients this value.
  std::chrono::seconds idle_timeout{5};
  // A request's line and headers must arrive within this time from their first byte, however
  // slowly they trickle in; otherwise 408 and the connection closes.
  std::chrono::seconds request_timeout{10};
  // Each write of an answer must be taken by the client within this time, or it closes.
  std::chrono::seconds write_timeout{5};
  // A request's line and headers together: 414 (the line) or 431 (the headers) beyond.
  // cpp-httplib itself answers a line over 8,192 bytes with 414 and a header over 8,192 bytes
  // with 400.
  std::size_t max_request_bytes = 64 * 1024;
  // Connections served at once, one thread each; threads are started as connections come and
  // end after 30 s without one. Connections beyond wait their turn in the queue.
  std::size_t max_connections = 2048;
  // Requests answered on one kept-alive connection before it closes.
  std::size_t max_requests_per_connection = 1000;
  // Open pages' live-reload streams; one more is answered 503.
  int max_event_streams = 24;
};

}  // namespace hyoka
