// Why a value can be missing (未公表, 未集計, 対象外 …) and the symbol that stands in its place
// on pages and in charts: declared as [[missing]] in site.toml, for every dataset, or in a
// dataset, for itself. The format is documented in docs/reference.md and docs/ja/05-data.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/source_text.h"
#include "base/toml_reader.h"

namespace hyoka {

struct MissingReason {
  std::string label;        // as values write it and notes name it: "未公表"
  std::string symbol;       // as tables and charts show it: "…"
  std::string description;  // optional: said with the symbol under every table that shows it
  std::string path;         // the file that declares it, for messages
  Position position;        // of its `reason`
};

// Reads [[missing]] from a parsed site.toml or dataset. `declared` are the reasons already in
// force (the site's, for a dataset): a label or a symbol may be declared once among them all.
std::vector<MissingReason> read_missing_reasons(TomlReader& reader, const toml::table& doc,
                                                const std::vector<MissingReason>& declared);

// Why `symbol` cannot stand for a missing value, or nullopt: it must not read as a figure,
// a note mark (※1) or the "−" of a zero denominator, and is at most 4 characters.
std::optional<std::string> missing_symbol_problem(std::string_view symbol);

}  // namespace hyoka
