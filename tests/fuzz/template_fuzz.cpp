// libFuzzer: any bytes as a mustache template, through hyoka's checks, then compiled and
// rendered (as a layout that includes itself as a partial, and beside partials that include
// each other) with a context of every kind of value.
#include <cstdint>
#include <string>

#include "render/mustache.h"
#include "render/page_context.h"
#include "render/template_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  hyoka::Diagnostics diags;
  const hyoka::SourceText source("fuzz.mustache", text);
  (void)hyoka::check_template(source, {"table", "nav", "chart"}, diags,
                              hyoka::template_variables());
  namespace m = hyoka::mustache;
  const m::TemplateSet templates({{"page", text}}, {{"table", text},
                                                    {"nav", "{{#areas}}{{> chart}}{{/areas}}"},
                                                    {"chart", " {{> nav}}\n{{{svg}}}"}});
  const m::Value shared(m::List{m::Map{{"title", "<a>"}}, m::Value(), m::Value(true)});
  const m::Value context(m::Map{{"title", "題 & \"x\""},
                                {"areas", m::List{m::Map{{"title", "一"}, {"current", true}},
                                                  m::Map{{"title", ""}}, "text", false}},
                                {"svg", "<svg>\n</svg>\n"},
                                {"empty", m::List{}},
                                {"shared", m::Value::borrow(shared)},
                                {"map", m::Map{{"a", m::Map{{"b", "c"}}}}}});
  // Partials and sections nest, but a render stops at its limits (here small, to stay fast),
  // past them by at most the one text or value that crossed.
  const m::RenderLimits limits{1u << 20, 100'000};
  std::string out;
  (void)templates.find("page")->render(context, out, limits);
  if (out.size() > limits.max_bytes + size + 64) __builtin_trap();
  return 0;
}
