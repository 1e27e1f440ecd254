#include "base/source_text.h"

#include <algorithm>
#include <cstring>

#include "base/utf8.h"

namespace hyoka {

SourceText::SourceText(std::string display_path, std::string text)
    : path_(std::move(display_path)), text_(std::move(text)) {
  if (text_.starts_with("\xEF\xBB\xBF")) text_.erase(0, 3);
  line_starts_.push_back(0);
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  for (const char* p = begin; (p = static_cast<const char*>(std::memchr(p, '\n', end - p)));) {
    if (++p == end) break;
    line_starts_.push_back(static_cast<std::size_t>(p - begin));
  }
}

Position SourceText::position_at(std::size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
  const int line = static_cast<int>(it - line_starts_.begin());
  const std::size_t start = line_starts_[line - 1];
  const auto prefix = std::string_view(text_).substr(start, byte_offset - start);
  return {line, static_cast<int>(utf8::length(prefix)) + 1};
}

std::size_t SourceText::offset_of(Position pos) const {
  if (pos.line < 1 || pos.line > line_count()) return text_.size();
  const auto text = line(pos.line);
  std::size_t byte = 0;
  for (int col = 1; col < pos.column && byte < text.size(); ++col) utf8::next(text, byte);
  return line_starts_[pos.line - 1] + byte;
}

std::string_view SourceText::line(int line_number) const {
  if (line_number < 1 || line_number > line_count()) return {};
  const std::size_t start = line_starts_[line_number - 1];
  std::size_t end = text_.find('\n', start);
  if (end == std::string::npos) end = text_.size();
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

int SourceText::character_column(int line_number, int byte_column) const {
  const auto text = line(line_number);
  const std::size_t bytes = std::min<std::size_t>(std::max(byte_column - 1, 0), text.size());
  return static_cast<int>(utf8::length(text.substr(0, bytes))) + 1;
}

}  // namespace hyoka
