// site.toml → SiteConfig. The keys are the user-facing contract documented in README.md.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "base/era.h"
#include "base/file_system.h"
#include "base/source_text.h"

namespace hyoka {

struct Publisher {
  std::string name;
  std::string local_government_code;  // 全国地方公共団体コード, six digits with its check digit
};

struct SiteConfig {
  std::string title;
  std::string description;
  std::string base_url;  // always ends in '/'
  std::string language = "ja";
  std::string theme = "default";
  std::string custom_domain;        // written to CNAME for GitHub Pages
  std::string area_label = "分野";  // what the site calls its areas, as in 「施策展開方向」
  Publisher publisher;
  FiscalYearStyle fiscal_year_style = FiscalYearStyle::wareki_seireki;

  // Kept so later stages can point at site.toml (an unknown theme, say).
  std::shared_ptr<const SourceText> source;
  Position theme_position;
};

std::optional<SiteConfig> parse_config(const SourceText& source, Diagnostics& diags);
std::optional<SiteConfig> load_config(const FileSystem& fs, const std::string& path,
                                      Diagnostics& diags);

// A problem with a base URL given on the command line or in site.toml, or nullopt when fine.
std::optional<std::string> check_base_url(const std::string& url);
// Adds the trailing slash that relative resolution needs.
std::string normalize_base_url(std::string url);

// The check digit rule of JIS X 0401/0402 for 全国地方公共団体コード.
bool valid_local_government_code(const std::string& code);

}  // namespace hyoka
