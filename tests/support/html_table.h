// Reads tables back out of hyoka's HTML, for end-to-end tests: enough of HTML to find a table
// by its caption and give each row as the text of its cells.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hyoka::test {

struct HtmlTable {
  std::string caption;
  std::vector<std::vector<std::string>> rows;  // header and body rows, cell text with tags removed

  // The cells after the row header of the row whose first cell is `label`.
  std::vector<std::string> row(const std::string& label) const;
};

std::vector<HtmlTable> read_tables(const std::string& html);
std::optional<HtmlTable> find_table(const std::string& html, const std::string& caption);
// Text with tags removed and the five basic entities decoded.
std::string text_of(const std::string& html);

}  // namespace hyoka::test
