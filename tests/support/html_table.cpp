#include "support/html_table.h"

namespace hyoka::test {

std::string text_of(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (const char c : html) {
    if (c == '<')
      in_tag = true;
    else if (c == '>')
      in_tag = false;
    else if (!in_tag)
      out += c;
  }
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, plain] : entities) {
    for (std::size_t p; (p = out.find(entity)) != std::string::npos;)
      out.replace(p, std::string(entity).size(), plain);
  }
  return out;
}

static std::vector<std::string> between(const std::string& html, const std::string& open,
                                        const std::string& close) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = html.find(open, pos)) != std::string::npos) {
    const auto start = html.find('>', pos) + 1;
    const auto end = html.find(close, start);
    if (end == std::string::npos) break;
    out.push_back(html.substr(start, end - start));
    pos = end + close.size();
  }
  return out;
}

std::vector<HtmlTable> read_tables(const std::string& html) {
  std::vector<HtmlTable> tables;
  for (const auto& table_html : between(html, "<table", "</table>")) {
    HtmlTable table;
    const auto captions = between(table_html, "<caption", "</caption>");
    if (!captions.empty()) table.caption = text_of(captions.front());
    for (const auto& row_html : between(table_html, "<tr", "</tr>")) {
      std::vector<std::string> cells;
      std::size_t pos = 0;
      while (true) {
        const auto th = row_html.find("<th", pos);
        const auto td = row_html.find("<td", pos);
        const auto start = std::min(th, td);
        if (start == std::string::npos) break;
        const std::string close = start == th ? "</th>" : "</td>";
        const auto body = row_html.find('>', start) + 1;
        const auto end = row_html.find(close, body);
        cells.push_back(text_of(row_html.substr(body, end - body)));
        pos = end + close.size();
      }
      table.rows.push_back(cells);
    }
    tables.push_back(table);
  }
  return tables;
}

std::optional<HtmlTable> find_table(const std::string& html, const std::string& caption) {
  for (auto& table : read_tables(html)) {
    if (table.caption == caption) return table;
  }
  return std::nullopt;
}

std::vector<std::string> HtmlTable::row(const std::string& label) const {
  for (const auto& r : rows) {
    if (!r.empty() && r.front() == label) return {r.begin() + 1, r.end()};
  }
  return {};
}

}  // namespace hyoka::test
