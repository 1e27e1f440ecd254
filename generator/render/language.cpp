#include "render/language.h"

#include <algorithm>
#include <set>

#include "base/spellcheck.h"
#include "base/toml_reader.h"
#include "render/page_context.h"
#include "render/template_check.h"

namespace hyoka {

Position WordText::position_at(std::size_t offset) const {
  if (!start || !file) return position;
  return file->position_at(*start + offset);
}

std::vector<std::string> Language::keys() const {
  std::vector<std::string> out;
  out.reserve(words.size());
  for (const auto& [key, word] : words) out.push_back(key);
  return out;
}

namespace {

const std::string kFolder = "i18n";

std::string language_file(const std::string& theme_dir, const std::string& code) {
  return join_path(join_path(theme_dir, kFolder), code + ".toml");
}

// Every string below `table` by its dotted key; anything else is an error at it.
void collect_words(TomlReader& reader, const toml::table& table, const std::string& prefix,
                   const SourceText& file, std::map<std::string, WordText>& out, bool report) {
  for (const auto& key : reader.keys_in_order(table)) {
    const auto& node = *table.get(key);
    const auto name = prefix + key;
    if (const auto* nested = node.as_table()) {
      collect_words(reader, *nested, name + ".", file, out, report);
      continue;
    }
    if (!node.is_string()) {
      if (report) {
        reader.error(reader.position(node),
                     "the word \"" + name + "\" must be a string, written in quotes");
      }
      continue;
    }
    if (out.count(name)) continue;  // a child theme's word wins
    WordText word;
    word.text = node.as_string()->get();
    word.file = &file;
    word.position = reader.position(node);
    // The text as written on one line between quotes: offsets in it are offsets in the file.
    const auto at = file.offset_of(word.position);
    const auto& bytes = file.text();
    if (at < bytes.size() && (bytes[at] == '"' || bytes[at] == '\'') &&
        word.text.find('\n') == std::string::npos &&
        bytes.compare(at + 1, word.text.size(), word.text) == 0) {
      word.start = at + 1;
    }
    out.emplace(name, std::move(word));
  }
}

// The languages whose files any theme of the chain has, sorted.
std::vector<std::string> available_languages(const FileSystem& fs,
                                             const std::vector<std::string>& theme_dirs) {
  std::set<std::string> codes;
  for (const auto& dir : theme_dirs) {
    const auto files = fs.list_files(join_path(dir, kFolder));
    if (!files) continue;
    for (const auto& file : *files) {
      if (file.ends_with(".toml") && file.find('/') == std::string::npos) {
        codes.insert(file.substr(0, file.size() - 5));
      }
    }
  }
  return {codes.begin(), codes.end()};
}

}  // namespace

std::optional<Language> load_language(const FileSystem& fs,
                                      const std::vector<std::string>& theme_dirs,
                                      const SiteConfig& config, Diagnostics& diags) {
  const int errors_before = diags.errors();
  Language language;
  language.code = config.language;
  if (theme_dirs.empty()) return std::nullopt;
  // "en-GB" reads i18n/en-GB.toml where a theme of the chain has one, and i18n/en.toml otherwise.
  const auto has_file = [&](const std::string& code) {
    return std::any_of(theme_dirs.begin(), theme_dirs.end(), [&](const std::string& dir) {
      return fs.kind(language_file(dir, code)) != FileSystem::Kind::missing;
    });
  };
  if (const auto dash = config.language.find('-'); dash != std::string::npos &&
                                                   !has_file(config.language) &&
                                                   has_file(config.language.substr(0, dash))) {
    language.code = config.language.substr(0, dash);
  }
  bool found = false;
  for (const auto& dir : theme_dirs) {
    const auto path = language_file(dir, language.code);
    if (fs.kind(path) == FileSystem::Kind::missing) continue;
    found = true;
    auto source = read_source(fs, path, read_limit::settings, diags);
    if (!source) continue;
    language.files.push_back(std::make_unique<SourceText>(std::move(*source)));
    const auto& file = *language.files.back();
    TomlReader reader(file, diags);
    if (const auto doc = reader.parse(file.text())) {
      collect_words(reader, *doc, "", file, language.words, true);
    }
  }
  // A missing word belongs in the site's theme's own file, whether or not it has one yet.
  language.file_path = language_file(theme_dirs.front(), language.code);
  const auto codes = available_languages(fs, theme_dirs);
  if (!found) {
    const auto path = language_file(theme_dirs.front(), config.language);
    std::string message = "the theme \"" + config.theme + "\" has no words in the language \"" +
                          config.language + "\" (no " + kFolder + "/" + config.language + ".toml)";
    if (codes.empty()) {
      message += "; extend the theme \"default\", or copy its i18n/ folder";
    } else {
      message += did_you_mean(config.language, codes);
    }
    if (config.source && config.language_position.line > 0) {
      diags.error(*config.source, config.language_position, message);
    } else {
      diags.report_file(Severity::error, path, "missing: " + message);
    }
    return std::nullopt;
  }
  // The other languages' words, only to say where a missing one can be found.
  for (const auto& code : codes) {
    if (code == language.code) continue;
    Diagnostics ignored;
    std::map<std::string, WordText> words;
    std::vector<std::unique_ptr<SourceText>> files;
    for (const auto& dir : theme_dirs) {
      const auto path = language_file(dir, code);
      if (fs.kind(path) == FileSystem::Kind::missing) continue;
      auto source = read_source(fs, path, read_limit::settings, ignored);
      if (!source) continue;
      files.push_back(std::make_unique<SourceText>(std::move(*source)));
      TomlReader reader(*files.back(), ignored);
      if (const auto doc = reader.parse(files.back()->text())) {
        collect_words(reader, *doc, "", *files.back(), words, false);
      }
    }
    for (const auto& [key, word] : words) {
      if (!language.words.count(key)) language.elsewhere[key].push_back(code);
    }
  }
  if (diags.errors() > errors_before) return std::nullopt;
  return language;
}

namespace {

// "{{year}}, {{era}}" for messages.
std::string gap_list(const std::vector<std::string>& gaps) {
  std::string out;
  for (std::size_t i = 0; i < gaps.size(); ++i) out += (i ? ", {{" : "{{") + gaps[i] + "}}";
  return out;
}

std::optional<Message> compile_message(const std::string& key, const WordText& word,
                                       const std::vector<std::string>& gaps, Diagnostics& diags) {
  const auto compiled = mustache::compile(word.text);
  bool ok = compiled.problems.empty();
  for (const auto& problem : compiled.problems) {
    diags.error(*word.file, word.position_at(problem.offset), problem.message);
  }
  std::vector<Message::Piece> pieces;
  std::size_t done = 0;
  for (const auto& tag : compiled.tags) {
    if (tag.offset > done) pieces.push_back({word.text.substr(done, tag.offset - done), -1});
    done = tag.offset + tag.length;
    const auto at = word.position_at(tag.offset);
    if (tag.kind != mustache::Tag::Kind::variable) {
      diags.error(*word.file, at,
                  "hyoka fills in the gaps of \"" + key + "\" and reads only {{name}} in it" +
                      (gaps.empty() ? "" : ": it may use " + gap_list(gaps)));
      ok = false;
      continue;
    }
    const auto found = std::find(gaps.begin(), gaps.end(), tag.name);
    if (found == gaps.end()) {
      diags.error(
          *word.file, at,
          "unknown gap {{" + tag.name + "}} in the word \"" + key + "\"" +
              (gaps.empty()
                   ? ": it has no gaps"
                   : did_you_mean(tag.name, gaps) +
                         (closest(tag.name, gaps) ? "" : "; it may use " + gap_list(gaps))));
      ok = false;
      continue;
    }
    pieces.push_back({"", static_cast<int>(found - gaps.begin())});
  }
  if (done < word.text.size()) pieces.push_back({word.text.substr(done), -1});
  if (!ok) return std::nullopt;
  return Message(std::move(pieces));
}

}  // namespace

Words compile_words(const Language& language, FiscalYearStyle style, Diagnostics& diags) {
  Words words;
  std::vector<std::string> missing;
  for (const auto& spec : word_specs()) {
    const auto it = language.words.find(spec.key);
    if (it == language.words.end()) {
      missing.push_back(spec.key);
      continue;
    }
    if (auto message = compile_message(spec.key, it->second, spec.gaps, diags)) {
      words.set(spec.word, std::move(*message));
    }
  }
  if (!missing.empty()) {
    // One message for them all: a language begun in a new file lacks most of them at once.
    constexpr std::size_t kNamed = 6;
    std::string names;
    for (std::size_t i = 0; i < missing.size() && i < kNamed; ++i) {
      names += (i ? ", " : "") + missing[i];
    }
    if (missing.size() > kNamed)
      names += " and " + std::to_string(missing.size() - kNamed) + " more";
    std::set<std::string> others;
    for (const auto& key : missing) {
      if (const auto it = language.elsewhere.find(key); it != language.elsewhere.end()) {
        others.insert(it->second.begin(), it->second.end());
      }
    }
    std::string from;
    for (const auto& code : others) from += (from.empty() ? "" : ", ") + code;
    diags.report_file(Severity::error, language.file_path,
                      "missing: " + std::to_string(missing.size()) +
                          " of the words hyoka writes (" + names + ")" +
                          (from.empty() ? "" : "; the theme has them in " + from));
  }
  words.prepare(style);
  return words;
}

void check_theme_words(const Language& language, Diagnostics& diags) {
  std::set<std::string> own;
  for (const auto& spec : word_specs()) own.insert(spec.key);
  for (const auto& entry : language.words) {
    // Not a structured binding: clang 14 cannot capture one in a lambda.
    const auto& key = entry.first;
    const auto& word = entry.second;
    if (own.count(key)) continue;
    const auto compiled = mustache::compile(word.text);
    const auto at = [&word](std::size_t offset) { return word.position_at(offset); };
    bool partial = false;
    for (const auto& tag : compiled.tags) {
      if (tag.kind == mustache::Tag::Kind::partial) {
        diags.error(*word.file, at(tag.offset),
                    "a word cannot include a partial: \"" + key +
                        "\" is inserted where a template names it");
        partial = true;
      }
    }
    if (!partial) check_template(*word.file, compiled, {}, diags, template_variables(), at);
  }
}

void check_word_uses(const SourceText& source, const mustache::Compiled& compiled,
                     const Language& language, Diagnostics& diags) {
  for (const auto& tag : compiled.tags) {
    if (tag.kind != mustache::Tag::Kind::partial || !tag.name.starts_with(kWordPrefix)) continue;
    const auto key = tag.name.substr(kWordPrefix.size());
    if (language.words.count(key)) continue;
    const auto at = source.position_at(tag.offset);
    const auto elsewhere = language.elsewhere.find(key);
    if (elsewhere != language.elsewhere.end()) {
      std::string others;
      for (const auto& code : elsewhere->second) others += (others.empty() ? "" : ", ") + code;
      diags.error(source, at,
                  "the word \"" + key + "\" is not in the site's language, \"" + language.code +
                      "\" (the theme has it in " + others + "): add it to " + language.file_path);
      continue;
    }
    diags.error(source, at,
                "unknown word \"" + key + "\": the theme's i18n/" + language.code +
                    ".toml has no such word" + did_you_mean(key, language.keys()));
  }
}

}  // namespace hyoka
