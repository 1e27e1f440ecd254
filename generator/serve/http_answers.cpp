#include "serve/http_answers.h"

#include <algorithm>

#include "serve/byte_range.h"

namespace hyoka {

namespace {

// `length` bytes of `file` from `first`, sent from the served copy: a dataset's files are
// large, and several pages may ask for them at once.
void send_bytes(httplib::Response& response, std::shared_ptr<const std::string> file,
                std::size_t first, std::size_t length, const std::string& type) {
  if (length == 0) {
    // httplib sends a provider of no bytes without a length and calls it for ever.
    response.set_content("", type);
    return;
  }
  response.set_content_provider(length, type,
                                [file = std::move(file), first, length](
                                    std::size_t offset, std::size_t size, httplib::DataSink& sink) {
                                  if (offset >= length) return false;
                                  return sink.write(file->data() + first + offset,
                                                    std::min(size, length - offset));
                                });
}

}  // namespace

RequestBody body_of(const httplib::Request& request) {
  if (request.has_header("Transfer-Encoding")) return RequestBody::some;
  const auto lines = request.get_header_value_count("Content-Length");
  if (lines == 0) return RequestBody::none;
  const auto length = request.get_header_value("Content-Length");
  if (lines > 1 || length.empty() || length.find_first_not_of("0123456789") != std::string::npos) {
    return RequestBody::unframed;
  }
  return length.find_first_not_of('0') == std::string::npos ? RequestBody::none : RequestBody::some;
}

// httplib keeps a connection open after every answer it could write; a content provider that
// fails once it has written the whole answer is the one way a handler has to make it close.
void answer_and_close(httplib::Response& response, int status, std::string text) {
  response.status = status;
  response.set_header("Connection", "close");
  auto body = std::make_shared<const std::string>(std::move(text));
  response.set_content_provider(
      body->size(), kPlainText,
      [body](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        if (offset < body->size()) {
          sink.write(body->data() + offset, std::min(length, body->size() - offset));
        }
        return false;
      });
}

void refuse(httplib::Response& response, int status, std::string text, bool close) {
  if (close) {
    answer_and_close(response, status, std::move(text));
  } else {
    response.status = status;
    response.set_content(text, kPlainText);
  }
}

// RFC 9110 §14.2: Range applies to GET only, and with If-Range only when its validator
// matches, which none does: the preview sends neither ETag nor Last-Modified.
void serve_file(const httplib::Request& request, httplib::Response& response,
                const std::string& type, std::shared_ptr<const std::string> file) {
  response.set_header("Accept-Ranges", "bytes");
  ByteRange range;
  if (request.method == "GET" && request.get_header_value_count("Range") == 1 &&
      !request.has_header("If-Range")) {
    range = select_byte_range(request.get_header_value("Range"), file->size());
  }
  const auto size = file->size();
  switch (range.kind) {
    case ByteRange::Kind::whole:
      response.status = 200;
      send_bytes(response, std::move(file), 0, size, type);
      return;
    case ByteRange::Kind::partial:
      response.status = 206;
      response.set_header("Content-Range", content_range(range, size));
      send_bytes(response, std::move(file), range.first, range.length, type);
      return;
    case ByteRange::Kind::unsatisfiable:
      response.status = 416;
      response.set_header("Content-Range", content_range(range, size));
      response.set_content("Range Not Satisfiable\n", kPlainText);
      return;
  }
}

}  // namespace hyoka
