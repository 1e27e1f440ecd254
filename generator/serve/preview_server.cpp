#include "serve/preview_server.h"

#include <httplib.h>

#include "serve/bounded_server.h"
#include "serve/content_type.h"
#include "serve/route.h"

namespace hyoka {

namespace {

constexpr auto kKeepAliveEvery = std::chrono::seconds(10);

bool is_html(const std::string& path) {
  return path.ends_with(".html");
}

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
    : limits_(limits), server_(std::make_unique<BoundedServer>(limits_)) {
  // Every request is answered here, before httplib's own routing: no handler pattern, no
  // mount point, so no request can reach a file on the disk.
  server_->set_pre_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        answer(request, response);
        return httplib::Server::HandlerResponse::Handled;
      });
}

PreviewServer::~PreviewServer() {
  stop();
}

int PreviewServer::bind(const std::string& host, int port) {
  return server_->bind(host, port);
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
  server_->stop_all();
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
  response.set_header("Cache-Control", "no-store");
  response.set_header("X-Content-Type-Options", "nosniff");
  if (request.method != "GET" && request.method != "HEAD") {
    response.status = 405;
    response.set_header("Allow", "GET, HEAD");
    response.set_content("The preview answers GET and HEAD only.\n", "text/plain; charset=utf-8");
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
    case Route::Kind::file: {
      const auto file = served.files->at(route.target);
      const auto type = content_type_for(route.target);
      response.status = 200;
      if (is_html(route.target)) {
        response.set_content(inject_live_reload(*file), type);
      } else {
        // Sent from the served copy, not copied for every request: a dataset's files are
        // large and a thousand requests may be open at once.
        response.set_content_provider(
            file->size(), type,
            [file](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
              return sink.write(file->data() + offset, length);
            });
      }
      return;
    }
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
    response.set_content("Not found\n", "text/plain; charset=utf-8");
  }
}

void PreviewServer::stream_events(httplib::Response& response) {
  // Each open page holds a connection and its thread for as long as it is open.
  if (++streams_ > limits_.max_event_streams) {
    --streams_;
    response.status = 503;
    response.set_content("Too many open pages.\n", "text/plain; charset=utf-8");
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
