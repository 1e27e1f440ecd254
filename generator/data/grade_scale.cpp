#include <algorithm>

#include "base/identifier.h"
#include "base/spellcheck.h"
#include "data/decimal.h"
#include "data/grade_scale_reader.h"

namespace hyoka {

std::vector<std::string> GradeScale::ids() const {
  std::vector<std::string> out;
  out.reserve(grades.size());
  for (const auto& g : grades) out.push_back(g.id);
  return out;
}

std::optional<std::size_t> GradeScale::index(const std::string& id) const {
  for (std::size_t i = 0; i < grades.size(); ++i) {
    if (grades[i].id == id) return i;
  }
  return std::nullopt;
}

std::optional<std::pair<unsigned __int128, int>> parse_share(std::string_view text) {
  // A share is printed without a sign; the rest is a figure as printed (data/decimal.h).
  if (text.empty() || text.front() == '-' || text.front() == '+') return std::nullopt;
  const auto parsed = parse_decimal(text);
  const auto* share = std::get_if<Decimal>(&parsed);
  if (!share || share->digits < 0 || share->decimals > 4 || compare(*share, Decimal{100, 0}) > 0) {
    return std::nullopt;
  }
  return std::make_pair(static_cast<unsigned __int128>(share->digits), share->decimals);
}

namespace {

constexpr std::int64_t kMaxDecimals = 4;

void read_grades(TomlReader& reader, const toml::table& scale, GradeScale& out) {
  const auto* table = reader.get_table(scale, "grades", Need::required);
  if (!table) return;
  std::vector<Grade> special;
  bool misplaced = false;  // reported once
  for (const auto& id : reader.keys_in_order(*table)) {
    const auto& node = table->at(id);
    if (!node.is_table()) {
      reader.error(reader.position(node), "scale.grades." + id + " must be a table with a label");
      continue;
    }
    const auto& spec = *node.as_table();
    reader.check_keys(spec, {"label", "short_label", "symbol", "definition", "special"},
                      "[scale.grades." + id + "]");
    if (id == "area" || id == "shares" || !valid_identifier(id)) {
      reader.error(reader.key_position(node, id),
                   "a grade's id \"" + id +
                       "\" names its counts in [[rows]]: use a-z, 0-9, '-' and '_', and neither "
                       "\"area\" nor \"shares\"");
      continue;
    }
    Grade g;
    g.id = id;
    g.label = reader.get_string(spec, "label", Need::required).value_or(id);
    g.short_label = reader.get_string(spec, "short_label", Need::optional).value_or(g.label);
    g.symbol = reader.get_string(spec, "symbol", Need::optional).value_or("");
    g.definition = reader.get_string(spec, "definition", Need::optional).value_or("");
    g.special = reader.get_bool(spec, "special", Need::optional).value_or(false);
    if (g.special) {
      special.push_back(std::move(g));
    } else {
      if (!special.empty() && !misplaced) {
        misplaced = true;
        reader.error(reader.key_position(node, id),
                     "special grades (special = true) come after the others: they stand "
                     "outside the scale's order");
      }
      out.grades.push_back(std::move(g));
    }
  }
  for (auto& g : special) out.grades.push_back(std::move(g));
  if (out.grades.empty())
    reader.error(reader.position(*table), "a scale needs at least two grades");
  if (out.grades.size() == 1) {
    reader.error(reader.position(*table),
                 "a scale needs at least two grades: one grade has no distribution to show");
  }
}

void read_groups(TomlReader& reader, const toml::table& scale, GradeScale& out) {
  const auto* table = reader.get_table(scale, "groups", Need::optional);
  if (!table) return;
  const auto ids = out.ids();
  std::vector<char> grouped(out.grades.size(), 0);
  for (const auto& id : reader.keys_in_order(*table)) {
    const auto& node = table->at(id);
    if (!node.is_table()) {
      reader.error(reader.position(node), "scale.groups." + id + " must be a table");
      continue;
    }
    const auto& spec = *node.as_table();
    reader.check_keys(spec, {"label", "grades"}, "[scale.groups." + id + "]");
    GradeGroup group;
    group.id = id;
    group.label = reader.get_string(spec, "label", Need::required).value_or(id);
    const auto names = reader.get_string_array(spec, "grades", Need::required);
    if (!names) continue;
    const auto& array = *spec.at("grades").as_array();
    bool ok = true;
    for (std::size_t i = 0; i < names->size(); ++i) {
      const auto& name = (*names)[i];
      const auto index = out.index(name);
      if (!index) {
        reader.error(reader.position(array[i]),
                     "unknown grade \"" + name + "\"" + did_you_mean(name, ids));
        ok = false;
      } else if (grouped[*index]) {
        reader.error(reader.position(array[i]),
                     "grade \"" + name + "\" is already in a group: a grade belongs to one");
        ok = false;
      } else {
        grouped[*index] = 1;
        group.grades.push_back(*index);
      }
    }
    if (!ok) continue;
    if (group.grades.size() < 2) {
      reader.error(reader.position(array), "a group holds at least two grades");
      continue;
    }
    std::sort(group.grades.begin(), group.grades.end());
    // A group of an ordered scale is a run of neighbours: 改善を検討 between 計画通り and 見直し.
    if (out.ordered && group.grades.back() - group.grades.front() + 1 != group.grades.size()) {
      reader.error(reader.position(array),
                   "the grades of a group of an ordered scale are neighbours in its order; "
                   "list the grades so, or declare the scale ordered = false");
      continue;
    }
    out.groups.push_back(std::move(group));
  }
}

}  // namespace

std::optional<GradeScale> read_grade_scale(TomlReader& reader, const toml::table& doc,
                                           std::optional<std::string>& total) {
  const int errors_before = reader.errors();
  const auto* scale = reader.get_table(doc, "scale", Need::optional);
  if (!scale) return std::nullopt;
  reader.check_keys(
      *scale, {"label", "ordered", "decimals", "rounding", "total", "grades", "groups"}, "[scale]");
  GradeScale out;
  out.label = reader.get_string(*scale, "label", Need::required).value_or("");
  out.ordered = reader.get_bool(*scale, "ordered", Need::optional).value_or(true);
  if (const auto decimals = reader.get_integer(*scale, "decimals", Need::optional)) {
    if (*decimals < 0 || *decimals > kMaxDecimals) {
      reader.error(reader.position(scale->at("decimals")), "decimals must be from 0 to 4");
    } else {
      out.decimals = static_cast<int>(*decimals);
    }
  }
  if (const auto rounding = reader.get_string(*scale, "rounding", Need::optional)) {
    if (const auto parsed = parse_rounding(*rounding)) {
      out.rounding = *parsed;
    } else {
      reader.error(reader.position(scale->at("rounding")),
                   "unknown rounding \"" + *rounding + "\"" +
                       did_you_mean(*rounding, {"truncate", "half-up", "half-even"}));
    }
  }
  total = reader.get_string(*scale, "total", Need::optional);
  read_grades(reader, *scale, out);
  read_groups(reader, *scale, out);
  if (reader.errors() > errors_before) return std::nullopt;
  return out;
}

}  // namespace hyoka
