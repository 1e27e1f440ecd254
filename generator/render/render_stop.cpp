#include "render/render_stop.h"

#include "data/ratio.h"

namespace hyoka {

namespace {

const SourceText* source_of(const Theme& theme, const mustache::Template& in) {
  const auto& sources = in.is_partial() ? theme.partials : theme.layouts;
  const auto it = sources.find(in.name());
  return it == sources.end() ? nullptr : &it->second;
}

// "partials/row.mustache" or "home.mustache": which template, short enough for a chain.
std::string short_name(const mustache::Template& in) {
  return (in.is_partial() ? "partials/" : "") + in.name() + ".mustache";
}

}  // namespace

RenderStopReport explain_render_stop(const Theme& theme, const mustache::RenderStop& stop,
                                     const std::string& what) {
  const mustache::RenderLimits limits;
  RenderStopReport report;
  report.message =
      "rendering " + what + " stopped " +
      (stop.too_large ? "at " + format_count(static_cast<std::int64_t>(limits.max_bytes >> 20)) +
                            " MiB, the most one page may hold"
                      : "after " + format_count(static_cast<std::int64_t>(limits.max_passes)) +
                            " passes through sections and partials, the most one page may take");
  // A long chain (sections 40 deep) shows its first and last tags.
  constexpr std::size_t kShown = 4;
  const auto& tags = stop.tags;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const auto* source = source_of(theme, *tags[i].in);
    if (!source) continue;
    const auto where = source->position_at(tags[i].offset);
    if (!report.source) {
      report.source = source;
      report.position = where;
      report.message += ": " + tags[i].tag;
    } else if (i < kShown || i + kShown >= tags.size()) {
      report.message += " → " + tags[i].tag + " (" + short_name(*tags[i].in) + ":" +
                        std::to_string(where.line) + ")";
    } else if (i == kShown) {
      report.message += " → … " + std::to_string(tags.size() - 2 * kShown) + " more …";
    }
  }
  return report;
}

void report_render_stop(const Theme& theme, const mustache::Template& top,
                        const mustache::RenderStop& stop, const std::string& what,
                        Diagnostics& diags) {
  const auto report = explain_render_stop(theme, stop, what);
  if (report.source) {
    diags.error(*report.source, report.position, report.message);
  } else if (const auto* source = source_of(theme, top)) {
    diags.report_file(Severity::error, source->path(), report.message);
  } else {
    diags.report_file(Severity::error, what, report.message);
  }
}

}  // namespace hyoka
