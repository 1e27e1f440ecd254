#include "publish/ckan_client.h"

#include <algorithm>
#include <cctype>

#include "base/utf8.h"
#include "publish/ckan_answer.h"

namespace hyoka {

using nlohmann::json;

namespace {

std::string percent_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

bool is_loopback_host(const std::string& authority) {
  std::string host = authority.substr(authority.rfind('@') + 1);
  if (host.starts_with("[")) {
    host = host.substr(0, host.find(']') + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  return host == "localhost" || host == "127.0.0.1" || host == "[::1]";
}

// A short taste of an answer that is not JSON (an HTML error page, say), cut at a character.
std::string excerpt(const std::string& body) {
  std::size_t end = std::min<std::size_t>(body.size(), 120);
  while (end < body.size() && end > 0 && (static_cast<unsigned char>(body[end]) & 0xC0) == 0x80) {
    --end;
  }
  std::string out = body.substr(0, end);
  for (auto& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return utf8::printable(out) + (end < body.size() ? "…" : "");
}

// CKAN's validation errors: {"name": ["That URL is already in use."],
// "resources": [{}, {"url": ["Missing value"]}]} → "name: That URL …", "resources[1].url: …".
void flatten_fields(const std::string& field, const json& value, std::vector<std::string>& out) {
  if (value.is_string()) {
    out.push_back(field + ": " + utf8::printable(value.get<std::string>()));
  } else if (value.is_array() && !value.empty() && value.front().is_string()) {
    std::string joined;
    for (const auto& message : value) {
      if (!joined.empty()) joined += "; ";
      joined += utf8::printable(message.is_string() ? message.get<std::string>() : message.dump());
    }
    out.push_back(field + ": " + joined);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      flatten_fields(field + "[" + std::to_string(i) + "]", value[i], out);
    }
  } else if (value.is_object()) {
    for (const auto& [key, inner] : value.items()) {
      flatten_fields(field + "." + utf8::printable(key), inner, out);
    }
  } else if (!value.is_null()) {
    out.push_back(field + ": " + utf8::printable(value.dump()));
  }
}

CkanReply failure(CkanError::Kind kind, std::string message) {
  CkanReply reply;
  reply.error.kind = kind;
  reply.error.message = std::move(message);
  return reply;
}

}  // namespace

Result<std::string> ckan_action_base(const std::string& url) {
  const auto scheme_end = url.find("://");
  const std::string scheme = scheme_end == std::string::npos ? "" : url.substr(0, scheme_end);
  if (scheme != "https" && scheme != "http") {
    return Result<std::string>::failure(
        "--ckan must be an http:// or https:// address, such as "
        "https://portal.example.jp/data");
  }
  std::string base = url;
  if (base.find_first_of("?# \t\r\n") != std::string::npos) {
    return Result<std::string>::failure("--ckan must be the portal's address without a query");
  }
  const auto authority_end = base.find('/', scheme_end + 3);
  const std::string authority = base.substr(scheme_end + 3, authority_end - scheme_end - 3);
  if (authority.empty()) return Result<std::string>::failure("--ckan has no host name");
  if (scheme == "http" && !is_loopback_host(authority)) {
    return Result<std::string>::failure(
        "--ckan must use https:// (the API token would cross the network in clear text)");
  }
  while (base.ends_with("/")) base.pop_back();
  if (!base.ends_with("/api/3/action")) base += "/api/3/action";
  return {base + "/", ""};
}

CkanClient::CkanClient(HttpTransport& transport, std::string action_base, std::string token_header,
                       std::string token)
    : transport_(transport),
      base_(std::move(action_base)),
      token_header_(std::move(token_header)),
      token_(std::move(token)) {}

HttpRequest CkanClient::read_request(const std::string& action,
                                     const std::map<std::string, std::string>& query) const {
  HttpRequest request{"GET", base_ + action, {{token_header_, token_}}, ""};
  char separator = '?';
  for (const auto& [key, value] : query) {
    request.url += separator + percent_encode(key) + "=" + percent_encode(value);
    separator = '&';
  }
  return request;
}

HttpRequest CkanClient::write_request(const std::string& action, const json& body) const {
  return {"POST",
          base_ + action,
          {{token_header_, token_}, {"Content-Type", "application/json"}},
          body.dump()};
}

CkanReply CkanClient::read(const std::string& action,
                           const std::map<std::string, std::string>& query) {
  return send(read_request(action, query));
}

CkanReply CkanClient::write(const std::string& action, const json& body) {
  return send(write_request(action, body));
}

CkanReply CkanClient::send(const HttpRequest& request) {
  return parse_ckan_reply(request, transport_.send(request), token_header_);
}

CkanReply parse_ckan_reply(const HttpRequest& request, const HttpResponse& response,
                           const std::string& token_header) {
  using Kind = CkanError::Kind;
  if (!response.error.empty()) return failure(Kind::no_answer, utf8::printable(response.error));
  const std::string http = "HTTP " + std::to_string(response.status);
  if (response.status >= 300 && response.status < 400) {
    return failure(
        Kind::no_answer,
        http + ": the portal redirects " + utf8::printable(request.url) + " to " +
            (response.location.empty() ? "another address" : utf8::printable(response.location)) +
            "; hyoka does not follow redirects: give --ckan the portal's final address");
  }
  auto parsed = parse_answer(response.body);
  if (!parsed && !parsed.error.empty()) return failure(Kind::no_answer, parsed.error);
  json answer = parsed ? std::move(*parsed) : json();
  // views/api.py _finish_bad_request answers a bare JSON string: "Bad request - Action name
  // not known: …" for an action the portal lacks, "Bad request - JSON Error: …".
  if (answer.is_string() && response.status == 400) {
    const std::string text = answer.get<std::string>();
    return failure(text.find("Action name not known") != std::string::npos ? Kind::unknown_action
                                                                           : Kind::other,
                   http + ": " + utf8::printable(text));
  }
  if (!answer.is_object() || !answer.contains("success") || !answer["success"].is_boolean()) {
    std::string message =
        http + " from " + utf8::printable(request.url) + " is not a CKAN API answer";
    if (!response.body.empty()) message += " (it starts \"" + excerpt(response.body) + "\")";
    if (response.status == 404) {
      message +=
          "; is --ckan the address the portal's API lives under (such as "
          "https://portal.example.jp/data for /data/api/3/action/)?";
    }
    return failure(Kind::not_ckan, message);
  }
  if (answer["success"].get<bool>() && response.status == 200 && answer.contains("result")) {
    return {std::move(answer["result"]), {}};
  }
  if (answer["success"].get<bool>()) {
    return failure(Kind::not_ckan, http + " with \"success\": true but no result");
  }

  // {"success": false, "error": {"__type": "…", "message": "…", <field>: [messages]}}
  const json error = answer.contains("error") ? std::move(answer["error"]) : json::object();
  const auto text = [&](const char* key) {
    return error.is_object() && error.contains(key) && error[key].is_string()
               ? error[key].get<std::string>()
               : std::string();
  };
  const std::string type = text("__type");
  const std::string detail = text("message");
  CkanReply reply;
  auto& e = reply.error;
  e.kind = type == "Not Found Error"    ? Kind::not_found
           : type == "Validation Error" ? Kind::validation
           : type == "Authorization Error" || response.status == 401 || response.status == 403
               ? Kind::not_authorized
               : Kind::other;
  // Only a validation error holds fields; an "Integrity Error" holds the request it could not
  // read ("data"), which says nothing the user can act on.
  if (e.kind == Kind::validation && error.is_object()) {
    for (const auto& [key, value] : error.items()) {
      if (key != "__type" && key != "message")
        flatten_fields(utf8::printable(key), value, e.fields);
    }
  }
  e.reason = utf8::printable(detail);
  e.message = (type.empty() ? "the portal refused the request" : utf8::printable(type)) + " (" +
              http + ")" + (detail.empty() ? "" : ": " + e.reason);
  if (e.kind == Kind::not_authorized) {
    e.message +=
        "; check CKAN_API_TOKEN, that its user may edit the organization's datasets, and "
        "the header the portal reads it from (" +
        token_header + ", [publish] token_header in site.toml)";
  }
  return reply;
}

}  // namespace hyoka
