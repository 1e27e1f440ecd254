// A page whose templates outgrew mustache::RenderLimits, reported at the theme's tag where the
// growth began, with the tags (sections and partials) it went through.
#pragma once

#include <string>

#include "base/diagnostics.h"
#include "render/mustache.h"
#include "render/theme.h"

namespace hyoka {

struct RenderStopReport {
  const SourceText* source = nullptr;  // the outermost tag's template; null when unknown
  Position position;
  std::string message;
};

// `what` names what was being rendered ("areas/alpha/index.html").
RenderStopReport explain_render_stop(const Theme& theme, const mustache::RenderStop& stop,
                                     const std::string& what);

// The same as an error at the outermost tag (`top`, the template the render started in, when
// the stop came outside every tag).
void report_render_stop(const Theme& theme, const mustache::Template& top,
                        const mustache::RenderStop& stop, const std::string& what,
                        Diagnostics& diags);

}  // namespace hyoka
