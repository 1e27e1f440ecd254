#define BOOST_TEST_MODULE publish
#include <boost/test/unit_test.hpp>

#include <functional>
#include <map>
#include <sstream>

#include "base/utf8.h"
#include "config/ckan_tag.h"
#include "publish/ckan_client.h"
#include "publish/dataset_plan.h"
#include "publish/dry_run.h"
#include "publish/package_builder.h"
#include "publish/publish_site.h"
#include "publish/publisher.h"
#include "publish/redact.h"

using namespace hyoka;
using nlohmann::json;

namespace {

const std::string kToken = "secret-token-4f9a1c";
const std::string kBase = "https://portal.example.jp/data/api/3/action/";

// A portal in memory: each action answers from a handler; every request is kept.
class FakePortal final : public HttpTransport {
 public:
  using Handler = std::function<HttpResponse(const HttpRequest&)>;
  std::map<std::string, Handler> actions;
  std::vector<HttpRequest> requests;

  HttpResponse send(const HttpRequest& request) override {
    requests.push_back(request);
    const auto at = request.url.find("/api/3/action/") + 14;
    const auto action = request.url.substr(at, request.url.find('?') - at);
    const auto handler = actions.find(action);
    if (handler == actions.end()) return {500, "", "", ""};
    return handler->second(request);
  }

  std::vector<std::string> called() const {
    std::vector<std::string> names;
    for (const auto& r : requests) {
      const auto at = r.url.find("/api/3/action/") + 14;
      names.push_back(r.url.substr(at, r.url.find('?') - at));
    }
    return names;
  }
};

HttpResponse ok(const json& result) {
  return {200, json{{"success", true}, {"result", result}}.dump(), "", ""};
}
HttpResponse error(long status, const json& error) {
  return {status, json{{"success", false}, {"error", error}}.dump(), "", ""};
}

SiteConfig config() {
  SiteConfig c;
  c.title = "テスト計画の評価";
  c.base_url = "https://example.github.io/test/";
  c.area_label = "施策展開方向";
  c.publisher.name = "テスト県";
  c.open_data.keywords = {"ICT", "政策評価"};
  c.open_data.contact_email = "digital@example.jp";
  c.open_data.issued = "2022-06-01";
  c.publish.name_prefix = "test";
  c.publish.license_id = "cc-by";
  return c;
}

Dataset dataset() {
  Dataset d;
  d.id = "achievement";
  d.title = "事業の達成状況";
  d.description = "施策展開方向ごとの事業数。";
  d.unit = "件";
  d.periods = {2019, 2020, 2021};
  d.measures = {{"implemented", "実施事業項目", "", "", {}, "", {}}};
  return d;
}

// A stock portal that knows the licence, where the token's user is an editor of test-pref.
FakePortal portal() {
  FakePortal p;
  p.actions["license_list"] = [](const HttpRequest&) {
    return ok(json::array({{{"id", "cc-by"}}, {{"id", "cc-by-sa"}}, {{"id", "cc-zero"}}}));
  };
  p.actions["organization_show"] = [](const HttpRequest&) {
    return ok({{"id", "org-uuid"}, {"name", "test-pref"}});
  };
  p.actions["organization_list_for_user"] = [](const HttpRequest&) {
    return ok(json::array({{{"id", "org-uuid"}, {"name", "test-pref"}, {"capacity", "editor"}}}));
  };
  // views/api.py _finish_bad_request: a stock portal does not know ckanext-scheming's action.
  p.actions["scheming_dataset_schema_show"] = [](const HttpRequest&) {
    return HttpResponse{
        400, R"("Bad request - Action name not known: scheming_dataset_schema_show")", "", ""};
  };
  p.actions["package_search"] = [](const HttpRequest&) {
    return ok({{"count", 0}, {"results", json::array()}});
  };
  return p;
}

bool nothing_written(const FakePortal& p) {
  return std::none_of(p.requests.begin(), p.requests.end(),
                      [](const HttpRequest& r) { return r.method == "POST"; });
}

struct Run {
  bool ok = false;
  std::string log, err;
};

Run publish_with(FakePortal& p, const std::vector<CkanPackage>& packages,
                 const std::string& license_id = "cc-by", bool dry_run = false) {
  CkanClient client(p, kBase, "Authorization", kToken);
  const Redactor redact(kToken);
  std::ostringstream log, err;
  CkanPublisher publisher(client, redact, log, err);
  Run run;
  run.ok = publisher.publish(packages, {"test-pref", license_id, "cc-by", "test"}, dry_run);
  run.log = log.str();
  run.err = err.str();
  return run;
}

json existing_package(const CkanPackage& package) {
  json existing = dataset_dict(package, {});
  existing["id"] = "pkg-uuid";
  existing["owner_org"] = "org-uuid";
  existing["organization"] = {{"id", "org-uuid"}, {"name", "test-pref"}};
  existing["state"] = "active";
  existing["resources"] = json::array();
  for (std::size_t i = 0; i < package.resources.size(); ++i) {
    json r = package.resources[i];
    r["id"] = "res-" + std::to_string(i);
    existing["resources"].push_back(r);
  }
  return existing;
}

}  // namespace

BOOST_AUTO_TEST_CASE(builds_a_package_named_after_the_prefix_and_the_dataset) {
  const auto package = build_package(config(), dataset(), "test-pref");
  BOOST_TEST(package.name == "test-achievement");
  BOOST_TEST(package.fields["name"] == "test-achievement");
  BOOST_TEST(package.fields["title"] == "事業の達成状況");
  BOOST_TEST(package.fields["owner_org"] == "test-pref");
  BOOST_TEST(package.fields["license_id"] == "cc-by");
  BOOST_TEST(package.fields["url"] == "https://example.github.io/test/data/achievement/");
  BOOST_TEST(package.fields["maintainer_email"] == "digital@example.jp");
  BOOST_TEST(package.fields["tags"] == json::parse(R"([{"name":"ICT"},{"name":"政策評価"}])"));
  const std::string notes = package.fields["notes"];
  BOOST_TEST(notes.starts_with("施策展開方向ごとの事業数。"));
  BOOST_TEST(notes.find("令和元年度（2019年度）〜令和3年度（2021年度）") != std::string::npos);
  BOOST_TEST(dataset_dict(package, {})["extras"].dump().find(
                 R"({"key":"temporal_end","value":"2022-03-31"})") != std::string::npos);
  BOOST_REQUIRE(package.resources.size() == 3u);
  BOOST_TEST(package.resources[0]["url"] == "https://example.github.io/test/data/achievement.csv");
  BOOST_TEST(package.resources[0]["format"] == "CSV");
  BOOST_TEST(package.resources[0]["mimetype"] == "text/csv");
  BOOST_TEST(package.resources[1]["format"] == "JSON");
  BOOST_TEST(package.resources[1]["mimetype"] == "application/json");
  BOOST_TEST(package.resources[2]["format"] == "HTML");
  BOOST_TEST(package.resources[2]["url"] == package.fields["url"]);
}

BOOST_AUTO_TEST_CASE(describes_a_grade_dataset_by_its_grades_and_a_line_per_grade) {
  auto d = dataset();
  d.id = "evaluation";
  GradeScale scale;
  scale.label = "評価区分";
  scale.grades = {{"a", "A", "A", "", "目標を達成", false}, {"b", "B", "B", "", "", false}};
  scale.total = 2;
  d.scale = scale;
  d.measures = {{"a", "A", "", "", {}, "", {}},
                {"b", "B", "", "", {}, "", {}},
                {"evaluated", "評価事業数", "", "", {"a", "b"}, "", {}}};
  const auto package = build_package(config(), d, "test-pref");
  const std::string notes = package.fields["notes"];
  BOOST_TEST(
      notes.find("- 評価区分：A（目標を達成）、B\n- 項目：評価事業数\n") != std::string::npos,
      notes);
  BOOST_TEST(package.resources[0]["url"] == "https://example.github.io/test/data/evaluation.csv");
  const std::string csv = package.resources[0]["description"];
  BOOST_TEST(csv.starts_with("データ本体。施策展開方向×年度×評価区分ごとに1行"), csv);
}

BOOST_AUTO_TEST_CASE(offers_the_excel_csv_only_when_the_site_does) {
  auto c = config();
  c.open_data.excel_csv = true;
  const auto package = build_package(c, dataset(), "test-pref");
  BOOST_REQUIRE(package.resources.size() == 4u);
  BOOST_TEST(package.resources[1]["url"] ==
             "https://example.github.io/test/data/achievement-excel.csv");
}

BOOST_AUTO_TEST_CASE(links_a_kpi_datasets_indicators_beside_its_grade_counts) {
  auto d = dataset();
  d.id = "kpi";
  GradeScale scale;
  scale.label = "達成度";
  scale.grades = {{"a", "A", "A", "", "達成率100%以上", false}, {"b", "B", "B", "", "", false}};
  d.scale = scale;
  d.measures = {{"a", "A", "", "", {}, "", {}}, {"b", "B", "", "", {}, "", {}}};
  d.kpi = Kpi{};
  d.kpi->indicators.resize(2);
  d.kpi->indicators[0].name = "観光入込客数";
  d.kpi->indicators[1].name = "待機児童数";
  auto c = config();
  c.open_data.excel_csv = true;
  const auto package = build_package(c, d, "test-pref");
  const std::string notes = package.fields["notes"];
  BOOST_TEST(notes.find("- 達成度：A（達成率100%以上）、B\n- 指標：観光入込客数、待機児童数\n") !=
                 std::string::npos,
             notes);
  // The grade counts' CSV, its Excel copy and JSON, then the indicators' three files, then the
  // landing page; each a link to the site's file, never an upload.
  BOOST_REQUIRE(package.resources.size() == 7u);
  const std::string base = "https://example.github.io/test/";
  BOOST_TEST(package.resources[3]["url"] == base + "data/kpi/indicators.csv");
  BOOST_TEST(package.resources[3]["name"] == "事業の達成状況（指標別 CSV）");
  BOOST_TEST(package.resources[3]["format"] == "CSV");
  BOOST_TEST(package.resources[3]["mimetype"] == "text/csv");
  const std::string csv = package.resources[3]["description"];
  BOOST_TEST(csv.find("施策展開方向×指標×年度ごとに1行") != std::string::npos, csv);
  BOOST_TEST(package.resources[4]["url"] == base + "data/kpi/indicators-excel.csv");
  BOOST_TEST(package.resources[4]["format"] == "CSV");
  BOOST_TEST(package.resources[5]["url"] == base + "data/kpi/indicators.json");
  BOOST_TEST(package.resources[5]["format"] == "JSON");
  BOOST_TEST(package.resources[5]["mimetype"] == "application/json");
  BOOST_TEST(package.resources[6]["format"] == "HTML");
  BOOST_TEST(package.site_paths == (std::vector<std::string>{
                                       "data/kpi.csv", "data/kpi-excel.csv", "data/kpi.json",
                                       "data/kpi/indicators.csv", "data/kpi/indicators-excel.csv",
                                       "data/kpi/indicators.json", "data/kpi/"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(errors_when_the_name_prefix_is_missing_or_the_name_too_long) {
  auto c = config();
  c.publish.name_prefix = "";
  BOOST_TEST(ckan_package_name(c, "achievement").error.find("name_prefix is missing") !=
             std::string::npos);
  c.publish.name_prefix = std::string(60, 'a');
  BOOST_TEST(!ckan_package_name(c, std::string(40, 'b')));
  BOOST_TEST(*ckan_package_name(c, std::string(39, 'b')).value ==
             c.publish.name_prefix + "-" + std::string(39, 'b'));
}

BOOST_AUTO_TEST_CASE(finds_the_action_api_under_a_sub_path) {
  BOOST_TEST(*ckan_action_base("https://portal.example.jp/data").value == kBase);
  BOOST_TEST(*ckan_action_base("https://portal.example.jp/data/").value == kBase);
  BOOST_TEST(*ckan_action_base("https://portal.example.jp/data/api/3/action").value == kBase);
  BOOST_TEST(*ckan_action_base("https://portal.example.jp/data/api/3/action/").value == kBase);
  BOOST_TEST(*ckan_action_base("http://127.0.0.1:8080/ckan").value ==
             "http://127.0.0.1:8080/ckan/api/3/action/");
  BOOST_TEST(!ckan_action_base("http://portal.example.jp/data"));
  BOOST_TEST(!ckan_action_base("ftp://portal.example.jp/data"));
  BOOST_TEST(!ckan_action_base("portal.example.jp"));
}

BOOST_AUTO_TEST_CASE(creates_a_package_that_package_show_does_not_find) {
  auto p = portal();
  p.actions["package_show"] = [](const HttpRequest&) {
    return error(404, {{"__type", "Not Found Error"}, {"message", "Not found"}});
  };
  json created;
  p.actions["package_create"] = [&](const HttpRequest& r) {
    created = json::parse(r.body);
    return ok(created);
  };
  const auto run = publish_with(p, {build_package(config(), dataset(), "test-pref")});
  BOOST_TEST(run.ok, run.err);
  // The token's organizations first, every read before the first write.
  BOOST_TEST(p.called() == (std::vector<std::string>{"organization_list_for_user", "license_list",
                                                     "scheming_dataset_schema_show", "package_show",
                                                     "package_search", "package_create"}),
             boost::test_tools::per_element());
  BOOST_TEST(p.requests[0].url == kBase + "organization_list_for_user?permission=create_dataset");
  BOOST_TEST(p.requests[3].url == kBase + "package_show?id=test-achievement");
  BOOST_TEST(p.requests[5].method == "POST");
  BOOST_TEST(created["resources"].size() == 3u);
  BOOST_TEST(run.log.find("created test-achievement (3 resources)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(patches_an_existing_package_and_matches_resources_by_url) {
  auto p = portal();
  const auto wanted = build_package(config(), dataset(), "test-pref");
  json existing = existing_package(wanted);
  existing["title"] = "古い題名";
  existing["tags"] = json::parse(R"([{"name":"ICT","id":"t1"},{"name":"福島県","id":"t2"}])");
  existing["extras"] = json::parse(R"([{"key":"spatial","value":"福島県"}])");
  existing["resources"][0]["name"] = "古い名前";  // same url, changed: resource_patch
  existing["resources"].erase(1);                 // JSON missing: resource_create
  existing["resources"].push_back({{"id", "staff"}, {"url", "https://example.jp/x.pdf"}});
  p.actions["package_show"] = [&](const HttpRequest&) { return ok(existing); };
  std::vector<json> writes;
  for (const auto* action : {"package_patch", "resource_patch", "resource_create"}) {
    p.actions[action] = [&](const HttpRequest& r) {
      writes.push_back(json::parse(r.body));
      return ok(writes.back());
    };
  }
  const auto run = publish_with(p, {wanted});
  BOOST_TEST(run.ok, run.err);
  BOOST_TEST(p.called() == (std::vector<std::string>{"organization_list_for_user", "license_list",
                                                     "scheming_dataset_schema_show", "package_show",
                                                     "package_search", "package_patch",
                                                     "resource_patch", "resource_create"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE(writes.size() == 3u);
  BOOST_TEST(writes[0]["id"] == "pkg-uuid");
  BOOST_TEST(writes[0]["title"] == "事業の達成状況");
  BOOST_TEST(!writes[0].contains("notes"));      // unchanged fields are not sent
  BOOST_TEST(!writes[0].contains("resources"));  // resources go one by one
  BOOST_TEST(writes[0]["tags"].dump() ==
             R"([{"id":"t1","name":"ICT"},{"id":"t2","name":"福島県"},{"name":"政策評価"}])");
  BOOST_TEST(writes[0]["extras"][0]["key"] == "spatial");  // the portal's own extra stays
  BOOST_TEST(writes[1].dump() == R"({"id":"res-0","name":"事業の達成状況（CSV）"})");
  BOOST_TEST(writes[2]["url"] == "https://example.github.io/test/data/achievement.json");
  BOOST_TEST(writes[2]["package_id"] == "pkg-uuid");
}

BOOST_AUTO_TEST_CASE(sends_no_write_when_the_portal_is_up_to_date) {
  auto p = portal();
  const auto wanted = build_package(config(), dataset(), "test-pref");
  p.actions["package_show"] = [&](const HttpRequest&) { return ok(existing_package(wanted)); };
  const auto run = publish_with(p, {wanted});
  BOOST_TEST(run.ok, run.err);
  BOOST_TEST(nothing_written(p));
  BOOST_TEST(run.log.find("test-achievement is up to date") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(refuses_to_move_a_dataset_of_another_organization) {
  auto p = portal();
  const auto wanted = build_package(config(), dataset(), "test-pref");
  json existing = existing_package(wanted);
  existing["owner_org"] = "other-uuid";
  existing["organization"] = {{"id", "other-uuid"}, {"name", "other-city"}};
  p.actions["package_show"] = [&](const HttpRequest&) { return ok(existing); };
  const auto run = publish_with(p, {wanted});
  BOOST_TEST(!run.ok);
  BOOST_TEST(run.err.find("in another organization (other-city)") != std::string::npos);
  BOOST_TEST(nothing_written(p));
}

BOOST_AUTO_TEST_CASE(suggests_the_portals_id_for_an_unknown_licence) {
  auto p = portal();
  const auto run = publish_with(p, {}, "cc-by-4.0");
  BOOST_TEST(!run.ok);
  BOOST_TEST(run.err.find(R"(no licence "cc-by-4.0"; did you mean "cc-by"?)") != std::string::npos,
             run.err);
  BOOST_TEST(p.called() == (std::vector<std::string>{"organization_list_for_user", "license_list"}),
             boost::test_tools::per_element());
  const auto typo = publish_with(p, {}, "cc-zer0");
  BOOST_TEST(typo.err.find(R"(did you mean "cc-zero"?)") != std::string::npos, typo.err);
}

BOOST_AUTO_TEST_CASE(reads_success_false_even_on_http_200) {
  auto p = portal();
  p.actions["license_list"] = [](const HttpRequest&) {
    return HttpResponse{200, R"({"success": false, "error": {"message": "Maintenance"}})", "", ""};
  };
  const auto run = publish_with(p, {});
  BOOST_TEST(!run.ok);
  BOOST_TEST(run.err ==
             "hyoka publish: license_list: the portal refused the request (HTTP 200): "
             "Maintenance\n");
}

BOOST_AUTO_TEST_CASE(reports_validation_errors_field_by_field) {
  auto p = portal();
  p.actions["package_show"] = [](const HttpRequest&) {
    return error(404, {{"__type", "Not Found Error"}, {"message", "Not found"}});
  };
  p.actions["package_create"] = [](const HttpRequest&) {
    return error(409, json::parse(R"({"__type": "Validation Error",
        "name": ["That URL is already in use."],
        "resources": [{}, {"url": ["Missing value"]}]})"));
  };
  const auto run = publish_with(p, {build_package(config(), dataset(), "test-pref")});
  BOOST_TEST(!run.ok);
  BOOST_TEST(run.err ==
             "hyoka publish: package_create test-achievement: name: That URL is already in use.\n"
             "hyoka publish: package_create test-achievement: resources[1].url: Missing value\n");
}

BOOST_AUTO_TEST_CASE(reports_an_answer_that_is_not_ckans) {
  auto p = portal();
  p.actions["license_list"] = [](const HttpRequest&) {
    return HttpResponse{404, "<html><body>Not Found</body></html>", "", ""};
  };
  const auto run = publish_with(p, {});
  BOOST_TEST(run.err.find("HTTP 404 from " + kBase + "license_list is not a CKAN API answer") !=
             std::string::npos);
  BOOST_TEST(run.err.find("--ckan") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(reports_a_redirect_without_following_it) {
  auto p = portal();
  p.actions["organization_list_for_user"] = [](const HttpRequest&) {
    return HttpResponse{301, "", "https://other.example.jp/api/3/action/license_list", ""};
  };
  const auto run = publish_with(p, {});
  BOOST_TEST(run.err.find("redirects") != std::string::npos);
  BOOST_TEST(p.requests.size() == 1u);
}

BOOST_AUTO_TEST_CASE(sends_the_token_raw_in_the_configured_header_and_prints_it_nowhere) {
  auto p = portal();
  // A hostile or buggy portal that echoes the header back in its error.
  p.actions["license_list"] = [](const HttpRequest& r) {
    return error(403, {{"__type", "Authorization Error"},
                       {"message", "bad key " + r.headers.front().second}});
  };
  const auto run = publish_with(p, {});
  BOOST_TEST(p.requests[0].headers.front().first == "Authorization");
  BOOST_TEST(p.requests[0].headers.front().second == kToken);
  BOOST_TEST(run.err.find("bad key ***") != std::string::npos, run.err);
  BOOST_TEST(run.err.find(kToken) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(redacts_every_occurrence_of_the_token) {
  const Redactor redact("abc");
  BOOST_TEST(redact("abcabc-xabc") == "******-x***");
  BOOST_TEST(Redactor("")("text") == "text");
}

BOOST_AUTO_TEST_CASE(dry_run_without_a_token_prints_every_request_and_sends_nothing) {
  FakePortal p;
  PublishOptions options;
  options.build.source_dir = HYOKA_SOURCE_DIR;
  options.ckan_url = "https://portal.example.jp/data/";
  options.organization = "test-pref";
  options.dry_run = true;
  const RealFileSystem fs;
  std::ostringstream out, err;
  BOOST_TEST(publish_site(options, fs, p, out, err) == 0);
  BOOST_TEST(p.requests.empty());
  const auto text = out.str();
  BOOST_TEST(text.find("GET " + kBase + "organization_list_for_user?permission=create_dataset") !=
             std::string::npos);
  BOOST_TEST(text.find("GET " + kBase + "package_show?id=fukushima-ict-achievement") !=
             std::string::npos);
  BOOST_TEST(text.find("POST " + kBase + "package_create") != std::string::npos);
  BOOST_TEST(text.find("POST " + kBase + "package_patch") != std::string::npos);
  BOOST_TEST(text.find("Authorization: ***") != std::string::npos);
  BOOST_TEST(text.find("package_update") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(dry_run_with_a_token_reads_the_portal_and_prints_only_what_would_change) {
  auto p = portal();
  p.actions["package_show"] = [](const HttpRequest& r) {
    if (r.url.ends_with("id=fukushima-ict-achievement")) {
      return error(404, {{"__type", "Not Found Error"}, {"message", "Not found"}});
    }
    return HttpResponse{500, "", "", ""};
  };
  p.actions["organization_list_for_user"] = [](const HttpRequest&) {
    return ok(json::array({{{"id", "org-uuid"}, {"name", "fukushima-pref"}}}));
  };
  PublishOptions options;
  options.build.source_dir = HYOKA_SOURCE_DIR;
  options.ckan_url = "https://portal.example.jp/data/";
  options.organization = "fukushima-pref";
  options.token = kToken;
  options.dry_run = true;
  const RealFileSystem fs;
  std::ostringstream out, err;
  BOOST_TEST(publish_site(options, fs, p, out, err) == 0, err.str());
  BOOST_TEST(nothing_written(p));
  BOOST_TEST(p.called().size() == 5u);
  const auto text = out.str();
  BOOST_TEST(text.find("# fukushima-ict-achievement: not on the portal; would send:\nPOST " +
                       kBase + "package_create\nAuthorization: ***\n") != std::string::npos,
             text);
  BOOST_TEST(text.find("POST " + kBase + "package_patch") == std::string::npos);
  BOOST_TEST(text.find("nothing was written (--dry-run): of 1 dataset on "
                       "https://portal.example.jp/data/dataset/ (organization fukushima-pref), 1 "
                       "would be created, 0 updated, 0 are up to date") != std::string::npos,
             text);
  BOOST_TEST((text + err.str()).find(kToken) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(publish_needs_a_token_unless_it_is_a_dry_run) {
  FakePortal p;
  PublishOptions options;
  options.build.source_dir = HYOKA_SOURCE_DIR;
  options.ckan_url = "https://portal.example.jp/data";
  options.organization = "test-pref";
  const RealFileSystem fs;
  std::ostringstream out, err;
  BOOST_TEST(publish_site(options, fs, p, out, err) == 2);
  BOOST_TEST(err.str().find("CKAN_API_TOKEN") != std::string::npos);
  options.token = "line\nbreak";
  BOOST_TEST(publish_site(options, fs, p, out, err) == 2);
  BOOST_TEST(err.str().find("line\nbreak") == std::string::npos);
  BOOST_TEST(p.requests.empty());
}

// --- A hostile portal --------------------------------------------------------------------------

namespace {

// Bytes a terminal would act on: C0 controls but the line break, DEL, the C1 controls as
// UTF-8 (U+0080..U+009F), and bytes that are not UTF-8 at all.
std::string terminal_controls_in(const std::string& text) {
  std::string found;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() &&
                    static_cast<unsigned char>(text[i + 1]) < 0xA0 &&
                    static_cast<unsigned char>(text[i + 1]) >= 0x80;
    if ((c < 0x20 && c != '\n') || c == 0x7F || c1) found += "@" + std::to_string(i) + " ";
  }
  return found;
}

// What an attacker's portal says: ESC sequences that recolour, retitle and clear, BEL, a
// carriage return that overwrites the line, DEL, and CSI as a C1 character in valid UTF-8.
const std::string kHostile =
    "\x1b[31mred\x1b]0;owned\x07 \r\x7f \xc2\x9b"
    "2J end";

}  // namespace

BOOST_AUTO_TEST_CASE(redactor_hides_the_token_and_escapes_control_characters) {
  const Redactor redact("abc");
  BOOST_TEST(redact("x abc\x1b[0m\ny") == "x ***\\x1b[0m\ny");
  // An escape that would spell the token out is hidden as well.
  BOOST_TEST(Redactor("\\x1b")("\x1b") == "***");
}

BOOST_AUTO_TEST_CASE(refuses_an_answer_nested_deeper_than_the_limit_without_crashing) {
  auto p = portal();
  p.actions["license_list"] = [](const HttpRequest&) {
    const std::size_t depth = 200'000;
    return HttpResponse{
        200,
        R"({"success": true, "result": )" + std::string(depth, '[') + std::string(depth, ']') + "}",
        "", ""};
  };
  const auto run = publish_with(p, {});
  BOOST_TEST(!run.ok);
  BOOST_TEST(run.err.find("nested more than 64 deep") != std::string::npos, run.err);
}

BOOST_AUTO_TEST_CASE(counts_only_brackets_outside_strings_towards_the_depth) {
  const HttpRequest request{"GET", kBase + "license_list", {}, ""};
  const std::string brackets(10'000, '[');
  const auto reply = parse_ckan_reply(
      request,
      {200, R"({"success": true, "result": [{"id": "cc-by", "title": ")" + brackets + R"(\"{["}]})",
       "", ""},
      "Authorization");
  BOOST_TEST_REQUIRE(static_cast<bool>(reply), reply.error.message);
  BOOST_TEST((*reply.result)[0]["title"] == brackets + "\"{[");

  // 64 levels in all, the answer's own object included, are allowed; 65 are not.
  const auto nested = [&](int levels) {
    return parse_ckan_reply(request,
                            {200,
                             R"({"success": true, "result": )" + std::string(levels - 1, '[') +
                                 std::string(levels - 1, ']') + "}",
                             "", ""},
                            "Authorization");
  };
  BOOST_TEST(static_cast<bool>(nested(64)));
  BOOST_TEST(!nested(65));
}

BOOST_AUTO_TEST_CASE(refuses_an_answer_larger_than_the_limit) {
  const HttpRequest request{"GET", kBase + "license_list", {}, ""};
  std::string body = R"({"success": true, "result": [")";
  body += std::string(std::size_t{16} << 20, 'x') + R"("]})";  // README: 16 MiB
  const auto reply = parse_ckan_reply(request, {200, body, "", ""}, "Authorization");
  BOOST_TEST(!reply);
  BOOST_TEST(reply.error.message.find("larger than 16 MiB") != std::string::npos,
             reply.error.message);
}

BOOST_AUTO_TEST_CASE(shows_control_characters_in_the_portals_error_message_as_escapes) {
  auto p = portal();
  p.actions["license_list"] = [](const HttpRequest&) {
    return error(409, {{"__type", "Validation Error"}, {"message", kHostile}});
  };
  const auto run = publish_with(p, {});
  BOOST_TEST(!run.ok);
  BOOST_TEST(terminal_controls_in(run.err) == "", run.err);
  BOOST_TEST(
      run.err.find(R"(\x1b[31mred\x1b]0;owned\x07 \r\x7f \u009b2J end)") != std::string::npos,
      run.err);
}

BOOST_AUTO_TEST_CASE(shows_control_characters_in_field_errors_as_escapes) {
  auto p = portal();
  p.actions["package_show"] = [](const HttpRequest&) {
    return error(404, {{"__type", "Not Found Error"}, {"message", "Not found"}});
  };
  p.actions["package_create"] = [](const HttpRequest&) {
    json e = {{"__type", "Validation Error"}};
    e["name\x1b[2J"] = json::array({"taken\nhyoka publish: created everything"});
    return error(409, e);
  };
  const auto run = publish_with(p, {build_package(config(), dataset(), "test-pref")});
  BOOST_TEST(!run.ok);
  BOOST_TEST(terminal_controls_in(run.err) == "", run.err);
  // The portal's line break stays inside the one line it sent, so it cannot fake another.
  BOOST_TEST(
      run.err.find(R"(name\x1b[2J: taken\nhyoka publish: created everything)") != std::string::npos,
      run.err);
}

BOOST_AUTO_TEST_CASE(shows_control_characters_in_names_from_the_portal_as_escapes) {
  auto p = portal();
  const auto wanted = build_package(config(), dataset(), "test-pref");
  json existing = existing_package(wanted);
  existing["owner_org"] = "other-uuid";
  existing["organization"] = {{"id", "other-uuid"}, {"name", "other\x1b]0;x\x07"}};
  p.actions["package_show"] = [&](const HttpRequest&) { return ok(existing); };
  const auto run = publish_with(p, {wanted});
  BOOST_TEST(!run.ok);
  BOOST_TEST(terminal_controls_in(run.err) == "", run.err);
  BOOST_TEST(run.err.find(R"(other\x1b]0;x\x07)") != std::string::npos, run.err);
}

BOOST_AUTO_TEST_CASE(shows_control_characters_in_a_page_that_is_not_ckans_as_escapes) {
  auto p = portal();
  p.actions["license_list"] = [](const HttpRequest&) {
    return HttpResponse{502, "<html>" + kHostile + " \xff</html>", "", ""};
  };
  const auto run = publish_with(p, {});
  BOOST_TEST(terminal_controls_in(run.err) == "", run.err);
  BOOST_TEST(run.err.find(R"(\x1b[31mred)") != std::string::npos, run.err);
  BOOST_TEST(run.err.find(R"(\u009b2J end \xff</html>)") != std::string::npos, run.err);
}

BOOST_AUTO_TEST_CASE(shows_control_characters_in_a_redirects_address_as_escapes) {
  auto p = portal();
  p.actions["license_list"] = [](const HttpRequest&) {
    return HttpResponse{302, "", "https://evil.example/\x1b[8m", ""};
  };
  const auto run = publish_with(p, {});
  BOOST_TEST(terminal_controls_in(run.err) == "", run.err);
  BOOST_TEST(run.err.find(R"(https://evil.example/\x1b[8m)") != std::string::npos, run.err);
}

// --- CKAN portals as they are ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(prints_the_reason_of_an_integrity_error_not_the_request_it_echoes) {
  auto p = portal();
  p.actions["package_show"] = [](const HttpRequest&) {
    return error(404, {{"__type", "Not Found Error"}, {"message", "Not found"}});
  };
  // views/api.py action: a DataError becomes 400 {"__type": "Integrity Error", "message":
  // e.error, "data": request_data}; the message is navl's augment_data.
  p.actions["package_create"] = [](const HttpRequest& r) {
    return error(400, {{"__type", "Integrity Error"},
                       {"message",
                        "Only lists of dicts can be placed against subschema ('tags',), not "
                        "<class 'list'>"},
                       {"data", json::parse(r.body)}});
  };
  const auto run = publish_with(p, {build_package(config(), dataset(), "test-pref")});
  BOOST_TEST(!run.ok);
  BOOST_TEST(run.err ==
                 "hyoka publish: package_create test-achievement: Integrity Error (HTTP 400): "
                 "Only lists of dicts can be placed against subschema ('tags',), not <class "
                 "'list'>\n",
             run.err);
}

BOOST_AUTO_TEST_CASE(prints_a_validation_errors_message_as_well_as_its_fields) {
  auto p = portal();
  p.actions["package_show"] = [](const HttpRequest&) {
    return error(404, {{"__type", "Not Found Error"}, {"message", "Not found"}});
  };
  // logic/__init__.py ValidationError keeps a "message" beside the fields when given one.
  p.actions["package_create"] = [](const HttpRequest&) {
    return error(409, {{"__type", "Validation Error"},
                       {"message", "The dataset could not be saved"},
                       {"owner_org", json::array({"Organization does not exist"})}});
  };
  const auto run = publish_with(p, {build_package(config(), dataset(), "test-pref")});
  BOOST_TEST(run.err ==
                 "hyoka publish: package_create test-achievement: Validation Error (HTTP 409): "
                 "The dataset could not be saved\n"
                 "hyoka publish: package_create test-achievement: owner_org: Organization does "
                 "not exist\n",
             run.err);
}

BOOST_AUTO_TEST_CASE(sends_the_portals_tags_back_whole_so_vocabulary_tags_survive) {
  auto p = portal();
  const auto wanted = build_package(config(), dataset(), "test-pref");
  json existing = existing_package(wanted);
  // As package_show returns tags (model_dictize.py package_dictize): one of a vocabulary.
  const json vocabulary_tag = {{"id", "t2"},
                               {"name", "福島県"},
                               {"display_name", "福島県"},
                               {"state", "active"},
                               {"vocabulary_id", "v1"}};
  existing["tags"] = json::array({{{"id", "t1"},
                                   {"name", "ICT"},
                                   {"display_name", "ICT"},
                                   {"state", "active"},
                                   {"vocabulary_id", nullptr}},
                                  vocabulary_tag});
  p.actions["package_show"] = [&](const HttpRequest&) { return ok(existing); };
  json patch;
  p.actions["package_patch"] = [&](const HttpRequest& r) {
    patch = json::parse(r.body);
    return ok(patch);
  };
  const auto run = publish_with(p, {wanted});
  BOOST_TEST(run.ok, run.err);
  BOOST_REQUIRE(patch.contains("tags"));
  // package_tag_list_save finds a tag by id, else by (name, vocabulary_id): a vocabulary tag
  // sent back as {"name": …} alone would become a free tag.
  BOOST_TEST(patch["tags"].size() == 3u);
  BOOST_TEST(patch["tags"][0] == existing["tags"][0]);
  BOOST_TEST(patch["tags"][1] == vocabulary_tag);
  BOOST_TEST(patch["tags"][2] == json({{"name", "政策評価"}}));
}

BOOST_AUTO_TEST_CASE(says_a_name_refused_by_package_show_may_be_held_by_a_hidden_dataset) {
  auto p = portal();
  // auth/get.py package_show: another organization's private dataset is not readable.
  p.actions["package_show"] = [](const HttpRequest&) {
    return error(403, {{"__type", "Authorization Error"},
                       {"message",
                        "Access denied: User hyoka-bot not authorized to read package "
                        "5d5b1a9e"}});
  };
  const auto run = publish_with(p, {build_package(config(), dataset(), "test-pref")});
  BOOST_TEST(!run.ok);
  BOOST_TEST(run.err.find("a dataset this token may not see") != std::string::npos, run.err);
  BOOST_TEST(run.err.find("name_prefix") != std::string::npos, run.err);
  BOOST_TEST(run.err.find("check CKAN_API_TOKEN") == std::string::npos, run.err);
  BOOST_TEST(p.called().back() == "package_show");
}

BOOST_AUTO_TEST_CASE(sends_issued_and_modified_as_fields_to_a_portal_whose_schema_has_them) {
  auto p = portal();
  // ckanext-scheming's scheming_dataset_schema_show with ckanext-dcat's dcat_ap_full.yaml.
  p.actions["scheming_dataset_schema_show"] = [](const HttpRequest&) {
    return ok(json::parse(R"({"scheming_version": 2, "dataset_type": "dataset",
        "dataset_fields": [{"field_name": "title", "required": true},
                           {"field_name": "name"}, {"field_name": "notes", "required": true},
                           {"field_name": "issued", "preset": "dcat_date"},
                           {"field_name": "modified", "preset": "dcat_date"}],
        "resource_fields": [{"field_name": "url"}]})"));
  };
  p.actions["package_show"] = [](const HttpRequest&) {
    return error(404, {{"__type", "Not Found Error"}, {"message", "Not found"}});
  };
  json created;
  p.actions["package_create"] = [&](const HttpRequest& r) {
    created = json::parse(r.body);
    // validators.py extra_key_not_in_root_schema, with scheming's fields among the keys.
    for (const auto& extra : created["extras"]) {
      if (extra["key"] == "issued" || extra["key"] == "modified") {
        return error(409, json::parse(R"({"__type": "Validation Error", "extras":
            [{"key": ["There is a schema field with the same name"]}]})"));
      }
    }
    return ok(created);
  };
  auto c = config();
  c.open_data.modified = "2024-03-31";
  const auto run = publish_with(p, {build_package(c, dataset(), "test-pref")});
  BOOST_TEST(run.ok, run.err);
  BOOST_TEST(created["issued"] == "2022-06-01");
  BOOST_TEST(created["modified"] == "2024-03-31");
  BOOST_TEST(created["extras"].dump().find("temporal_start") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(takes_the_tags_ckan_takes) {
  // logic/validators.py tag_name_validator: re.match(r'[\w \-.]*$') in Python, whose \w is
  // str.isalnum() or '_' in any script; tag_length_validator: 2 to 100 characters.
  for (const std::string tag :
       {"政策評価", "データ利活用", "Society5.0", "ふくしま", "a b", "x-y_z.w", "０１２", "人々",
        "Ⅻ年", "①②", "ＩＣＴ", "〇一", "café"}) {
    BOOST_TEST(!ckan_tag_problem(tag), tag);
  }
  // 100 kanji are 300 bytes: CKAN counts characters.
  std::string hundred;
  for (int i = 0; i < 100; ++i) hundred += "評";
  BOOST_TEST(!ckan_tag_problem(hundred));
}

BOOST_AUTO_TEST_CASE(refuses_the_tags_ckan_refuses_and_says_why) {
  BOOST_TEST(*ckan_tag_problem("政策・評価") ==
             "「・」 (U+30FB) is not allowed: CKAN tags hold letters and digits of any script, "
             "spaces, and - _ .");
  BOOST_TEST(ckan_tag_problem("政策\u3000評価")->starts_with("「\u3000」 (U+3000)"));
  BOOST_TEST(ckan_tag_problem("（仮）")->starts_with("「（」 (U+FF08)"));
  BOOST_TEST(ckan_tag_problem("ICT／IoT")->starts_with("「／」 (U+FF0F)"));
  BOOST_TEST(ckan_tag_problem("ICT/IoT")->starts_with("「/」 (U+002F)"));
  BOOST_TEST(ckan_tag_problem("Ａ＿Ｂ")->starts_with("「＿」 (U+FF3F)"));
  // A combining accent is a mark, not a letter, for Python's \w.
  BOOST_TEST(ckan_tag_problem("cafe\u0301")->starts_with("「\u0301」 (U+0301)"));
  BOOST_TEST(ckan_tag_problem("x\ty")->starts_with("U+0009 is not allowed"));
  BOOST_TEST(*ckan_tag_problem("a") == "CKAN tags are at least 2 characters long");
  std::string long_tag;
  for (int i = 0; i < 101; ++i) long_tag += "評";
  BOOST_TEST(*ckan_tag_problem(long_tag) ==
             "CKAN tags are at most 100 characters long, and this one has 101");
}

BOOST_AUTO_TEST_CASE(hyoka_check_warns_at_the_line_of_a_keyword_ckan_refuses) {
  const SourceText source("site.toml",
                          "title = \"t\"\n"
                          "base_url = \"https://example.jp/\"\n"
                          "[open_data]\n"
                          "keywords = [\"ICT\", \"政策・評価\"]\n");
  Diagnostics diags;
  BOOST_REQUIRE(parse_config(source, diags));
  BOOST_REQUIRE(diags.all().size() == 1u);
  const auto& d = diags.all().front();
  BOOST_TEST((d.severity == Severity::warning));
  BOOST_TEST(d.position.line == 4);
  BOOST_TEST(d.position.column == 20);
  BOOST_TEST(
      d.message ==
      "keyword \"政策・評価\" cannot be a CKAN tag: 「・」 (U+30FB) is not allowed: CKAN tags "
      "hold letters and digits of any script, spaces, and - _ . (hyoka publish refuses "
      "it)");
}

// --- Planning before the first write -----------------------------------------------------------

namespace {

const PlanTarget kStock{"test-pref", "org-uuid", {}};

CkanReply shown(const json& package) {
  return {package, {}};
}

CkanReply refused(CkanError::Kind kind) {
  CkanReply reply;
  reply.error.kind = kind;
  reply.error.message = "refused";
  return reply;
}

// The sample package as it stood on the portal when the site was at another address.
json moved_package(const CkanPackage& wanted, const std::string& earlier) {
  json existing = existing_package(wanted);
  for (auto& resource : existing["resources"]) {
    std::string url = resource["url"];
    resource["url"] = earlier + url.substr(wanted.base_url.size());
  }
  return existing;
}

}  // namespace

BOOST_AUTO_TEST_CASE(plans_a_create_for_a_missing_or_deleted_dataset) {
  const auto wanted = build_package(config(), dataset(), "test-pref");
  const auto missing = plan_dataset(wanted, refused(CkanError::Kind::not_found), kStock);
  BOOST_TEST((missing.kind == DatasetPlan::Kind::create));
  BOOST_TEST(missing.create["resources"].size() == 3u);
  BOOST_TEST(missing.notes.empty());
  json deleted = existing_package(wanted);
  deleted["state"] = "deleted";
  deleted["owner_org"] = "other-uuid";  // CKAN frees the name whoever deleted it
  const auto again = plan_dataset(wanted, shown(deleted), kStock);
  BOOST_TEST((again.kind == DatasetPlan::Kind::create));
  BOOST_TEST(again.notes.size() == 1u);
}

BOOST_AUTO_TEST_CASE(plans_nothing_for_a_dataset_that_matches_and_notes_a_draft) {
  const auto wanted = build_package(config(), dataset(), "test-pref");
  json existing = existing_package(wanted);
  existing["state"] = "draft";
  const auto plan = plan_dataset(wanted, shown(existing), kStock);
  BOOST_TEST((plan.kind == DatasetPlan::Kind::up_to_date));
  BOOST_TEST(plan.notes.front().starts_with("a draft on the portal"));
}

BOOST_AUTO_TEST_CASE(moves_a_resource_found_under_the_sites_earlier_address) {
  const auto wanted = build_package(config(), dataset(), "test-pref");
  const json existing = moved_package(wanted, "https://old.example.jp/test/");
  const auto plan = plan_dataset(wanted, shown(existing), kStock);
  BOOST_TEST((plan.kind == DatasetPlan::Kind::update));
  BOOST_REQUIRE(plan.resources.size() == 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    BOOST_TEST(plan.resources[i].action == "resource_patch");
    BOOST_TEST(plan.resources[i].body ==
               json({{"id", "res-" + std::to_string(i)}, {"url", wanted.resources[i]["url"]}}));
    BOOST_TEST(plan.resources[i].moved_from == existing["resources"][i]["url"]);
  }
}

BOOST_AUTO_TEST_CASE(moves_nothing_that_merely_resembles_the_sites_file) {
  const auto wanted = build_package(config(), dataset(), "test-pref");
  json existing = existing_package(wanted);
  const json csv = existing["resources"][0];
  existing["resources"] = json::array();
  // A copy elsewhere with the same file name but not the site's path; the right path with
  // another format; and two candidates at once, of which hyoka cannot choose.
  existing["resources"].push_back(
      {{"id", "a"}, {"url", "https://example.jp/files/achievement.csv"}, {"format", "CSV"}});
  existing["resources"].push_back(
      {{"id", "b"}, {"url", "https://old.example.jp/data/achievement.json"}, {"format", "CSV"}});
  existing["resources"].push_back(
      {{"id", "c"}, {"url", "https://one.example.jp/data/achievement/"}, {"format", "HTML"}});
  existing["resources"].push_back(
      {{"id", "d"}, {"url", "https://two.example.jp/data/achievement"}, {"format", "HTML"}});
  const auto plan = plan_dataset(wanted, shown(existing), kStock);
  BOOST_REQUIRE(plan.resources.size() == 3u);
  for (const auto& write : plan.resources) {
    BOOST_TEST(write.action == "resource_create");
    BOOST_TEST(write.moved_from.empty());
  }
  // The landing page's resource at the exact address is matched, not moved.
  existing["resources"].push_back(csv);
  BOOST_TEST(plan_dataset(wanted, shown(existing), kStock).resources.size() == 2u);
}

BOOST_AUTO_TEST_CASE(blocks_a_dataset_that_would_lack_a_field_the_portal_requires) {
  const auto wanted = build_package(config(), dataset(), "test-pref");
  PlanTarget multilingual = kStock;
  multilingual.schema.scheming = true;
  multilingual.schema.required_dataset_fields = {"title", "notes", "title_translated",
                                                 "tag_string"};
  multilingual.schema.required_resource_fields = {"url", "name_translated"};
  const auto plan = plan_dataset(wanted, refused(CkanError::Kind::not_found), multilingual);
  BOOST_TEST((plan.kind == DatasetPlan::Kind::blocked));
  BOOST_TEST(plan.problem ==
                 "test-achievement: the portal's dataset schema (ckanext-scheming) requires "
                 "title_translated, resources[0].name_translated, resources[1].name_translated, "
                 "resources[2].name_translated, which hyoka cannot fill, so the portal would "
                 "refuse the dataset; fill them on the portal first, or ask its administrators "
                 "which schema fits",
             plan.problem);
  // An existing dataset whose staff filled them is updated; an up-to-date one is left alone.
  multilingual.schema.required_resource_fields = {"url"};
  json existing = existing_package(wanted);
  existing["title"] = "古い題名";
  existing["title_translated"] = {{"ja", "古い題名"}};
  BOOST_TEST(
      (plan_dataset(wanted, shown(existing), multilingual).kind == DatasetPlan::Kind::update));
  existing.erase("title_translated");
  BOOST_TEST(
      (plan_dataset(wanted, shown(existing), multilingual).kind == DatasetPlan::Kind::blocked));
}

BOOST_AUTO_TEST_CASE(reads_required_fields_and_field_names_from_a_scheming_schema) {
  const auto schema = read_dataset_schema(json::parse(R"({"dataset_fields": [
      {"field_name": "title", "required": true}, {"field_name": "name",
       "validators": "not_empty unicode_safe name_validator"}, {"field_name": "issued"},
      {"field_name": "notes", "required": false}, {"label": "no name"}, 3],
      "resource_fields": [{"field_name": "url", "required": true}]})"));
  BOOST_TEST(schema.scheming);
  BOOST_TEST(schema.has_field("issued"));
  BOOST_TEST(!schema.has_field("modified"));
  BOOST_TEST(schema.required_dataset_fields == (std::vector<std::string>{"title", "name"}),
             boost::test_tools::per_element());
  BOOST_TEST(schema.required_resource_fields == std::vector<std::string>{"url"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(strips_the_title_as_ckan_shows_it) {
  auto d = dataset();
  d.title = "\u3000 事業の達成状況\u3000\n";
  const auto package = build_package(config(), d, "test-pref");
  BOOST_TEST(package.fields["title"] == "事業の達成状況");
  BOOST_TEST(package.resources[0]["name"] == "事業の達成状況（CSV）");
}

BOOST_AUTO_TEST_CASE(lists_the_organizations_datasets_under_the_prefix_the_site_lacks) {
  auto p = portal();
  p.actions["package_show"] = [](const HttpRequest&) {
    return error(404, {{"__type", "Not Found Error"}, {"message", "Not found"}});
  };
  p.actions["package_create"] = [](const HttpRequest& r) { return ok(json::parse(r.body)); };
  p.actions["package_search"] = [](const HttpRequest& r) {
    BOOST_TEST(r.url.find("fq=owner_org%3A%22org-uuid%22") != std::string::npos, r.url);
    return ok(json::parse(R"({"count": 3, "results": [
        {"name": "test-achievement"}, {"name": "test-old", "title": "旧\u001b[2J"},
        {"name": "testing-other"}]})"));
  };
  const auto run = publish_with(p, {build_package(config(), dataset(), "test-pref")});
  BOOST_TEST(run.ok, run.err);
  BOOST_TEST(run.log.find("the portal has 1 dataset under name_prefix \"test\" that the site no "
                          "longer has; hyoka deletes nothing, so delete it on the portal if it is "
                          "no longer wanted: test-old (旧\\x1b[2J)") != std::string::npos,
             run.log);
}

BOOST_AUTO_TEST_CASE(dry_run_shows_the_portals_titles_with_control_characters_escaped) {
  auto p = portal();
  const auto wanted = build_package(config(), dataset(), "test-pref");
  json existing = existing_package(wanted);
  existing["title"] = "\x1b]0;owned\x07";
  p.actions["package_show"] = [&](const HttpRequest&) { return ok(existing); };
  const auto run = publish_with(p, {wanted}, "cc-by", /*dry_run=*/true);
  BOOST_TEST(run.ok, run.err);
  BOOST_TEST(nothing_written(p));
  BOOST_TEST(terminal_controls_in(run.log) == "", run.log);
  BOOST_TEST(run.log.find("would change (package_patch: title):\n"
                          "#   title: \"\\u001b]0;owned\\u0007\" → \"事業の達成状況\"\n"
                          "# would send:\nPOST ") != std::string::npos,
             run.log);
}
