#include "serve/live_reload.h"

#include "base/escape.h"

namespace hyoka {

namespace {

// The overlay is built with textContent, never innerHTML: a diagnostic quotes the user's
// file, which may hold markup.
constexpr std::string_view kScript = R"js(<script id="hyoka-live-reload">
(() => {
  const overlayId = 'hyoka-error-overlay';
  const hide = () => document.getElementById(overlayId)?.remove();
  const show = (text) => {
    const place = () => {
      hide();
      const box = document.createElement('div');
      box.id = overlayId;
      box.setAttribute('role', 'alert');
      box.style.cssText = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;' +
        'padding:1.5rem;background:#141418f2;color:#fff;font:14px/1.5 ui-monospace,monospace';
      const title = document.createElement('p');
      title.style.cssText = 'margin:0 0 1rem;font-weight:bold;color:#ffb4b4';
      title.textContent = 'hyoka: the site did not build. ' +
        'Pages show the last good build until the file is fixed.';
      const pre = document.createElement('pre');
      pre.style.cssText = 'margin:0;white-space:pre-wrap;font:inherit';
      pre.textContent = text;
      box.append(title, pre);
      document.body.append(box);
    };
    if (document.body) place(); else addEventListener('DOMContentLoaded', place, { once: true });
  };
  // Only the stylesheets are fetched again; the page, its scroll and its focus stay.
  const swapStyles = () => {
    hide();
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set('hyoka-reload', Date.now());
      const fresh = link.cloneNode();
      fresh.href = url.href;
      fresh.addEventListener('load', () => link.remove(), { once: true });
      link.after(fresh);
    }
  };
  const events = new EventSource('/__hyoka/events');
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('css', swapStyles);
  events.addEventListener('build-error', (event) => show(event.data));
})();
</script>
)js";

// The position of `tag` in `html`, ignoring ASCII case, or npos.
std::size_t find_tag(std::string_view html, std::string_view tag) {
  for (std::size_t i = 0; i + tag.size() <= html.size(); ++i) {
    bool same = true;
    for (std::size_t j = 0; j < tag.size() && same; ++j) {
      char c = html[i + j];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == tag[j];
    }
    if (same) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string inject_live_reload(std::string_view html) {
  auto at = find_tag(html, "</head>");
  if (at == std::string_view::npos) at = find_tag(html, "</body>");
  if (at == std::string_view::npos) at = html.size();
  std::string out;
  out.reserve(html.size() + kScript.size());
  out.append(html.substr(0, at)).append(kScript).append(html.substr(at));
  return out;
}

std::string sse_event(std::string_view name, std::string_view data) {
  std::string out = "event: ";
  out.append(name).append("\n");
  std::size_t start = 0;
  do {
    auto end = data.find('\n', start);
    if (end == std::string_view::npos) end = data.size();
    auto line = data.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    out.append("data: ").append(line).append("\n");
    start = end + 1;
  } while (start < data.size());
  return out + "\n";
}

std::string error_page(std::string_view diagnostics) {
  return inject_live_reload(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<title>hyoka: the site did not build</title>\n</head>\n<body>\n"
      "<h1>The site did not build</h1>\n<p>This page reloads by itself once the files are "
      "fixed.</p>\n<pre>" +
      escape_markup(diagnostics) + "</pre>\n</body>\n</html>\n");
}

void LiveReloadHub::publish(ReloadKind kind, std::string_view data) {
  {
    const std::lock_guard lock(mutex_);
    const char* name = kind == ReloadKind::reload ? "reload"
                       : kind == ReloadKind::css  ? "css"
                                                  : "build-error";
    auto text = sse_event(name, data);
    current_error_ = kind == ReloadKind::build_error ? text : "";
    history_.push_back({++latest_, std::move(text)});
    if (history_.size() > kHistory) history_.pop_front();
  }
  changed_.notify_all();
}

void LiveReloadHub::close() {
  {
    const std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool LiveReloadHub::closed() const {
  const std::lock_guard lock(mutex_);
  return closed_;
}

std::pair<std::string, std::uint64_t> LiveReloadHub::subscribe() const {
  const std::lock_guard lock(mutex_);
  // A short retry: the page reconnects quickly when the preview is restarted.
  return {"retry: 500\n\n" + current_error_, latest_};
}

std::optional<LiveReloadHub::Event> LiveReloadHub::wait_after(std::uint64_t seen,
                                                              std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return closed_ || latest_ > seen; });
  if (closed_ || latest_ <= seen) return std::nullopt;
  for (const auto& event : history_) {
    if (event.number == seen + 1) return event;
  }
  // The stream fell behind the history: whatever it missed, a full reload covers it.
  return Event{latest_, sse_event("reload", "")};
}

}  // namespace hyoka
