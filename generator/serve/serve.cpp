#include "serve/serve.h"

#include <pthread.h>
#include <signal.h>

#include <thread>

#include "serve/preview_build.h"
#include "serve/preview_server.h"
#include "serve/watcher.h"

namespace hyoka {

namespace {

// "192.168.1.5:1313, mypc:1313 and mypc.local:1313"
std::string describe_hosts(const AllowedHosts& hosts) {
  std::string text;
  const auto& names = hosts.names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? " and " : ", ";
    text += names[i] + ":" + std::to_string(hosts.port());
  }
  return text;
}

}  // namespace

std::string preview_origin(const std::string& bind, int port) {
  std::string host = bind;
  if (host == "0.0.0.0") host = "127.0.0.1";
  if (host == "::") host = "::1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port);
}

int serve(const ServeOptions& options, std::ostream& out, std::ostream& log) {
  // The signals are taken by sigwait() below, on this thread, so they are blocked before any
  // other thread starts (threads inherit the mask). A page that closes its connection must
  // not kill the server with SIGPIPE.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  PreviewServer server;
  const int port = server.bind(options.bind, options.port);
  if (port < 0) {
    log << "hyoka: cannot listen on " << options.bind << " port " << options.port
        << " (in use? try --port)\n";
    return 1;
  }
  if (!is_loopback(options.bind)) {
    log << "hyoka: warning: --bind " << options.bind
        << " serves the preview to other machines on the network; it is not made for untrusted "
           "networks\n"
        << "hyoka: it answers requests for " << describe_hosts(server.allowed_hosts()) << "\n";
  }

  PreviewBuild build(options, preview_origin(options.bind, port), server);
  build.run({}, log);
  server.start();
  out << "hyoka: serving " << build.url() << " (Ctrl+C stops)" << std::endl;

  auto watcher = options.poll ? nullptr : make_inotify_watcher(options.source_dir);
  if (!watcher) {
    if (!options.poll) log << "hyoka: inotify is not available; polling for changes\n";
    watcher = make_polling_watcher(options.source_dir);
  }
  std::thread rebuilds([&] {
    for (auto changed = watcher->wait(); !changed.empty(); changed = watcher->wait()) {
      build.run(changed, log);
    }
  });

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  // In this order: no new build starts, the running one finishes, open pages are let go,
  // then the server stops.
  watcher->stop();
  rebuilds.join();
  server.stop();
  log << "hyoka: stopped\n";
  return 0;
}

}  // namespace hyoka
