// The parts of the preview's answers that cpp-httplib needs help with: reading a request's
// framing, answering and closing the connection, and sending a file whole or in part. Private
// to serve/: only .cpp files include it, so httplib.h stays out of the other headers.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>

namespace hyoka {

inline constexpr auto kPlainText = "text/plain; charset=utf-8";

// Whether a request has content, by RFC 9112 §6.3: Transfer-Encoding, or one Content-Length
// that is a number; anything else (several lines, a list, not a number) leaves its framing
// unknown.
enum class RequestBody { none, some, unframed };
RequestBody body_of(const httplib::Request& request);

// Answers `text` as plain text and closes the connection: after a request whose content the
// preview did not read (it would be read as the next request) or whose framing is unknown
// (RFC 9112 §6.3). A HEAD answer has no body to write, so its connection stays open.
void answer_and_close(httplib::Response& response, int status, std::string text);
// Answers `text` as plain text, closing the connection when `close` says so.
void refuse(httplib::Response& response, int status, std::string text, bool close);

// Answers with `file` (of Content-Type `type`), whole or the byte range asked for:
// 200, 206 or 416.
void serve_file(const httplib::Request& request, httplib::Response& response,
                const std::string& type, std::shared_ptr<const std::string> file);

}  // namespace hyoka
