// The default theme's language files, for tests that load a theme or a Site from memory: hyoka
// writes no sentence without them.
#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "base/file_system.h"
#include "render/language.h"

namespace hyoka::test {

// The text of themes/default/i18n/<language>.toml in this repository.
inline std::string default_words_file(const std::string& language = "ja") {
  std::ifstream in(std::string(HYOKA_SOURCE_DIR) + "/themes/default/i18n/" + language + ".toml");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Those words compiled, as a Site holds them.
inline Words default_words(const std::string& language = "ja",
                           FiscalYearStyle style = FiscalYearStyle::wareki_seireki) {
  const MemoryFileSystem fs(std::map<std::string, std::string>{
      {"themes/default/i18n/" + language + ".toml", default_words_file(language)}});
  SiteConfig config;
  config.language = language;
  Diagnostics diags;
  const auto loaded = load_language(fs, {"themes/default"}, config, diags);
  return loaded ? compile_words(*loaded, style, diags) : Words{};
}

}  // namespace hyoka::test
