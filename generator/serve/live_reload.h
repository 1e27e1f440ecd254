// Live reload by server-sent events: the script injected into served pages, and the hub that
// tells every open page what the last rebuild did. Only the preview injects it; `hyoka build`
// never sees this code.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace hyoka {

// `html` with the live-reload script added before </head> (or </body>, or at the end, for a
// page without them), so it runs on every page however the theme shapes it.
std::string inject_live_reload(std::string_view html);

// A marker that only the injected script holds; tests look for it in built sites.
inline constexpr std::string_view kLiveReloadMarker = "hyoka-live-reload";

// One event of the stream, in text/event-stream framing; a multi-line `data` is split into
// several data lines, which EventSource joins back with newlines.
std::string sse_event(std::string_view name, std::string_view data);

// The page served for every path while no build has succeeded yet: the error, escaped, and
// the script, so the page reloads by itself once the site builds.
std::string error_page(std::string_view diagnostics);

// What the open pages should do after a rebuild.
enum class ReloadKind { reload, css, build_error };

class LiveReloadHub {
 public:
  // Events are numbered; a page that falls more than this far behind just reloads.
  static constexpr std::size_t kHistory = 16;

  struct Event {
    std::uint64_t number;
    std::string text;  // framed, ready to write
  };

  // Called only after the new site is being served (or the error recorded), never before.
  void publish(ReloadKind kind, std::string_view data = {});
  // Ends every stream so the server can stop without waiting for open pages.
  void close();

  // A new stream: what it sends first (the retry delay and the current build error, if any)
  // and the number of the last event it has thereby seen, taken together so none is missed.
  std::pair<std::string, std::uint64_t> subscribe() const;
  // The next event after `seen`, or nullopt when `timeout` passed (the caller sends a
  // keep-alive comment) or the hub closed (`closed()` tells which).
  std::optional<Event> wait_after(std::uint64_t seen, std::chrono::milliseconds timeout);
  bool closed() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Event> history_;
  std::uint64_t latest_ = 0;
  std::string current_error_;  // framed build-error event while the last build failed
  bool closed_ = false;
};

}  // namespace hyoka
