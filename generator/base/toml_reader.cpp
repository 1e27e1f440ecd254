#include "base/toml_reader.h"

#include <algorithm>
#include <charconv>
#include <sstream>

#include "base/spellcheck.h"

namespace hyoka {

TomlReader::TomlReader(const SourceText& source, Diagnostics& diags, int first_line)
    : source_(source), diags_(diags), first_line_(first_line) {}

namespace {

// toml11 puts the position of a syntax error only into its message text:
//   [error] toml::parse_array: missing array separator `,` after a value
//    --> name
//     |
//   2 | a = [1, 2
//     |          ^--- should be `,`
// The last numbered line and the caret under it are where the problem is.
struct SyntaxProblem {
  std::string message;
  int line = 1;
  int byte_column = 1;
};

SyntaxProblem read_syntax_error(const std::string& what) {
  SyntaxProblem out;
  std::istringstream lines(what);
  std::string line;
  int last_number = 0;
  bool first = true;
  std::string hint;
  while (std::getline(lines, line)) {
    if (first) {
      first = false;
      std::string title = line;
      if (title.starts_with("[error] ")) title.erase(0, 8);
      if (title.starts_with("toml::")) {
        const auto colon = title.find(": ");
        if (colon != std::string::npos) title.erase(0, colon + 2);
      }
      out.message = title;
      continue;
    }
    const auto bar = line.find(" | ");
    const auto bare_bar = line.find(" |");
    if (bar != std::string::npos) {
      const auto head = line.substr(0, bar);
      const auto digits = head.find_first_not_of(' ');
      if (digits != std::string::npos) {
        int number = 0;
        const auto* begin = head.data() + digits;
        if (std::from_chars(begin, head.data() + head.size(), number).ec == std::errc()) {
          last_number = number;
        }
        continue;
      }
      const auto caret = line.find('^', bar);
      if (caret != std::string::npos && last_number > 0) {
        out.line = last_number;
        out.byte_column = static_cast<int>(caret - (bar + 3)) + 1;
        const auto dashes = line.find("--- ", caret);
        hint = dashes == std::string::npos ? "" : line.substr(dashes + 4);
      }
    } else if (bare_bar == std::string::npos) {
      continue;
    }
  }
  if (!hint.empty() && hint != "here") out.message += " (" + hint + ")";
  return out;
}

}  // namespace

std::optional<toml::value> TomlReader::parse(const std::string& text) {
  std::istringstream in(text);
  try {
    return toml::parse(in, source_.path());
  } catch (const toml::syntax_error& e) {
    const auto problem = read_syntax_error(e.what());
    const int line = problem.line + first_line_ - 1;
    error({line, source_.character_column(line, problem.byte_column)},
          "invalid TOML: " + problem.message);
  } catch (const std::exception& e) {
    error(start(), std::string("invalid TOML: ") + e.what());
  }
  return std::nullopt;
}

Position TomlReader::position(const toml::value& v) const {
  const auto loc = v.location();
  const int line = static_cast<int>(loc.line()) + first_line_ - 1;
  return {line, source_.character_column(line, static_cast<int>(loc.column()))};
}

Position TomlReader::key_position(const toml::value& value, std::string_view key) const {
  const auto pos = position(value);
  const auto text = source_.line(pos.line);
  const auto found = text.find(key);
  if (found == std::string_view::npos) return pos;
  return {pos.line, source_.character_column(pos.line, static_cast<int>(found) + 1)};
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
  const auto loc = v.location();
  const auto& line = loc.line_str();
  std::string digits;
  for (std::size_t i = loc.column() - 1; i < line.size() && i < loc.column() - 1 + loc.region();
       ++i) {
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
    const auto loc = value.location();
    keyed.push_back({{static_cast<int>(loc.line()), static_cast<int>(loc.column())}, key});
  }
  std::sort(keyed.begin(), keyed.end());
  std::vector<std::string> out;
  for (auto& [pos, key] : keyed) out.push_back(key);
  return out;
}

}  // namespace hyoka
