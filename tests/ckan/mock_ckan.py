"""A mock CKAN portal for the tests of `hyoka publish`.

No real CKAN can be installed on the test machines (it needs PyPI), so this server implements
the documented behaviour of the actions hyoka uses (docs.ckan.org, "API guide" and
ckan/logic/action), under a sub-path as on e-Gov's portal (/data/api/3/action/), and rejects
what CKAN would reject:

- the token is read raw from one header (Authorization unless told otherwise); a missing or
  wrong token makes the caller anonymous: reads of public data work, writes get 403
  {"success": false, "error": {"__type": "Authorization Error", …}};
- package_create / package_patch validate like CKAN's default schema: the name (2-100 of
  a-z0-9-_ and not in use), owner_org (required, must exist), tag names, extras that
  shadow a core field, maintainer_email, url; errors are 409 "Validation Error" with one
  list of messages per field;
- missing packages, resources and organizations are 404 "Not Found Error";
- writes must be POSTs with a JSON object body.

It is stricter than CKAN in three places, to catch mistakes in hyoka: license_id must be in
license_list (core CKAN stores any string), unknown top-level fields are recorded as
violations (CKAN drops them silently), and package_update is recorded as a violation (hyoka
must never call it: it drops every field it is not given) and answered with 500.

Use it in-process (`MockCkan(...).start()`) or run it: python3 mock_ckan.py --port 8080
"""

import argparse
import copy
import http.server
import json
import re
import threading
import urllib.parse
import uuid

LICENSES = [
    {"id": "notspecified", "title": "License not specified"},
    {"id": "odc-pddl", "title": "Open Data Commons Public Domain Dedication and License (PDDL)"},
    {"id": "odc-odbl", "title": "Open Data Commons Open Database License (ODbL)"},
    {"id": "odc-by", "title": "Open Data Commons Attribution License"},
    {"id": "cc-zero", "title": "Creative Commons CCZero"},
    {"id": "cc-by", "title": "Creative Commons Attribution"},
    {"id": "cc-by-sa", "title": "Creative Commons Attribution Share-Alike"},
    {"id": "gfdl", "title": "GNU Free Documentation License"},
    {"id": "other-open", "title": "Other (Open)"},
    {"id": "other-pd", "title": "Other (Public Domain)"},
    {"id": "other-at", "title": "Other (Attribution)"},
    {"id": "uk-ogl", "title": "UK Open Government Licence (OGL)"},
    {"id": "cc-nc", "title": "Creative Commons Non-Commercial (Any)"},
    {"id": "other-nc", "title": "Other (Non-Commercial)"},
    {"id": "other-closed", "title": "Other (Not Open)"},
]

PACKAGE_FIELDS = {
    "id", "name", "title", "notes", "owner_org", "license_id", "url", "author", "author_email",
    "maintainer", "maintainer_email", "version", "private", "state", "type", "tags", "extras",
    "resources", "groups",
}
READ_ACTIONS = {"package_show", "license_list", "organization_show", "organization_list_for_user",
                "status_show"}
NAME_RE = re.compile(r"^[a-z0-9_-]+$")
TAG_RE = re.compile(r"^[\w \-.]+$", re.UNICODE)
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class CkanError(Exception):
    def __init__(self, status, error):
        super().__init__(error)
        self.status = status
        self.error = error


def not_found(message="Not found"):
    return CkanError(404, {"__type": "Not Found Error", "message": message})


def validation(errors):
    return CkanError(409, dict(errors, __type="Validation Error"))


def denied(message):
    return CkanError(403, {"__type": "Authorization Error", "message": message})


class Portal:
    """The portal's state and its actions; thread-safe behind one lock."""

    def __init__(self, token, organizations=("fukushima-pref",)):
        self.token = token
        self.lock = threading.Lock()
        self.organizations = {
            name: {"id": str(uuid.uuid4()), "name": name, "title": name} for name in organizations
        }
        self.packages = {}  # id → package dict as package_show returns it
        self.requests = []  # (method, action, authorized)
        self.violations = []  # what a real CKAN, or hyoka's contract, forbids

    # -- helpers --------------------------------------------------------------------------------
    def find_package(self, key):
        for package in self.packages.values():
            if key in (package["id"], package["name"]):
                return package
        return None

    def find_org(self, key):
        for org in self.organizations.values():
            if key in (org["id"], org["name"]):
                return org
        return None

    def validate(self, package, creating):
        errors = {}
        name = package.get("name")
        if not name:
            errors["name"] = ["Missing value"]
        elif not isinstance(name, str) or len(name) < 2:
            errors["name"] = ["Must be at least 2 characters long"]
        elif len(name) > 100:
            errors["name"] = ["Name must be a maximum of 100 characters long"]
        elif not NAME_RE.match(name):
            errors["name"] = ["Must be purely lowercase alphanumeric (ascii) characters and these "
                              "symbols: -_"]
        else:
            other = self.find_package(name)
            if other and other["id"] != package.get("id"):
                errors["name"] = ["That URL is already in use."]
        owner = package.get("owner_org")
        if not owner:
            errors["owner_org"] = ["Missing value"]
        elif not self.find_org(owner):
            errors["owner_org"] = ["Organization does not exist"]
        license_id = package.get("license_id")
        if license_id and license_id not in {l["id"] for l in LICENSES}:
            errors["license_id"] = ["License not in the portal's license_list"]
        url = package.get("url")
        if url and not re.match(r"^https?://", url):
            errors["url"] = ["Please provide a valid URL"]
        email = package.get("maintainer_email")
        if email and not EMAIL_RE.match(email):
            errors["maintainer_email"] = ["Email {} is not a valid format".format(email)]
        tag_errors = []
        for tag in package.get("tags", []):
            tag_name = tag.get("name", "") if isinstance(tag, dict) else ""
            if len(tag_name) < 2 or len(tag_name) > 100:
                tag_errors.append('Tag "{}" length is less than minimum 2'.format(tag_name))
            elif not TAG_RE.match(tag_name):
                tag_errors.append('Tag "{}" must be alphanumeric characters or symbols: -_.'
                                  .format(tag_name))
        if tag_errors:
            errors["tags"] = tag_errors
        keys = [e.get("key") for e in package.get("extras", [])]
        for key in keys:
            if key in PACKAGE_FIELDS:
                errors["extras_validation"] = [
                    "There is a schema field with the same name: {}".format(key)]
            if keys.count(key) > 1:
                errors["extras_validation"] = ["Duplicate key \"{}\"".format(key)]
        resource_errors = []
        for resource in package.get("resources", []):
            problem = {}
            if not isinstance(resource, dict):
                problem["resource"] = ["Not a dict"]
            elif not resource.get("url"):
                problem["url"] = ["Missing value"]
            resource_errors.append(problem)
        if any(resource_errors):
            errors["resources"] = resource_errors
        if errors:
            raise validation(errors)

    def stored(self, package):
        """Normalises a validated package the way package_show returns it."""
        org = self.find_org(package["owner_org"])
        package["owner_org"] = org["id"]
        package["organization"] = dict(org)
        package.setdefault("title", package["name"])
        package.setdefault("state", "active")
        package.setdefault("private", False)
        package.setdefault("type", "dataset")
        package["tags"] = [{"id": str(uuid.uuid5(uuid.NAMESPACE_URL, t["name"])), "name": t["name"],
                            "display_name": t["name"], "state": "active", "vocabulary_id": None}
                           for t in package.get("tags", [])]
        package["extras"] = [{"key": e["key"], "value": e["value"]}
                             for e in package.get("extras", [])]
        for position, resource in enumerate(package.setdefault("resources", [])):
            resource.setdefault("id", str(uuid.uuid4()))
            resource["package_id"] = package["id"]
            resource["position"] = position
        package["num_resources"] = len(package["resources"])
        package["num_tags"] = len(package["tags"])
        return package

    def check_fields(self, data):
        for key in data:
            if key not in PACKAGE_FIELDS:
                self.violations.append("unknown package field " + key)

    def check_member(self, authorized, owner_org):
        if not authorized:
            raise denied("Access denied: User  not authorized to add dataset to this organization")
        if not self.find_org(owner_org or ""):
            return  # the validation error says so

    # -- actions --------------------------------------------------------------------------------
    def call(self, action, data, authorized):
        with self.lock:
            self.requests.append((action, authorized))
            method = getattr(self, "action_" + action, None)
            if method is None:
                self.violations.append("unsupported action " + action)
                if action == "package_update":
                    raise CkanError(500, {"__type": "Internal Error",
                                          "message": "package_update is forbidden in these tests"})
                raise CkanError(400, {"__type": "Bad request",
                                      "message": "Action name not known: " + action})
            return method(data, authorized)

    def action_status_show(self, data, authorized):
        return {"ckan_version": "2.10.4", "site_url": "http://localhost", "extensions": []}

    def action_license_list(self, data, authorized):
        return copy.deepcopy(LICENSES)

    def action_organization_show(self, data, authorized):
        org = self.find_org(data.get("id", ""))
        if not org:
            raise not_found()
        return dict(org, package_count=sum(
            1 for p in self.packages.values() if p["owner_org"] == org["id"]))

    def action_organization_list_for_user(self, data, authorized):
        return [dict(o) for o in self.organizations.values()] if authorized else []

    def action_package_show(self, data, authorized):
        package = self.find_package(data.get("id", ""))
        if not package:
            raise not_found()
        return copy.deepcopy(package)

    def action_package_create(self, data, authorized):
        self.check_member(authorized, data.get("owner_org"))
        self.check_fields(data)
        package = copy.deepcopy(data)
        package.pop("id", None)
        self.validate(package, creating=True)
        package["id"] = str(uuid.uuid4())
        self.packages[package["id"]] = self.stored(package)
        return copy.deepcopy(package)

    def action_package_patch(self, data, authorized):
        existing = self.find_package(data.get("id", ""))
        if not existing:
            raise not_found()
        if not authorized:
            raise denied("Access denied: User  not authorized to edit package " + existing["id"])
        self.check_fields(data)
        package = copy.deepcopy(existing)
        package.pop("organization", None)
        package.update(copy.deepcopy(data))
        package["id"] = existing["id"]
        self.validate(package, creating=False)
        self.packages[package["id"]] = self.stored(package)
        return copy.deepcopy(package)

    def action_resource_create(self, data, authorized):
        package = self.find_package(data.get("package_id", ""))
        if not package:
            raise validation({"package_id": ["Not found: Dataset"]})
        if not authorized:
            raise denied("Access denied: User  not authorized to edit package " + package["id"])
        if not data.get("url"):
            raise validation({"url": ["Missing value"]})
        resource = copy.deepcopy(data)
        resource["id"] = str(uuid.uuid4())
        package["resources"].append(resource)
        self.stored(package)
        return copy.deepcopy(resource)

    def action_resource_patch(self, data, authorized):
        for package in self.packages.values():
            for resource in package["resources"]:
                if resource["id"] == data.get("id"):
                    if not authorized:
                        raise denied("Access denied: User  not authorized to edit resource")
                    resource.update(copy.deepcopy(data))
                    self.stored(package)
                    return copy.deepcopy(resource)
        raise not_found("Resource was not found.")


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "MockCKAN/2.10"

    def log_message(self, *args):
        pass

    def reply(self, status, payload, content_type="application/json;charset=utf-8"):
        body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def handle_action(self, method):
        url = urllib.parse.urlsplit(self.path)
        prefix = self.server.prefix + "/api/3/action/"
        if not url.path.startswith(prefix):
            self.reply(404, b"<html><body>404 Not Found</body></html>", "text/html")
            return
        action = url.path[len(prefix):]
        portal = self.server.portal
        authorized = self.headers.get(self.server.token_header) == portal.token
        help_url = "http://localhost" + prefix + "help_show?name=" + action
        try:
            if method == "GET":
                if action not in READ_ACTIONS:
                    raise CkanError(400, {"__type": "Bad request",
                                          "message": action + " requires a POST request"})
                data = dict(urllib.parse.parse_qsl(url.query))
            else:
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length)
                if not self.headers.get("Content-Type", "").startswith("application/json"):
                    raise CkanError(400, {"__type": "Bad request",
                                          "message": "JSON Error: Content-Type must be JSON"})
                try:
                    data = json.loads(raw.decode("utf-8") or "{}")
                except (ValueError, UnicodeDecodeError) as e:
                    raise CkanError(400, {"__type": "Bad request", "message": "JSON Error: " + str(e)})
                if not isinstance(data, dict):
                    raise CkanError(400, {"__type": "Bad request",
                                          "message": "JSON Error: request data is not a dict"})
            result = portal.call(action, data, authorized)
            self.reply(200, {"help": help_url, "success": True, "result": result})
        except CkanError as e:
            self.reply(e.status, {"help": help_url, "success": False, "error": e.error})

    def do_GET(self):
        self.handle_action("GET")

    def do_POST(self):
        self.handle_action("POST")


class MockCkan:
    """A mock portal on a free loopback port; `url` is what --ckan gets."""

    def __init__(self, token, prefix="/data", token_header="Authorization", tls_context=None):
        self.portal = Portal(token)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.portal = self.portal
        self.server.prefix = prefix
        self.server.token_header = token_header
        scheme = "http"
        if tls_context:
            self.server.socket = tls_context.wrap_socket(self.server.socket, server_side=True)
            scheme = "https"
        self.url = "{}://127.0.0.1:{}{}".format(scheme, self.server.server_address[1], prefix)
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,),
                                       daemon=True)

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--prefix", default="/data")
    parser.add_argument("--token", default="test-token")
    parser.add_argument("--token-header", default="Authorization")
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.portal = Portal(args.token)
    server.prefix = args.prefix
    server.token_header = args.token_header
    print("mock CKAN at http://127.0.0.1:{}{}".format(args.port, args.prefix))
    server.serve_forever()


if __name__ == "__main__":
    main()
