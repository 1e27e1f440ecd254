// libFuzzer: any bytes as an area page — front matter split, TOML, prose checks.
#include <cstdint>
#include <string>

#include "content/page.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hyoka::Diagnostics diags;
  const hyoka::SourceText source("fuzz.md", std::string(reinterpret_cast<const char*>(data), size));
  (void)hyoka::parse_page(source, hyoka::PageKind::area, "fuzz", diags);
  for (const auto& d : diags.all()) (void)hyoka::format(d);
  return 0;
}
