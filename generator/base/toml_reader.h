// Reads TOML (site.toml, front matter, datasets) with toml11 and reports every problem at the
// position in the user's file, including TOML that starts part-way into a file (front matter).
// Loaders use the typed getters so missing keys, wrong types and unknown keys all read alike.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <toml.hpp>
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
  std::optional<toml::value> parse(const std::string& text);

  const SourceText& source() const { return source_; }
  Position position(const toml::value& v) const;
  // Where a key's name is written, falling back to its value's position.
  Position key_position(const toml::value& value, std::string_view key) const;
  Position start() const { return at(1, 1); }
  // Errors reported so far, through this reader or otherwise.
  int errors() const { return diags_.errors(); }
  void error(Position pos, std::string message);
  void warning(Position pos, std::string message);

  std::optional<std::string> get_string(const toml::value& table, const std::string& key,
                                        Need need);
  std::optional<std::int64_t> get_integer(const toml::value& table, const std::string& key,
                                          Need need);
  // A TOML local date (2024-03-31), as "YYYY-MM-DD".
  std::optional<std::string> get_date(const toml::value& table, const std::string& key, Need need);
  std::optional<bool> get_bool(const toml::value& table, const std::string& key, Need need);
  const toml::value* get_table(const toml::value& table, const std::string& key, Need need);
  const toml::value* get_array(const toml::value& table, const std::string& key, Need need);
  std::optional<std::vector<std::string>> get_string_array(const toml::value& table,
                                                           const std::string& key, Need need);
  // An integer that fits 64 bits, or a reported error naming `what`.
  std::optional<std::int64_t> integer(const toml::value& v, std::string_view what);

  // Reports every key of `table` that is not in `known`, with "did you mean".
  void check_keys(const toml::value& table, const std::vector<std::string>& known,
                  std::string_view where);
  // toml11 keeps no key order; this gives the order the keys were written in.
  std::vector<std::string> keys_in_order(const toml::value& table) const;

 private:
  const toml::value* find(const toml::value& table, const std::string& key, Need need,
                          toml::value_t type, std::string_view type_name);

  const SourceText& source_;
  Diagnostics& diags_;
  // The file position of a 1-based line and byte column of the TOML text.
  Position at(int line, int byte_column) const;

  // Where a value is written in the TOML text (1-based line and byte column) and how many bytes
  // it takes. toml11's location() counts lines from the start of the text on every call, which
  // makes reading a large file quadratic; this looks them up in a table of line starts.
  struct Span {
    int line = 1;
    int byte_column = 1;
    std::size_t size = 1;
    std::string line_text;  // the whole line it is on
  };
  Span span(const toml::value& v) const;

  int first_line_;
  int indent_;
  mutable const std::vector<char>* indexed_text_ = nullptr;
  mutable std::vector<std::size_t> line_starts_;  // of indexed_text_
};

// "a string", "an integer", … for messages.
std::string describe_type(toml::value_t type);

}  // namespace hyoka
