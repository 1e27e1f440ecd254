#include "config/site_config.h"

#include "base/spellcheck.h"
#include "base/toml_reader.h"
#include "config/ckan_tag.h"

namespace hyoka {

namespace {

// "." or "..", also percent-encoded ("%2e", ".%2E"), which URL resolution treats the same.
bool is_dot_segment(std::string_view part) {
  std::string decoded;
  for (std::size_t i = 0; i < part.size(); ++i) {
    if (part[i] == '%' && i + 2 < part.size() && part[i + 1] == '2' &&
        (part[i + 2] == 'e' || part[i + 2] == 'E')) {
      decoded += '.';
      i += 2;
    } else {
      decoded += part[i];
    }
  }
  return decoded == "." || decoded == "..";
}

}  // namespace

std::optional<std::string> check_base_url(const std::string& url) {
  if (!(url.starts_with("https://") || url.starts_with("http://"))) {
    return "base_url must start with https:// or http://, as in "
           "\"https://example.github.io/fukushima-ict/\"";
  }
  const auto host_start = url.find("//") + 2;
  if (host_start >= url.size() || url[host_start] == '/') return "base_url has no host name";
  for (const char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
      return "base_url must not contain spaces or control characters";
    }
  }
  if (url.find_first_of("\"<>?#\\`{}|^") != std::string::npos) {
    return "base_url must not contain quotes, '?', '#' or any of \\`{}|^<>";
  }
  const auto path_start = std::min(url.find('/', host_start), url.size());
  const auto host = std::string_view(url).substr(host_start, path_start - host_start);
  if (host.find('@') != std::string_view::npos) {
    return "base_url must not hold a user name or password (user:pass@): the address is "
           "published in every page and in sitemap.xml";
  }
  if (host.empty() || host.front() == ':' || host.front() == '.')
    return "base_url has no host name";
  // Every page's address is made from it; "." and ".." parts would point elsewhere.
  const auto path = std::string_view(url).substr(path_start);
  for (std::size_t start = 0; start < path.size();) {
    const auto slash = std::min(path.find('/', start + 1), path.size());
    if (is_dot_segment(path.substr(start + 1, slash - start - 1))) {
      return "base_url must not hold \".\" or \"..\" in its path";
    }
    start = slash;
  }
  return std::nullopt;
}

std::optional<std::string> check_theme_name(const std::string& name) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos ||
      name.find('\\') != std::string::npos) {
    return "theme is the name of a folder in themes/, such as \"default\", not a path";
  }
  return std::nullopt;
}

std::optional<std::string> check_language(const std::string& language) {
  // BCP 47 as far as themes need it: a primary language and subtags such as "ja" or "en-GB".
  const auto is_lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto is_alnum = [&](char c) {
    return is_lower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  std::size_t primary = 0;
  while (primary < language.size() && is_lower(language[primary])) ++primary;
  bool ok = primary >= 2 && primary <= 3;
  for (std::size_t i = primary; ok && i < language.size();) {
    std::size_t end = i + 1;
    while (end < language.size() && is_alnum(language[end])) ++end;
    ok = language[i] == '-' && end - i - 1 >= 1 && end - i - 1 <= 8;
    i = end;
  }
  if (ok) return std::nullopt;
  return "language is a language tag such as \"ja\" or \"en\": it goes into <html lang> and "
         "names the theme's words, i18n/<language>.toml";
}

std::string normalize_base_url(std::string url) {
  if (!url.ends_with('/')) url += '/';
  return url;
}

bool valid_local_government_code(const std::string& code) {
  if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos) return false;
  int sum = 0;
  for (int i = 0; i < 5; ++i) sum += (code[i] - '0') * (6 - i);
  return (11 - sum % 11) % 10 == code[5] - '0';
}

const std::vector<License>& known_licenses() {
  static const std::vector<License> licenses = {
      {"CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/",
       "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）", "cc-by"},
      {"PDL-1.0", "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0",
       "公共データ利用規約（第1.0版）（PDL 1.0）", "pdl-1.0"},
  };
  return licenses;
}

static void read_open_data(TomlReader& reader, const toml::table& table, OpenData& out) {
  reader.check_keys(
      table,
      {"license", "excel_csv", "issued", "modified", "contact_name", "contact_email", "keywords"},
      "[open_data]");
  if (const auto id = reader.get_string(table, "license", Need::optional)) {
    std::vector<std::string> ids;
    bool found = false;
    for (const auto& license : known_licenses()) {
      ids.push_back(license.id);
      if (license.id == *id) out.license = license, found = true;
    }
    if (!found) {
      reader.error(reader.position(table.at("license")),
                   "unknown licence \"" + *id + "\"" + did_you_mean(*id, ids));
    }
  }
  out.excel_csv = reader.get_bool(table, "excel_csv", Need::optional).value_or(false);
  out.issued = reader.get_date(table, "issued", Need::optional).value_or("");
  out.modified = reader.get_date(table, "modified", Need::optional).value_or(out.issued);
  out.contact_name = reader.get_string(table, "contact_name", Need::optional).value_or("");
  out.contact_email = reader.get_string(table, "contact_email", Need::optional).value_or("");
  if (!out.contact_email.empty() && out.contact_email.find('@') == std::string::npos) {
    reader.error(reader.position(table.at("contact_email")),
                 "contact_email must be an e-mail address");
  }
  out.keywords = reader.get_string_array(table, "keywords", Need::optional)
                     .value_or(std::vector<std::string>{});
  // Keywords become tags on a CKAN portal (hyoka publish, and ckanext-dcat's harvester), which
  // refuses some; a warning, as a site need not go to a portal.
  if (const auto* keywords = table.get_as<toml::array>("keywords")) {
    for (const auto& keyword : *keywords) {
      const auto* text = keyword.as_string();
      if (!text) continue;
      if (const auto problem = ckan_tag_problem(text->get())) {
        reader.warning(reader.position(keyword), "keyword \"" + text->get() +
                                                     "\" cannot be a CKAN tag: " + *problem +
                                                     " (hyoka publish refuses it)");
      }
    }
  }
}

static void read_publish(TomlReader& reader, const toml::table& table, PublishSettings& out) {
  reader.check_keys(table, {"name_prefix", "license_id", "token_header"}, "[publish]");
  if (const auto prefix = reader.get_string(table, "name_prefix", Need::optional)) {
    if (prefix->empty() || prefix->size() > 60 ||
        prefix->find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") != std::string::npos) {
      reader.error(
          reader.position(table.at("name_prefix")),
          "name_prefix becomes part of CKAN dataset names: 1 to 60 of a-z, 0-9, '-' and '_'");
    }
    out.name_prefix = *prefix;
  }
  out.license_id = reader.get_string(table, "license_id", Need::optional).value_or("");
  out.token_header =
      reader.get_string(table, "token_header", Need::optional).value_or("Authorization");
  if (out.token_header.empty() || out.token_header.find_first_of(" :\r\n\t") != std::string::npos) {
    reader.error(reader.position(table.at("token_header")),
                 "token_header must be an HTTP header name");
  }
}

// Names listed in an array, each with its position.
static std::optional<std::vector<NamedAt>> read_names(TomlReader& reader, const toml::table& table,
                                                      const std::string& key) {
  const auto* array = reader.get_array(table, key, Need::optional);
  if (!array) return std::nullopt;
  std::vector<NamedAt> names;
  for (const auto& item : *array) {
    if (!item.is_string()) {
      reader.error(reader.position(item), key + " lists names, as strings");
      continue;
    }
    names.push_back({item.as_string()->get(), reader.position(item)});
  }
  return names;
}

static void read_home(TomlReader& reader, const toml::table& table, SiteConfig& config) {
  reader.check_keys(table, {"datasets"}, "[home]");
  auto& home = config.home.emplace();
  const auto* datasets = reader.get_array(table, "datasets", Need::optional);
  if (!datasets) return;
  for (const auto& item : *datasets) {
    const auto* entry = item.as_table();
    if (!entry) {
      reader.error(reader.position(item),
                   "home.datasets lists tables: write each as [[home.datasets]] with dataset = "
                   "\"<id>\"");
      continue;
    }
    reader.check_keys(*entry, {"dataset", "tables", "charts"}, "[[home.datasets]]");
    HomeEntry shown;
    if (const auto id = reader.get_string(*entry, "dataset", Need::required)) {
      shown.dataset = {*id, reader.position(entry->at("dataset"))};
    } else {
      continue;
    }
    shown.tables = read_names(reader, *entry, "tables");
    shown.charts = read_names(reader, *entry, "charts");
    home.push_back(std::move(shown));
  }
}

static std::optional<FiscalYearStyle> parse_style(const std::string& text) {
  if (text == "wareki-seireki") return FiscalYearStyle::wareki_seireki;
  if (text == "wareki") return FiscalYearStyle::wareki;
  if (text == "seireki") return FiscalYearStyle::seireki;
  return std::nullopt;
}

std::optional<SiteConfig> parse_config(const SourceText& source, Diagnostics& diags) {
  const int errors_before = diags.errors();
  TomlReader reader(source, diags);
  const auto doc = reader.parse(source.text());
  if (!doc) return std::nullopt;

  SiteConfig config;
  reader.check_keys(
      *doc,
      {"title", "description", "base_url", "language", "theme", "area_label", "custom_domain",
       "publisher", "fiscal_year", "open_data", "publish", "plugins", "allow_links_to", "home"},
      "site.toml");
  config.title = reader.get_string(*doc, "title", Need::required).value_or("");
  config.description = reader.get_string(*doc, "description", Need::optional).value_or("");
  if (const auto language = reader.get_string(*doc, "language", Need::optional)) {
    config.language = *language;
    config.language_position = reader.position(doc->at("language"));
    if (const auto problem = check_language(*language)) {
      reader.error(config.language_position, *problem);
    }
  }
  config.area_label = reader.get_string(*doc, "area_label", Need::optional).value_or("分野");
  if (const auto domain = reader.get_string(*doc, "custom_domain", Need::optional)) {
    if (domain->empty() ||
        domain->find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") != std::string::npos ||
        domain->find('.') == std::string::npos) {
      reader.error(reader.position(doc->at("custom_domain")),
                   "custom_domain is a host name such as \"hyoka.example.jp\", without "
                   "https:// or a path");
    }
    config.custom_domain = *domain;
  }
  if (const auto url = reader.get_string(*doc, "base_url", Need::required)) {
    if (const auto problem = check_base_url(*url)) {
      reader.error(reader.position(doc->at("base_url")), *problem);
    }
    config.base_url = normalize_base_url(*url);
  }
  if (const auto theme = reader.get_string(*doc, "theme", Need::optional)) {
    config.theme = *theme;
    config.theme_position = reader.position(doc->at("theme"));
    if (const auto problem = check_theme_name(*theme)) {
      reader.error(config.theme_position, *problem);
    }
  }
  if (const auto* folders = reader.get_array(*doc, "allow_links_to", Need::optional)) {
    for (const auto& item : *folders) {
      if (!item.is_string() || item.as_string()->get().empty()) {
        reader.error(reader.position(item), "allow_links_to lists folders, as strings");
        continue;
      }
      config.allow_links_to.push_back(item.as_string()->get());
    }
  }
  if (const auto* publisher = reader.get_table(*doc, "publisher", Need::optional)) {
    reader.check_keys(*publisher, {"name", "local_government_code"}, "[publisher]");
    config.publisher.name = reader.get_string(*publisher, "name", Need::optional).value_or("");
    if (const auto code = reader.get_string(*publisher, "local_government_code", Need::optional)) {
      if (!valid_local_government_code(*code)) {
        reader.error(reader.position(publisher->at("local_government_code")),
                     "local_government_code must be the six-digit 全国地方公共団体コード with "
                     "its check digit (福島県 is \"070009\")");
      }
      config.publisher.local_government_code = *code;
    }
  }
  if (const auto* fiscal_year = reader.get_table(*doc, "fiscal_year", Need::optional)) {
    reader.check_keys(*fiscal_year, {"label"}, "[fiscal_year]");
    if (const auto label = reader.get_string(*fiscal_year, "label", Need::optional)) {
      if (const auto style = parse_style(*label)) {
        config.fiscal_year_style = *style;
      } else {
        reader.error(reader.position(fiscal_year->at("label")),
                     "unknown fiscal-year label \"" + *label + "\"" +
                         did_you_mean(*label, {"wareki-seireki", "wareki", "seireki"}));
      }
    }
  }
  if (const auto* plugins = reader.get_array(*doc, "plugins", Need::optional)) {
    for (const auto& item : *plugins) {
      if (!item.is_string() || item.as_string()->get().empty()) {
        reader.error(reader.position(item), "plugins lists paths of shared libraries, as strings");
        continue;
      }
      config.plugins.push_back({item.as_string()->get(), reader.position(item)});
    }
  }
  config.open_data.license = known_licenses().front();
  if (const auto* open_data = reader.get_table(*doc, "open_data", Need::optional)) {
    read_open_data(reader, *open_data, config.open_data);
  }
  if (const auto* publish = reader.get_table(*doc, "publish", Need::optional)) {
    read_publish(reader, *publish, config.publish);
  }
  if (const auto* home = reader.get_table(*doc, "home", Need::optional)) {
    read_home(reader, *home, config);
  }
  if (config.publish.license_id.empty())
    config.publish.license_id = config.open_data.license.ckan_id;
  if (diags.errors() > errors_before) return std::nullopt;
  config.source = std::make_shared<SourceText>(source);
  return config;
}

std::optional<SiteConfig> load_config(const FileSystem& fs, const std::string& path,
                                      Diagnostics& diags) {
  if (fs.kind(path) == FileSystem::Kind::missing) {
    diags.report_file(Severity::error, path,
                      "no site.toml here; run hyoka in a site's folder or pass --source DIR");
    return std::nullopt;
  }
  const auto source = read_source(fs, path, read_limit::settings, diags);
  if (!source) return std::nullopt;
  return parse_config(*source, diags);
}

}  // namespace hyoka
