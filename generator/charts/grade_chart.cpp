#include "charts/grade_chart.h"

#include <cmath>

#include "base/escape.h"
#include "charts/svg_text.h"
#include "charts/text_metrics.h"

namespace hyoka {

namespace {

constexpr double kMargin = 12;
constexpr double kTextSize = 12;
constexpr double kLine = SvgWriter::kLineHeight;
constexpr double kBarHeight = 22;
constexpr double kSwatch = 12;

void append_attr(std::string& out, const char* name, double value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_svg_number(out, value);
  out += '"';
}

}  // namespace

std::vector<std::string> grade_colours(const GradeScale& scale, const ChartStyle& style) {
  std::vector<std::string> out;
  std::size_t ordinary = 0;
  for (const auto& g : scale.grades) ordinary += !g.special;
  const auto& ramp = style.grade_ramp;
  for (std::size_t i = 0; i < scale.grades.size(); ++i) {
    if (scale.grades[i].special) {
      out.push_back(style.grade_special);
    } else if (!scale.ordered) {
      out.push_back(style.grade_categories[i % style.grade_categories.size()]);
    } else if (ordinary <= 1 || ordinary > ramp.size()) {
      out.push_back(ramp[i % ramp.size()]);
    } else {
      // Spread over the whole ramp, best first: three grades are blue, olive and purple.
      const auto at = static_cast<std::size_t>(
          std::lround(static_cast<double>(i) * static_cast<double>(ramp.size() - 1) /
                      static_cast<double>(ordinary - 1)));
      out.push_back(ramp[at]);
    }
  }
  return out;
}

std::string render_grade_chart(const GradeChart& chart, const ChartStyle& style,
                               const ChartSize& size) {
  const std::string id = chart.id + std::string(size.id_suffix);
  const double inner = size.width - 2 * kMargin;
  const auto colours = grade_colours(*chart.scale, style);
  SvgWriter svg;
  std::string shapes;
  double y = kMargin;
  y = svg.heading_and_summary(kMargin, y, inner, id, chart.heading, chart.summary, style);
  y += 6;
  // The key first: what each colour is, in the report's words.
  y = svg.line(kMargin, y, chart.key_heading, kTextSize, style.text, " font-weight=\"700\"");
  for (std::size_t k = 0; k < chart.key.size(); ++k) {
    const auto& key = chart.key[k];
    const auto lines = wrap_text(key.definition, inner - kSwatch - 6, kTextSize);
    shapes += "<rect";
    append_attr(shapes, "x", kMargin);
    append_attr(shapes, "y", y + (kTextSize * kLine - kSwatch) / 2);
    append_attr(shapes, "width", kSwatch);
    append_attr(shapes, "height", kSwatch);
    shapes += " fill=\"" + colours[k] + "\" class=\"key\"/>\n";
    y = svg.lines(kMargin + kSwatch + 6, y, lines, kTextSize, style.text);
  }
  for (const auto& group : chart.key_groups) {
    y = svg.lines(kMargin, y, wrap_text(group, inner, kTextSize), kTextSize, style.text);
  }
  y += 8;
  for (const auto& panel : chart.panels) {
    if (!panel.heading.empty()) {
      y = svg.lines(kMargin, y, wrap_text(panel.heading, inner, kTextSize), kTextSize, style.text,
                    " font-weight=\"700\"");
    }
    for (const auto& bar : panel.bars) {
      y = svg.lines(kMargin, y, wrap_text(bar.label, inner, kTextSize), kTextSize, style.text);
      if (bar.segments.empty()) {
        y = svg.lines(kMargin, y, wrap_text(bar.text, inner, kTextSize), kTextSize,
                      style.muted_text);
        y += 6;
        continue;
      }
      std::string listed;
      double x = kMargin;
      for (std::size_t i = 0; i < bar.segments.size(); ++i) {
        const auto& segment = bar.segments[i];
        const double width = inner * segment.fraction;
        const auto& fill = colours[segment.grade];
        shapes += "<rect";
        append_attr(shapes, "x", x);
        append_attr(shapes, "y", y);
        append_attr(shapes, "width", width);
        append_attr(shapes, "height", kBarHeight);
        shapes += " fill=\"" + fill + "\" class=\"segment\" data-share=\"";
        append_escaped_markup(shapes, segment.value_attr);
        shapes += "\"><title>";
        append_escaped_markup(shapes, segment.tooltip);
        shapes += "</title></rect>\n";
        if (i > 0) {
          shapes += "<line";
          append_attr(shapes, "x1", x);
          append_attr(shapes, "y1", y);
          append_attr(shapes, "x2", x);
          append_attr(shapes, "y2", y + kBarHeight);
          shapes += " stroke=\"" + style.background + "\" stroke-width=\"2\"/>\n";
        }
        // An unordered scale's colours say nothing of the grade: its name goes in the segment
        // with the share where both fit.
        const bool named =
            !chart.scale->ordered && text_width(segment.listed, kTextSize) + 6 <= width;
        const auto& text = named ? segment.listed : segment.label;
        if (named || text_width(segment.label, kTextSize) + 6 <= width) {
          const auto on =
              contrast_ratio("#ffffff", fill).value_or(0) >= 4.5 ? "#ffffff" : style.text;
          // The label stands on its segment, not the background: it names the fill it is on.
          const std::string extra =
              " text-anchor=\"middle\" class=\"on-segment\" data-fill=\"" + fill + "\"";
          svg.text(x + width / 2, y + kBarHeight / 2 + kTextSize * 0.35, text, kTextSize, on,
                   extra);
        } else {
          if (!listed.empty()) listed += "  ";
          listed += segment.listed;
        }
        x += width;
      }
      y += kBarHeight + 4;
      if (!listed.empty()) {
        y = svg.lines(kMargin, y, wrap_text(listed, inner, kTextSize), kTextSize, style.muted_text);
      }
      y += 6;
    }
    y += 6;
  }
  const double height = std::ceil(y + kMargin);
  return svg_chart(id, chart.title, size, height, style, {shapes, svg.body()});
}

std::string render_page_grade_chart(const GradeChart& chart, const ChartStyle& style) {
  return render_grade_chart(chart, style, kWideChart) +
         render_grade_chart(chart, style, kNarrowChart);
}

std::string grade_name(const Site& site, const Grade& grade, bool short_label) {
  const auto& label = short_label ? grade.short_label : grade.label;
  if (grade.symbol.empty() || grade.symbol == label) return label;
  return site.words(Word::grades_grade, {grade.symbol, label});
}

namespace {

// One bar of a row's (or the totals') grades in one fiscal year.
GradeBar grade_bar(const Site& site, const Dataset& dataset, const Counts& counts,
                   std::size_t period, std::string label, const std::string& where) {
  const auto& scale = *dataset.scale;
  GradeBar bar;
  bar.label = std::move(label);
  const auto whole = dataset.grade_whole(counts, period);
  if (!whole.present()) {
    const auto& reason = dataset.reason(whole.missing);
    bar.text = site.words(Word::chart_missing, {reason.symbol, reason.label});
    return bar;
  }
  if (whole.value == 0) {
    bar.text = site.words(Word::grades_no_whole);
    return bar;
  }
  for (std::size_t g = 0; g < scale.grades.size(); ++g) {
    const auto& count = counts[g][period];
    const auto share = dataset.share(counts, g, period);
    if (!count.present()) {
      // A grade's count missing while the whole is given: said under the bar.
      const auto& reason = dataset.reason(count.missing);
      bar.text = site.words(Word::chart_missing, {reason.symbol, reason.label});
      bar.segments.clear();
      return bar;
    }
    if (count.value == 0) continue;
    GradeSegment segment;
    segment.grade = g;
    segment.fraction = static_cast<double>(count.value) / static_cast<double>(whole.value);
    segment.label = dataset.shown(share);
    const auto name = grade_name(site, scale.grades[g], true);
    segment.listed = site.words(Word::grades_listed, {name, segment.label});
    segment.value_attr = format_ratio_number(share.value);
    segment.tooltip = site.words(Word::grades_segment, {where, name, segment.label,
                                                        format_count(count.value), dataset.unit});
    bar.segments.push_back(std::move(segment));
  }
  return bar;
}

GradeChart base_chart(const Site& site, const Dataset& dataset, std::string id, std::string heading,
                      const std::string& table_caption) {
  const auto& scale = *dataset.scale;
  GradeChart chart;
  chart.id = std::move(id);
  chart.heading = std::move(heading);
  chart.title = site.words(Word::chart_title, {chart.heading, table_caption});
  chart.key_heading = site.words(Word::grades_legend);
  chart.scale = &scale;
  for (const auto& group : scale.groups) {
    std::string names;
    for (const auto g : group.grades) {
      if (!names.empty()) site.words[Word::grades_group_separator].append_to(names);
      names += scale.grades[g].label;
    }
    chart.key_groups.push_back(site.words(Word::grades_group, {group.label, names}));
  }
  for (const auto& grade : scale.grades) {
    GradeKey key;
    key.name = grade_name(site, grade);
    key.definition = grade.definition.empty()
                         ? key.name
                         : site.words(Word::grades_definition, {key.name, grade.definition});
    chart.key.push_back(std::move(key));
  }
  return chart;
}

// The summary: the first grade's share (best, for an ordered scale) in the last year that
// has one, a plain fact that holds with ties.
void summarise(const Site& site, const Dataset& dataset, const Counts& counts,
               const std::string& who, GradeChart& chart) {
  for (std::size_t p = dataset.periods.size(); p-- > 0;) {
    const auto share = dataset.share(counts, 0, p);
    if (!share.present() || !share.value.defined) continue;
    const auto year = site.words.fiscal_year(dataset.periods[p]);
    const auto where = who.empty() ? year : site.words(Word::chart_area_in_year, {who, year});
    chart.summary =
        site.words(Word::grades_summary,
                   {where, grade_name(site, dataset.scale->grades[0]), dataset.shown(share)});
    return;
  }
  chart.summary = chart.heading;
}

GradeChart by_period(const Site& site, const Dataset& dataset, const Counts& counts,
                     const std::string& who, std::string id, std::string heading,
                     const std::string& table_caption) {
  auto chart = base_chart(site, dataset, std::move(id), std::move(heading), table_caption);
  GradePanel panel;
  for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
    const auto year = site.words.fiscal_year(dataset.periods[p]);
    panel.bars.push_back(
        grade_bar(site, dataset, counts, p, year,
                  who.empty() ? year : site.words(Word::chart_area_in_year, {who, year})));
  }
  chart.panels.push_back(std::move(panel));
  summarise(site, dataset, counts, who, chart);
  return chart;
}

}  // namespace

GradeChart grade_area_chart(const Site& site, const SitePage& page, const AreaRow& row,
                            const std::string& table_caption) {
  const auto& dataset = site.datasets[row.dataset];
  return by_period(
      site, dataset, dataset.rows[row.row].values, page.page->title, "chart-" + dataset.id,
      site.words(Word::table_area_caption, {page.page->title, site.words(Word::grades_chart_heading,
                                                                         {dataset.scale->label})}),
      table_caption);
}

GradeChart grade_totals_chart(const Site& site, const Dataset& dataset,
                              const std::string& table_caption) {
  return by_period(site, dataset, dataset.totals, "", "chart-" + dataset.id + "-totals",
                   site.words(Word::table_totals_caption,
                              {site.words(Word::grades_chart_heading, {dataset.scale->label})}),
                   table_caption);
}

GradeChart grade_areas_chart(const Site& site, const Dataset& dataset,
                             const std::string& table_caption) {
  auto chart = base_chart(
      site, dataset, "chart-" + dataset.id + "-areas",
      site.words(Word::grades_chart_heading_areas, {dataset.scale->label, site.config.area_label}),
      table_caption);
  for (std::size_t p = 0; p < dataset.periods.size(); ++p) {
    GradePanel panel;
    const auto year = site.words.fiscal_year(dataset.periods[p]);
    panel.heading = year;
    for (const auto& area : site.areas) {
      for (const auto& ref : area.rows) {
        if (&site.datasets[ref.dataset] != &dataset) continue;
        const auto& title = area.page->title;
        panel.bars.push_back(grade_bar(site, dataset, dataset.rows[ref.row].values, p, title,
                                       site.words(Word::chart_area_in_year, {title, year})));
      }
    }
    panel.bars.push_back(
        grade_bar(site, dataset, dataset.totals, p, site.words(Word::table_total),
                  site.words(Word::chart_area_in_year, {site.words(Word::table_total), year})));
    chart.panels.push_back(std::move(panel));
  }
  summarise(site, dataset, dataset.totals, site.words(Word::chart_whole), chart);
  return chart;
}

}  // namespace hyoka
