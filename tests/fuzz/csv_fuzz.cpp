// libFuzzer: any bytes as the CSV a dataset's rows come from — the encodings, RFC 4180, the
// cells, the columns, then the checks and totals on the rows, and every message formatted.
#include <cstdint>
#include <string>

#include "data/dataset.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string dataset =
      "title = \"t\"\nrows = \"d.csv\"\n"
      "[[missing]]\nreason = \"未公表\"\nsymbol = \"…\"\n"
      "[measures.implemented]\nlabel = \"実施\"\n"
      "[measures.achieved]\nlabel = \"達成\"\nat_most = \"implemented\"\n"
      "[ratios.rate]\nlabel = \"割合\"\nnumerator = \"achieved\"\ndenominator = \"implemented\"\n";
  const std::string csv(reinterpret_cast<const char*>(data), size);
  hyoka::RowsFileReader files;
  files.read = [&](const std::string&) { return hyoka::Result<std::string>{csv, {}}; };
  hyoka::Diagnostics diags;
  if (const auto parsed =
          hyoka::parse_dataset(hyoka::SourceText("d.toml", dataset), "d", diags, &files)) {
    for (std::size_t p = 0; p < parsed->periods.size(); ++p) {
      (void)parsed->shown(parsed->total_ratio(parsed->ratios[0], p));
    }
  }
  for (const auto& d : diags.all()) (void)hyoka::format(d);
  return 0;
}
