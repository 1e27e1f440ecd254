// Reads TOML (site.toml, front matter, datasets) with toml++ and reports every problem at the
// position in the user's file, including TOML that starts part-way into a file (front matter).
// Loaders use the typed getters so missing keys, wrong types and unknown keys all read alike.
#pragma once

#include <toml++/toml.h>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/source_text.h"

namespace hyoka {

enum class Need { required, optional };

class TomlReader {
 public:
  // `first_line` is the line of `source` on which the TOML text begins; `indent` is the number
  // of bytes before each of its lines there (a block indented inside a Markdown list).
  TomlReader(const SourceText& source, Diagnostics& diags, int first_line = 1, int indent = 0);

  // Parses `text`; a syntax error is reported at its position and nullopt returned.
  std::optional<toml::table> parse(std::string_view text);

  const SourceText& source() const { return source_; }
  Position position(const toml::node& v) const;
  // Where a key's name is written, falling back to its value's position.
  Position key_position(const toml::node& value, std::string_view key) const;
  Position start() const { return at(1, 1); }
  // Errors reported so far, through this reader or otherwise.
  int errors() const { return diags_.errors(); }
  void error(Position pos, std::string message);
  void warning(Position pos, std::string message);

  std::optional<std::string> get_string(const toml::node& table, std::string_view key, Need need);
  std::optional<std::int64_t> get_integer(const toml::node& table, std::string_view key, Need need);
  // A TOML local date (2024-03-31), as "YYYY-MM-DD".
  std::optional<std::string> get_date(const toml::node& table, std::string_view key, Need need);
  std::optional<bool> get_bool(const toml::node& table, std::string_view key, Need need);
  const toml::table* get_table(const toml::node& table, std::string_view key, Need need);
  const toml::array* get_array(const toml::node& table, std::string_view key, Need need);
  std::optional<std::vector<std::string>> get_string_array(const toml::node& table,
                                                           std::string_view key, Need need);
  // An integer, or a reported error naming `what`.
  std::optional<std::int64_t> integer(const toml::node& v, std::string_view what);

  // Reports every key of `table` that is not in `known`, with "did you mean".
  void check_keys(const toml::node& table, const std::vector<std::string>& known,
                  std::string_view where);
  // The keys in the order they were written in (toml++ keeps them sorted).
  std::vector<std::string> keys_in_order(const toml::table& table) const;

 private:
  const toml::node* find(const toml::node& table, std::string_view key, Need need,
                         toml::node_type type, std::string_view type_name);
  // The file position of a 1-based line and character column of the TOML text.
  Position at(int line, int column) const;

  const SourceText& source_;
  Diagnostics& diags_;
  int first_line_;
  int indent_;
};

// "a string", "an integer", … for messages.
std::string describe_type(toml::node_type type);

}  // namespace hyoka
