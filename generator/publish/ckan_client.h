// The CKAN Action API (docs.ckan.org, "API guide"): POST {base}/api/3/action/{action} with a
// JSON body, or GET with a query for read-only actions; every answer is
// {"success": true, "result": …} or {"success": false, "error": {"__type": …, …}}, and
// `success` is checked whatever the HTTP status. The token goes raw in a configurable header.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "publish/http_transport.h"

namespace hyoka {

// What went wrong with one action, in words for the user; never holds the token, and every
// piece of the portal's text in it is printable (utf8::printable).
struct CkanError {
  enum class Kind {
    no_answer,       // refused, timed out, TLS, too large, a redirect
    not_ckan,        // an answer that is not the Action API's
    not_found,       // "Not Found Error", 404
    not_authorized,  // "Authorization Error", or HTTP 401/403
    validation,      // "Validation Error": `fields` holds the fields' messages
    unknown_action,  // 400 "Bad request - Action name not known: …" (an extension missing)
    other,           // any other refusal: "Integrity Error", a bare 400, …
  };
  Kind kind = Kind::other;
  std::string message;              // one line: "Authorization Error (HTTP 403): Access denied…"
  std::string reason;               // the portal's own "message", when it gave one
  std::vector<std::string> fields;  // validation errors, one "field: message" each
  bool not_found() const { return kind == Kind::not_found; }
};

struct CkanReply {
  std::optional<nlohmann::json> result;
  CkanError error;
  explicit operator bool() const { return result.has_value(); }
};

// https://portal.example.jp/data → https://portal.example.jp/data/api/3/action/, also from a
// URL with a trailing slash or one that already ends in /api/3/action. Only http and https;
// plain http only to this machine, so the token never crosses a network in clear text.
Result<std::string> ckan_action_base(const std::string& url);

class CkanClient {
 public:
  CkanClient(HttpTransport& transport, std::string action_base, std::string token_header,
             std::string token);

  // A read-only action (package_show, license_list …) as GET with a query.
  CkanReply read(const std::string& action, const std::map<std::string, std::string>& query);
  // An action that changes the portal, as POST with a JSON body.
  CkanReply write(const std::string& action, const nlohmann::json& body);

  // The requests those two would send, for --dry-run.
  HttpRequest read_request(const std::string& action,
                           const std::map<std::string, std::string>& query) const;
  HttpRequest write_request(const std::string& action, const nlohmann::json& body) const;

  const std::string& token_header() const { return token_header_; }

 private:
  CkanReply send(const HttpRequest& request);

  HttpTransport& transport_;
  std::string base_;
  std::string token_header_;
  std::string token_;
};

// The reply to one request: `success` checked, errors put in words.
CkanReply parse_ckan_reply(const HttpRequest& request, const HttpResponse& response,
                           const std::string& token_header);

}  // namespace hyoka
