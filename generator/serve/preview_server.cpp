#include "serve/preview_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>

#include "serve/content_type.h"
#include "serve/http_answers.h"
#include "serve/route.h"

namespace hyoka {

namespace {

constexpr auto kKeepAliveEvery = std::chrono::seconds(10);
// Then a kept-alive connection closes and the browser opens another: no connection lasts for
// ever, whatever its client does.
constexpr std::size_t kRequestsPerConnection = 1000;
constexpr std::size_t kMaxPayload = 64 * 1024;

struct SiteChanges {
  std::size_t files = 0;
  bool only_styles = true;
};

using Files = std::map<std::string, std::shared_ptr<const std::string>>;

SiteChanges compare(const Files* before, const Files& after) {
  SiteChanges changes;
  const auto note = [&](const std::string& path) {
    ++changes.files;
    if (!path.ends_with(".css")) changes.only_styles = false;
  };
  if (!before) {
    for (const auto& [path, bytes] : after) note(path);
    return changes;
  }
  auto old_file = before->begin();
  auto new_file = after.begin();
  while (old_file != before->end() || new_file != after.end()) {
    if (new_file == after.end() ||
        (old_file != before->end() && old_file->first < new_file->first)) {
      note((old_file++)->first);
    } else if (old_file == before->end() || new_file->first < old_file->first) {
      note((new_file++)->first);
    } else {
      if (old_file->second != new_file->second && *old_file->second != *new_file->second) {
        note(new_file->first);
      }
      ++old_file;
      ++new_file;
    }
  }
  return changes;
}

}  // namespace

PreviewServer::PreviewServer(const ServerLimits& limits)
    : limits_(limits), server_(std::make_unique<httplib::Server>()) {
  const auto threads = limits_.threads;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server_->set_keep_alive_timeout(limits_.keep_alive_timeout.count());
  server_->set_keep_alive_max_count(kRequestsPerConnection);
  server_->set_read_timeout(limits_.read_timeout.count(), 0);
  server_->set_write_timeout(limits_.write_timeout.count(), 0);
  // The preview reads no request's content (a request with some is refused before); should
  // httplib ever read one, it is not for keeping.
  server_->set_payload_max_length(kMaxPayload);
  // Headers and body go out in separate writes; without this, Nagle and delayed ACKs hold
  // every answer back by about 40 ms.
  server_->set_tcp_nodelay(true);
  // httplib's default adds SO_REUSEPORT, with which a second preview on the same port binds
  // too and the kernel shares the connections between them. The socket is kept for bind().
  server_->set_socket_options([this](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listening_socket_ = socket;
  });
  // Every request is answered here, before httplib's own routing: no handler pattern, no
  // mount point, so no request can reach a file on the disk.
  server_->set_pre_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        answer(request, response);
        return httplib::Server::HandlerResponse::Handled;
      });
  // httplib answers a Range it cannot parse with 416 before any handler runs. RFC 9110 §14.2
  // says a Range of an unknown unit MUST be ignored; the preview ignores every Range it does
  // not serve, so such a request gets the answer it would get without one. Only answers
  // that did not come from answer() lack its Cache-Control.
  server_->set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& request, httplib::Response& response) {
        if (response.status != 416 || response.has_header("Cache-Control")) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        answer(request, response);
        return httplib::Server::HandlerResponse::Handled;
      }));
  // httplib writes its Keep-Alive header, and one more Connection when the request asked to
  // close, also on an answer that closes: one Connection: close only.
  server_->set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
    if (response.get_header_value("Connection") == "close") {
      response.headers.erase("Keep-Alive");
      response.headers.erase("Connection");
      response.set_header("Connection", "close");
    }
  });
}

PreviewServer::~PreviewServer() {
  stop();
}

int PreviewServer::bind(const std::string& host, int port) {
  const int bound =
      port == 0 ? server_->bind_to_any_port(host) : (server_->bind_to_port(host, port) ? port : -1);
  if (bound <= 0) return -1;
  // httplib listens with a backlog of 5: a burst of connections, a page and its assets in
  // several tabs, would wait for the kernel's SYN retries, a second or more. Listening again
  // only sets the backlog.
  ::listen(listening_socket_, SOMAXCONN);
  hosts_ =
      AllowedHosts::for_bind(host, bound, is_loopback(host) ? MachineNames{} : machine_names());
  return bound;
}

void PreviewServer::start() {
  listener_ = std::thread([this] {
    server_->listen_after_bind();
    listener_done_ = true;
  });
  // A stop() before httplib marks itself running would be lost, and the listener never end.
  while (!server_->is_running() && !listener_done_) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void PreviewServer::stop() {
  hub_.close();
  server_->stop();
  if (listener_.joinable()) listener_.join();
}

PreviewServer::Served PreviewServer::current() const {
  const std::lock_guard lock(mutex_);
  return served_;
}

std::size_t PreviewServer::show_site(SiteFiles files, std::string sub_path,
                                     std::string_view what_changed) {
  auto next = std::make_shared<Files>();
  for (auto& [path, bytes] : files) {
    next->emplace_hint(next->end(), path, std::make_shared<const std::string>(std::move(bytes)));
  }
  return publish(std::move(next), std::move(sub_path), what_changed);
}

std::size_t PreviewServer::update_site(SiteFiles changed, std::string_view what_changed) {
  const auto served = current();
  if (!served.files) return 0;
  // A copy of the map, not of the files: the pages that did not change are shared.
  auto next = std::make_shared<Files>(*served.files);
  for (auto& [path, bytes] : changed) {
    (*next)[path] = std::make_shared<const std::string>(std::move(bytes));
  }
  return publish(std::move(next), served.sub_path, what_changed);
}

std::size_t PreviewServer::publish(std::shared_ptr<const Files> next, std::string sub_path,
                                   std::string_view what_changed) {
  SiteChanges changes;
  bool was_broken = false;
  bool moved = false;
  {
    const std::lock_guard lock(mutex_);
    changes = compare(served_.files.get(), *next);
    was_broken = !served_.error.empty();
    moved = served_.sub_path != sub_path;
    served_ = {std::move(next), std::move(sub_path), ""};
  }
  // Only now that the new site is served do the pages hear of it.
  if (was_broken || moved || (changes.files > 0 && !changes.only_styles)) {
    hub_.publish(ReloadKind::reload, what_changed);
  } else if (changes.files > 0) {
    hub_.publish(ReloadKind::css, what_changed);
  }
  return changes.files;
}

void PreviewServer::show_error(std::string diagnostics, std::string sub_path) {
  {
    const std::lock_guard lock(mutex_);
    served_.error = diagnostics;
    if (!served_.files) served_.sub_path = std::move(sub_path);
  }
  hub_.publish(ReloadKind::build_error, diagnostics);
}

void PreviewServer::answer(const httplib::Request& request, httplib::Response& response) {
  // httplib has read Range into `ranges` and would cut the answer by them once more, without
  // clamping them to it; the preview applies Range itself (byte_range.h). The Request is
  // httplib's own, not const, handed to the handlers as const.
  const_cast<httplib::Request&>(request).ranges.clear();
  response.set_header("Cache-Control", "no-store");
  response.set_header("X-Content-Type-Options", "nosniff");
  const auto body = body_of(request);
  if (body == RequestBody::unframed) {
    answer_and_close(response, 400, "Bad Request: Content-Length must be one number.\n");
    return;
  }
  const bool close = body == RequestBody::some;
  switch (request.get_header_value_count("Host") == 1
              ? hosts_.check(request.get_header_value("Host"))
              : AllowedHosts::Verdict::malformed) {
    case AllowedHosts::Verdict::allowed:
      break;
    case AllowedHosts::Verdict::malformed:
      refuse(response, 400, "Bad Request: a request must name one host.\n", close);
      return;
    case AllowedHosts::Verdict::other_host:
      refuse(response, 421,
             "Misdirected Request: this is hyoka's preview, which answers only requests "
             "addressed to it, such as http://" +
                 hosts_.names().front() + ":" + std::to_string(hosts_.port()) + "/\n",
             close);
      return;
  }
  if (request.method != "GET" && request.method != "HEAD") {
    response.set_header("Allow", "GET, HEAD");
    refuse(response, 405, "The preview answers GET and HEAD only.\n", close);
    return;
  }
  if (close) {
    answer_and_close(response, 400, "Bad Request: the preview takes no request content.\n");
    return;
  }
  const auto served = current();
  const auto* files = served.files.get();
  const auto route = route_request(request.target, served.sub_path, [&](const std::string& path) {
    return files && files->count(path) > 0;
  });
  switch (route.kind) {
    case Route::Kind::events:
      if (request.method == "HEAD") {
        response.set_header("Content-Type", "text/event-stream");
      } else {
        stream_events(response);
      }
      return;
    case Route::Kind::redirect:
      // 302, not 301: the sub-path follows site.toml, and browsers keep a 301 for good.
      response.set_redirect(route.target, 302);
      return;
    case Route::Kind::file:
      // A page with the live-reload script is a page of its own; other files are sent from
      // the served copy.
      serve_file(request, response, content_type_for(route.target),
                 route.target.ends_with(".html")
                     ? std::make_shared<const std::string>(
                           inject_live_reload(*served.files->at(route.target)))
                     : served.files->at(route.target));
      return;
    case Route::Kind::not_found:
      break;
  }
  if (!served.files) {
    // Nothing has built yet: the error on every page, and the page reloads once it builds.
    response.status = 500;
    response.set_content(error_page(served.error), "text/html; charset=utf-8");
    return;
  }
  response.status = 404;
  const auto not_found = served.files->find("404.html");
  if (not_found != served.files->end()) {
    response.set_content(inject_live_reload(*not_found->second), "text/html; charset=utf-8");
  } else {
    response.set_content("Not found\n", kPlainText);
  }
}

void PreviewServer::stream_events(httplib::Response& response) {
  // Each open page holds a connection and its thread for as long as it is open.
  if (++streams_ > limits_.max_event_streams) {
    --streams_;
    response.status = 503;
    response.set_content("Too many open pages.\n", kPlainText);
    return;
  }
  struct Stream {
    std::string greeting;
    std::uint64_t seen = 0;
  };
  auto stream = std::make_shared<Stream>();
  std::tie(stream->greeting, stream->seen) = hub_.subscribe();
  response.set_chunked_content_provider(
      "text/event-stream",
      [this, stream](std::size_t, httplib::DataSink& sink) {
        if (!stream->greeting.empty()) {
          const auto greeting = std::move(stream->greeting);
          stream->greeting.clear();
          return sink.write(greeting.data(), greeting.size());
        }
        if (const auto event = hub_.wait_after(stream->seen, kKeepAliveEvery)) {
          stream->seen = event->number;
          return sink.write(event->text.data(), event->text.size());
        }
        if (hub_.closed()) {
          sink.done();
          return true;
        }
        // A comment line: finds pages that went away, and keeps proxies from closing.
        static constexpr std::string_view keep_alive = ": keep-alive\n\n";
        return sink.write(keep_alive.data(), keep_alive.size());
      },
      [this](bool) { --streams_; });
}

}  // namespace hyoka
