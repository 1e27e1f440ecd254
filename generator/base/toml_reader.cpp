#include "base/toml_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <sstream>

#include "base/spellcheck.h"
#include "base/utf8.h"

namespace hyoka {

TomlReader::TomlReader(const SourceText& source, Diagnostics& diags, int first_line, int indent)
    : source_(source), diags_(diags), first_line_(first_line), indent_(indent) {}

Position TomlReader::at(int line, int byte_column) const {
  const int file_line = line + first_line_ - 1;
  return {file_line, source_.character_column(file_line, byte_column + indent_)};
}

namespace {

// toml11 puts the position of a syntax error only into its message text:
//   [error] toml::parse_array: missing array separator `,` after a value
//    --> name
//     |
//   2 | a = [1, 2
//     |          ^--- should be `,`
// Each numbered line may be followed by a mark (`^` or `~~~`) with a hint. The last mark is
// where the problem is (for a duplicate key, the second definition), unless it lies past the
// end of the text (an array left open): then the first, where the construct began.
struct SyntaxProblem {
  std::string message;
  int line = 1;
  int byte_column = 1;
};

struct Mark {
  int line;
  int byte_column;
  std::string hint;
};

SyntaxProblem read_syntax_error(const std::string& what, int text_lines) {
  SyntaxProblem out;
  std::istringstream lines(what);
  std::string line;
  std::getline(lines, line);
  std::string title = line;
  if (title.starts_with("[error] ")) title.erase(0, 8);
  if (title.starts_with("toml::")) {
    const auto colon = title.find(": ");
    if (colon != std::string::npos) title.erase(0, colon + 2);
  }
  out.message = title;
  std::vector<Mark> marks;
  int last_number = 0;
  while (std::getline(lines, line)) {
    const auto bar = line.find(" | ");
    if (bar == std::string::npos) continue;
    const auto head = line.substr(0, bar);
    const auto digits = head.find_first_not_of(' ');
    if (digits != std::string::npos) {
      int number = 0;
      if (std::from_chars(head.data() + digits, head.data() + head.size(), number).ec ==
          std::errc()) {
        last_number = number;
      }
      continue;
    }
    const auto mark = line.find_first_of("^~", bar + 3);
    if (mark == std::string::npos || last_number == 0) continue;
    const auto dashes = line.find("--- ", mark);
    marks.push_back({last_number, static_cast<int>(mark - (bar + 3)) + 1,
                     dashes == std::string::npos ? "" : line.substr(dashes + 4)});
  }
  if (marks.empty()) return out;
  const Mark* chosen = &marks.back();
  if (chosen->line > text_lines) chosen = &marks.front();
  out.line = std::min(chosen->line, std::max(text_lines, 1));
  out.byte_column = chosen->byte_column;
  if (!chosen->hint.empty() && chosen->hint != "here") out.message += " (" + chosen->hint + ")";
  return out;
}

struct Hazard {
  std::size_t offset;
  std::string message;
};

// What toml11 3.x cannot survive or silently gets wrong, found before it parses: invalid UTF-8,
// nesting so
// deep that its recursive parser overflows the stack, and 0x/0o/0b integers beyond 64 bits
// (it wraps them with signed overflow). Strings and comments are skipped.
std::optional<Hazard> find_hazard(const std::string& text) {
  // toml11 3.x reads past its buffer on some invalid UTF-8 inside literal strings (found by
  // fuzzing); files are checked when read, but the reader must hold on its own.
  if (const auto bad = utf8::first_invalid(text))
    return Hazard{*bad, "this text is not valid UTF-8"};
  constexpr int kMaxDepth = 64;
  int depth = 0;
  std::size_t i = 0;
  const auto starts = [&](std::string_view s) { return text.compare(i, s.size(), s) == 0; };
  while (i < text.size()) {
    const char c = text[i];
    if (starts("\"\"\"") || starts("'''")) {
      const std::string quote = text.substr(i, 3);
      std::size_t end = i + 3;
      while ((end = text.find(quote, end)) != std::string::npos && quote[0] == '"' &&
             text[end - 1] == '\\') {
        ++end;
      }
      i = end == std::string::npos ? text.size() : end + 3;
    } else if (c == '"' || c == '\'') {
      std::size_t end = i + 1;
      while (end < text.size() && text[end] != c && text[end] != '\n') {
        end += (c == '"' && text[end] == '\\') ? 2 : 1;
      }
      i = end + 1;
    } else if (c == '#') {
      i = text.find('\n', i);
      if (i == std::string::npos) break;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxDepth) return Hazard{i, "nested more than 64 levels deep"};
      ++i;
    } else if (c == ']' || c == '}') {
      depth = std::max(depth - 1, 0);
      ++i;
    } else if (c == '0' && i + 1 < text.size() &&
               (text[i + 1] == 'x' || text[i + 1] == 'o' || text[i + 1] == 'b') &&
               (i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1])))) {
      const int bits_per_digit = text[i + 1] == 'x' ? 4 : text[i + 1] == 'o' ? 3 : 1;
      std::size_t end = i + 2;
      std::string digits;
      std::size_t written = 0;
      while (end < text.size() &&
             (std::isxdigit(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
        if (text[end] != '_') ++written;
        if (text[end] != '_' && !(digits.empty() && text[end] == '0')) digits += text[end];
        ++end;
      }
      // toml11 doubles a 64-bit place value for every binary digit written, leading zeros
      // too, and overflows past 62 of them.
      if (bits_per_digit == 1 && written > 62) {
        return Hazard{i, "the integer " + text.substr(i, end - i) +
                             " has more than 62 binary digits; write it in decimal"};
      }
      // 63 value bits: anything longer, or as long with a top digit too big, does not fit.
      const std::size_t max_digits = (63 + bits_per_digit - 1) / bits_per_digit;
      const int top_bits = 63 - static_cast<int>(max_digits - 1) * bits_per_digit;
      const bool too_long = digits.size() > max_digits ||
                            (digits.size() == max_digits &&
                             std::stoi(digits.substr(0, 1), nullptr, 16) >= (1 << top_bits));
      if (too_long) {
        return Hazard{i, "the integer " + text.substr(i, end - i) + " does not fit in 64 bits"};
      }
      i = end;
    } else {
      ++i;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<toml::value> TomlReader::parse(const std::string& text) {
  if (const auto hazard = find_hazard(text)) {
    const SourceText part("", text);
    const int line = part.position_at(hazard->offset).line;
    const auto line_start = part.offset_of({line, 1});
    error(at(line, static_cast<int>(hazard->offset - line_start) + 1),
          "invalid TOML: " + hazard->message);
    return std::nullopt;
  }
  std::istringstream in(text);
  try {
    return toml::parse(in, source_.path());
  } catch (const toml::syntax_error& e) {
    const int text_lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) +
                           (!text.empty() && text.back() != '\n' ? 1 : 0);
    const auto problem = read_syntax_error(e.what(), text_lines);
    error(at(problem.line, problem.byte_column), "invalid TOML: " + problem.message);
  } catch (const std::exception& e) {
    error(start(), std::string("invalid TOML: ") + e.what());
  }
  return std::nullopt;
}

TomlReader::Span TomlReader::span(const toml::value& v) const {
  const auto* region = dynamic_cast<const toml::detail::region*>(toml::detail::get_region(v));
  if (!region || !region->source()) {
    const auto loc = v.location();
    return {static_cast<int>(loc.line()), static_cast<int>(loc.column()), loc.region(),
            loc.line_str()};
  }
  const auto& text = *region->source();
  if (indexed_text_ != &text) {
    indexed_text_ = &text;
    line_starts_ = {0};
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
  }
  const auto offset = static_cast<std::size_t>(region->first() - text.cbegin());
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto start = *(next - 1);
  const auto end = next == line_starts_.end() ? text.size() : *next - 1;
  return {static_cast<int>(next - line_starts_.begin()), static_cast<int>(offset - start) + 1,
          region->size(),
          std::string(text.begin() + static_cast<std::ptrdiff_t>(start),
                      text.begin() + static_cast<std::ptrdiff_t>(end))};
}

Position TomlReader::position(const toml::value& v) const {
  const auto s = span(v);
  return at(s.line, s.byte_column);
}

Position TomlReader::key_position(const toml::value& value, std::string_view key) const {
  const auto pos = position(value);
  const auto text = source_.line(pos.line);
  // The key as a whole word followed by `=`, `.` or `]`, not inside a longer key.
  const auto is_word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  };
  for (auto found = text.find(key); found != std::string_view::npos;
       found = text.find(key, found + 1)) {
    if (found > 0 && is_word(text[found - 1])) continue;
    auto after = found + key.size();
    if (after < text.size() && is_word(text[after])) continue;
    while (after < text.size() &&
           (text[after] == ' ' || text[after] == '\t' || text[after] == '"')) {
      ++after;
    }
    if (after < text.size() && (text[after] == '=' || text[after] == '.' || text[after] == ']')) {
      return {pos.line, source_.character_column(pos.line, static_cast<int>(found) + 1)};
    }
  }
  return pos;
}

void TomlReader::error(Position pos, std::string message) {
  diags_.error(source_, pos, std::move(message));
}

void TomlReader::warning(Position pos, std::string message) {
  diags_.warning(source_, pos, std::move(message));
}

std::string describe_type(toml::value_t type) {
  switch (type) {
    case toml::value_t::boolean:
      return "a boolean";
    case toml::value_t::integer:
      return "an integer";
    case toml::value_t::floating:
      return "a number with a fraction";
    case toml::value_t::string:
      return "a string";
    case toml::value_t::offset_datetime:
    case toml::value_t::local_datetime:
      return "a date-time";
    case toml::value_t::local_date:
      return "a date";
    case toml::value_t::local_time:
      return "a time";
    case toml::value_t::array:
      return "an array";
    case toml::value_t::table:
      return "a table";
    default:
      return "nothing";
  }
}

const toml::value* TomlReader::find(const toml::value& table, const std::string& key, Need need,
                                    toml::value_t type, std::string_view type_name) {
  if (!table.is_table() || !table.contains(key)) {
    if (need == Need::required) {
      error(table.is_table() && table.location().line() > 1 ? position(table) : start(),
            "missing key \"" + key + "\" (" + std::string(type_name) + ")");
    }
    return nullptr;
  }
  const auto& v = table.at(key);
  if (v.type() != type) {
    error(position(v),
          "\"" + key + "\" must be " + std::string(type_name) + ", not " + describe_type(v.type()));
    return nullptr;
  }
  return &v;
}

std::optional<std::string> TomlReader::get_string(const toml::value& table, const std::string& key,
                                                  Need need) {
  const auto* v = find(table, key, need, toml::value_t::string, "a string");
  if (!v) return std::nullopt;
  return v->as_string().str;
}

std::optional<std::int64_t> TomlReader::get_integer(const toml::value& table,
                                                    const std::string& key, Need need) {
  const auto* v = find(table, key, need, toml::value_t::integer, "an integer");
  if (!v) return std::nullopt;
  return integer(*v, "\"" + key + "\"");
}

std::optional<std::string> TomlReader::get_date(const toml::value& table, const std::string& key,
                                                Need need) {
  const auto* v = find(table, key, need, toml::value_t::local_date, "a date such as 2024-03-31");
  if (!v) return std::nullopt;
  const auto& d = v->as_local_date();
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(d.year),
                static_cast<int>(d.month) + 1, static_cast<int>(d.day));
  return std::string(text);
}

std::optional<bool> TomlReader::get_bool(const toml::value& table, const std::string& key,
                                         Need need) {
  const auto* v = find(table, key, need, toml::value_t::boolean, "true or false");
  if (!v) return std::nullopt;
  return v->as_boolean();
}

const toml::value* TomlReader::get_table(const toml::value& table, const std::string& key,
                                         Need need) {
  return find(table, key, need, toml::value_t::table, "a table");
}

const toml::value* TomlReader::get_array(const toml::value& table, const std::string& key,
                                         Need need) {
  return find(table, key, need, toml::value_t::array, "an array");
}

std::optional<std::vector<std::string>> TomlReader::get_string_array(const toml::value& table,
                                                                     const std::string& key,
                                                                     Need need) {
  const auto* array = get_array(table, key, need);
  if (!array) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& item : array->as_array()) {
    if (!item.is_string()) {
      error(position(item), "\"" + key + "\" must hold strings, not " + describe_type(item.type()));
      ok = false;
    } else {
      out.push_back(item.as_string().str);
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::int64_t> TomlReader::integer(const toml::value& v, std::string_view what) {
  if (!v.is_integer()) {
    error(position(v), std::string(what) + " must be an integer, not " + describe_type(v.type()));
    return std::nullopt;
  }
  // toml11 3.x wraps silently on integers beyond 64 bits; read the written digits again.
  const auto s = span(v);
  const auto& line = s.line_text;
  const auto first = static_cast<std::size_t>(s.byte_column - 1);
  std::string digits;
  for (std::size_t i = first; i < line.size() && i < first + s.size; ++i) {
    if (line[i] != '_' && line[i] != '+') digits += line[i];
  }
  if (!digits.empty() && digits.find_first_not_of("-0123456789") == std::string::npos) {
    std::int64_t parsed = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), parsed);
    if (ec == std::errc::result_out_of_range) {
      error(position(v),
            std::string(what) + " is too large: " + digits + " does not fit in 64 bits");
      return std::nullopt;
    }
  }
  return v.as_integer();
}

void TomlReader::check_keys(const toml::value& table, const std::vector<std::string>& known,
                            std::string_view where) {
  if (!table.is_table()) return;
  for (const auto& key : keys_in_order(table)) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    error(key_position(table.at(key), key),
          "unknown key \"" + key + "\" in " + std::string(where) + did_you_mean(key, known));
  }
}

std::vector<std::string> TomlReader::keys_in_order(const toml::value& table) const {
  std::vector<std::pair<std::pair<int, int>, std::string>> keyed;
  for (const auto& [key, value] : table.as_table()) {
    const auto s = span(value);
    keyed.push_back({{s.line, s.byte_column}, key});
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::string> out;
  for (auto& [pos, key] : keyed) out.push_back(key);
  return out;
}

}  // namespace hyoka
