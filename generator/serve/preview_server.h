// The preview's HTTP side (cpp-httplib): serves the last good site from memory under its
// sub-path, injects the live-reload script into pages, and streams reload events.
// Only GET and HEAD are answered, only for the preview's own host names, and nothing is ever
// read from the disk.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "render/render_site.h"
#include "serve/allowed_hosts.h"
#include "serve/live_reload.h"
#include "serve/server_limits.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace hyoka {

class PreviewServer {
 public:
  explicit PreviewServer(const ServerLimits& limits = {});
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  // Binds before the first build, because the build needs the port for its base URL.
  // Port 0 picks a free one. Returns the port, or -1 when the address cannot be bound (also
  // when another server listens there already). Requests are answered only when their Host
  // is one of allowed_hosts(), set here from the address.
  int bind(const std::string& host, int port);
  const AllowedHosts& allowed_hosts() const { return hosts_; }
  // Answers requests on a thread of its own until stop(); returns once it listens.
  void start();
  // Ends open event streams, then stops the server; idempotent.
  void stop();

  // Serves `files` from now on and tells the open pages: a reload, or only a stylesheet swap
  // when nothing but CSS changed, or nothing when the site is unchanged and was not broken.
  // Returns how many files differ from the site served before.
  std::size_t show_site(SiteFiles files, std::string sub_path, std::string_view what_changed);
  // Serves the site served now with `changed` files replaced (a page the preview rebuilt on its
  // own), and tells the open pages. Returns how many files differ.
  std::size_t update_site(SiteFiles changed, std::string_view what_changed);
  // Keeps the last good site and shows `diagnostics` over every open page.
  void show_error(std::string diagnostics, std::string sub_path);

  LiveReloadHub& hub() { return hub_; }

 private:
  // Each file on its own, so that a rebuilt page replaces one entry and shares the rest.
  using Files = std::map<std::string, std::shared_ptr<const std::string>>;
  struct Served {
    std::shared_ptr<const Files> files;  // null until the first good build
    std::string sub_path = "/";
    std::string error;  // the last build's diagnostics when it failed
  };
  Served current() const;
  std::size_t publish(std::shared_ptr<const Files> next, std::string sub_path,
                      std::string_view what_changed);
  void answer(const httplib::Request& request, httplib::Response& response);
  void stream_events(httplib::Response& response);

  ServerLimits limits_;
  std::unique_ptr<httplib::Server> server_;
  int listening_socket_ = -1;  // httplib's, once bound
  AllowedHosts hosts_;
  std::thread listener_;
  std::atomic<bool> listener_done_ = false;
  LiveReloadHub hub_;
  mutable std::mutex mutex_;
  Served served_;
  std::atomic<int> streams_ = 0;
};

}  // namespace hyoka
