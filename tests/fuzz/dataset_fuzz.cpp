// libFuzzer: any bytes as a dataset — TOML, validation, totals, ratios.
#include <cstdint>
#include <string>

#include "data/dataset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hyoka::Diagnostics diags;
  const hyoka::SourceText source("fuzz.toml",
                                 std::string(reinterpret_cast<const char*>(data), size));
  if (const auto dataset = hyoka::parse_dataset(source, "fuzz", diags)) {
    for (const auto& ratio : dataset->ratios) {
      for (std::size_t p = 0; p < dataset->periods.size(); ++p) {
        (void)dataset->shown(dataset->total_ratio(ratio, p));
      }
    }
  }
  for (const auto& d : diags.all()) (void)hyoka::format(d);
  return 0;
}
