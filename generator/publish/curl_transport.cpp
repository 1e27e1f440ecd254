#include "publish/curl_transport.h"

#include <curl/curl.h>

#include <memory>

namespace hyoka {

namespace {

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// The answer's body, cut off past kMaxAnswerBytes: returning less than was given makes curl
// stop with CURLE_WRITE_ERROR.
struct Body {
  std::string& text;
  bool too_large = false;
};

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* out) {
  auto& body = *static_cast<Body*>(out);
  const std::size_t bytes = size * count;  // size is 1 (curl's documentation)
  if (bytes > kMaxAnswerBytes - body.text.size()) {
    body.too_large = true;
    return 0;
  }
  body.text.append(data, bytes);
  return bytes;
}

std::string too_large(const std::string& url) {
  return "the portal's answer is larger than " + std::to_string(kMaxAnswerBytes >> 20) +
         " MiB, the most hyoka reads (" + url + ")";
}

// curl's own wording is precise but terse; say what it means for the user first.
std::string explain(CURLcode code, const std::string& detail, const std::string& url,
                    long timeout) {
  const std::string why = detail.empty() ? curl_easy_strerror(code) : detail;
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return "no answer from " + url + " within " + std::to_string(timeout) +
             " s (--timeout): " + why;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return "could not connect to " + url + ": " + why;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return "TLS failure with " + url + " (the portal's certificate was not accepted): " + why;
    default:
      return "request to " + url + " failed: " + why;
  }
}

}  // namespace

CurlTransport::CurlTransport(long timeout_seconds) : timeout_seconds_(timeout_seconds) {
  static const CURLcode init = curl_global_init(CURL_GLOBAL_DEFAULT);
  (void)init;
}

HttpResponse CurlTransport::send(const HttpRequest& request) {
  HttpResponse response;
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    response.error = "could not start libcurl";
    return response;
  }
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  // "Expect:" stops curl from waiting for a 100 Continue that many servers never send.
  auto lines = request.headers;
  lines.emplace_back("Expect", "");
  for (const auto& [name, value] : lines) {
    const std::string line = value.empty() ? name + ":" : name + ": " + value;
    curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
    if (!grown) {
      response.error = "could not build the request headers";
      return response;
    }
    (void)headers.release();
    headers.reset(grown);
  }
  char detail[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout_seconds_);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout_seconds_);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "hyoka-publish");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, detail);
  Body body{response.body};
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  // An answer that announces its size is refused before its first byte.
  curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(kMaxAnswerBytes));
  if (request.method == "POST") {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  }
  const CURLcode code = curl_easy_perform(c);
  if (code != CURLE_OK) {
    response.body.clear();
    response.body.shrink_to_fit();
    response.error = body.too_large || code == CURLE_FILESIZE_EXCEEDED
                         ? too_large(request.url)
                         : explain(code, detail, request.url, timeout_seconds_);
    return response;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &response.status);
  const char* location = nullptr;
  if (curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location) {
    response.location = location;
  }
  return response;
}

}  // namespace hyoka
