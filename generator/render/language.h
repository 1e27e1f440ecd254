// A theme's words in the site's language: themes/<name>/i18n/<language>.toml of the theme and
// of the themes it extends, a child's word winning over its parent's. Templates insert a word
// with {{> t.<key>}} (it renders as a partial, in the page's context); hyoka's own words
// (site/words.h) are compiled here into Words. Every text goes through mustache::compile, the
// one reader of {{ … }}, and every problem is reported at its line in the language file.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "base/source_text.h"
#include "config/site_config.h"
#include "render/mustache.h"
#include "render/template_check.h"
#include "site/words.h"

namespace hyoka {

struct WordText {
  std::string text;
  const SourceText* file = nullptr;  // the language file it comes from
  Position position;                 // of its value there
  // The byte offset in `file` where the text stands as it is (a string on one line without
  // escapes); nullopt when it does not, and problems are shown at the value.
  std::optional<std::size_t> start;

  // Where a byte of the text is in its file.
  Position position_at(std::size_t offset) const;
};

struct Language {
  std::string code;  // "ja"
  std::vector<std::unique_ptr<SourceText>> files;
  std::map<std::string, WordText> words;  // by key: "page.home", "fiscal_year.eras.reiwa"
  // For messages: the other languages of the theme that have a word this one lacks.
  std::map<std::string, std::vector<std::string>> elsewhere;
  std::string file_path;  // the theme's own i18n/<code>.toml, where a missing word belongs

  std::vector<std::string> keys() const;
};

// Reads the language files of the themes in `theme_dirs` (the site's theme first, then each
// theme it extends). A language no theme of the chain has words for is an error at site.toml's
// `language` (or at the file it would be).
std::optional<Language> load_language(const FileSystem& fs,
                                      const std::vector<std::string>& theme_dirs,
                                      const SiteConfig& config, Diagnostics& diags);

// hyoka's own words (word_specs()) from the language: each must be there, with no gap other
// than its spec's and no tag but {{name}}. Fiscal-year labels are made in `style`.
Words compile_words(const Language& language, FiscalYearStyle style, Diagnostics& diags);

// The theme's words for templates (every key hyoka does not use itself): their problems, a
// partial inside one, and variables no page provides (a warning, as in templates).
void check_theme_words(const Language& language, Diagnostics& diags);

// Every {{> t.<key>}} in a compiled template must name a word of the language: an error at the
// tag, with "did you mean", otherwise.
void check_word_uses(const SourceText& source, const mustache::Compiled& compiled,
                     const Language& language, Diagnostics& diags);

}  // namespace hyoka
