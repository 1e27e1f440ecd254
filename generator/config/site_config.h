// site.toml → SiteConfig. The keys are the user-facing contract documented in
// docs/reference.md and docs/ja/03-site-toml.md.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/era.h"
#include "base/file_system.h"
#include "base/source_text.h"

namespace hyoka {

struct Publisher {
  std::string name;
  std::string local_government_code;  // 全国地方公共団体コード, six digits with its check digit
};

// The licences hyoka can state, with the URI portals know them by.
struct License {
  std::string id;       // as written in site.toml: "CC-BY-4.0" or "PDL-1.0"
  std::string uri;      // dct:license, schema.org license
  std::string title;    // in Japanese, for pages
  std::string ckan_id;  // the usual id in a CKAN portal's license_list
};
const std::vector<License>& known_licenses();

// [open_data]: how the datasets are offered to portals.
struct OpenData {
  License license;           // CC BY 4.0 unless site.toml says otherwise
  bool excel_csv = false;    // also offer a CSV with a BOM for Excel
  std::string issued;        // YYYY-MM-DD; never the clock
  std::string modified;      // YYYY-MM-DD
  std::string contact_name;  // DCAT contact point
  std::string contact_email;
  std::vector<std::string> keywords;
};

// [publish]: pushing the datasets to a CKAN portal with `hyoka publish`.
struct PublishSettings {
  std::string name_prefix;                     // CKAN dataset name: <prefix>-<dataset id>
  std::string license_id;                      // the portal's licence id; default License::ckan_id
  std::string token_header = "Authorization";  // some CKAN 2.10 portals use X-CKAN-API-Key
};

// A plugin's shared library, as site.toml lists it.
struct PluginRef {
  std::string path;   // relative to the site's folder, or absolute
  Position position;  // of the entry in site.toml
};

// A name as site.toml writes it, with where, for messages about it once the datasets are read.
struct NamedAt {
  std::string name;
  Position position;
};

// [[home.datasets]]: one dataset the home page shows, with the tables and charts it shows of it,
// in the order written. Checked against the datasets by the site (site/home_composition.h).
struct HomeEntry {
  NamedAt dataset;
  std::optional<std::vector<NamedAt>> tables;  // "totals", "areas"; default both
  std::optional<std::vector<NamedAt>> charts;  // "totals", ratio ids; default all
};

struct SiteConfig {
  std::string title;
  std::string description;
  std::string base_url;         // always ends in '/'
  std::string language = "ja";  // a language tag; the theme's i18n/<language>.toml
  std::string theme = "default";
  std::string custom_domain;        // written to CNAME for GitHub Pages
  std::string area_label = "分野";  // what the site calls its areas, as in 「施策展開方向」
  Publisher publisher;
  FiscalYearStyle fiscal_year_style = FiscalYearStyle::wareki_seireki;
  OpenData open_data;
  PublishSettings publish;
  // [home]: the datasets, tables and charts of the home page; nullopt: every one of them.
  std::optional<std::vector<HomeEntry>> home;
  std::vector<PluginRef> plugins;
  // Folders outside the site's folder that links inside it may lead to (a theme shared by
  // several sites, say); relative to the site's folder, or absolute.
  std::vector<std::string> allow_links_to;

  // Kept so later stages can point at site.toml (an unknown theme, say).
  std::shared_ptr<const SourceText> source;
  Position theme_position;
  Position language_position;  // line 0 when site.toml does not set it
};

std::optional<SiteConfig> parse_config(const SourceText& source, Diagnostics& diags);
std::optional<SiteConfig> load_config(const FileSystem& fs, const std::string& path,
                                      Diagnostics& diags);

// A problem with a base URL given on the command line or in site.toml, or nullopt when fine.
std::optional<std::string> check_base_url(const std::string& url);
// A problem with a theme's name (site.toml's theme, --theme), or nullopt when fine.
std::optional<std::string> check_theme_name(const std::string& name);
// Adds the trailing slash that relative resolution needs.
std::string normalize_base_url(std::string url);

// A problem with a language tag (site.toml's language), or nullopt when fine: it names a file.
std::optional<std::string> check_language(const std::string& language);

// The check digit rule of JIS X 0401/0402 for 全国地方公共団体コード.
bool valid_local_government_code(const std::string& code);

}  // namespace hyoka
