#include "config/missing_reason.h"

#include "base/utf8.h"

namespace hyoka {

namespace {

constexpr std::size_t kMaxSymbolLength = 4;

// Characters that look like the "−" (U+2212) tables already show for a zero denominator.
bool looks_like_a_dash(char32_t c) {
  return c == U'-' || c == U'\u2212' || c == U'\uFF0D' || (c >= U'\u2010' && c <= U'\u2015') ||
         c == U'\u30FC' || c == U'\uFF70' || c == U'\u4E00';
}

std::string where(const MissingReason& reason) {
  return reason.path + ":" + std::to_string(reason.position.line);
}

}  // namespace

std::optional<std::string> missing_symbol_problem(std::string_view symbol) {
  if (symbol.empty()) return "a symbol cannot be empty";
  std::size_t length = 0;
  bool all_dashes = true;
  for (std::size_t pos = 0; pos < symbol.size();) {
    const auto c = utf8::next(symbol, pos).value_or(U'\uFFFD');
    ++length;
    if (utf8::digit_value(c)) return "a symbol cannot hold digits: it would read as a figure";
    if (c == U'\u203B') return "a symbol cannot hold 「※」: it marks the notes under a table";
    if (c == U' ' || c == U'\u3000' || utf8::is_control(c)) {
      return "a symbol cannot hold spaces or control characters";
    }
    all_dashes = all_dashes && looks_like_a_dash(c);
  }
  if (all_dashes) {
    return "「\u2212」 already means a zero denominator in every table: choose another symbol, "
           "such as 「…」 or 「＊」";
  }
  if (length > kMaxSymbolLength) {
    return "a symbol is at most " + std::to_string(kMaxSymbolLength) +
           " characters, such as 「…」 or 「＊」";
  }
  return std::nullopt;
}

std::vector<MissingReason> read_missing_reasons(TomlReader& reader, const toml::table& doc,
                                                const std::vector<MissingReason>& declared) {
  std::vector<MissingReason> reasons;
  const auto* array = reader.get_array(doc, "missing", Need::optional);
  if (!array) return reasons;
  for (const auto& node : *array) {
    if (!node.is_table()) {
      reader.error(reader.position(node),
                   "each missing-value reason is a table: write [[missing]]");
      continue;
    }
    const auto& spec = *node.as_table();
    reader.check_keys(spec, {"reason", "symbol", "description"}, "[[missing]]");
    const auto label = reader.get_string(spec, "reason", Need::required);
    const auto symbol = reader.get_string(spec, "symbol", Need::required);
    if (!label || !symbol) continue;
    MissingReason reason{*label, *symbol,
                         reader.get_string(spec, "description", Need::optional).value_or(""),
                         reader.source().path(), reader.position(spec.at("reason"))};
    // A reason with a bad symbol is still known, so that the counts naming it are not
    // reported as well: the error stops the build all the same.
    bool known = true, ok = true;
    if (label->empty()) {
      reader.error(reason.position, "a reason is a word such as \"未公表\", not an empty string");
      known = false;
    }
    const auto symbol_at = reader.position(spec.at("symbol"));
    if (const auto problem = missing_symbol_problem(*symbol)) {
      reader.error(symbol_at, *problem);
      ok = false;
    }
    for (const auto* list :
         std::initializer_list<const std::vector<MissingReason>*>{&declared, &reasons}) {
      for (const auto& other : *list) {
        if (known && other.label == reason.label) {
          reader.error(reason.position, "the reason \"" + reason.label +
                                            "\" is already declared at " + where(other));
          known = false;
        } else if (known && ok && other.symbol == reason.symbol) {
          reader.error(symbol_at, "the symbol 「" + reason.symbol + "」 already stands for \"" +
                                      other.label + "\" (" + where(other) +
                                      "): a table must tell its symbols apart");
          ok = false;
        }
      }
    }
    if (known) reasons.push_back(std::move(reason));
  }
  return reasons;
}

}  // namespace hyoka
