#include "render/theme.h"

#include <algorithm>
#include <set>

#include "base/spellcheck.h"
#include "base/toml_reader.h"
#include "render/page_context.h"
#include "render/template_check.h"

namespace hyoka {

const std::vector<std::string>& required_layouts() {
  static const std::vector<std::string> names = {"base", "home", "area"};
  return names;
}

void add_static_files(const FileSystem& fs, const std::string& static_dir,
                      std::map<std::string, std::string>& files, Diagnostics& diags) {
  if (fs.kind(static_dir) != FileSystem::Kind::directory) return;
  const auto listed = fs.list_files(static_dir);
  if (!listed) {
    diags.report_file(Severity::error, static_dir, listed.error);
    return;
  }
  for (const auto& relative : *listed) files.emplace(relative, join_path(static_dir, relative));
}

namespace {

constexpr std::size_t kMaxThemeDepth = 8;
const std::string kTemplateExtension = ".mustache";

bool is_hex_colour(const std::string& s) {
  return s.size() == 7 && s[0] == '#' &&
         s.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string::npos;
}

// theme.toml's [chart]: colours for charts. Keys in `taken` were set by a child theme.
void read_chart_style(TomlReader& reader, const toml::table& table, ChartStyle& style,
                      std::set<std::string>& taken) {
  reader.check_keys(table, {"palette", "background", "text", "muted_text", "grid"}, "[chart]");
  const auto colour = [&](const std::string& key, std::string& target) {
    const auto value = reader.get_string(table, key, Need::optional);
    if (!value || taken.count(key)) return;
    if (!is_hex_colour(*value)) {
      reader.error(reader.position(table.at(key)), key + " must be a colour written #rrggbb");
      return;
    }
    target = *value;
    taken.insert(key);
  };
  colour("background", style.background);
  colour("text", style.text);
  colour("muted_text", style.muted_text);
  colour("grid", style.grid);
  if (const auto palette = reader.get_string_array(table, "palette", Need::optional)) {
    if (taken.count("palette")) return;
    bool ok = !palette->empty();
    for (std::size_t i = 0; i < palette->size(); ++i) {
      if (!is_hex_colour((*palette)[i])) {
        reader.error(reader.position((*table.at("palette").as_array())[i]),
                     "a palette colour must be written #rrggbb");
        ok = false;
      }
    }
    if (palette->empty()) {
      reader.error(reader.position(table.at("palette")), "the palette needs at least one colour");
    }
    if (ok) {
      style.palette = *palette;
      taken.insert("palette");
    }
  }
}

// Reads one theme folder into `theme`, leaving alone what a child theme (or the site's folder
// of a built-in theme) already set; `theme.toml` only when `with_manifest`. Returns the parent's
// name when the theme extends one.
std::optional<std::string> merge_theme_folder(const FileSystem& fs, const std::string& dir,
                                              Theme& theme, std::set<std::string>& chart_taken,
                                              Diagnostics& diags, bool with_manifest = true) {
  std::optional<std::string> parent;
  const auto manifest = join_path(dir, "theme.toml");
  if (with_manifest && fs.kind(manifest) != FileSystem::Kind::missing) {
    if (const auto source = read_source(fs, manifest, read_limit::settings, diags)) {
      TomlReader reader(*source, diags);
      if (const auto doc = reader.parse(source->text())) {
        reader.check_keys(*doc, {"name", "description", "extends", "chart"}, "theme.toml");
        if (const auto* chart = reader.get_table(*doc, "chart", Need::optional)) {
          read_chart_style(reader, *chart, theme.chart_style, chart_taken);
        }
        if (theme.description.empty()) {
          theme.description = reader.get_string(*doc, "description", Need::optional).value_or("");
        }
        parent = reader.get_string(*doc, "extends", Need::optional);
      }
    }
  }
  const auto templates_dir = join_path(dir, "templates");
  if (const auto files = fs.list_files(templates_dir); files) {
    for (const auto& relative : *files) {
      if (!relative.ends_with(kTemplateExtension)) continue;
      const auto stem = relative.substr(0, relative.size() - kTemplateExtension.size());
      const bool is_partial = stem.starts_with("partials/");
      const auto name = is_partial ? stem.substr(9) : stem;
      auto& target = is_partial ? theme.partials : theme.layouts;
      if (target.count(name)) continue;
      if (auto source = read_source(fs, join_path(templates_dir, relative),
                                    read_limit::template_file, diags)) {
        target.emplace(name, std::move(*source));
      }
    }
  }
  add_static_files(fs, join_path(dir, "static"), theme.static_files, diags);
  return parent;
}

}  // namespace

void compile_templates(Theme& theme) {
  std::map<std::string, std::string> layout_texts, partial_texts;
  for (const auto& [name, source] : theme.layouts) layout_texts[name] = source.text();
  for (const auto& [name, source] : theme.partials) partial_texts[name] = source.text();
  for (const auto& [key, word] : theme.language.words) {
    partial_texts[std::string(kWordPrefix) + key] = word.text;
  }
  theme.templates = mustache::TemplateSet(layout_texts, partial_texts);
}

std::optional<Theme> load_theme(const FileSystem& fs, const std::string& themes_dir,
                                const SiteConfig& config, Diagnostics& diags,
                                const std::string& builtin_dir) {
  const int errors_before = diags.errors();
  Theme theme;
  theme.name = config.theme;
  std::vector<std::string> chain;
  std::set<std::string> chart_taken;
  std::vector<std::string> word_dirs;  // where the words are, nearest first
  std::optional<std::string> next = config.theme;
  const auto site_themes = fs.list_dirs(themes_dir);
  const auto builtin_themes = builtin_dir.empty() ? site_themes : fs.list_dirs(builtin_dir);
  const auto has = [](const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  while (next) {
    const bool in_site = has(site_themes, *next);
    const bool built_in = !builtin_dir.empty() && has(builtin_themes, *next);
    if (!in_site && !built_in) {
      auto available = site_themes;
      if (!builtin_dir.empty())
        available.insert(available.end(), builtin_themes.begin(), builtin_themes.end());
      std::sort(available.begin(), available.end());
      available.erase(std::unique(available.begin(), available.end()), available.end());
      const std::string message =
          "unknown theme \"" + *next + "\": no folder " + join_path(themes_dir, *next) +
          (builtin_dir.empty() ? "" : " and no built-in theme of that name") +
          did_you_mean(*next, available);
      if (chain.empty() && config.source) {
        diags.error(*config.source, config.theme_position, message);
      } else if (chain.empty()) {
        diags.report_file(Severity::error, "", "--theme: " + message);
      } else {
        diags.report_file(Severity::error,
                          join_path(join_path(themes_dir, chain.back()), "theme.toml"), message);
      }
      return std::nullopt;
    }
    if (std::find(chain.begin(), chain.end(), *next) != chain.end() ||
        chain.size() >= kMaxThemeDepth) {
      diags.report_file(Severity::error, join_path(join_path(themes_dir, *next), "theme.toml"),
                        "themes extend each other in a circle");
      return std::nullopt;
    }
    chain.push_back(*next);
    // The site's folder first, then the built-in theme of the same name under it, file by
    // file; a theme.toml in the site's folder replaces the built-in one as a whole.
    const auto site_dir = join_path(themes_dir, *next);
    const bool own_manifest =
        in_site && fs.kind(join_path(site_dir, "theme.toml")) != FileSystem::Kind::missing;
    next = in_site ? merge_theme_folder(fs, site_dir, theme, chart_taken, diags) : std::nullopt;
    if (in_site) word_dirs.push_back(site_dir);
    if (built_in) {
      word_dirs.push_back(join_path(builtin_dir, chain.back()));
      auto parent = merge_theme_folder(fs, join_path(builtin_dir, chain.back()), theme, chart_taken,
                                       diags, !own_manifest);
      if (!own_manifest) next = std::move(parent);
    }
  }
  // The words, in the site's language, from the theme and the themes it extends, then from the
  // built-in default theme: a theme of the site's own that extends none still has hyoka's words.
  if (!builtin_dir.empty() && has(builtin_themes, "default") &&
      std::find(chain.begin(), chain.end(), "default") == chain.end()) {
    word_dirs.push_back(join_path(builtin_dir, "default"));
  }
  auto language = load_language(fs, word_dirs, config, diags);
  if (language) {
    theme.language = std::move(*language);
    theme.words = compile_words(theme.language, config.fiscal_year_style, diags);
    check_theme_words(theme.language, diags);
  }
  for (const auto& name : required_layouts()) {
    if (!theme.layouts.count(name)) {
      diags.report_file(Severity::error,
                        join_path(join_path(join_path(themes_dir, config.theme), "templates"),
                                  name + kTemplateExtension),
                        "missing: theme \"" + config.theme + "\" has no " + name +
                            " template (needed: base, home, area)");
    }
  }
  // Compiled once; the checks read what the compiler found, and nothing renders unless they
  // pass.
  compile_templates(theme);
  std::vector<std::string> partial_names;
  for (const auto& [name, source] : theme.partials) partial_names.push_back(name);
  std::map<std::string, std::vector<PartialUse>> layout_uses, uses;
  for (const auto& [name, source] : theme.layouts) {
    const auto& compiled = *theme.templates.compiled_template(name);
    layout_uses[name] = check_template(source, compiled, partial_names, diags, template_variables(),
                                       {}, {name, layout_variables(name)});
    if (language) check_word_uses(source, compiled, theme.language, diags);
  }
  for (const auto& [name, source] : theme.partials) {
    const auto& compiled = *theme.templates.compiled_partial(name);
    uses[name] = check_template(source, compiled, partial_names, diags, template_variables());
    if (language) check_word_uses(source, compiled, theme.language, diags);
  }
  check_partial_cycles(theme.partials, uses, diags);
  check_partial_expansions(theme.layouts, layout_uses, theme.partials, uses, diags);
  if (diags.errors() > errors_before) return std::nullopt;
  return theme;
}

}  // namespace hyoka
