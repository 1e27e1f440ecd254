// The parameters built-in block plugins share — dataset, area(s), measures, ratio, periods —
// read with "did you mean" for every name and turned into a Selection.
#pragma once

#include <optional>
#include <string>

#include "render/block_plugin.h"
#include "site/selection.h"

namespace hyoka {

struct BlockData {
  const Dataset* dataset = nullptr;
  std::size_t dataset_index = 0;
  std::optional<std::size_t> area;   // `area = "…"`: index into Site::areas
  std::optional<AreaRow> row;        // that area's row in the dataset
  std::optional<std::size_t> ratio;  // `ratio = "…"`, or the dataset's first
  Selection selection;
};

// Reads dataset (required), area or areas, measures, ratio and periods. nullopt when any is
// wrong; every problem is reported at its position.
std::optional<BlockData> read_block_data(const BlockCall& call);

// A string parameter that must be one of `choices`.
std::optional<std::string> read_choice(const BlockCall& call, const std::string& key,
                                       const std::vector<std::string>& choices,
                                       const std::string& fallback);

}  // namespace hyoka
