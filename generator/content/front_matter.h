// Splits a Markdown file into its TOML front matter (between `+++` lines) and its body,
// keeping the line each part starts on so messages name real file lines.
#pragma once

#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/source_text.h"

namespace hyoka {

struct FrontMatterSplit {
  std::string toml;
  int toml_first_line = 2;
  std::string body;
  int body_first_line = 1;
};

std::optional<FrontMatterSplit> split_front_matter(const SourceText& source, Diagnostics& diags);

}  // namespace hyoka
