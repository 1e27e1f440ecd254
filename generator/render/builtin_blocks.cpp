// hyoka's own block plugins: `chart`, `table` and `summary`. They draw with the same code as
// the pages, so a chart or table placed in prose shows the same figures.
#include <cmath>

#include "base/escape.h"
#include "charts/dataset_charts.h"
#include "charts/grade_chart.h"
#include "render/block_params.h"
#include "render/block_plugin.h"
#include "render/grade_tables.h"
#include "render/page_context.h"
#include "render/render_stop.h"
#include "render/table_view.h"

namespace hyoka {

void BlockRegistry::add(std::unique_ptr<BlockPlugin> plugin) {
  auto name = plugin->name();
  plugins_[name] = std::move(plugin);
}

const BlockPlugin* BlockRegistry::find(const std::string& name) const {
  const auto it = plugins_.find(name);
  return it == plugins_.end() ? nullptr : it->second.get();
}

std::vector<std::string> BlockRegistry::names() const {
  std::vector<std::string> out;
  for (const auto& [name, plugin] : plugins_) out.push_back(name);
  return out;
}

namespace {

// A grade dataset's tables and charts show every grade and fiscal year: its shares are of the
// whole, which a choice of measures or years would hide.
bool grade_selection_is_whole(const BlockCall& call, const BlockData& data) {
  for (const char* key : {"measures", "periods", "areas"}) {
    if (!call.params.contains(key)) continue;
    call.reader.error(call.reader.key_position(call.params.at(key), key),
                      "the dataset \"" + data.dataset->id +
                          "\" counts grades: its table and chart show every grade and fiscal "
                          "year, so " +
                          key + " cannot be chosen");
    return false;
  }
  return true;
}

std::optional<std::string> render_partial(const BlockCall& call, const std::string& name,
                                          const mustache::Value& context) {
  const auto* partial = call.theme.templates.partial(name);
  if (!partial) return "";
  std::string out;
  if (const auto stop = partial->render(context, out)) {
    const auto report =
        explain_render_stop(call.theme, *stop, "the partial \"" + name + "\" for this block");
    call.reader.error(
        call.reader.start(),
        report.message + (report.source ? " (" + report.source->path() + ":" +
                                              std::to_string(report.position.line) + ")"
                                        : ""));
    return std::nullopt;
  }
  return out;
}

}  // namespace

std::optional<std::string> render_chart_partial(const BlockCall& call, const ChartFigure& chart) {
  return render_partial(call, "chart",
                        mustache::Map{{"id", mustache::Value::view(chart.id)},
                                      {"heading", mustache::Value::view(chart.heading)},
                                      {"svg", mustache::Value::view(chart.svg)},
                                      {"href", mustache::Value::view(chart.href)}});
}

std::optional<std::string> render_table_partial(const BlockCall& call, const TableView& table) {
  return render_partial(call, "table", table_context(table));
}

namespace {

const std::vector<std::string> kCommonKeys = {"dataset",  "area",  "areas",
                                              "measures", "ratio", "periods"};

std::vector<std::string> with(std::vector<std::string> keys,
                              std::initializer_list<const char*> more) {
  for (const auto* key : more) keys.push_back(key);
  return keys;
}

class ChartBlock final : public BlockPlugin {
 public:
  std::string name() const override { return "chart"; }

  std::optional<std::string> render(const BlockCall& call) const override {
    call.reader.check_keys(call.params, with(kCommonKeys, {"type", "title"}), "a chart block");
    const auto type = read_choice(call, "type", {"bars", "ratio", "trend"}, "bars");
    const auto data = read_block_data(call);
    const auto title = call.reader.get_string(call.params, "title", Need::optional);
    if (!type || !data) return std::nullopt;
    const auto& site = call.site;
    const auto& dataset = *data->dataset;
    // No table is drawn below a chart block, so its title names none.
    const std::string caption;
    const auto id = call.id + "-chart";
    const auto at_type = call.params.contains("type") ? call.reader.position(call.params.at("type"))
                                                      : call.reader.start();
    std::string svg;
    std::string heading;
    const auto& style = call.theme.chart_style;
    if (*type == "bars") {
      if (!data->selection.areas.empty()) {
        call.reader.error(call.reader.key_position(call.params.at("areas"), "areas"),
                          "bars show one area (area = \"…\") or, without one, the totals");
        return std::nullopt;
      }
      if (dataset.scale) {
        // A grade dataset's bars are its 100% stacked bars, every grade in every year.
        if (!grade_selection_is_whole(call, *data)) return std::nullopt;
        auto chart = data->row
                         ? grade_area_chart(site, site.areas[*data->area], *data->row, caption)
                         : grade_totals_chart(site, dataset, caption);
        chart.id = id;
        if (title) chart.heading = *title;
        return render_chart_partial(call,
                                    {id, chart.heading, render_page_grade_chart(chart, style), ""});
      }
      auto chart = data->row ? area_chart(site, site.areas[*data->area], *data->row, caption,
                                          data->selection, id)
                             : totals_chart(site, dataset, caption, data->selection, id);
      if (title) chart.heading = *title;
      heading = chart.heading;
      svg = render_page_bar_chart(chart, style);
    } else {
      if (!data->ratio) {
        call.reader.error(at_type, "the dataset \"" + dataset.id + "\" has no ratio to chart");
        return std::nullopt;
      }
      auto selection = data->selection;
      if (data->area) selection.areas = {*data->area};
      const auto& ratio = dataset.ratios[*data->ratio];
      if (*type == "ratio") {
        const auto charts = area_ratio_charts(site, dataset, ratio, caption, selection, id);
        if (!charts.front().omitted.empty())
          return "<p class=\"chart-omitted\">" + charts.front().omitted + "</p>";
        for (auto chart : charts) {
          if (title) chart.chart.heading = *title;
          heading = chart.chart.heading;
          svg += render_page_bar_chart(chart.chart, style);
        }
      } else {
        if (trend_lines(site, dataset, selection) > kMaxLines) {
          call.reader.error(at_type, "a trend draws at most " + std::to_string(kMaxLines) +
                                         " lines; choose the areas with areas = [\"…\", …]");
          return std::nullopt;
        }
        auto chart = trend_chart(site, dataset, ratio, caption, selection, id);
        if (title) chart.heading = *title;
        heading = chart.heading;
        svg = render_page_line_chart(chart, style);
      }
    }
    return render_chart_partial(call, {id, heading, svg, ""});
  }
};

class TableBlock final : public BlockPlugin {
 public:
  std::string name() const override { return "table"; }

  std::optional<std::string> render(const BlockCall& call) const override {
    call.reader.check_keys(call.params, kCommonKeys, "a table block");
    const auto data = read_block_data(call);
    if (!data) return std::nullopt;
    const auto& site = call.site;
    if (data->dataset->scale) {
      if (!grade_selection_is_whole(call, *data)) return std::nullopt;
      TableView table = data->row ? grade_area_table(site, site.areas[*data->area], *data->row)
                                  : grade_overview_table(site, call.page, *data->dataset);
      table.id = call.id + "-table";
      return render_table_partial(call, table);
    }
    TableView table = data->row
                          ? area_table(site, site.areas[*data->area], *data->row, data->selection)
                          : overview_table(site, call.page, *data->dataset, data->selection);
    table.id = call.id + "-table";
    return render_table_partial(call, table);
  }
};

// One sentence: a ratio in one fiscal year, and how it moved from the year before.
class SummaryBlock final : public BlockPlugin {
 public:
  std::string name() const override { return "summary"; }

  std::optional<std::string> render(const BlockCall& call) const override {
    call.reader.check_keys(call.params, {"dataset", "area", "ratio", "period"}, "a summary block");
    const auto data = read_block_data(call);
    if (!data) return std::nullopt;
    const auto& site = call.site;
    const auto& dataset = *data->dataset;
    if (!data->ratio) {
      call.reader.error(call.reader.start(),
                        "the dataset \"" + dataset.id + "\" has no ratio to summarise");
      return std::nullopt;
    }
    std::size_t period = dataset.periods.size() - 1;
    if (const auto year = call.reader.get_integer(call.params, "period", Need::optional)) {
      const auto it = std::find(dataset.periods.begin(), dataset.periods.end(), *year);
      if (it == dataset.periods.end()) {
        call.reader.error(call.reader.position(call.params.at("period")),
                          "the dataset has no fiscal year " + std::to_string(*year));
        return std::nullopt;
      }
      period = static_cast<std::size_t>(it - dataset.periods.begin());
    } else if (call.params.contains("period")) {
      return std::nullopt;
    }
    const auto& ratio = dataset.ratios[*data->ratio];
    // A missing count makes its ratio missing: said with its reason, never read as zero.
    const auto figure = [&](std::size_t p) {
      return data->row ? dataset.ratio(ratio, dataset.rows[data->row->row].values, p)
                       : dataset.total_ratio(ratio, p);
    };
    const auto& words = site.words;
    const std::string who =
        data->area ? site.areas[*data->area].page->title : words(Word::summary_whole);
    const auto year = [&](std::size_t p) { return words.fiscal_year(dataset.periods[p]); };
    const auto current = figure(period);
    const auto& now = current.value;
    std::string text;
    if (!current.present()) {
      text = words(Word::summary_missing,
                   {year(period), who, ratio.label, dataset.reason(current.missing).label});
    } else if (!now.defined) {
      text = words(Word::summary_undefined, {year(period), who, ratio.label});
    } else {
      const auto value = words(current.partial ? Word::chart_ratio_partial : Word::chart_ratio,
                               {format_ratio(now), format_count(current.numerator),
                                format_count(current.denominator), dataset.unit});
      // Compared with the year before it in the data: "前年度" only when that is the fiscal
      // year just before; an earlier one is named (the data may skip years); nothing of a
      // change when that year's ratio cannot be computed or is missing.
      const auto before = period > 0 ? figure(period - 1).value : RatioValue{};
      if (!before.defined) {
        text = words(Word::summary_value, {year(period), who, ratio.label, value});
      } else {
        const bool previous_year = dataset.periods[period - 1] + 1 == dataset.periods[period];
        // The difference of the shown values, exactly: both are integers scaled alike.
        const bool up = now.scaled > before.scaled;
        const auto diff = up ? now.scaled - before.scaled : before.scaled - now.scaled;
        const RatioValue points{true, diff, now.decimals};
        const Word change = diff == 0
                                ? (previous_year ? Word::summary_same : Word::summary_same_since)
                            : up ? (previous_year ? Word::summary_up : Word::summary_up_since)
                                 : (previous_year ? Word::summary_down : Word::summary_down_since);
        text = words(change, {year(period), who, ratio.label, value, format_ratio(before),
                              format_ratio_number(points), year(period - 1)});
      }
    }
    return "<p class=\"data-summary\" id=\"" + call.id + "\">" + escape_markup(text) + "</p>";
  }
};

}  // namespace

void add_builtin_blocks(BlockRegistry& registry) {
  registry.add(std::make_unique<ChartBlock>());
  registry.add(std::make_unique<TableBlock>());
  registry.add(std::make_unique<SummaryBlock>());
}

}  // namespace hyoka
