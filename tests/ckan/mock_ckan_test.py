"""Tests of mock_ckan.py: that it does what CKAN does, so that hyoka's tests against it mean
something. Each expectation comes from the CKAN function named beside it (ckan/ckan 2.10.10
and 2.11.5, ckanext-scheming, ckanext-dcat), never from hyoka.

Usage: python3 mock_ckan_test.py (ctest runs it as ckan_mock_test).
"""

import json
import os
import sys
import unittest
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mock_ckan import CkanError, MockCkan, Portal  # noqa: E402

TOKEN = "mock-test-token"
BOT = "hyoka-bot"


def dataset(**fields):
    package = {"name": "test-achievement", "title": "事業の達成状況", "owner_org": "fukushima-pref",
               "tags": [{"name": "ICT"}], "extras": [{"key": "spatial", "value": "福島県"}],
               "resources": [{"url": "https://example.jp/a.csv", "format": "csv"}]}
    package.update(fields)
    return package


class MockCkanTest(unittest.TestCase):
    def setUp(self):
        self.portal = Portal(TOKEN)

    def tearDown(self):
        self.assertEqual(self.portal.violations, [])

    def call(self, action, data, user=BOT):
        return self.portal.call(action, data, user)

    def error(self, action, data, user=BOT):
        with self.assertRaises(CkanError) as caught:
            self.call(action, data, user)
        return caught.exception

    # -- organizations and permissions --------------------------------------------------------
    def test_lists_the_organizations_where_the_user_may_create_datasets(self):
        # get.py organization_list_for_user; authz.py ROLE_PERMISSIONS: an editor has
        # create_dataset, a member only read; anonymous callers get [].
        portal = Portal(TOKEN, members={"fukushima-pref": "editor", "other-city": "member"})
        mine = portal.call("organization_list_for_user", {"permission": "create_dataset"}, BOT)
        self.assertEqual([(o["name"], o["capacity"]) for o in mine], [("fukushima-pref", "editor")])
        readable = portal.call("organization_list_for_user", {"permission": "read"}, BOT)
        self.assertEqual(sorted(o["name"] for o in readable), ["fukushima-pref", "other-city"])
        self.assertEqual(portal.call("organization_list_for_user", {}, ""), [])

    def test_refuses_a_dataset_in_an_organization_the_user_is_not_in(self):
        # auth/create.py package_create: "User %s not authorized to add dataset to this
        # organization", 403 (views/api.py).
        e = self.error("package_create", dataset(owner_org="other-city"))
        self.assertEqual(e.status, 403)
        self.assertEqual(e.error, {"__type": "Authorization Error", "message":
                                   "Access denied: User hyoka-bot not authorized to add dataset "
                                   "to this organization"})
        self.assertEqual(self.error("package_create", dataset(), user="").status, 403)

    # -- private, draft, deleted --------------------------------------------------------------
    def test_hides_private_draft_and_deleted_datasets_of_other_organizations(self):
        # lib/plugins.py DefaultPermissionLabels + auth/get.py package_show: 403; a dataset
        # that does not exist at all is 404 (get.py package_show raises NotFound first).
        for state, private in (("active", True), ("draft", False), ("deleted", False)):
            package = self.portal.add_package("other-" + state, "other-city", state=state,
                                              private=private)
            e = self.error("package_show", {"id": "other-" + state})
            self.assertEqual(e.status, 403, state)
            self.assertEqual(e.error["message"], "Access denied: User hyoka-bot not authorized "
                             "to read package " + package["id"])
        self.portal.add_package("public", "other-city")
        self.assertEqual(self.call("package_show", {"id": "public"})["name"], "public")
        e = self.error("package_show", {"id": "missing"})
        self.assertEqual((e.status, e.error), (404, {"__type": "Not Found Error",
                                                     "message": "Not found"}))

    def test_shows_its_own_organizations_deleted_dataset(self):
        self.portal.add_package("test-achievement", "fukushima-pref", state="deleted")
        self.assertEqual(self.call("package_show", {"id": "test-achievement"})["state"],
                         "deleted")

    def test_lets_a_new_dataset_take_the_name_of_a_deleted_one(self):
        # validators.py package_name_validator skips deleted datasets; dictization
        # table_dict_save renames the deleted one to its id.
        old = self.portal.add_package("test-achievement", "other-city", state="deleted")
        created = self.call("package_create", dataset())
        self.assertNotEqual(created["id"], old["id"])
        self.assertEqual(old["name"], old["id"])
        self.assertEqual(self.call("package_show", {"id": "test-achievement"})["id"],
                         created["id"])

    def test_a_private_or_draft_dataset_keeps_its_name(self):
        self.portal.add_package("test-achievement", "other-city", private=True)
        e = self.error("package_create", dataset())
        self.assertEqual((e.status, e.error["name"]), (409, ["That URL is already in use."]))

    # -- tags ---------------------------------------------------------------------------------
    def test_keeps_a_vocabulary_tag_sent_back_whole_and_drops_one_sent_by_name(self):
        # model_save.py package_tag_list_save keys tags by (name, vocabulary_id).
        vocabulary = self.portal.add_vocabulary("prefectures")
        self.portal.add_package("test-achievement", "fukushima-pref", tags=[
            {"name": "福島県", "vocabulary_id": vocabulary}])
        shown = self.call("package_show", {"id": "test-achievement"})
        self.call("package_patch", {"id": shown["id"], "tags": shown["tags"] + [{"name": "ICT"}]})
        tags = self.call("package_show", {"id": "test-achievement"})["tags"]
        self.assertEqual([(t["name"], t["vocabulary_id"]) for t in tags],
                         [("ICT", None), ("福島県", vocabulary)])
        self.call("package_patch", {"id": shown["id"],
                                    "tags": [{"name": "ICT"}, {"name": "福島県"}]})
        tags = self.call("package_show", {"id": "test-achievement"})["tags"]
        self.assertEqual([(t["name"], t["vocabulary_id"]) for t in tags],
                         [("ICT", None), ("福島県", None)])

    def test_refuses_tags_with_ckan_2_10s_wording(self):
        # validators.py tag_name_validator and tag_length_validator (2.10); logic/__init__.py
        # ValidationError joins each tag's messages into one string.
        e = self.error("package_create", dataset(tags=[{"name": "ICT/IoT"}, {"name": "x"},
                                                       {"name": "政策評価"}]))
        self.assertEqual(e.status, 409)
        self.assertEqual(e.error["tags"], [
            'Tag "ICT/IoT" can only contain alphanumeric characters, spaces (" "), hyphens '
            '("-"), underscores ("_") or dots (".")',
            'Tag "x" length is less than minimum 2'])

    # -- answers that are not validation errors -----------------------------------------------
    def test_answers_an_unknown_action_with_a_bare_string(self):
        # views/api.py action → _finish_bad_request: 400 and a JSON string.
        mock = MockCkan(TOKEN).start()
        try:
            request = urllib.request.Request(
                mock.url + "/api/3/action/scheming_dataset_schema_show?type=dataset")
            with self.assertRaises(urllib.error.HTTPError) as caught:
                urllib.request.urlopen(request)
            self.assertEqual(caught.exception.code, 400)
            self.assertEqual(json.loads(caught.exception.read()),
                             "Bad request - Action name not known: scheming_dataset_schema_show")
        finally:
            mock.stop()

    def test_answers_a_list_of_strings_for_tags_with_an_integrity_error(self):
        # navl/dictization_functions.py augment_data raises DataError; views/api.py answers
        # 400 {"__type": "Integrity Error", "message": …, "data": the request}.
        request = dataset(tags=["ICT"])
        e = self.error("package_create", request)
        self.assertEqual(e.status, 400)
        self.assertEqual(e.error, {
            "__type": "Integrity Error",
            "message": "Only lists of dicts can be placed against subschema ('tags',), "
                       "not <class 'list'>",
            "data": request})
        e = self.error("package_create", dataset(extras=[{"key": "a", "value": "b"}, "c"]))
        self.assertEqual(e.error["message"], "Values in lists need to be dicts")

    # -- what a save changes ------------------------------------------------------------------
    def test_normalises_what_it_saves_as_ckan_does(self):
        # validators.py clean_format; model_dictize.py package_dictize (title stripped, tags
        # by name, extras by key) and resource_dictize (http:// before a URL with no scheme).
        self.call("package_create", dataset(
            title="\u3000事業の達成状況 ", tags=[{"name": "政策評価"}, {"name": "ICT"}],
            extras=[{"key": "temporal_start", "value": "2019-04-01"},
                    {"key": "issued", "value": "2022-06-01"}],
            resources=[{"url": "example.jp/a.json", "format": "application/json"},
                       {"url": " https://example.jp/a.csv ", "format": "csv"}]))
        shown = self.call("package_show", {"id": "test-achievement"})
        self.assertEqual(shown["title"], "事業の達成状況")
        self.assertEqual([t["name"] for t in shown["tags"]], ["ICT", "政策評価"])
        self.assertEqual([e["key"] for e in shown["extras"]], ["issued", "temporal_start"])
        self.assertEqual([(r["url"], r["format"]) for r in shown["resources"]],
                         [("http://example.jp/a.json", "JSON"),
                          ("https://example.jp/a.csv", "CSV")])

    def test_resource_writes_validate_the_whole_dataset(self):
        # update.py resource_update and create.py resource_create call package_update on the
        # whole dataset; a ValidationError elsewhere comes back whole.
        portal = Portal(TOKEN, scheming="dcat")
        package = portal.add_package("test-achievement", "fukushima-pref", notes="",
                                     resources=[{"url": "https://example.jp/a.csv"}])
        with self.assertRaises(CkanError) as caught:
            portal.call("resource_patch", {"id": package["resources"][0]["id"], "name": "a"}, BOT)
        self.assertEqual(caught.exception.error, {"__type": "Validation Error",
                                                  "notes": ["Missing value"]})
        with self.assertRaises(CkanError) as caught:
            portal.call("resource_create", {"package_id": package["id"],
                                            "url": "https://example.jp/b.csv"}, BOT)
        self.assertEqual(caught.exception.error["notes"], ["Missing value"])

    # -- ckanext-scheming with ckanext-dcat ---------------------------------------------------
    def test_a_dcat_schema_makes_issued_and_modified_dataset_fields(self):
        # validators.py extra_key_not_in_root_schema, with the schema keys ckanext-scheming's
        # validate adds; convert_to_extras / convert_from_extras store and show the fields.
        portal = Portal(TOKEN, scheming="dcat")
        with self.assertRaises(CkanError) as caught:
            portal.call("package_create", dataset(notes="n", extras=[
                {"key": "spatial", "value": "福島県"}, {"key": "issued", "value": "2022-06-01"}]),
                        BOT)
        self.assertEqual(caught.exception.error, {
            "__type": "Validation Error",
            "extras": [{}, {"key": ["There is a schema field with the same name"]}]})
        portal.call("package_create", dataset(notes="n", issued="2022-06-01"), BOT)
        shown = portal.call("package_show", {"id": "test-achievement"}, BOT)
        self.assertEqual(shown["issued"], "2022-06-01")
        self.assertEqual(shown["extras"], [{"key": "spatial", "value": "福島県"}])
        schema = portal.call("scheming_dataset_schema_show", {"type": "dataset"}, BOT)
        self.assertIn("modified", [f["field_name"] for f in schema["dataset_fields"]])
        self.assertEqual(portal.violations, [])

    def test_a_stock_portal_does_not_know_scheming(self):
        e = self.error("scheming_dataset_schema_show", {"type": "dataset"})
        self.assertEqual((e.status, e.error),
                         (400, "Bad request - Action name not known: scheming_dataset_schema_show"))

    # -- the token header ---------------------------------------------------------------------
    def test_reads_the_token_as_ckan_2_10_and_2_11_do(self):
        # views/__init__.py _get_user_for_apitoken: 2.10 reads apikey_header_name, then a raw
        # Authorization; 2.11 only apitoken_header_name.
        for version, header, authorized in (("2.10.4", "Authorization", True),
                                            ("2.11.5", "Authorization", False),
                                            ("2.11.5", "X-CKAN-API-Token", True)):
            mock = MockCkan(TOKEN, token_header="X-CKAN-API-Token", ckan_version=version).start()
            try:
                request = urllib.request.Request(
                    mock.url + "/api/3/action/organization_list_for_user?permission=read",
                    headers={header: TOKEN})
                with urllib.request.urlopen(request) as answer:
                    result = json.loads(answer.read())["result"]
                self.assertEqual(bool(result), authorized, (version, header))
            finally:
                mock.stop()


if __name__ == "__main__":
    unittest.main(verbosity=2)
