// Tables as rows of cells, before any HTML: the templates draw them, and tests read the
// figures straight from here. Every figure comes from the Dataset, so a table cannot show a
// number the data does not hold.
#pragma once

#include <string>
#include <vector>

#include "base/era.h"
#include "data/note_marks.h"
#include "site/selection.h"
#include "site/site.h"

namespace hyoka {

struct TableCell {
  std::string text;
  bool header = false;
  std::string scope;  // for headers: col, row, colgroup
  int colspan = 1;
  int rowspan = 1;
  bool numeric = false;
  std::string href;        // a link inside the cell
  std::string mark;        // the note marks, as text: ※1, or ※1※3
  std::vector<int> marks;  // the same as numbers, each linking to its note
};

struct TableView {
  std::string id;  // unique on its page
  std::string caption;
  std::vector<int> column_groups;  // spans; empty when the table has no groups
  std::vector<std::vector<TableCell>> head;
  std::vector<std::vector<TableCell>> body;
  std::vector<int> caption_marks;  // notes on the whole table
  std::vector<std::string> notes;
  std::vector<int> note_numbers;        // for each note, the number of its mark, or 0 for none
  std::vector<std::string> mark_texts;  // the text of mark n at n - 1, in the site's words
};

// A header cell (scope col, row or colgroup) with its note marks.
TableCell header_cell(std::string text, std::string scope, NoteNumbers marks = {});

// An area's own table (of `row` of `dataset`): its id, its caption, and the notes on the area
// among the caption's marks.
void name_area_table(const Site& site, const SitePage& page, const Dataset& dataset,
                     const NoteMarks& marks, std::size_t row, TableView& t);

// The id of the note that mark `number` of `table` links to. Made from the table's id when the
// page is drawn: a block gives its table another id after the notes are written.
std::string note_id(const TableView& table, int number);

// One area's row: a line per measure and ratio, a column per fiscal year (as in the source).
TableView area_table(const Site& site, const SitePage& page, const AreaRow& area_row,
                     const Selection& selection = {});

// The dataset's totals over all areas, in the same shape as an area table.
TableView totals_table(const Site& site, const Dataset& dataset, const Selection& selection = {});

// Every area × fiscal year, with a column group per year spanning its measures and ratios,
// and a totals row.
TableView overview_table(const Site& site, const SitePage& page, const Dataset& dataset,
                         const Selection& selection = {});

// The note that states how a ratio is computed and rounded, in the site's words.
std::string ratio_note(const Site& site, const Dataset& dataset, const Ratio& ratio);

}  // namespace hyoka
