// Problems found in a user's files. Every stage records all of its problems here and the
// pipeline stops at the end of a stage that recorded an error, so users see them all at once.
#pragma once

#include <string>
#include <vector>

#include "base/source_text.h"

namespace hyoka {

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string path;   // empty when the problem is not about one file
  Position position;  // line 0 when it is about the whole file
  std::string message;
  std::string source_line;  // the offending line, shown with a caret under `position`
};

class Diagnostics {
 public:
  void error(const SourceText& source, Position pos, std::string message);
  void warning(const SourceText& source, Position pos, std::string message);
  void report(Severity severity, const SourceText& source, Position pos, std::string message);
  // For problems with a file as a whole (unreadable, missing) or with no file at all.
  void report_file(Severity severity, std::string path, std::string message);
  // Another collection's problems after these, in their order (a worker thread's, say).
  void append(const Diagnostics& other);

  const std::vector<Diagnostic>& all() const { return items_; }
  int errors() const;
  int warnings() const;
  bool has_errors() const { return errors() > 0; }
  // `hyoka check --strict`: every warning counts as an error.
  void promote_warnings();
  // Files first, then line and column: the order users read them in, stable across runs.
  std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> items_;
};

// The most columns of a source line a message quotes: a window around the caret beyond it.
inline constexpr std::size_t kQuotedWidth = 120;

// `path:line:col: error: message`, then the source line and a caret, like a compiler. Control
// characters and bytes that are not UTF-8, in the path, the message or the line, are shown
// as escapes (\n, \x1b); a message's line break stays only before an indented example.
std::string format(const Diagnostic& d);

}  // namespace hyoka
