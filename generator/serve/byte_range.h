// Which part of a file a GET's Range header asks for, by RFC 9110 §14 (Range, 206, 416).
// Pure, so that it can be fuzzed: the answer is always within the file.
//
// One byte range is served as asked, clamped to the file. Several ranges, a unit other than
// bytes and a header that does not parse are ignored, and the whole file is sent: a server
// MAY ignore Range (§14.2) and every client must take a 200, whereas multipart/byteranges
// would be code for clients that do not exist here.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hyoka {

struct ByteRange {
  enum class Kind {
    whole,          // 200, the whole file
    partial,        // 206, `length` bytes from `first`, never past the end of the file
    unsatisfiable,  // 416: the range starts at or past the end
  };
  Kind kind = Kind::whole;
  std::size_t first = 0;
  std::size_t length = 0;
};

// The answer to `range_header` (the Range field's value) for a file of `size` bytes.
ByteRange select_byte_range(std::string_view range_header, std::size_t size);

// The Content-Range field of a partial or unsatisfiable answer: "bytes 0-99/1000" or
// "bytes */1000".
std::string content_range(const ByteRange& range, std::size_t size);

}  // namespace hyoka
