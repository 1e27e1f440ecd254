// HttpTransport over libcurl: TLS verified against the system's certificates, a time limit
// on every request, and no redirects (a redirect is reported, never followed, so the token is
// never sent to a host the user did not name).
#pragma once

#include "publish/http_transport.h"

namespace hyoka {

class CurlTransport final : public HttpTransport {
 public:
  explicit CurlTransport(long timeout_seconds);
  HttpResponse send(const HttpRequest& request) override;

 private:
  long timeout_seconds_;
};

}  // namespace hyoka
