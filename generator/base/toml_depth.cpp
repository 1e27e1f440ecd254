#include "base/toml_depth.h"

#include <vector>

namespace hyoka {

namespace {

class DepthScanner {
 public:
  DepthScanner(std::string_view text, int limit) : text_(text), limit_(limit) {}

  std::optional<std::size_t> run() {
    while (at_ < text_.size() && !found_) {
      if (frames_.empty()) {
        line();
      } else {
        in_brackets();
      }
    }
    return found_;
  }

 private:
  struct Frame {
    bool inline_table;  // `{…}`; otherwise an array `[…]`
    int depth;          // of the values inside it
  };
  enum class Expect { key, value, after_value };

  bool done() const { return at_ >= text_.size() || found_.has_value(); }
  char peek(std::size_t ahead = 0) const {
    return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0';
  }
  void deeper(int depth, std::size_t where) {
    if (depth > limit_ && !found_) found_ = where;
  }
  void skip_blanks() {
    while (!done() && (peek() == ' ' || peek() == '\t')) ++at_;
  }
  void skip_line() {
    while (!done() && peek() != '\n') ++at_;
  }
  // Passes a string starting at its quote: basic or literal, on one line or several.
  void skip_string() {
    const char quote = peek();
    const bool multi = peek(1) == quote && peek(2) == quote;
    at_ += multi ? 3 : 1;
    while (!done()) {
      const char c = peek();
      if (c == '\\' && quote == '"') {
        at_ += 2;
      } else if (c == quote && (!multi || (peek(1) == quote && peek(2) == quote))) {
        at_ += multi ? 3 : 1;
        while (multi && peek() == quote) ++at_;  // up to two quotes end the content
        return;
      } else if (c == '\n' && !multi) {
        return;
      } else {
        ++at_;
      }
    }
  }
  // A key, dotted or not, up to its '=': how many levels it adds.
  int key() {
    int parts = 1;
    while (!done() && peek() != '=' && peek() != '\n' && peek() != '}') {
      if (peek() == '"' || peek() == '\'') {
        skip_string();
      } else {
        if (peek() == '.') deeper(depth_ + ++parts, at_);
        ++at_;
      }
    }
    if (peek() == '=') ++at_;
    return parts;
  }
  // One line outside brackets: a table header, or a key and the start of its value.
  void line() {
    skip_blanks();
    const char c = peek();
    if (c == '\n' || c == '\r' || c == '#') {
      skip_line();
      ++at_;
      return;
    }
    if (c == '[') {
      int parts = 1;
      depth_ = 0;
      while (!done() && peek() != ']' && peek() != '\n') {
        if (peek() == '"' || peek() == '\'') {
          skip_string();
        } else {
          if (peek() == '.') deeper(++parts, at_);
          ++at_;
        }
      }
      table_depth_ = parts;
      skip_line();
      return;
    }
    depth_ = table_depth_;
    const int parts = key();
    value(table_depth_ + parts);
    if (frames_.empty()) {
      skip_line();
      ++at_;
    }
  }
  // A value whose node lies `depth` deep: a scalar is passed over; an array or inline table
  // opens a frame that in_brackets() reads.
  void value(int depth) {
    skip_blanks();
    const char c = peek();
    if (c == '[' || c == '{') {
      deeper(depth + 1, at_);
      frames_.push_back({c == '{', depth + 1});
      expect_ = c == '{' ? Expect::key : Expect::value;
      ++at_;
    } else if (c == '"' || c == '\'') {
      skip_string();
      expect_ = Expect::after_value;
    } else {
      while (!done() && std::string_view(",]}#\n \t\r").find(peek()) == std::string_view::npos) {
        ++at_;
      }
      expect_ = Expect::after_value;
    }
  }
  void in_brackets() {
    const char c = peek();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++at_;
    } else if (c == '#') {
      skip_line();
    } else if (c == ']' || c == '}') {
      frames_.pop_back();
      expect_ = Expect::after_value;
      ++at_;
      if (frames_.empty()) skip_line();
    } else if (c == ',') {
      expect_ = frames_.back().inline_table ? Expect::key : Expect::value;
      ++at_;
    } else if (expect_ == Expect::key) {
      depth_ = frames_.back().depth - 1;
      const int parts = key();
      value(frames_.back().depth + parts - 1);
    } else if (expect_ == Expect::value) {
      value(frames_.back().depth);
    } else {
      ++at_;  // not TOML: the parser says so
    }
  }

  std::string_view text_;
  int limit_;
  std::size_t at_ = 0;
  std::optional<std::size_t> found_;
  std::vector<Frame> frames_;
  Expect expect_ = Expect::key;
  int table_depth_ = 0;  // of the last [table] header
  int depth_ = 0;        // where the key being read starts
};

}  // namespace

std::optional<std::size_t> find_too_deep(std::string_view text, int limit) {
  return DepthScanner(text, limit).run();
}

}  // namespace hyoka
