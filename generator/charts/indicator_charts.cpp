#include "charts/indicator_charts.h"

#include <algorithm>
#include <cmath>

#include "charts/grade_chart.h"

namespace hyoka {

namespace {

constexpr const char* kDash = "\u2212";

}  // namespace

std::string shown_rate(const Percentage& rate) {
  auto text = format_percentage(rate) + "%";
  if (text.front() == '-') text.replace(0, 1, kDash);
  return text;
}

double position_of(const Decimal& value) {
  return static_cast<double>(value.digits) / std::pow(10.0, value.decimals);
}

std::vector<IndicatorChart> indicator_charts(const Site& site, const AreaRow& row,
                                             const std::string& table_caption,
                                             const ChartStyle& style) {
  const auto& dataset = site.datasets[row.dataset];
  const auto& kpi = *dataset.kpi;
  const auto& scale = *dataset.scale;
  const auto& words = site.words;
  const auto colours = grade_colours(scale, style);
  const bool yearly = kpi.rule.rule.formula == AchievementFormula::year_target;
  const auto seireki = [&](int year) { return words.fiscal_year(year, FiscalYearStyle::seireki); };
  std::vector<IndicatorChart> out;
  for (const std::size_t i : kpi.by_row[row.row]) {
    const auto& indicator = kpi.indicators[i];
    // A figure with its unit as charts write counts, or its missing value's symbol and reason.
    IndicatorChart chart;
    const auto with_unit = [&](const KpiValue& v) {
      if (v.value) chart.decimals = std::max(chart.decimals, v.value->decimals);
      if (v.value) return words(Word::chart_count, {format_decimal(*v.value), indicator.unit});
      const auto& reason = dataset.reason(v.missing);
      return words(Word::chart_missing, {reason.symbol, reason.label});
    };
    // Dataset and indicator ids are unique, and the infix keeps clear of the grade chart's.
    chart.id = "chart-" + dataset.id + "-indicator-" + indicator.id;
    chart.heading = words(Word::kpi_chart_heading, {indicator.name, indicator.unit});
    chart.title = words(Word::chart_title, {chart.heading, table_caption});
    if (indicator.lower_is_better) chart.notes.push_back(words(Word::kpi_chart_lower));

    const auto& baseline = indicator.baseline;
    const auto baseline_year = seireki(indicator.baseline_year);
    IndicatorBar base;
    base.label = words(Word::kpi_chart_baseline, {baseline_year});
    base.baseline = true;
    base.text = with_unit(baseline);
    base.tooltip = words(Word::chart_bar, {baseline_year, words(Word::kpi_baseline), base.text});
    if (baseline.value) {
      base.value = position_of(*baseline.value);
      base.value_attr = format_decimal(*baseline.value, true);
    }
    chart.bars.push_back(std::move(base));

    std::string target_dated;
    if (indicator.target) {
      const auto year = seireki(indicator.target_year);
      target_dated = words(Word::kpi_dated, {with_unit(*indicator.target), year});
      chart.target_label = words(Word::kpi_chart_target, {with_unit(*indicator.target), year});
      if (indicator.target->value) {
        chart.target = position_of(*indicator.target->value);
        chart.target_attr = format_decimal(*indicator.target->value, true);
      }
    }

    std::string years;
    for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
      const auto year = seireki(dataset.periods[p]);
      const auto& grade = scale.grades[indicator.grades[p]];
      const auto short_grade = grade_name(site, grade, true);
      const auto& rate = indicator.achieved[p].rate;
      const std::string rate_text = rate ? shown_rate(*rate) : kDash;
      const auto& actual = indicator.actuals[p];
      IndicatorBar bar;
      bar.label = year;
      if (yearly) {
        const auto& target = indicator.targets[p];
        bar.label = words(Word::kpi_chart_year_target, {year, with_unit(target)});
        if (target.value) {
          bar.target = position_of(*target.value);
          bar.target_tooltip =
              words(Word::chart_bar, {year, words(Word::kpi_target), with_unit(target)});
          chart.year_target_key = words(Word::kpi_chart_year_target_key);
        }
      }
      const auto long_year = words.fiscal_year(dataset.periods[p]);
      if (!years.empty()) words[Word::kpi_chart_summary_separator].append_to(years);
      if (actual.value) {
        bar.value = position_of(*actual.value);
        bar.value_attr = format_decimal(*actual.value, true);
        bar.fill = colours[indicator.grades[p]];
        bar.text = words(Word::kpi_chart_bar, {with_unit(actual), rate_text, short_grade});
        bar.tooltip = words(Word::chart_bar, {year, words(Word::kpi_actual), with_unit(actual)});
        if (yearly) {
          words[Word::kpi_chart_summary_year_target].append_to(
              years, {long_year, with_unit(indicator.targets[p]), with_unit(actual), rate_text,
                      grade_name(site, grade)});
        } else {
          words[Word::kpi_chart_summary_year].append_to(
              years, {long_year, with_unit(actual), rate_text, grade_name(site, grade)});
        }
      } else {
        const auto& reason = dataset.reason(actual.missing);
        bar.text = words(Word::kpi_chart_no_actual, {reason.symbol, reason.label, short_grade});
        words[Word::kpi_chart_summary_no_actual].append_to(
            years, {long_year, reason.label, grade_name(site, grade)});
      }
      chart.bars.push_back(std::move(bar));
    }
    const auto baseline_dated = words(Word::kpi_dated, {with_unit(baseline), baseline_year});
    chart.summary =
        indicator.target
            ? words(Word::kpi_chart_summary, {indicator.name, target_dated, baseline_dated, years})
            : words(Word::kpi_chart_summary_no_target, {indicator.name, baseline_dated, years});
    out.push_back(std::move(chart));
  }
  return out;
}

}  // namespace hyoka
