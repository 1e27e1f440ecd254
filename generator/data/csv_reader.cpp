#include "data/csv_reader.h"

namespace hyoka {

CsvTable read_csv(std::string_view text) {
  CsvTable table;
  CsvRecord record;
  std::size_t at = 0;
  const auto end_of_record = [&](std::size_t pos) {
    return pos == text.size() || text[pos] == '\n' || text[pos] == '\r';
  };
  while (at < text.size()) {
    CsvCell cell;
    cell.offset = at;
    if (text[at] == '"') {
      const auto open = at++;
      for (;;) {
        if (at == text.size()) {
          table.problem = {open, "this quoted cell is not closed: add \" at its end"};
          return table;
        }
        if (text[at] == '"') {
          if (at + 1 < text.size() && text[at + 1] == '"') {
            cell.text += '"';
            at += 2;
            continue;
          }
          ++at;
          break;
        }
        cell.text += text[at++];
      }
      if (at < text.size() && text[at] != ',' && !end_of_record(at)) {
        table.problem = {at,
                         "text after the closing quote of a cell: a quote inside a quoted cell "
                         "is written twice (\"\")"};
        return table;
      }
    } else {
      // A quote inside an unquoted cell is kept as it is, as Excel reads it.
      const auto stop = text.find_first_of(",\r\n", at);
      const auto cell_end = stop == std::string_view::npos ? text.size() : stop;
      cell.text = std::string(text.substr(at, cell_end - at));
      at = cell_end;
    }
    record.push_back(std::move(cell));
    if (at < text.size() && text[at] == ',') {
      ++at;
      if (end_of_record(at))
        record.push_back({"", at});  // a last cell that is empty
      else
        continue;
    }
    table.records.push_back(std::move(record));
    record.clear();
    if (at < text.size() && text[at] == '\r') ++at;
    if (at < text.size() && text[at] == '\n') ++at;
  }
  return table;
}

}  // namespace hyoka
