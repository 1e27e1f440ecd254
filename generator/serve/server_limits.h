// How many connections the preview serves at once, and for how long one may hold a thread.
// The preview is for a person's browsers on this machine, not a public server: these keep a
// page loading while those browsers hold every connection they keep open.
#pragma once

#include <chrono>
#include <cstddef>

namespace hyoka {

struct ServerLimits {
  // cpp-httplib's thread pool, fixed in size: each accepted connection holds a thread until it
  // closes. Connections beyond wait for a thread.
  std::size_t threads = 64;
  // Open pages' live-reload streams, each holding its thread for as long as the page is
  // open; one more is answered 503. The threads left over (40) are for pages: a browser keeps
  // at most six connections to a host, so a few browsers never hold them all.
  int max_event_streams = 24;
  // A kept-alive connection that sends no request for this long is closed, giving its thread
  // back. Also the longest a stop waits for such a connection. Whole seconds: the Keep-Alive
  // header tells clients this value.
  std::chrono::seconds keep_alive_timeout{2};
  // How long one read of a request, or one write of an answer, may wait for the client.
  std::chrono::seconds read_timeout{5};
  std::chrono::seconds write_timeout{5};
};

}  // namespace hyoka
