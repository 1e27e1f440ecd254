// A user's file held in memory with its line starts, so any byte offset can be turned into the
// `line:col` that messages print. Columns count characters (code points), from 1.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hyoka {

struct Position {
  int line = 0;    // 1-based; 0 when the problem is about the file as a whole
  int column = 0;  // 1-based, in characters
};

class SourceText {
 public:
  SourceText() = default;
  // `text` is taken as read; a leading UTF-8 byte-order mark is dropped.
  SourceText(std::string display_path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  int line_count() const { return static_cast<int>(line_starts_.size()); }

  Position position_at(std::size_t byte_offset) const;
  std::size_t offset_of(Position pos) const;
  // The line's text without its line ending; empty for a line out of range.
  std::string_view line(int line_number) const;
  // Converts a 1-based byte column on `line_number` to a character column.
  int character_column(int line_number, int byte_column) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace hyoka
