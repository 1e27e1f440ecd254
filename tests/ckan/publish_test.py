"""End-to-end tests of `hyoka publish` against the mock CKAN portal in mock_ckan.py.

Usage: python3 publish_test.py HYOKA_BINARY SOURCE_DIR (ctest runs it as publish_e2e_test).
Every run of hyoka is checked for the token in its stdout and stderr, and the site's folder
(with a site built while CKAN_API_TOKEN was set) is searched for it at the end.
"""

import http.server
import json
import os
import secrets
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from mock_ckan import READ_ACTIONS, MockCkan  # noqa: E402

HYOKA = sys.argv[1] if len(sys.argv) > 1 else "build/generator/hyoka"
SOURCE = sys.argv[2] if len(sys.argv) > 2 else "."
TOKEN = "hyoka-e2e-" + secrets.token_hex(16)
NAME = "fukushima-ict-achievement"


def copy_site(to):
    os.makedirs(to)
    shutil.copy(os.path.join(SOURCE, "site.toml"), to)
    shutil.copytree(os.path.join(SOURCE, "content"), os.path.join(to, "content"))
    shutil.copytree(os.path.join(SOURCE, "themes"), os.path.join(to, "themes"))


def edit(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text, old
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new))


class HostilePortal:
    """A portal that answers every request with what `answer` sends: `send(status, body,
    length=None)` writes a body (or, with body None, an endless one of JSON text) and counts
    the bytes the client took before it hung up."""

    def __init__(self, answer):
        portal = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send(self, status, body, length=None):
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                if body is not None:
                    length = len(body)
                if length is not None:
                    self.send_header("Content-Length", str(length))
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    if body is not None:
                        self.wfile.write(body)
                        portal.sent += len(body)
                        return
                    self.wfile.write(b'{"success": true, "result": ["')
                    chunk = b"x" * (1 << 16)
                    while portal.sent < (256 << 20):  # enough to tell a limit from none
                        self.wfile.write(chunk)
                        portal.sent += len(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self):
                answer(self.send)

            do_POST = do_GET

        self.sent = 0
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = "http://127.0.0.1:{}/data".format(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,),
                                       daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


class PublishTest(unittest.TestCase):
    outputs = []  # every stdout and stderr, searched for the token at the end

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="hyoka-publish-")
        cls.site = os.path.join(cls.tmp, "site")
        copy_site(cls.site)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def setUp(self):
        self.mock = MockCkan(TOKEN).start()

    def tearDown(self):
        self.mock.stop()
        self.assertEqual(self.mock.portal.violations, [])

    def hyoka(self, *args, token=TOKEN, site=None, timeout=30):
        env = dict(os.environ)
        env.pop("CKAN_API_TOKEN", None)
        if token is not None:
            env["CKAN_API_TOKEN"] = token
        run = subprocess.run([HYOKA, "publish", "--source", site or self.site, *args],
                             capture_output=True, text=True, env=env, timeout=timeout)
        PublishTest.outputs += [run.stdout, run.stderr]
        self.assertNotIn(TOKEN, run.stdout + run.stderr)
        return run

    def publish(self, *args, url=None, **kwargs):
        return self.hyoka("--ckan", url or self.mock.url, "--organization", "fukushima-pref",
                          *args, **kwargs)

    def package(self):
        """The dataset as package_show shows it, or None."""
        stored = self.mock.portal.find_package(NAME)
        return self.mock.portal.dictize(stored) if stored else None

    def writes(self):
        return [a for a, _ in self.mock.portal.requests if a not in READ_ACTIONS]

    def assert_second_run_writes_nothing(self, *args, **kwargs):
        """After any scenario, the portal as CKAN left it matches the site: a run sends no
        write, or some normalisation of CKAN's would make every run write again."""
        before = self.writes()
        run = self.publish(*args, **kwargs)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(self.writes(), before)
        self.assertIn(NAME + " is up to date", run.stdout)

    def test_creates_then_patches_without_duplicating_resources(self):
        first = self.publish()
        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertIn("created " + NAME + " (4 resources)", first.stdout)
        package = self.package()
        self.assertEqual(package["title"], "施策展開方向毎の事業の達成状況")
        self.assertEqual(package["license_id"], "cc-by")
        self.assertEqual(package["organization"]["name"], "fukushima-pref")
        self.assertEqual(package["url"], "https://example.github.io/fukushima-ict/data/achievement/")
        # package_dictize sorts tags by name.
        self.assertEqual([t["name"] for t in package["tags"]],
                         ["ICT", "Society5.0", "データ利活用", "政策評価"])
        self.assertEqual([(r["format"], r["mimetype"], r["url"]) for r in package["resources"]], [
            ("CSV", "text/csv", "https://example.github.io/fukushima-ict/data/achievement.csv"),
            ("CSV", "text/csv",
             "https://example.github.io/fukushima-ict/data/achievement-excel.csv"),
            ("JSON", "application/json",
             "https://example.github.io/fukushima-ict/data/achievement.json"),
            ("HTML", "text/html", "https://example.github.io/fukushima-ict/data/achievement/"),
        ])
        ids = [r["id"] for r in package["resources"]]
        # The token went in the header, raw: the portal saw an authorized caller.
        self.assertTrue(all(authorized for _, authorized in self.mock.portal.requests))

        # Portal staff add a tag and a resource of their own; a second run keeps both.
        stored = self.mock.portal.find_package(NAME)
        stored["tags"].append({"id": "staff-tag", "name": "福島県", "vocabulary_id": None})
        stored["resources"].append({"id": "staff", "url": "https://example.jp/x.pdf",
                                    "format": "PDF", "package_id": stored["id"]})
        second = self.publish()
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertIn(NAME + " is up to date", second.stdout)
        actions = [action for action, _ in self.mock.portal.requests]
        self.assertNotIn("package_update", actions)
        self.assertEqual(actions.count("package_create"), 1)
        self.assertEqual(len(self.package()["resources"]), 5)

        # A changed title: package_patch for the package, resource_patch for every resource.
        edit(os.path.join(self.site, "content/data/achievement.toml"),
             'title = "施策展開方向毎の事業の達成状況"', 'title = "施策展開方向ごとの事業の達成状況"')
        try:
            third = self.publish()
            self.assert_second_run_writes_nothing()
        finally:
            edit(os.path.join(self.site, "content/data/achievement.toml"),
                 'title = "施策展開方向ごとの事業の達成状況"', 'title = "施策展開方向毎の事業の達成状況"')
        self.assertEqual(third.returncode, 0, third.stderr)
        self.assertIn("updated " + NAME, third.stdout)
        package = self.package()
        self.assertEqual(package["title"], "施策展開方向ごとの事業の達成状況")
        self.assertEqual([r["id"] for r in package["resources"]], ids + ["staff"])
        self.assertEqual(package["resources"][0]["name"], "施策展開方向ごとの事業の達成状況（CSV）")
        self.assertIn("福島県", [t["name"] for t in package["tags"]])
        actions = [action for action, _ in self.mock.portal.requests]
        self.assertEqual(actions.count("package_patch"), 1)
        self.assertEqual(actions.count("resource_patch"), 4)
        self.assertEqual(actions.count("resource_create"), 0)

    def test_keeps_the_portals_vocabulary_tags_when_it_adds_a_tag(self):
        self.assertEqual(self.publish().returncode, 0)
        # Staff file the dataset under a vocabulary tag (tag_create with a vocabulary_id).
        vocabulary = self.mock.portal.add_vocabulary("prefectures")
        self.mock.portal.find_package(NAME)["tags"].append(
            {"id": "vocabulary-tag", "name": "福島県", "vocabulary_id": vocabulary})
        site = os.path.join(self.tmp, "new-keyword")
        copy_site(site)
        edit(os.path.join(site, "site.toml"), '"政策評価"]', '"政策評価", "行政評価"]')
        run = self.publish(site=site)
        self.assertEqual(run.returncode, 0, run.stderr)
        tags = {(t["name"], t["vocabulary_id"]) for t in self.package()["tags"]}
        self.assertIn(("福島県", vocabulary), tags)
        self.assertNotIn(("福島県", None), tags)
        self.assertIn(("行政評価", None), tags)
        self.assert_second_run_writes_nothing(site=site)

    def test_says_a_hidden_dataset_may_hold_the_name(self):
        # Another organization's private dataset: package_show answers 403 (auth/get.py), and
        # package_create would answer "That URL is already in use.".
        self.mock.portal.add_package(NAME, "other-city", private=True)
        run = self.publish()
        self.assertEqual(run.returncode, 1)
        self.assertIn("hyoka publish: package_show " + NAME + ": ", run.stderr)
        self.assertIn("a dataset this token may not see", run.stderr)
        self.assertIn("[publish] name_prefix", run.stderr)
        self.assertNotIn("check CKAN_API_TOKEN", run.stderr)
        self.assertEqual(self.writes(), [])

    def test_sends_issued_and_modified_as_fields_to_a_dcat_schema_portal(self):
        # ckanext-scheming with ckanext-dcat's dcat_ap_full: issued and modified are dataset
        # fields, and extra_key_not_in_root_schema refuses extras of those names.
        self.mock.stop()
        self.mock = MockCkan(TOKEN, scheming="dcat").start()
        run = self.publish()
        self.assertEqual(run.returncode, 0, run.stderr)
        package = self.package()
        self.assertEqual((package["issued"], package["modified"]), ("2022-06-01", "2022-06-01"))
        self.assertEqual([e["key"] for e in package["extras"]],
                         ["publisher_name", "temporal_end", "temporal_start"])
        self.assertEqual(self.writes(), ["package_create"])
        self.assert_second_run_writes_nothing()

    def test_creates_the_dataset_anew_over_a_deleted_one(self):
        # package_name_validator skips deleted datasets; table_dict_save renames the deleted
        # one to its id.
        deleted = self.mock.portal.add_package(NAME, "fukushima-pref", state="deleted",
                                               title="削除済み")
        run = self.publish()
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("created " + NAME + " (4 resources); it was deleted on the portal: CKAN "
                      "gives its name to the new dataset and renames the deleted one to its id",
                      run.stdout)
        self.assertEqual(deleted["name"], deleted["id"])
        self.assertNotEqual(self.package()["id"], deleted["id"])
        self.assert_second_run_writes_nothing()

    def test_says_a_hidden_dataset_may_hold_the_name_whatever_its_state(self):
        for state, private in (("active", True), ("draft", False), ("deleted", False)):
            self.mock.portal.packages.clear()
            self.mock.portal.add_package(NAME, "other-city", state=state, private=private)
            run = self.publish()
            self.assertEqual(run.returncode, 1, state)
            self.assertIn("a dataset this token may not see", run.stderr)
        self.assertEqual(self.writes(), [])

    def test_updates_its_organizations_draft_and_leaves_its_state_alone(self):
        self.mock.portal.add_package(NAME, "fukushima-pref", state="draft", title="下書き")
        run = self.publish()
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("a draft on the portal: its state is left to the portal's staff", run.stdout)
        self.assertEqual(self.package()["state"], "draft")
        self.assertEqual(self.package()["title"], "施策展開方向毎の事業の達成状況")
        self.assert_second_run_writes_nothing()

    def test_reports_fields_a_scheming_portal_requires_before_any_write(self):
        # dcat_ap_multilingual.yaml requires title_translated and notes_translated.
        self.mock.stop()
        self.mock = MockCkan(TOKEN, scheming="multilingual").start()
        run = self.publish()
        self.assertEqual(run.returncode, 1)
        self.assertIn("hyoka publish: " + NAME + ": the portal's dataset schema (ckanext-scheming) "
                      "requires title_translated, notes_translated, which hyoka cannot fill",
                      run.stderr)
        self.assertIn("nothing was written", run.stderr)
        self.assertEqual(self.writes(), [])
        # Once the portal's staff have filled them, hyoka updates the dataset.
        self.mock.portal.add_package(NAME, "fukushima-pref", extras=[
            {"key": "title_translated", "value": '{"ja": "題"}'},
            {"key": "notes_translated", "value": '{"ja": "説明"}'}])
        run = self.publish()
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("updated " + NAME, run.stdout)
        self.assert_second_run_writes_nothing()

    def test_moves_its_resources_when_the_site_moves(self):
        self.assertEqual(self.publish().returncode, 0)
        ids = [r["id"] for r in self.package()["resources"]]
        stored = self.mock.portal.find_package(NAME)
        stored["resources"].append({"id": "staff", "url": "https://example.jp/achievement.csv",
                                    "format": "CSV", "package_id": stored["id"]})
        site = os.path.join(self.tmp, "moved")
        copy_site(site)
        edit(os.path.join(site, "site.toml"), '"https://example.github.io/fukushima-ict/"',
             '"https://opendata.pref.example.jp/ict/"')
        run = self.publish(site=site)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn("moved with the site: https://example.github.io/fukushima-ict/data/"
                      "achievement.csv → https://opendata.pref.example.jp/ict/data/achievement.csv",
                      run.stdout)
        package = self.package()
        self.assertEqual([r["id"] for r in package["resources"]], ids + ["staff"])
        self.assertEqual([r["url"] for r in package["resources"]], [
            "https://opendata.pref.example.jp/ict/data/achievement.csv",
            "https://opendata.pref.example.jp/ict/data/achievement-excel.csv",
            "https://opendata.pref.example.jp/ict/data/achievement.json",
            "https://opendata.pref.example.jp/ict/data/achievement/",
            "https://example.jp/achievement.csv"])
        self.assertEqual(package["url"], "https://opendata.pref.example.jp/ict/data/achievement/")
        self.assert_second_run_writes_nothing(site=site)

    def test_lists_datasets_under_the_prefix_that_the_site_no_longer_has(self):
        portal = self.mock.portal
        portal.add_package("fukushima-ict-old", "fukushima-pref", title="旧データ")
        portal.add_package("fukushima-ict-draft", "fukushima-pref", state="draft", private=True)
        portal.add_package("fukushima-ict-gone", "fukushima-pref", state="deleted")
        portal.add_package("fukushima-ict-theirs", "other-city")
        portal.add_package("fukushima-other", "fukushima-pref")
        run = self.publish()
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertIn('hyoka publish: the portal has 2 datasets under name_prefix "fukushima-ict" '
                      "that the site no longer has; hyoka deletes nothing, so delete them on the "
                      "portal if they are no longer wanted: fukushima-ict-draft "
                      "(fukushima-ict-draft), fukushima-ict-old (旧データ)", run.stdout)
        self.assertEqual(self.writes(), ["package_create"])
        self.assertEqual(portal.find_package("fukushima-ict-old")["state"], "active")
        self.assert_second_run_writes_nothing()

    def test_a_title_ckan_strips_does_not_make_every_run_write(self):
        # package_dictize strips the title it shows (str.strip(), which takes U+3000 too).
        site = os.path.join(self.tmp, "title")
        copy_site(site)
        edit(os.path.join(site, "content/data/achievement.toml"),
             'title = "施策展開方向毎の事業の達成状況"', 'title = "施策展開方向毎の事業の達成状況\u3000"')
        self.assertEqual(self.publish(site=site).returncode, 0)
        self.assertEqual(self.package()["title"], "施策展開方向毎の事業の達成状況")
        self.assert_second_run_writes_nothing(site=site)

    def test_accepts_the_api_address_with_a_slash_or_in_full(self):
        for url in (self.mock.url + "/", self.mock.url + "/api/3/action",
                    self.mock.url + "/api/3/action/"):
            run = self.publish(url=url)
            self.assertEqual(run.returncode, 0, url + "\n" + run.stderr)
        self.assertEqual(len(self.package()["resources"]), 4)
        self.assertEqual(self.writes(), ["package_create"])

    def test_reads_the_token_from_the_configured_header(self):
        # CKAN 2.11 reads the token from apitoken_header_name alone (views/__init__.py).
        self.mock.stop()
        self.mock = MockCkan(TOKEN, token_header="X-CKAN-API-Key", ckan_version="2.11.5").start()
        site = os.path.join(self.tmp, "header")
        copy_site(site)
        edit(os.path.join(site, "site.toml"), 'name_prefix = "fukushima-ict"',
             'name_prefix = "fukushima-ict"\ntoken_header = "X-CKAN-API-Key"')
        run = self.publish(site=site)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertTrue(all(authorized for _, authorized in self.mock.portal.requests))
        self.assert_second_run_writes_nothing(site=site)
        # Without the setting the token goes in Authorization, which this portal does not read.
        run = self.publish()
        self.assertEqual(run.returncode, 1)
        self.assertIn("CKAN_API_TOKEN may create datasets in no organization", run.stderr)

    def test_dry_run_without_a_token_sends_nothing(self):
        run = self.publish("--dry-run", token=None)
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(self.mock.portal.requests, [])
        self.assertIn("GET " + self.mock.url + "/api/3/action/package_show?id=" + NAME, run.stdout)
        self.assertIn("POST " + self.mock.url + "/api/3/action/package_create", run.stdout)
        self.assertIn("Authorization: ***", run.stdout)

    def test_dry_run_with_a_token_reads_and_says_what_would_change(self):
        run = self.publish("--dry-run")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(self.writes(), [])
        self.assertIn("# " + NAME + ": not on the portal; would send:\nPOST " + self.mock.url +
                      "/api/3/action/package_create\nAuthorization: ***\n", run.stdout)
        self.assertIn("1 would be created, 0 updated, 0 are up to date", run.stdout)
        self.assertEqual(self.publish().returncode, 0)
        # Staff retitle the dataset: the dry run shows the package_patch that would undo it.
        self.mock.portal.find_package(NAME)["title"] = "職員が付けた題名"
        requests = len(self.mock.portal.requests)
        run = self.publish("--dry-run")
        self.assertEqual(run.returncode, 0, run.stderr)
        self.assertEqual(self.writes(), ["package_create"])
        self.assertGreater(len(self.mock.portal.requests), requests)
        self.assertIn("# " + NAME + ": on the portal, would change (package_patch: title):\n"
                      '#   title: "職員が付けた題名" → "施策展開方向毎の事業の達成状況"\n', run.stdout)
        self.assertIn('"title": "施策展開方向毎の事業の達成状況"', run.stdout)
        self.assertNotIn("resource_", run.stdout)
        self.assertEqual(self.publish().returncode, 0)
        self.assertEqual(self.writes(), ["package_create", "package_patch"])
        self.assert_second_run_writes_nothing()

    def test_refuses_to_run_without_a_token(self):
        run = self.publish(token=None)
        self.assertEqual(run.returncode, 2)
        self.assertIn("CKAN_API_TOKEN", run.stderr)
        self.assertEqual(self.mock.portal.requests, [])

    def test_reports_a_wrong_token_even_when_nothing_needs_writing(self):
        # A wrong token makes the caller anonymous (views/__init__.py): reads still work, so
        # with everything up to date no write would have told.
        self.assertEqual(self.publish().returncode, 0)
        for token in ("wrong-" + TOKEN[::-1], TOKEN):
            run = self.publish(token=token)
            self.assertEqual(run.returncode, 1)
            self.assertIn("hyoka publish: CKAN_API_TOKEN may create datasets in no organization "
                          "of the portal: the token is wrong or expired", run.stderr)
            self.assertNotIn(TOKEN[::-1], run.stdout + run.stderr)
            self.assertEqual(self.writes(), ["package_create"])
            # The right token, but its user only a member (read), not an editor.
            self.mock.portal.members[("hyoka-bot", self.package()["owner_org"])] = "member"

    def test_refuses_an_organization_the_token_may_not_create_datasets_in(self):
        # organization_list_for_user(permission=create_dataset): editor of fukushima-pref only;
        # other-city exists, and package_create there would be refused with 403.
        for organization, expected in (
                ("fukushima-prefecture", '"fukushima-prefecture" (--organization), only in '
                 '"fukushima-pref"; did you mean "fukushima-pref"?'),
                ("other-city", '"other-city" (--organization), only in "fukushima-pref"')):
            run = self.hyoka("--ckan", self.mock.url, "--organization", organization)
            self.assertEqual(run.returncode, 1)
            self.assertIn("hyoka publish: CKAN_API_TOKEN may not create datasets in " + expected,
                          run.stderr)
        self.assertEqual([a for a, _ in self.mock.portal.requests],
                         ["organization_list_for_user"] * 2)

    def test_reports_validation_errors_field_by_field(self):
        # validators.py email_validator: the pattern of the HTML standard, ASCII domains only.
        site = os.path.join(self.tmp, "email")
        copy_site(site)
        edit(os.path.join(site, "site.toml"), '"digital@example.jp"', '"digital@福島.example"')
        run = self.publish(site=site)
        self.assertEqual(run.returncode, 1)
        self.assertIn("hyoka publish: package_create " + NAME + ": maintainer_email: Email "
                      "digital@福島.example is not a valid format\n", run.stderr)
        self.assertIsNone(self.package())

    def test_refuses_keywords_ckan_refuses_as_tags_before_any_request(self):
        site = os.path.join(self.tmp, "tags")
        copy_site(site)
        edit(os.path.join(site, "site.toml"), '"政策評価"]', '"政策・評価", "ICT／IoT"]')
        run = self.publish(site=site)
        self.assertEqual(run.returncode, 1)
        toml = os.path.join(site, "site.toml")
        with open(toml, encoding="utf-8") as f:
            line, text = next((n, t) for n, t in enumerate(f, 1) if t.startswith("keywords"))
        column = text.index('"政策・評価"') + 1  # in characters, at the opening quote
        self.assertIn('{}:{}:{}: warning: keyword "政策・評価" cannot be a CKAN tag: 「・」 (U+30FB) '
                      "is not allowed".format(toml, line, column), run.stderr)
        self.assertIn('warning: keyword "ICT／IoT" cannot be a CKAN tag: 「／」 (U+FF0F)',
                      run.stderr)
        self.assertIn("[open_data] keywords in site.toml holds 2 keywords a CKAN portal refuses "
                      "as tags", run.stderr)
        self.assertEqual(self.mock.portal.requests, [])

    def test_checks_the_licence_against_license_list(self):
        site = os.path.join(self.tmp, "licence")
        copy_site(site)
        edit(os.path.join(site, "site.toml"), 'name_prefix = "fukushima-ict"',
             'name_prefix = "fukushima-ict"\nlicense_id = "cc-by-4.0"')
        run = self.publish(site=site)
        self.assertEqual(run.returncode, 1)
        self.assertIn('no licence "cc-by-4.0"; did you mean "cc-by"?', run.stderr)
        self.assertEqual([a for a, _ in self.mock.portal.requests],
                         ["organization_list_for_user", "license_list"])

    def test_reports_an_api_address_that_is_not_ckan(self):
        run = self.publish(url=self.mock.url.replace("/data", "/ckan"))
        self.assertEqual(run.returncode, 1)
        self.assertIn("HTTP 404", run.stderr)
        self.assertIn("is not a CKAN API answer", run.stderr)

    def test_reports_a_refused_connection(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        run = self.publish(url="http://127.0.0.1:{}/data".format(port))
        self.assertEqual(run.returncode, 1)
        self.assertIn("organization_list_for_user: could not connect to", run.stderr)

    def test_gives_up_on_a_portal_that_never_answers(self):
        with socket.socket() as silent:
            silent.bind(("127.0.0.1", 0))
            silent.listen()
            port = silent.getsockname()[1]
            started = time.monotonic()
            run = self.publish("--timeout", "1", url="http://127.0.0.1:{}/data".format(port))
            elapsed = time.monotonic() - started
        self.assertEqual(run.returncode, 1)
        self.assertIn("no answer from", run.stderr)
        self.assertIn("within 1 s (--timeout)", run.stderr)
        self.assertLess(elapsed, 10)

    def test_reports_a_certificate_it_cannot_verify(self):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(os.path.join(os.path.dirname(__file__), "self_signed.pem"))
        tls = MockCkan(TOKEN, tls_context=context).start()
        try:
            run = self.publish(url=tls.url)
        finally:
            tls.stop()
        self.assertEqual(run.returncode, 1)
        self.assertIn("TLS failure with", run.stderr)
        self.assertEqual(tls.portal.requests, [])

    def test_refuses_plain_http_to_another_host(self):
        run = self.publish(url="http://portal.example.jp/data")
        self.assertEqual(run.returncode, 2)
        self.assertIn("https://", run.stderr)

    def test_refuses_a_site_with_errors(self):
        site = os.path.join(self.tmp, "broken")
        copy_site(site)
        edit(os.path.join(site, "site.toml"), 'theme = "default"', 'theme = "defualt"')
        run = self.publish(site=site)
        self.assertEqual(run.returncode, 1)
        self.assertIn("the site has errors; nothing was published", run.stderr)
        self.assertEqual(self.mock.portal.requests, [])

    def test_survives_an_answer_nested_200000_deep(self):
        deep = b'{"success": true, "result": ' + b"[" * 200000 + b"]" * 200000 + b"}"
        with HostilePortal(lambda send: send(200, deep)) as hostile:
            run = self.publish(url=hostile.url)
        self.assertEqual(run.returncode, 1, run.stderr)  # not killed by a signal
        self.assertIn("organization_list_for_user: the portal's answer is nested more than 64 deep",
                      run.stderr)

    def test_stops_reading_an_answer_at_16_mib(self):
        # An endless answer, and one that announces 5 GB: hyoka must hang up after 16 MiB
        # (README), long before --timeout, rather than hold gigabytes. What the kernel
        # buffers on loopback comes on top, a few MiB.
        for length in (None, 5 << 30):
            with HostilePortal(lambda send: send(200, None, length=length)) as hostile:
                started = time.monotonic()
                run = self.publish("--timeout", "60", url=hostile.url)
                elapsed = time.monotonic() - started
            self.assertEqual(run.returncode, 1, run.stderr)
            self.assertIn("organization_list_for_user: the portal's answer is larger than 16 MiB",
                          run.stderr)
            self.assertLess(hostile.sent, 32 << 20, length)
            self.assertLess(elapsed, 30)

    def test_shows_the_portals_control_characters_as_escapes(self):
        hostile_error = {"__type": "Validation Error",
                         "message": "\x1b]0;owned\x07\x1b[2J\u009b31m\x7f",
                         "name\x1b[8m": ["hidden\rtext"]}
        body = json.dumps({"success": False, "error": hostile_error}).encode()
        with HostilePortal(lambda send: send(409, body)) as hostile:
            run = self.publish(url=hostile.url)
        self.assertEqual(run.returncode, 1, run.stderr)
        for control in ("\x1b", "\x07", "\x7f", "\r", "\u009b"):
            self.assertNotIn(control, run.stdout + run.stderr)
        self.assertIn(r"name\x1b[8m: hidden\rtext", run.stderr)

    def test_zz_token_is_in_no_output_and_no_file_of_the_site(self):
        env = dict(os.environ, CKAN_API_TOKEN=TOKEN)
        build = subprocess.run([HYOKA, "build", "--source", self.site], capture_output=True,
                               text=True, env=env)
        self.assertEqual(build.returncode, 0, build.stderr)
        PublishTest.outputs += [build.stdout, build.stderr]
        self.assertTrue(PublishTest.outputs)
        for output in PublishTest.outputs:
            self.assertNotIn(TOKEN, output)
        files = 0
        for folder, _, names in os.walk(self.tmp):
            for name in names:
                with open(os.path.join(folder, name), "rb") as f:
                    self.assertNotIn(TOKEN.encode(), f.read(), os.path.join(folder, name))
                files += 1
        self.assertGreater(files, 10)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
