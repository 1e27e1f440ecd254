// libFuzzer: any bytes as a mustache template, through hyoka's checks.
#include <cstdint>
#include <string>

#include "render/page_context.h"
#include "render/template_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  hyoka::Diagnostics diags;
  const hyoka::SourceText source("fuzz.mustache",
                                 std::string(reinterpret_cast<const char*>(data), size));
  (void)hyoka::check_template(source, {"table", "nav", "chart"}, diags,
                              hyoka::template_variables());
  return 0;
}
