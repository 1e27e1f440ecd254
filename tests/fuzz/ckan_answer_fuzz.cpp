// libFuzzer: any bytes as a CKAN portal's answer to hyoka publish. The input is the HTTP
// status on the first line, then the body (the seeds in corpus/ckan_answer read that way).
// The answer is read as hyoka reads every answer, and what it says must be printable: no
// control character and nothing but UTF-8 in any message. The answer is then taken for
// package_show's, and the dataset planned against it.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "publish/ckan_client.h"
#include "publish/dataset_plan.h"
#include "publish/package_builder.h"

namespace {

void require_printable(std::string_view text) {
  if (hyoka::utf8::first_invalid(text)) std::abort();
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t c = *hyoka::utf8::next(text, pos);
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) std::abort();
  }
}

const hyoka::CkanPackage& wanted() {
  static const hyoka::CkanPackage package = [] {
    hyoka::SiteConfig config;
    config.title = "テスト計画の評価";
    config.base_url = "https://example.github.io/test/";
    config.publisher.name = "テスト県";
    config.open_data.keywords = {"ICT", "政策評価"};
    config.open_data.issued = "2022-06-01";
    config.publish.name_prefix = "test";
    config.publish.license_id = "cc-by";
    hyoka::Dataset dataset;
    dataset.id = "achievement";
    dataset.title = "事業の達成状況";
    dataset.periods = {2019, 2020, 2021};
    return hyoka::build_package(config, dataset, "test-pref");
  }();
  return package;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto line_end = input.find('\n');
  long status = 0;
  for (const char c : input.substr(0, std::min<std::size_t>(line_end, 3))) {
    if (c >= '0' && c <= '9') status = status * 10 + (c - '0');
  }
  const std::string body(line_end == std::string_view::npos ? input : input.substr(line_end + 1));

  require_printable(hyoka::utf8::printable(body));

  const hyoka::HttpRequest request{
      "GET",
      "https://portal.example.jp/data/api/3/action/package_show?id=test-achievement",
      {},
      ""};
  const auto reply = hyoka::parse_ckan_reply(request, {status, body, "", ""}, "Authorization");
  require_printable(reply.error.message);
  for (const auto& field : reply.error.fields) require_printable(field);
  // The answer as package_show's, planned for a stock portal and for one with issued and
  // modified as dataset fields and a field hyoka cannot fill.
  hyoka::PlanTarget target{"test-pref", "org-uuid", {}};
  for (int scheming = 0; scheming < 2; ++scheming) {
    const auto plan = hyoka::plan_dataset(wanted(), reply, target);
    require_printable(plan.problem);
    for (const auto& note : plan.notes) require_printable(note);
    target.schema = {true, {"issued", "modified", "title_translated"}, {"title_translated"}, {}};
  }
  return 0;
}
