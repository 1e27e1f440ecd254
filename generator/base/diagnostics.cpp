#include "base/diagnostics.h"

#include <algorithm>
#include <tuple>

#include "base/utf8.h"

namespace hyoka {

void Diagnostics::error(const SourceText& source, Position pos, std::string message) {
  report(Severity::error, source, pos, std::move(message));
}

void Diagnostics::warning(const SourceText& source, Position pos, std::string message) {
  report(Severity::warning, source, pos, std::move(message));
}

void Diagnostics::report(Severity severity, const SourceText& source, Position pos,
                         std::string message) {
  items_.push_back(
      {severity, source.path(), pos, std::move(message), std::string(source.line(pos.line))});
}

void Diagnostics::report_file(Severity severity, std::string path, std::string message) {
  items_.push_back({severity, std::move(path), {}, std::move(message), {}});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

int Diagnostics::errors() const {
  return static_cast<int>(std::count_if(items_.begin(), items_.end(),
                                        [](auto& d) { return d.severity == Severity::error; }));
}

int Diagnostics::warnings() const {
  return static_cast<int>(items_.size()) - errors();
}

void Diagnostics::promote_warnings() {
  for (auto& d : items_) d.severity = Severity::error;
}

std::vector<Diagnostic> Diagnostics::sorted() const {
  auto out = items_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.position.line, a.position.column) <
           std::tie(b.path, b.position.line, b.position.column);
  });
  return out;
}

namespace {

// One character of a quoted source line, as it is shown.
struct Shown {
  std::string text;
  std::size_t width;
};

// The line as characters the terminal shows safely: a tab as a space, a control character or a
// byte that is not UTF-8 as an escape.
std::vector<Shown> shown_characters(std::string_view line) {
  std::vector<Shown> out;
  for (std::size_t pos = 0; pos < line.size();) {
    const auto start = pos;
    const auto c = utf8::next(line, pos);
    const auto bytes = line.substr(start, pos - start);
    if (c && *c == '\t') {
      out.push_back({" ", 1});
    } else if (!c || utf8::is_control(*c)) {
      auto text = utf8::printable(bytes);
      out.push_back({text, text.size()});
    } else {
      out.push_back({std::string(bytes), utf8::display_width(bytes)});
    }
  }
  return out;
}

}  // namespace

std::string format(const Diagnostic& d) {
  std::string out;
  if (!d.path.empty()) {
    out += utf8::printable(d.path);
    if (d.position.line > 0) {
      out += ':' + std::to_string(d.position.line) + ':' + std::to_string(d.position.column);
    }
    out += ": ";
  }
  out += d.severity == Severity::error ? "error: " : "warning: ";
  out += utf8::printable(d.message, utf8::LineBreaks::kept_before_an_indent);
  out += '\n';
  if (d.position.line > 0 && !d.source_line.empty()) {
    const auto characters = shown_characters(d.source_line);
    const auto caret = std::min<std::size_t>(std::max(d.position.column, 1) - 1, characters.size());
    // A long line (a minified file, a generated key) is quoted around the caret only: fifty
    // problems on one 1 MB line must not print 50 MB.
    std::size_t first = 0, last = characters.size();
    std::size_t total = 0;
    for (const auto& c : characters) total += c.width;
    if (total > kQuotedWidth) {
      const auto room = kQuotedWidth - 6;  // for "..." at either end
      std::size_t used = 0;
      first = caret;
      while (first > 0 && used + characters[first - 1].width <= room / 3) {
        used += characters[--first].width;
      }
      last = caret;
      while (last < characters.size() && used + characters[last].width <= room) {
        used += characters[last++].width;
      }
    }
    std::string line = first > 0 ? "..." : "";
    std::size_t pad = line.size();
    for (auto i = first; i < last; ++i) {
      line += characters[i].text;
      if (i < caret) pad += characters[i].width;
    }
    if (last < characters.size()) line += "...";
    const std::string number = std::to_string(d.position.line);
    const std::string gutter(number.size(), ' ');
    out += ' ' + number + " | " + line + '\n';
    out += ' ' + gutter + " | " + std::string(pad, ' ') + "^\n";
  }
  return out;
}

}  // namespace hyoka
