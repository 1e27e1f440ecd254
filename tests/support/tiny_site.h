// A site of a home page alone with the smallest theme, loaded from memory: for tests of the
// stages after loading (the link check, the outputs).
#pragma once

#include <string>

#include "base/file_system.h"
#include "pipeline/build.h"
#include "support/words.h"

namespace hyoka::test {

inline LoadedSite load_tiny_site(const std::string& base_url) {
  const MemoryFileSystem memory({
      {"s/site.toml", "title = \"t\"\nbase_url = \"" + base_url + "\"\n"},
      {"s/content/_index.md", "+++\ntitle = \"home\"\n+++\n"},
      {"s/themes/default/templates/base.mustache", "{{{main}}}"},
      {"s/themes/default/templates/home.mustache", "{{title}}"},
      {"s/themes/default/templates/area.mustache", "{{title}}"},
      {"s/themes/default/i18n/ja.toml", default_words_file()},
  });
  BuildOptions options;
  options.source_dir = "s";
  Diagnostics diags;
  auto loaded = load_site(options, memory, diags);
  loaded.files.reset();  // it reads `memory`, which goes now
  return loaded;
}

}  // namespace hyoka::test
