// A theme: `themes/<name>/theme.toml`, `templates/*.mustache` (layouts), templates/partials/,
// `i18n/<language>.toml` (its words) and `static/` (copied to the site's root). A theme may
// extend another and then takes every template, partial, word and static file it does not have
// from its parent; a site's theme named as a built-in one takes them from the built-in one first.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "base/source_text.h"
#include "charts/chart_style.h"
#include "config/site_config.h"
#include "render/language.h"
#include "render/mustache.h"

namespace hyoka {

struct Theme {
  std::string name;
  std::string description;
  std::map<std::string, SourceText> layouts;   // "base", "home", "area"
  std::map<std::string, SourceText> partials;  // by name, as in {{> name}}
  Language language;                           // the words in the site's language
  Words words;                                 // hyoka's own words, compiled from `language`
  // The layouts and partials compiled once, by load_theme; every page renders through them.
  mustache::TemplateSet templates;
  std::map<std::string, std::string> static_files;  // output path → file to copy
  ChartStyle chart_style;                           // theme.toml's [chart]
};

// The layouts every theme must have, directly or through the theme it extends.
const std::vector<std::string>& required_layouts();

// Adds every file below `static_dir` that `files` does not have yet (output path → file).
void add_static_files(const FileSystem& fs, const std::string& static_dir,
                      std::map<std::string, std::string>& files, Diagnostics& diags);

// Compiles the layouts, partials and words (as partials named t.<key>) into `templates`
// (load_theme does, once it has checked them).
void compile_templates(Theme& theme);

// `themes_dir` is the site's themes/; `builtin_dir`, when given, holds the themes built into
// hyoka, and a site's theme of the same name is laid over one of them file by file.
std::optional<Theme> load_theme(const FileSystem& fs, const std::string& themes_dir,
                                const SiteConfig& config, Diagnostics& diags,
                                const std::string& builtin_dir = "");

}  // namespace hyoka
