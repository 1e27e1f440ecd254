#include "render/block_params.h"

#include <algorithm>

#include "base/spellcheck.h"

namespace hyoka {

namespace {

template <class Names, class Name>
std::optional<std::size_t> index_of(const Names& names, const Name& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) return std::nullopt;
  return static_cast<std::size_t>(it - names.begin());
}

}  // namespace

std::optional<std::string> read_choice(const BlockCall& call, const std::string& key,
                                       const std::vector<std::string>& choices,
                                       const std::string& fallback) {
  const auto value = call.reader.get_string(call.params, key, Need::optional);
  if (!value) return call.params.contains(key) ? std::nullopt : std::optional(fallback);
  if (std::find(choices.begin(), choices.end(), *value) == choices.end()) {
    call.reader.error(call.reader.position(call.params.at(key)),
                      "unknown " + key + " \"" + *value + "\"" + did_you_mean(*value, choices));
    return std::nullopt;
  }
  return value;
}

std::optional<BlockData> read_block_data(const BlockCall& call) {
  auto& reader = call.reader;
  const auto& params = call.params;
  const auto& site = call.site;
  BlockData out;
  bool ok = true;

  std::vector<std::string> dataset_ids;
  for (const auto& d : site.datasets) dataset_ids.push_back(d.id);
  const auto dataset_id = reader.get_string(params, "dataset", Need::required);
  if (!dataset_id) return std::nullopt;
  const auto found = index_of(dataset_ids, *dataset_id);
  if (!found) {
    reader.error(reader.position(params.at("dataset")),
                 "unknown dataset \"" + *dataset_id + "\": no content/data/" + *dataset_id +
                     ".toml" + did_you_mean(*dataset_id, dataset_ids));
    return std::nullopt;
  }
  out.dataset_index = *found;
  out.dataset = &site.datasets[*found];
  const auto& dataset = *out.dataset;

  std::vector<std::string> area_ids;
  for (const auto& a : site.areas) area_ids.push_back(a.page->id);
  const auto area_index = [&](const std::string& id,
                              const toml::node& at) -> std::optional<std::size_t> {
    const auto i = index_of(area_ids, id);
    if (!i) {
      reader.error(reader.position(at), "unknown area \"" + id + "\"" + did_you_mean(id, area_ids));
      return std::nullopt;
    }
    for (const auto& ref : site.areas[*i].rows) {
      if (ref.dataset == out.dataset_index) return i;
    }
    reader.error(reader.position(at),
                 "the dataset \"" + dataset.id + "\" has no row for the area \"" + id + "\"");
    return std::nullopt;
  };
  if (params.contains("area") && params.contains("areas")) {
    reader.error(reader.key_position(params.at("areas"), "areas"), "give area or areas, not both");
    ok = false;
  }
  if (const auto area = reader.get_string(params, "area", Need::optional)) {
    out.area = area_index(*area, params.at("area"));
    if (!out.area) ok = false;
    for (const auto& ref : out.area ? site.areas[*out.area].rows : std::vector<AreaRow>{}) {
      if (ref.dataset == out.dataset_index) out.row = ref;
    }
  } else if (params.contains("area")) {
    ok = false;
  }
  if (const auto* areas = reader.get_array(params, "areas", Need::optional)) {
    for (const auto& item : *areas) {
      if (!item.is_string()) {
        reader.error(reader.position(item), "areas must hold area ids (strings)");
        ok = false;
      } else if (const auto i = area_index(item.as_string()->get(), item)) {
        out.selection.areas.push_back(*i);
      } else {
        ok = false;
      }
    }
  } else if (params.contains("areas")) {
    ok = false;
  }

  const auto measure_ids = dataset.measure_ids();
  if (const auto* measures = reader.get_array(params, "measures", Need::optional)) {
    for (const auto& item : *measures) {
      const auto i =
          item.is_string() ? dataset.measure_index(item.as_string()->get()) : std::nullopt;
      if (!i) {
        const auto name = item.is_string() ? item.as_string()->get() : std::string("?");
        reader.error(reader.position(item),
                     "unknown measure \"" + name + "\"" + did_you_mean(name, measure_ids));
        ok = false;
      } else {
        out.selection.measures.push_back(*i);
      }
    }
  } else if (params.contains("measures")) {
    ok = false;
  }

  std::vector<std::string> ratio_ids;
  for (const auto& r : dataset.ratios) ratio_ids.push_back(r.id);
  if (const auto ratio = reader.get_string(params, "ratio", Need::optional)) {
    out.ratio = index_of(ratio_ids, *ratio);
    if (!out.ratio) {
      reader.error(reader.position(params.at("ratio")),
                   "unknown ratio \"" + *ratio + "\"" + did_you_mean(*ratio, ratio_ids));
      ok = false;
    } else {
      out.selection.ratios = {*out.ratio};
    }
  } else if (params.contains("ratio")) {
    ok = false;
  } else if (!dataset.ratios.empty()) {
    out.ratio = 0;
  }

  if (const auto* periods = reader.get_array(params, "periods", Need::optional)) {
    std::string known;
    for (const int p : dataset.periods) known += (known.empty() ? "" : ", ") + std::to_string(p);
    for (const auto& item : *periods) {
      const auto year = reader.integer(item, "a period");
      const auto i = year ? index_of(dataset.periods, static_cast<int>(*year)) : std::nullopt;
      if (!i) {
        if (year) {
          reader.error(reader.position(item), "the dataset has no fiscal year " +
                                                  std::to_string(*year) + "; it has " + known);
        }
        ok = false;
      } else {
        out.selection.periods.push_back(*i);
      }
    }
    std::sort(out.selection.periods.begin(), out.selection.periods.end());
  } else if (params.contains("periods")) {
    ok = false;
  }
  if (!ok) return std::nullopt;
  return out;
}

}  // namespace hyoka
