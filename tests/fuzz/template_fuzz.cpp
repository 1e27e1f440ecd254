// libFuzzer: any bytes as a mustache template.
// 1. Through hyoka's checks, then compiled and rendered (as a layout that includes itself as a
//    partial, and beside partials that include each other) with a context of every kind of
//    value: nothing may crash, and a render stops at its limits.
// 2. A differential test: where the theme's checks accept the text, as a layout and as a
//    partial beside others that do not include each other, hyoka's engine and mstch must render
//    it byte for byte the same (mstch with hyoka's HTML escaping, the one intended difference).
#include <cstdint>
#include <map>
#include <string>

#include "render/mustache.h"
#include "render/page_context.h"
#include "render/template_check.h"
#include "support/mstch_value.h"

namespace {

namespace m = hyoka::mustache;

// Every check load_theme runs on a theme of these layouts and partials.
bool theme_accepts(const std::map<std::string, std::string>& layouts,
                   const std::map<std::string, std::string>& partials) {
  const m::TemplateSet set(layouts, partials);
  hyoka::Diagnostics diags;
  std::map<std::string, hyoka::SourceText> layout_sources, partial_sources;
  std::vector<std::string> names;
  for (const auto& [name, text] : partials) {
    partial_sources.emplace(name, hyoka::SourceText(name, text));
    names.push_back(name);
  }
  for (const auto& [name, text] : layouts)
    layout_sources.emplace(name, hyoka::SourceText(name, text));
  std::map<std::string, std::vector<hyoka::PartialUse>> layout_uses, uses;
  for (const auto& [name, source] : layout_sources) {
    layout_uses[name] = hyoka::check_template(source, *set.compiled_template(name), names, diags);
  }
  for (const auto& [name, source] : partial_sources) {
    uses[name] = hyoka::check_template(source, *set.compiled_partial(name), names, diags);
  }
  hyoka::check_partial_cycles(partial_sources, uses, diags);
  hyoka::check_partial_expansions(layout_sources, layout_uses, partial_sources, uses, diags);
  return !diags.has_errors();
}

void render_with_both_engines(const std::string& text, const m::Value& context,
                              const m::RenderLimits& limits) {
  const std::map<std::string, std::string> partials = {
      {"table", text},
      {"nav", "{{#areas}}\n  <a>{{title}}</a>\n{{/areas}}\n"},
      {"chart", "<figure>\n  {{> nav}}\n{{{svg}}}</figure>"}};
  if (!theme_accepts({{"page", text}}, partials)) return;
  const m::TemplateSet set({{"page", text}}, partials);
  std::string ours;
  // Past hyoka's limits mstch, which has none, could run for ever.
  if (set.find("page")->render(context, ours, limits)) return;
  std::string theirs;
  try {
    theirs = mstch::render(text, hyoka::test::to_mstch(context), partials);
  } catch (const std::exception&) {
    return;  // mstch's own failure, not a difference
  }
  if (ours != theirs) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  hyoka::Diagnostics diags;
  const hyoka::SourceText source("fuzz.mustache", text);
  (void)hyoka::check_template(source, {"table", "nav", "chart"}, diags,
                              hyoka::template_variables());
  const m::TemplateSet templates({{"page", text}}, {{"table", text},
                                                    {"nav", "{{#areas}}{{> chart}}{{/areas}}"},
                                                    {"chart", " {{> nav}}\n{{{svg}}}"}});
  const m::Value shared(m::List{m::Map{{"title", "<a>"}}, m::Value(), m::Value(true)});
  const m::Value context(m::Map{{"title", "題 & \"x\" 'y' a/b"},
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
  if (const auto* page = templates.find("page")) (void)page->render(context, out, limits);
  if (out.size() > limits.max_bytes + size + 64) __builtin_trap();

  static const bool escaping = (hyoka::test::give_mstch_hyokas_escaping(), true);
  (void)escaping;
  render_with_both_engines(text, context, limits);
  return 0;
}
