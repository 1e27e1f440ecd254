#include "serve/bounded_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <climits>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <deque>
#include <list>
#include <mutex>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

namespace hyoka {

namespace {

using Clock = std::chrono::steady_clock;

// Threads beyond this many end after kRetireAfter without a connection to serve.
constexpr std::size_t kKeptThreads = 8;
constexpr auto kRetireAfter = std::chrono::seconds(30);
// Before closing a connection that may still be sending (a refused request, a body the
// preview did not read), its input is read and dropped for at most this long or this much,
// so the close does not reset the connection before the client has read the answer.
constexpr auto kLinger = std::chrono::seconds(2);
constexpr std::size_t kLingerBytes = 1024 * 1024;

// A thread for each connection that finds none idle, up to `max_threads`; connections beyond
// wait in the queue. httplib's own ThreadPool has a fixed number of threads, each held by a
// connection until it closes, so a few idle connections were enough to keep every page waiting.
class ElasticPool final : public httplib::TaskQueue {
 public:
  explicit ElasticPool(std::size_t max_threads)
      : max_threads_(std::max<std::size_t>(max_threads, 1)) {}
  ~ElasticPool() override { shutdown(); }
  ElasticPool(const ElasticPool&) = delete;
  ElasticPool& operator=(const ElasticPool&) = delete;

  // Called only by httplib's listening thread, as is shutdown().
  void enqueue(std::function<void()> job) override {
    {
      const std::lock_guard lock(mutex_);
      jobs_.push_back(std::move(job));
      join_retired();
      if (jobs_.size() > idle_ && live_ < max_threads_) {
        try {
          threads_.emplace_back([this] { work(); });
          ++live_;
        } catch (const std::system_error&) {
          // No thread to be had (a process or memory limit): the job waits for a free one.
        }
      }
    }
    wake_.notify_one();
  }

  // Lets the threads finish the queued connections (they close at once while the server
  // stops), then joins them.
  void shutdown() override {
    {
      const std::lock_guard lock(mutex_);
      if (stopping_) return;
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& thread : threads_) thread.join();
    // Connections no thread took (none could be started): each closes at once now, and its
    // socket with it.
    for (auto& job : jobs_) {
      try {
        job();
      } catch (...) {
      }
    }
    jobs_.clear();
  }

 private:
  void work() {
    std::unique_lock lock(mutex_);
    for (;;) {
      ++idle_;
      const bool woken =
          wake_.wait_for(lock, kRetireAfter, [this] { return !jobs_.empty() || stopping_; });
      --idle_;
      if (!jobs_.empty()) {
        auto job = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        try {
          job();
        } catch (...) {
          // Ends that connection only (its socket is closed while unwinding), not the server.
        }
        lock.lock();
      } else if (stopping_) {
        return;
      } else if (!woken && live_ > kKeptThreads) {
        --live_;
        retired_.push_back(std::this_thread::get_id());
        return;  // releases the lock; join_retired() joins this thread later
      }
    }
  }

  // With mutex_ held. A retired thread has left work() before its id can be seen here.
  void join_retired() {
    for (const auto id : retired_) {
      const auto thread = std::find_if(threads_.begin(), threads_.end(),
                                       [id](const std::thread& t) { return t.get_id() == id; });
      if (thread != threads_.end()) {
        thread->join();
        threads_.erase(thread);
      }
    }
    retired_.clear();
  }

  const std::size_t max_threads_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  std::list<std::thread> threads_;
  std::vector<std::thread::id> retired_;
  std::size_t live_ = 0;
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

enum class Ready { yes, timed_out, stopping, failed };

// Waits until `sock` is ready for `events` (readable also when the peer closed), the deadline
// passes, or `stop_fd` says the server stops.
Ready wait_until(int sock, short events, int stop_fd, Clock::time_point deadline) {
  std::array<pollfd, 2> fds{{{sock, events, 0}, {stop_fd, POLLIN, 0}}};
  for (;;) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
    const int ready = ::poll(fds.data(), fds.size(),
                             static_cast<int>(std::clamp<std::int64_t>(left, 0, INT_MAX)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return Ready::failed;
    if (fds[1].revents != 0) return Ready::stopping;
    if (ready == 0) return Ready::timed_out;
    return Ready::yes;
  }
}

std::string address_text(const sockaddr_storage& address, int& port) {
  char text[INET6_ADDRSTRLEN] = "";
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  }
  return text;
}

// Why reading a request ended before its headers did.
enum class Failure { none, closed, timed_out, too_large, stopping };

// One connection, read by httplib through this Stream instead of its own SocketStream: each
// request's line and headers must arrive before a deadline and within a byte budget, and the
// bytes read ahead (a pipelined request) stay for the next request.
class Connection final : public httplib::Stream {
 public:
  Connection(int sock, int stop_fd, const ServerLimits& limits)
      : sock_(sock), stop_fd_(stop_fd), limits_(limits) {}
  ~Connection() override {
    if (linger_) linger();
    ::shutdown(sock_, SHUT_RDWR);
    ::close(sock_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Until the next request's first byte; false when the client closed or stayed quiet for
  // the idle timeout, or the server stops.
  bool wait_for_request() {
    return next_ < end_ ||
           wait_until(sock_, POLLIN, stop_fd_, Clock::now() + limits_.idle_timeout) == Ready::yes;
  }

  void begin_request() {
    deadline_ = Clock::now() + limits_.request_timeout;
    consumed_ = 0;
    line_read_ = false;
    failure_ = Failure::none;
    status_ = 0;
    status_seen_ = false;
  }

  // After httplib answered (or gave up on) the request. Answers a request that was too slow
  // or too large, which httplib would have answered 400 or not at all. False when the
  // connection must close: after such an answer, after httplib's 400 or 414 (what follows
  // a request that could not be parsed cannot be trusted), or when asked to.
  bool end_request() {
    switch (failure_) {
      case Failure::timed_out:
        answer(408, "Request Timeout");
        break;
      case Failure::too_large:
        if (line_read_) {
          answer(431, "Request Header Fields Too Large");
        } else {
          answer(414, "URI Too Long");
        }
        break;
      case Failure::none:
      case Failure::closed:
      case Failure::stopping:
        break;
    }
    if (failure_ == Failure::timed_out || failure_ == Failure::too_large || status_ == 400 ||
        status_ == 414) {
      linger_ = true;
    }
    return failure_ == Failure::none && !linger_;
  }

  // The request has a body the preview does not read: close after the answer.
  void close_after_answer() { linger_ = true; }

  bool is_readable() const override {
    return next_ < end_ || wait_until(sock_, POLLIN, stop_fd_, deadline_) == Ready::yes;
  }

  bool is_writable() const override {
    return wait_until(sock_, POLLOUT, stop_fd_, Clock::now() + limits_.write_timeout) == Ready::yes;
  }

  ssize_t read(char* ptr, std::size_t size) override {
    if (failure_ != Failure::none) return -1;
    if (next_ == end_) {
      const auto received = fill();
      if (received <= 0) return received;
    }
    const auto n = std::min(size, end_ - next_);
    if (consumed_ + n > limits_.max_request_bytes) {
      failure_ = Failure::too_large;
      return -1;
    }
    if (!line_read_ && std::memchr(buffer_.data() + next_, '\n', n) != nullptr) line_read_ = true;
    std::memcpy(ptr, buffer_.data() + next_, n);
    next_ += n;
    consumed_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, std::size_t size) override {
    // After a read failed, httplib answers 400 (or nothing); end_request() answers instead.
    // While the server stops, a half-read request gets no answer either.
    if (failure_ == Failure::timed_out || failure_ == Failure::too_large ||
        failure_ == Failure::stopping) {
      return static_cast<ssize_t>(size);
    }
    note_status(std::string_view(ptr, size));
    return send_some(ptr, size);
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
      ip = address_text(address, port);
    }
  }

  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
      ip = address_text(address, port);
    }
  }

  socket_t socket() const override { return sock_; }

 private:
  // Receives into the buffer: > 0 bytes, 0 when the client closed, -1 on a failure.
  ssize_t fill() {
    for (;;) {
      switch (wait_until(sock_, POLLIN, stop_fd_, deadline_)) {
        case Ready::yes:
          break;
        case Ready::timed_out:
          failure_ = Failure::timed_out;
          return -1;
        case Ready::stopping:
          failure_ = Failure::stopping;
          return -1;
        case Ready::failed:
          failure_ = Failure::closed;
          return -1;
      }
      const auto received = ::recv(sock_, buffer_.data(), buffer_.size(), MSG_DONTWAIT);
      if (received < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
      if (received <= 0) {
        failure_ = Failure::closed;
        return received < 0 ? -1 : 0;
      }
      next_ = 0;
      end_ = static_cast<std::size_t>(received);
      return received;
    }
  }

  // Sends what the socket takes now, waiting at most the write timeout for room.
  ssize_t send_some(const char* ptr, std::size_t size) {
    for (;;) {
      const auto sent = ::send(sock_, ptr, size, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (sent >= 0) return sent;
      if (errno == EINTR) continue;
      if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
      if (wait_until(sock_, POLLOUT, stop_fd_, Clock::now() + limits_.write_timeout) !=
          Ready::yes) {
        return -1;
      }
    }
  }

  // httplib writes the status line first, in one write ("HTTP/1.1 100 Continue" may come
  // before the real one).
  void note_status(std::string_view text) {
    constexpr std::string_view prefix = "HTTP/1.1 ";
    if (status_seen_) return;
    status_seen_ = true;
    if (text.starts_with(prefix) && text.size() >= prefix.size() + 3) {
      std::from_chars(text.data() + prefix.size(), text.data() + prefix.size() + 3, status_);
      if (status_ == 100) status_seen_ = false;
    }
  }

  void answer(int status, std::string_view reason) {
    const auto body = std::string(reason) + "\n";
    const auto text = "HTTP/1.1 " + std::to_string(status) + " " + std::string(reason) +
                      "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    status_ = status;
    for (std::size_t sent = 0; sent < text.size();) {
      const auto n = send_some(text.data() + sent, text.size() - sent);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  }

  // Says the answer is complete (FIN), then drops what the client still sends until it
  // closes too, for a bounded time: closing with unread input would reset the connection,
  // and the client could lose the answer.
  void linger() {
    ::shutdown(sock_, SHUT_WR);
    const auto until = Clock::now() + kLinger;
    for (std::size_t dropped = 0; dropped < kLingerBytes;) {
      if (wait_until(sock_, POLLIN, stop_fd_, until) != Ready::yes) return;
      const auto received = ::recv(sock_, buffer_.data(), buffer_.size(), MSG_DONTWAIT);
      if (received < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)) continue;
      if (received <= 0) return;
      dropped += static_cast<std::size_t>(received);
    }
  }

  const int sock_;
  const int stop_fd_;
  const ServerLimits& limits_;
  std::array<char, 4096> buffer_{};
  std::size_t next_ = 0;  // the next unread byte of buffer_
  std::size_t end_ = 0;   // the end of the received bytes in buffer_
  Clock::time_point deadline_ = Clock::now();
  std::size_t consumed_ = 0;  // bytes of this request read so far
  bool line_read_ = false;    // the request line has ended
  Failure failure_ = Failure::none;
  int status_ = 0;  // of this request's answer, once written
  bool status_seen_ = false;
  bool linger_ = false;
};

// The connection this thread serves, for the post-routing handler.
thread_local Connection* t_connection = nullptr;

bool has_body(const httplib::Request& request) {
  return request.has_header("Transfer-Encoding") ||
         (request.has_header("Content-Length") &&
          request.get_header_value("Content-Length") != "0");
}

}  // namespace

BoundedServer::BoundedServer(const ServerLimits& limits)
    : limits_(limits), stop_fd_(::eventfd(0, EFD_CLOEXEC)) {
  new_task_queue = [this] { return new ElasticPool(limits_.max_connections); };
  // httplib's own settings, for the few places where it still reads them: the Keep-Alive
  // header, and the socket timeouts it sets on each accepted connection.
  set_keep_alive_timeout(limits_.idle_timeout.count());
  set_keep_alive_max_count(limits_.max_requests_per_connection);
  set_read_timeout(limits_.request_timeout.count(), 0);
  set_write_timeout(limits_.write_timeout.count(), 0);
  // The preview takes no request bodies.
  set_payload_max_length(limits_.max_request_bytes);
  // Headers and body go out in separate writes; without this, Nagle and delayed ACKs hold
  // every response back by about 40 ms.
  set_tcp_nodelay(true);
  // The preview never reads a request's body: what follows its headers is not the next
  // request, so the connection closes after the answer.
  set_post_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    if (t_connection != nullptr && has_body(request)) {
      // httplib adds the header itself when the request asked for it.
      if (request.get_header_value("Connection") != "close") {
        response.set_header("Connection", "close");
      }
      t_connection->close_after_answer();
    }
  });
}

BoundedServer::~BoundedServer() {
  if (stop_fd_ >= 0) ::close(stop_fd_);
}

int BoundedServer::bind(const std::string& host, int port) {
  const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
  // httplib listens with a backlog of 5: a burst of connections would wait for the kernel's
  // SYN retries, a second or more. Listening again only sets the backlog (at most somaxconn).
  if (bound > 0) ::listen(svr_sock_, SOMAXCONN);
  return bound;
}

void BoundedServer::stop_all() {
  const std::uint64_t one = 1;
  if (::write(stop_fd_, &one, sizeof one) < 0) {
    // No eventfd: waiting connections close at their idle timeout instead.
  }
  stop();
}

bool BoundedServer::process_and_close_socket(socket_t sock) {
  bool ok = true;
  Connection connection(sock, stop_fd_, limits_);
  t_connection = &connection;
  for (std::size_t count = 1; svr_sock_ != INVALID_SOCKET && connection.wait_for_request();
       ++count) {
    connection.begin_request();
    const bool last = count >= limits_.max_requests_per_connection;
    bool closed = false;
    ok = process_request(connection, last, closed, nullptr);
    if (!connection.end_request() || !ok || closed || last) break;
  }
  t_connection = nullptr;
  return ok;
}

}  // namespace hyoka
