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

std::string format(const Diagnostic& d) {
  std::string out;
  if (!d.path.empty()) {
    out += d.path;
    if (d.position.line > 0) {
      out += ':' + std::to_string(d.position.line) + ':' + std::to_string(d.position.column);
    }
    out += ": ";
  }
  out += d.severity == Severity::error ? "error: " : "warning: ";
  out += d.message;
  out += '\n';
  if (d.position.line > 0 && !d.source_line.empty()) {
    std::string line = d.source_line;
    std::replace(line.begin(), line.end(), '\t', ' ');
    const std::string number = std::to_string(d.position.line);
    const std::string gutter(number.size(), ' ');
    std::size_t byte = 0;
    for (int col = 1; col < d.position.column && byte < line.size(); ++col) {
      utf8::next(line, byte);
    }
    const std::size_t pad = utf8::display_width(std::string_view(line).substr(0, byte));
    out += ' ' + number + " | " + line + '\n';
    out += ' ' + gutter + " | " + std::string(pad, ' ') + "^\n";
  }
  return out;
}

}  // namespace hyoka
