// The seam between hyoka publish and the network: the CKAN client speaks through an
// HttpTransport, so unit tests can answer with a fake portal and the real one (libcurl) stays
// small.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace hyoka {

// The most of an answer hyoka reads (README): a CKAN answer is a few hundred kilobytes at
// most, and a hostile portal must not make hyoka hold gigabytes until --timeout.
constexpr std::size_t kMaxAnswerBytes = std::size_t{16} << 20;

struct HttpRequest {
  std::string method;  // "GET" or "POST"
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  // may hold the API token
  std::string body;
};

struct HttpResponse {
  long status = 0;  // 0 when no answer came
  std::string body;
  std::string location;  // where a redirect pointed; redirects are never followed
  std::string error;  // why no answer came (refused, timeout, TLS, too large); empty when one did
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;
  virtual HttpResponse send(const HttpRequest& request) = 0;
};

}  // namespace hyoka
