#include "data/csv_rows.h"

#include <algorithm>
#include <map>
#include <optional>
#include <variant>

#include "base/quoted.h"
#include "base/spellcheck.h"
#include "data/cell_values.h"
#include "data/csv_reader.h"

namespace hyoka {

namespace {

constexpr int kFirstPeriod = 1868;  // as for periods in TOML: fiscal-year labels need an era
constexpr int kLastPeriod = 9999;

// What each column holds.
struct Columns {
  std::optional<std::size_t> area, period;
  std::vector<std::optional<std::size_t>> measures;  // by measure
  // By measure: "<label>（欠測理由）", the reason an empty cell of the measure is missing.
  std::vector<std::optional<std::size_t>> reasons;
};

// The heading of the column that gives why a measure's cell is empty, as hyoka's CSV has it.
std::string reason_heading(const std::string& measure) {
  return measure + "（欠測理由）";
}

// One CSV line of data, read.
struct Line {
  std::size_t record = 0;
  std::string area;
  Position area_position;
  int period = 0;
  Position period_position;
  std::vector<Count> values;  // by measure
  std::vector<Position> positions;
};

bool is_blank(const CsvRecord& record) {
  return std::all_of(record.begin(), record.end(),
                     [](const CsvCell& cell) { return trim_cell(cell.text).empty(); });
}

// "; did you mean …" from the headings the file has, or the headings themselves.
std::string headings_hint(const std::string& wanted, const std::vector<std::string>& headings) {
  if (const auto best = closest(wanted, headings)) return "; did you mean " + quoted(*best) + "?";
  std::string list;
  for (const auto& heading : headings) list += (list.empty() ? "" : ", ") + quoted(heading);
  return list.empty() ? "" : "; the headings are " + list;
}

class CsvRowsReader {
 public:
  CsvRowsReader(const SourceText& csv, Dataset& dataset, const std::string& area_label,
                Diagnostics& diags)
      : csv_(csv), dataset_(dataset), area_label_(area_label), diags_(diags) {}

  bool read(bool periods_given) {
    const int errors_before = diags_.errors();
    const auto table = read_csv(csv_.text());
    if (table.problem) {
      error(table.problem->offset, table.problem->message);
      return false;
    }
    std::size_t first = 0;
    while (first < table.records.size() && is_blank(table.records[first])) ++first;
    if (first == table.records.size()) {
      diags_.report_file(Severity::error, csv_.path(),
                         "this CSV file is empty: its first line names the columns, such as " +
                             area_label_ + "ID,年度,…");
      return false;
    }
    const auto& headings = table.records[first];
    const auto columns = find_columns(headings);
    if (!columns) return false;
    std::vector<Line> lines;
    for (std::size_t r = first + 1; r < table.records.size(); ++r) {
      if (is_blank(table.records[r])) continue;
      if (auto line = read_line(table.records[r], headings.size(), *columns)) {
        line->record = r;
        lines.push_back(std::move(*line));
      }
    }
    if (diags_.errors() > errors_before) return false;
    if (lines.empty()) {
      error(headings.front().offset, "this CSV file has headings but no rows below them");
      return false;
    }
    if (!periods_given) dataset_.periods = periods_of(lines);
    return make_rows(lines) && diags_.errors() == errors_before;
  }

 private:
  void error(std::size_t offset, std::string message) {
    diags_.error(csv_, csv_.position_at(offset), std::move(message));
  }

  std::optional<Columns> find_columns(const CsvRecord& headings) {
    const int errors_before = diags_.errors();
    Columns columns;
    columns.measures.resize(dataset_.measures.size());
    columns.reasons.resize(dataset_.measures.size());
    const auto areas = area_headings(area_label_);
    const auto periods = period_headings();
    // Columns hyoka's own CSV has and a dataset does not read: they are skipped quietly.
    std::vector<std::string> skipped = {"全国地方公共団体コード", area_label_, "年度（和暦）",
                                        "注記"};
    for (const auto& ratio : dataset_.ratios) {
      skipped.push_back(ratio.label);
      skipped.push_back(ratio.label + "（%）");
      skipped.push_back(ratio.id);
    }
    // The headings the file may use, for "did you mean".
    std::vector<std::string> names = areas;
    names.insert(names.end(), periods.begin(), periods.end());
    for (const auto& m : dataset_.measures) {
      names.push_back(m.id);
      names.push_back(m.label);
    }
    const auto take = [&](std::optional<std::size_t>& slot, std::size_t column,
                          const std::string& what) {
      if (slot) {
        error(headings[column].offset, "a second column for " + what + " (the first is column " +
                                           std::to_string(*slot + 1) + ")");
      } else {
        slot = column;
      }
    };
    std::vector<std::string> texts;
    for (std::size_t c = 0; c < headings.size(); ++c) {
      const std::string text(trim_cell(headings[c].text));
      texts.push_back(text);
      if (std::find(areas.begin(), areas.end(), text) != areas.end()) {
        take(columns.area, c, "the area");
        continue;
      }
      if (std::find(periods.begin(), periods.end(), text) != periods.end()) {
        take(columns.period, c, "the fiscal year");
        continue;
      }
      bool found = false;
      for (std::size_t m = 0; m < dataset_.measures.size() && !found; ++m) {
        const auto& measure = dataset_.measures[m];
        if (text == measure.id || text == measure.label) {
          take(columns.measures[m], c, "measure " + quoted(measure.id));
          found = true;
        } else if (text == reason_heading(measure.id) || text == reason_heading(measure.label)) {
          take(columns.reasons[m], c, "the reasons " + quoted(measure.id) + " is missing");
          found = true;
        }
      }
      if (found || text.empty() ||
          std::find(skipped.begin(), skipped.end(), text) != skipped.end()) {
        continue;
      }
      diags_.warning(csv_, csv_.position_at(headings[c].offset),
                     "this column is not read: its heading " + quoted(text) +
                         " names no measure, area or fiscal year" + did_you_mean(text, names));
    }
    const auto missing = [&](const std::string& what, const std::vector<std::string>& accepted) {
      std::string list;
      for (const auto& name : accepted) list += (list.empty() ? "" : " or ") + quoted(name);
      error(headings.front().offset, "no column for " + what + ": give one the heading " + list +
                                         headings_hint(accepted.back(), texts));
    };
    if (!columns.area) missing("the area", areas);
    if (!columns.period) missing("the fiscal year", periods);
    for (std::size_t m = 0; m < dataset_.measures.size(); ++m) {
      const auto& measure = dataset_.measures[m];
      if (!columns.measures[m]) {
        missing("measure " + quoted(measure.id), {measure.id, measure.label});
      }
    }
    if (diags_.errors() > errors_before) return std::nullopt;
    return columns;
  }

  std::optional<Line> read_line(const CsvRecord& record, std::size_t width,
                                const Columns& columns) {
    const int errors_before = diags_.errors();
    for (std::size_t c = width; c < record.size(); ++c) {
      if (!trim_cell(record[c].text).empty()) {
        error(record[c].offset, "a cell beyond the last heading: give its column a heading");
        return std::nullopt;
      }
    }
    if (record.size() < width) {
      const auto& last = record.back();
      error(last.offset + last.text.size(), "this line has " + std::to_string(record.size()) +
                                                " cells but the heading line has " +
                                                std::to_string(width));
      return std::nullopt;
    }
    Line line;
    const auto& area = record[*columns.area];
    line.area = std::string(trim_cell(area.text));
    line.area_position = csv_.position_at(area.offset);
    if (line.area.empty()) error(area.offset, "the area's id must be given here");
    const auto& period = record[*columns.period];
    line.period_position = csv_.position_at(period.offset);
    const auto year = parse_period_cell(period.text);
    if (const auto* problem = std::get_if<std::string>(&year)) {
      error(period.offset, *problem);
    } else if (std::get<int>(year) < kFirstPeriod || std::get<int>(year) > kLastPeriod) {
      error(period.offset,
            "a period is a fiscal year such as 2019, not " + std::to_string(std::get<int>(year)));
    } else {
      line.period = std::get<int>(year);
    }
    for (std::size_t m = 0; m < columns.measures.size(); ++m) {
      const auto& cell = record[*columns.measures[m]];
      const auto* reason = columns.reasons[m] ? &record[*columns.reasons[m]] : nullptr;
      line.values.push_back(read_count(cell, reason, dataset_.measures[m]));
      line.positions.push_back(csv_.position_at(cell.offset));
    }
    if (diags_.errors() > errors_before) return std::nullopt;
    return line;
  }

  // The 1-based index of the declared reason `text` names by its word or its symbol, or 0.
  std::uint16_t reason_named(std::string_view text) const {
    for (std::size_t i = 0; i < dataset_.reasons.size(); ++i) {
      const auto& reason = dataset_.reasons[i];
      if (text == reason.label || text == reason.symbol) return static_cast<std::uint16_t>(i + 1);
    }
    return 0;
  }

  std::vector<std::string> reason_labels() const {
    std::vector<std::string> labels;
    for (const auto& reason : dataset_.reasons) labels.push_back(reason.label);
    return labels;
  }

  // A count; a declared reason in its place (「未公表」 or its symbol 「…」); or an empty cell
  // with the reason in the measure's "（欠測理由）" column.
  Count read_count(const CsvCell& cell, const CsvCell* reason_cell, const Measure& measure) {
    const auto text = trim_cell(cell.text);
    const auto reason = reason_cell ? trim_cell(reason_cell->text) : std::string_view();
    Count count;
    if (text.empty()) {
      if (!reason.empty()) {
        count.missing = reason_named(reason);
        if (!count.missing) {
          error(
              reason_cell->offset,
              "unknown reason " + quoted(std::string(reason)) + " for a missing count" +
                  (dataset_.reasons.empty() ? "; declare it under [[missing]]"
                                            : did_you_mean(std::string(reason), reason_labels())));
        }
        return count;
      }
      error(cell.offset,
            dataset_.reasons.empty()
                ? std::string("a count must be given here; to leave it out, declare the reasons "
                              "values may be missing for under [[missing]] and give the reason")
                : "a count must be given here, or the reason it is missing: write the reason (" +
                      reason_labels().front() + " …) in the cell or in a column headed " +
                      quoted(reason_heading(measure.label)));
      return count;
    }
    if (const auto named = reason_named(text)) {
      count.missing = named;
    } else {
      const auto value = parse_count_cell(cell.text);
      if (const auto* problem = std::get_if<std::string>(&value)) {
        error(cell.offset, *problem);
        return count;
      }
      count.value = std::get<std::int64_t>(value);
    }
    if (!reason.empty() && reason_named(reason) != count.missing) {
      error(reason_cell->offset, count.present()
                                     ? "a reason the count is missing, beside a count: leave "
                                       "one of the two cells empty"
                                     : "this reason differs from the one in the count's cell");
    }
    return count;
  }

  static std::vector<int> periods_of(const std::vector<Line>& lines) {
    std::vector<int> periods;
    for (const auto& line : lines) periods.push_back(line.period);
    std::sort(periods.begin(), periods.end());
    periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
    return periods;
  }

  bool make_rows(const std::vector<Line>& lines) {
    const int errors_before = diags_.errors();
    const auto& periods = dataset_.periods;
    const auto measures = dataset_.measures.size();
    std::map<std::string, std::size_t> row_of;
    std::vector<std::vector<std::optional<std::size_t>>> seen;  // [row][period] → line's index
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto& line = lines[i];
      const auto period = std::find(periods.begin(), periods.end(), line.period);
      if (period == periods.end()) {
        std::string list;
        for (const auto year : periods) list += (list.empty() ? "" : ", ") + std::to_string(year);
        diags_.error(csv_, line.period_position,
                     "fiscal year " + std::to_string(line.period) +
                         " is not one of the dataset's periods (" + list + ")");
        continue;
      }
      const auto p = static_cast<std::size_t>(period - periods.begin());
      auto [found, added] = row_of.emplace(line.area, dataset_.rows.size());
      if (added) {
        Row row;
        row.area = line.area;
        row.area_position = line.area_position;
        row.values.assign(measures, std::vector<Count>(periods.size()));
        row.positions.assign(measures, std::vector<Position>(periods.size()));
        dataset_.rows.push_back(std::move(row));
        seen.emplace_back(periods.size());
      }
      auto& row = dataset_.rows[found->second];
      auto& first = seen[found->second][p];
      if (first) {
        diags_.error(csv_, line.period_position,
                     "area " + quoted(line.area) + " has fiscal year " +
                         std::to_string(line.period) + " twice (first on line " +
                         std::to_string(lines[*first].period_position.line) + ")");
        continue;
      }
      first = i;
      for (std::size_t m = 0; m < measures; ++m) {
        row.values[m][p] = line.values[m];
        row.positions[m][p] = line.positions[m];
      }
    }
    for (std::size_t r = 0; r < dataset_.rows.size(); ++r) {
      for (std::size_t p = 0; p < periods.size(); ++p) {
        if (seen[r][p]) continue;
        const auto& row = dataset_.rows[r];
        diags_.error(csv_, row.area_position,
                     "area " + quoted(row.area) + " has no line for fiscal year " +
                         std::to_string(periods[p]) +
                         "; give the line, with the reason for counts that are missing");
      }
    }
    return diags_.errors() == errors_before;
  }

  const SourceText& csv_;
  Dataset& dataset_;
  const std::string& area_label_;
  Diagnostics& diags_;
};

}  // namespace

std::vector<std::string> area_headings(const std::string& area_label) {
  return {"area", area_label + "ID"};
}

std::vector<std::string> period_headings() {
  return {"period", "年度"};
}

bool read_csv_rows(const SourceText& csv, Dataset& dataset, bool periods_given,
                   const std::string& area_label, Diagnostics& diags) {
  return CsvRowsReader(csv, dataset, area_label, diags).read(periods_given);
}

}  // namespace hyoka
