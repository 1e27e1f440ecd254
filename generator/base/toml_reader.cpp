#include "base/toml_reader.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "base/quoted.h"
#include "base/spellcheck.h"
#include "base/toml_depth.h"
#include "base/utf8.h"

namespace hyoka {

TomlReader::TomlReader(const SourceText& source, Diagnostics& diags, int first_line, int indent)
    : source_(source), diags_(diags), first_line_(first_line), indent_(indent) {}

// toml++ counts columns in characters (code points) from the start of the TOML text's line;
// the indent before it is ASCII.
Position TomlReader::at(int line, int column) const {
  return {line + first_line_ - 1, column + indent_};
}

namespace {

// toml++ says "Error while parsing key-value pair: expected '=', saw 'c'"; the problem comes
// first here, then what was being read.
std::string describe_syntax_error(std::string_view description) {
  // "… depth of 256 (TOML_MAX_NESTED_VALUES)": the name of a setting inside toml++.
  std::string cleaned(description);
  if (const auto setting = cleaned.find(" (TOML_"); setting != std::string::npos) {
    cleaned.erase(setting, cleaned.find(')', setting) + 1 - setting);
  }
  description = cleaned;
  constexpr std::string_view kPrefix = "Error while parsing ";
  const auto colon = description.find(": ");
  if (!description.starts_with(kPrefix) || colon == std::string_view::npos) {
    return std::string(description);
  }
  const auto what = description.substr(kPrefix.size(), colon - kPrefix.size());
  const bool vowel =
      !what.empty() && std::string_view("aeiou").find(what[0]) != std::string_view::npos;
  return std::string(description.substr(colon + 2)) + " (while reading " + (vowel ? "an " : "a ") +
         std::string(what) + ")";
}

// toml++ reports a value it cannot hold ("'0x1…' is not representable in 64 bits") where it
// stopped reading it; the caret goes to the value's start, where the reader looks first.
int start_of_quoted_token(std::string_view line_text, int column, std::string_view description) {
  if (!description.starts_with('\'')) return column;
  const auto close = description.find('\'', 1);
  if (close == std::string_view::npos || close == 1) return column;
  const auto token = description.substr(1, close - 1);
  // The last mention before where toml++ stopped, not an earlier one in a key.
  const auto found = line_text.rfind(token);
  if (found == std::string_view::npos) return column;
  return static_cast<int>(utf8::length(line_text.substr(0, found))) + 1;
}

// A string left open at the end of its line reads in toml++ as "unescaped control
// characters … are explicitly prohibited" past the line's end; it is said plainly, at the
// quote that opens it.
bool describe_unclosed_string(std::string_view line_text, int& column, std::string& message) {
  if (!message.starts_with("unescaped control characters") ||
      column <= static_cast<int>(utf8::length(line_text))) {
    return false;
  }
  const auto quote = line_text.find_last_of("\"'");
  if (quote == std::string_view::npos) return false;
  column = static_cast<int>(utf8::length(line_text.substr(0, quote))) + 1;
  message =
      std::string("this string is not closed on its line: add ") + line_text[quote] + " at its end";
  return true;
}

}  // namespace

std::optional<toml::table> TomlReader::parse(std::string_view text) {
  // toml++ 3.3 reaches undefined behaviour on some invalid UTF-8 (marzer/tomlplusplus#295).
  // Files are checked when read; the reader holds on its own.
  if (const auto bad = utf8::first_invalid(text)) {
    const auto p = SourceText("", std::string(text)).position_at(*bad);
    error(at(p.line, p.column), "invalid TOML: this text is not valid UTF-8");
    return std::nullopt;
  }
  if (const auto deep = find_too_deep(text)) {
    const auto p = SourceText("", std::string(text)).position_at(*deep);
    error(at(p.line, p.column), "invalid TOML: nested more than " + std::to_string(kMaxTomlDepth) +
                                    " levels deep (keys, tables and arrays together), more "
                                    "than hyoka reads");
    return std::nullopt;
  }
  try {
    return toml::parse(text, source_.path());
  } catch (const toml::parse_error& e) {
    // The TOML text's own lines, made only when there is a problem to place. One found at
    // the end of the text (an array left open) is put on its last line.
    const SourceText part("", std::string(text));
    const auto& begin = e.source().begin;
    const int line = std::clamp(static_cast<int>(begin.line), 1, part.line_count());
    int column = line == static_cast<int>(begin.line) ? std::max<int>(begin.column, 1) : 1;
    auto message = describe_syntax_error(e.description());
    const auto line_text = part.line(line);
    if (!describe_unclosed_string(line_text, column, message)) {
      column = start_of_quoted_token(line_text, column, message);
    }
    error(at(line, column), "invalid TOML: " + message);
  }
  return std::nullopt;
}

Position TomlReader::position(const toml::node& v) const {
  const auto& begin = v.source().begin;
  if (!begin) return start();
  return at(static_cast<int>(begin.line), static_cast<int>(begin.column));
}

Position TomlReader::key_position(const toml::node& value, std::string_view key) const {
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

std::string describe_type(toml::node_type type) {
  switch (type) {
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a number with a fraction";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::date_time:
      return "a date-time";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::table:
      return "a table";
    default:
      return "nothing";
  }
}

const toml::node* TomlReader::find(const toml::node& table, std::string_view key, Need need,
                                   toml::node_type type, std::string_view type_name) {
  const auto* t = table.as_table();
  const auto* v = t ? t->get(key) : nullptr;
  if (!v) {
    if (need == Need::required) {
      error(t ? position(*t) : start(),
            "missing key \"" + std::string(key) + "\" (" + std::string(type_name) + ")");
    }
    return nullptr;
  }
  if (v->type() != type) {
    error(position(*v),
          quoted(key) + " must be " + std::string(type_name) + ", not " + describe_type(v->type()));
    return nullptr;
  }
  return v;
}

std::optional<std::string> TomlReader::get_string(const toml::node& table, std::string_view key,
                                                  Need need) {
  const auto* v = find(table, key, need, toml::node_type::string, "a string");
  if (!v) return std::nullopt;
  return v->as_string()->get();
}

std::optional<std::int64_t> TomlReader::get_integer(const toml::node& table, std::string_view key,
                                                    Need need) {
  const auto* v = find(table, key, need, toml::node_type::integer, "an integer");
  if (!v) return std::nullopt;
  return v->as_integer()->get();
}

std::optional<std::string> TomlReader::get_date(const toml::node& table, std::string_view key,
                                                Need need) {
  const auto* v = find(table, key, need, toml::node_type::date, "a date such as 2024-03-31");
  if (!v) return std::nullopt;
  const auto& d = v->as_date()->get();
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(d.year),
                static_cast<int>(d.month), static_cast<int>(d.day));
  return std::string(text);
}

std::optional<bool> TomlReader::get_bool(const toml::node& table, std::string_view key, Need need) {
  const auto* v = find(table, key, need, toml::node_type::boolean, "true or false");
  if (!v) return std::nullopt;
  return v->as_boolean()->get();
}

const toml::table* TomlReader::get_table(const toml::node& table, std::string_view key, Need need) {
  const auto* v = find(table, key, need, toml::node_type::table, "a table");
  return v ? v->as_table() : nullptr;
}

const toml::array* TomlReader::get_array(const toml::node& table, std::string_view key, Need need) {
  const auto* v = find(table, key, need, toml::node_type::array, "an array");
  return v ? v->as_array() : nullptr;
}

std::optional<std::vector<std::string>> TomlReader::get_string_array(const toml::node& table,
                                                                     std::string_view key,
                                                                     Need need) {
  const auto* array = get_array(table, key, need);
  if (!array) return std::nullopt;
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& item : *array) {
    if (const auto* s = item.as_string()) {
      out.push_back(s->get());
    } else {
      error(position(item), quoted(key) + " must hold strings, not " + describe_type(item.type()));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::int64_t> TomlReader::integer(const toml::node& v, std::string_view what) {
  if (const auto* i = v.as_integer()) return i->get();
  error(position(v), std::string(what) + " must be an integer, not " + describe_type(v.type()));
  return std::nullopt;
}

void TomlReader::check_keys(const toml::node& table, const std::vector<std::string>& known,
                            std::string_view where) {
  const auto* t = table.as_table();
  if (!t) return;
  for (const auto& key : keys_in_order(*t)) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    error(key_position(t->at(key), key),
          "unknown key \"" + key + "\" in " + std::string(where) + did_you_mean(key, known));
  }
}

std::vector<std::string> TomlReader::keys_in_order(const toml::table& table) const {
  std::vector<std::pair<std::pair<int, int>, std::string>> keyed;
  for (const auto& [key, value] : table) {
    const auto& begin = key.source().begin ? key.source().begin : value.source().begin;
    keyed.push_back(
        {{static_cast<int>(begin.line), static_cast<int>(begin.column)}, std::string(key.str())});
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::string> out;
  for (auto& [pos, key] : keyed) out.push_back(std::move(key));
  return out;
}

}  // namespace hyoka
