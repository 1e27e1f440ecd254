"""A mock CKAN portal for the tests of `hyoka publish`.

No real CKAN can be installed on the test machines (it needs PyPI), so this server imitates,
function by function, what CKAN does with the actions hyoka uses. Each behaviour names the
CKAN function it comes from, read in ckan/ckan at the tags ckan-2.10.10 and ckan-2.11.5 (the
same in both unless a comment says otherwise), ckan/ckanext-scheming and ckan/ckanext-dcat.
Paths are relative to the ckan/ package: logic/action/get.py, logic/validators.py, …

It serves the Action API under a sub-path as e-Gov's portal does (/data/api/3/action/) and
imitates:
- the token: read raw from one header, an unknown token makes the caller anonymous
  (views/__init__.py _get_user_for_apitoken); organizations with members and capacities
  (authz.py ROLE_PERMISSIONS, has_user_permission_for_group_or_org);
- who may see a dataset: private, draft and deleted datasets only by members of their
  organization (lib/plugins.py DefaultPermissionLabels, logic/auth/get.py package_show), so a
  private dataset of another organization answers 403 and a missing one 404;
- package_create and package_update's validation (logic/schema.py
  default_create_package_schema with the validators of logic/validators.py) with CKAN's
  wording, a name freed by a deleted dataset (package_name_validator, and
  lib/dictization/__init__.py table_dict_save renaming the deleted one to its id);
- the "Integrity Error" of a request CKAN cannot even flatten (lib/navl/
  dictization_functions.py DataError, views/api.py action) and the bare JSON string of a
  400 (views/api.py _finish_bad_request);
- what a save changes (lib/dictization/model_save.py) and what package_show returns
  (lib/dictization/model_dictize.py package_dictize): formats cleaned, titles stripped, tags
  and extras sorted, http:// before a URL without a scheme, vocabulary tags kept apart from
  free tags of the same name;
- package_patch, resource_patch and resource_create as package_show + package_update of the
  whole dataset (logic/action/patch.py, update.py, create.py), so a resource write fails on a
  problem elsewhere in the dataset;
- on request (`scheming=`), a portal with ckanext-scheming and one of ckanext-dcat's
  schemas, whose `issued` and `modified` are dataset fields, not extras.

It is stricter than CKAN in a few places, to catch mistakes in hyoka, and records them as
violations that fail the test: license_id must be in license_list (core CKAN stores any
string), unknown top-level fields (CKAN drops them), `state` or `private` in a request (hyoka
must leave them to the portal's staff), package_update (hyoka must never call it: it drops
every field it is not given; answered with 500), and any package_search other than the one
hyoka sends.

Use it in-process (`MockCkan(...).start()`) or run it: python3 mock_ckan.py --port 8080
"""

import argparse
import copy
import datetime
import http.server
import json
import re
import threading
import urllib.parse
import uuid

# logic/action/get.py license_list: the licences of a stock CKAN (model/license.py).
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

# The top-level keys of logic/schema.py default_create_package_schema (with the keys
# package_show adds), the fields hyoka may send.
PACKAGE_FIELDS = {
    "id", "name", "title", "notes", "owner_org", "license_id", "url", "author", "author_email",
    "maintainer", "maintainer_email", "version", "private", "state", "type", "tags", "extras",
    "resources", "groups",
}
# The keys of default_create_package_schema that hold lists of dicts (sub-schemas).
SUBSCHEMAS = ("resources", "tags", "extras", "groups", "relationships_as_object",
              "relationships_as_subject")
# Actions marked @side_effect_free, which views/api.py action lets a GET call.
READ_ACTIONS = {"package_show", "package_search", "license_list", "organization_show",
                "organization_list_for_user", "status_show", "scheming_dataset_schema_show"}

# authz.py ROLE_PERMISSIONS, and get_roles_with_permission: a role has a permission when it
# lists it or lists "admin".
ROLE_PERMISSIONS = {
    "admin": ["admin", "membership"],
    "editor": ["read", "delete_dataset", "create_dataset", "update_dataset", "manage_group"],
    "member": ["read", "manage_group"],
}

# logic/validators.py name_match (name_validator) and email_pattern (email_validator).
NAME_RE = re.compile(r"[a-z0-9_\-]*$")
EMAIL_RE = re.compile(
    r"^(?!\.)(?!.*\.$)(?!.*?\.\.)"
    r"[a-zA-Z0-9.!#$%&'*+\/=?^_`{|}~-]+@[a-zA-Z0-9]"
    r"(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9]"
    r"(?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$")
# logic/validators.py tag_name_validator; model/tag.py MIN_TAG_LENGTH, MAX_TAG_LENGTH.
TAG_RE = re.compile(r"[\w \-.]*$", re.UNICODE)
MIN_TAG_LENGTH, MAX_TAG_LENGTH = 2, 100

# Lines of config/resource_formats.json as lib/helpers.py resource_formats() reads them:
# [format, description, mimetype, alternatives]; unified_resource_format (clean_format) maps
# any of them, lower-cased, to the format.
RESOURCE_FORMATS = [
    ["CSV", "Comma Separated Values File", "text/csv", ["text/comma-separated-values"]],
    ["HTML", "Web Page", "text/html", ["htm", "http://purl.org/net/mediatypes/text/html"]],
    ["JSON", "JavaScript Object Notation", "application/json", []],
    ["PDF", "PDF File", "application/pdf", []],
    ["XLSX", "Excel OOXML Spreadsheet",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", []],
    ["ZIP", "Zip File", "application/zip", ["zip",
                                            "http://purl.org/NET/mediatypes/application/zip"]],
]
FORMAT_NAMES = {}
for _line in RESOURCE_FORMATS:
    for _item in _line[:3] + _line[3]:
        FORMAT_NAMES[_item.lower()] = _line[0]


def clean_format(value):
    """logic/validators.py clean_format → lib/helpers.py unified_resource_format."""
    return FORMAT_NAMES.get(value.lower(), value)


# ckanext-dcat ckanext/dcat/schemas/dcat_ap_full.yaml, the dataset fields hyoka meets, as
# ckanext-scheming's scheming_dataset_schema_show (logic.py) returns them, presets expanded
# (presets.yaml: dcat_date's validators).
DCAT_AP_FULL = {
    "scheming_version": 2,
    "dataset_type": "dataset",
    "about": "Full DCAT AP (2 and 3) schema",
    "about_url": "http://github.com/ckan/ckanext-dcat",
    "dataset_fields": [
        {"field_name": "title", "label": "Title", "preset": "title", "required": True,
         "validators": "if_empty_same_as(name) unicode_safe"},
        {"field_name": "name", "label": "URL", "preset": "dataset_slug",
         "validators": "not_empty unicode_safe name_validator package_name_validator"},
        {"field_name": "notes", "label": "Description", "required": True},
        {"field_name": "tag_string", "label": "Keywords", "preset": "tag_string_autocomplete",
         "validators": "ignore_missing tag_string_convert"},
        {"field_name": "license_id", "label": "License"},
        {"field_name": "owner_org", "label": "Organization", "preset": "dataset_organization",
         "validators": "owner_org_validator unicode_safe"},
        {"field_name": "url", "label": "Landing page"},
        {"field_name": "issued", "label": "Release date", "preset": "dcat_date",
         "validators": "ignore_missing dcat_date convert_to_json_if_datetime"},
        {"field_name": "modified", "label": "Modification date", "preset": "dcat_date",
         "validators": "ignore_missing dcat_date convert_to_json_if_datetime"},
        {"field_name": "version", "label": "Version",
         "validators": "ignore_missing unicode_safe package_version_validator"},
    ],
    "resource_fields": [
        {"field_name": "url", "label": "URL", "preset": "resource_url_upload"},
        {"field_name": "name", "label": "Name"},
        {"field_name": "description", "label": "Description"},
        {"field_name": "format", "label": "Format", "preset": "resource_format_autocomplete"},
    ],
}
# dcat_ap_multilingual.yaml: a title and a description per language (ckanext-fluent), both
# required, which hyoka cannot fill.
MULTILINGUAL_FIELDS = [
    {"field_name": "title_translated", "label": {"en": "Title"},
     "preset": "fluent_core_translated", "required": True},
    {"field_name": "notes_translated", "label": {"en": "Description"},
     "preset": "fluent_core_translated", "required": True},
]
# ckanext/dcat/validators.py dcat_date: YYYY, YYYY-MM, YYYY-MM-DD or a date-time.
DCAT_DATE_RE = re.compile(r"-?([1-9][0-9]{3,}|0[0-9]{3})(-(0[1-9]|1[0-2])"
                          r"(-(0[1-9]|[12][0-9]|3[01]))?)?(T[0-9:.]+)?(Z|[+-][0-9:]+)?")


class CkanError(Exception):
    def __init__(self, status, error):
        super().__init__(error)
        self.status = status
        self.error = error


def not_found(message="Not found"):
    # views/api.py action: NotFound → 404 {"__type": "Not Found Error", "message": …}.
    return CkanError(404, {"__type": "Not Found Error", "message": message})


def denied(message):
    # views/api.py action: NotAuthorized → 403 "Access denied: " + the auth function's msg.
    return CkanError(403, {"__type": "Authorization Error", "message": "Access denied: " + message})


def validation(errors):
    # logic/__init__.py ValidationError.__init__: tag errors become one string per tag
    # ("tags errors are a mess so let's clean them up"); views/api.py: 409.
    errors = dict(errors)
    if "tags" in errors:
        errors["tags"] = [", ".join(e["name"]) if "name" in e else e
                          for e in errors["tags"] if e]
    return CkanError(409, dict(errors, __type="Validation Error"))


def integrity(message, request_data):
    # views/api.py action: DataError → 400 {"__type": "Integrity Error", "message": e.error,
    # "data": the request}.
    return CkanError(400, {"__type": "Integrity Error", "message": message,
                           "data": request_data})


def bad_request(extra):
    # views/api.py _finish_bad_request: a bare JSON string, not CKAN's usual object. (CKAN's
    # master says "Bad request: …"; 2.10 and 2.11 say "Bad request - …".)
    return CkanError(400, "Bad request - " + extra)


def now():
    return datetime.datetime(2026, 1, 1).isoformat()


class Portal:
    """The portal's state and its actions; thread-safe behind one lock.

    `members`: {organization name: capacity} of the token's user ("hyoka-bot"); organizations
    named there or in `organizations` exist. `scheming`: None for a stock portal, "dcat" for
    ckanext-dcat's dcat_ap_full schema, "multilingual" to require fields hyoka cannot fill.
    """

    def __init__(self, token, organizations=("fukushima-pref", "other-city"),
                 members=None, scheming=None, ckan_version="2.10.4"):
        self.lock = threading.Lock()
        self.tokens = {token: "hyoka-bot"}
        self.organizations = {
            name: {"id": str(uuid.uuid4()), "name": name, "title": name, "type": "organization",
                   "is_organization": True, "state": "active"} for name in organizations
        }
        members = {"fukushima-pref": "editor"} if members is None else members
        self.members = {}  # (user, organization id) → capacity
        for org_name, capacity in members.items():
            self.members[("hyoka-bot", self.find_org(org_name)["id"])] = capacity
        self.vocabularies = {}  # id → name
        self.scheming = scheming
        self.ckan_version = ckan_version
        self.packages = {}  # id → the package as the database holds it
        self.requests = []  # (action, authorized)
        self.violations = []  # what a real CKAN, or hyoka's contract, forbids

    # -- the database -------------------------------------------------------------------------
    def find_package(self, key):
        """model/package.py Package.get: by id, else by name."""
        for package in self.packages.values():
            if package["id"] == key:
                return package
        for package in self.packages.values():
            if package["name"] == key:
                return package
        return None

    def find_org(self, key):
        for org in self.organizations.values():
            if key in (org["id"], org["name"]):
                return org
        return None

    def add_vocabulary(self, name):
        vocabulary_id = str(uuid.uuid4())
        self.vocabularies[vocabulary_id] = name
        return vocabulary_id

    def add_package(self, name, organization, state="active", private=False, **fields):
        """A dataset made on the portal by someone else (its staff, another organization)."""
        org = self.find_org(organization)
        package = {"id": str(uuid.uuid4()), "name": name, "title": fields.pop("title", name),
                   "owner_org": org["id"], "state": state, "private": private,
                   "type": "dataset", "tags": [], "extras": [], "resources": [],
                   "metadata_created": now()}
        package.update(fields)
        for tag in package["tags"]:
            tag.setdefault("id", str(uuid.uuid4()))
            tag.setdefault("vocabulary_id", None)
        for position, resource in enumerate(package["resources"]):
            resource.setdefault("id", str(uuid.uuid4()))
            resource["package_id"] = package["id"]
            resource["position"] = position
        self.packages[package["id"]] = package
        return package

    # -- who may do what ----------------------------------------------------------------------
    def permitted(self, user, org_id, permission):
        """authz.py has_user_permission_for_group_or_org with get_roles_with_permission."""
        capacity = self.members.get((user, org_id))
        return bool(user) and capacity is not None and (
            permission in ROLE_PERMISSIONS[capacity] or "admin" in ROLE_PERMISSIONS[capacity])

    def may_read(self, user, package):
        """lib/plugins.py DefaultPermissionLabels: an active public dataset is "public";
        any other is "member-<owner_org>", and a user holds that label for every organization
        organization_list_for_user(permission="read") gives them."""
        if package["state"] == "active" and not package.get("private"):
            return True
        return self.permitted(user, package["owner_org"], "read")

    def check_update(self, user, package):
        """logic/auth/update.py package_update: update_dataset in the owner organization."""
        if not self.permitted(user, package["owner_org"], "update_dataset"):
            raise denied("User {} not authorized to edit package {}".format(
                user, package["id"]))

    # -- validation ---------------------------------------------------------------------------
    def scheming_schema(self):
        if not self.scheming:
            return None
        schema = copy.deepcopy(DCAT_AP_FULL)
        if self.scheming == "multilingual":
            schema["dataset_fields"] = MULTILINGUAL_FIELDS + schema["dataset_fields"]
        return schema

    def schema_keys(self):
        """lib/navl/dictization_functions.py validate: context["schema_keys"], the keys of
        the schema; ckanext-scheming's plugins.py validate adds a key for every dataset field."""
        keys = set(PACKAGE_FIELDS) | {"tag_string", "plugin_data", "__before", "__extras",
                                      "__junk", "save", "return_to"}
        schema = self.scheming_schema()
        if schema:
            keys |= {f["field_name"] for f in schema["dataset_fields"]}
        return keys

    def check_shape(self, data):
        """lib/navl/dictization_functions.py flatten_dict, flatten_list and augment_data: a
        list that starts with a dict must hold only dicts, and a sub-schema takes nothing but
        a list of dicts (or an empty list), else DataError, before any validator runs."""
        for key in SUBSCHEMAS:
            if key not in data:
                continue
            value = data[key]
            if isinstance(value, list) and value and isinstance(value[0], dict):
                if not all(isinstance(item, dict) for item in value):
                    raise integrity("Values in lists need to be dicts", data)
            elif value != []:
                raise integrity("Only lists of dicts can be placed against subschema "
                                "{}, not {}".format((key,), type(value)), data)

    def validate(self, package, user):
        """logic/schema.py default_create_package_schema / default_update_package_schema."""
        errors = {}
        name = package.get("name")
        # name: not_empty, name_validator, package_name_validator.
        if not name:
            errors["name"] = ["Missing value"]
        elif not isinstance(name, str):
            errors["name"] = ["Names must be strings"]
        elif name in ("new", "edit", "search"):
            errors["name"] = ["That name cannot be used"]
        elif len(name) < 2:
            errors["name"] = ["Must be at least 2 characters long"]
        elif len(name) > 100:
            errors["name"] = ["Name must be a maximum of 100 characters long"]
        elif not NAME_RE.match(name):
            errors["name"] = ["Must be purely lowercase alphanumeric (ascii) characters and "
                              "these symbols: -_"]
        elif any(p["name"] == name and p["state"] != "deleted" and p["id"] != package.get("id")
                 for p in self.packages.values()):
            errors["name"] = ["That URL is already in use."]
        # owner_org: owner_org_validator.
        owner = package.get("owner_org")
        org = self.find_org(owner) if owner else None
        if not owner:
            errors["owner_org"] = ["An organization must be provided"]
        elif not org:
            errors["owner_org"] = ["Organization does not exist"]
        else:
            stored = self.packages.get(package.get("id"))
            if (not stored or stored["owner_org"] != org["id"]) and not self.permitted(
                    user, org["id"], "create_dataset"):
                errors["owner_org"] = ["You cannot add a dataset to this organization"]
            package["owner_org"] = org["id"]
        # Stricter than CKAN: the licence must be one the portal knows.
        license_id = package.get("license_id")
        if license_id and license_id not in {l["id"] for l in LICENSES}:
            errors["license_id"] = ["License not in the portal's license_list"]
        # author_email, maintainer_email: strip_value, email_validator.
        for key in ("author_email", "maintainer_email"):
            if isinstance(package.get(key), str):
                package[key] = package[key].strip()
                if package[key] and not EMAIL_RE.match(package[key]):
                    errors[key] = ["Email {} is not a valid format".format(package[key])]
        # title: if_empty_same_as("name").
        if not package.get("title"):
            package["title"] = name
        # tags: default_tags_schema.
        tag_errors = []
        for tag in package.get("tags", []):
            problem = []
            tag_name = tag.get("name")
            if not tag_name:
                problem = ["Missing value"]
            elif len(tag_name) < MIN_TAG_LENGTH:
                problem = ['Tag "{}" length is less than minimum {}'.format(
                    tag_name, MIN_TAG_LENGTH)]
            elif len(tag_name) > MAX_TAG_LENGTH:
                problem = ['Tag "{}" length is more than maximum {}'.format(
                    tag_name, MAX_TAG_LENGTH)]
            elif not TAG_RE.match(tag_name):
                # CKAN 2.10's wording (2.9 said "must be alphanumeric characters or symbols").
                problem = ['Tag "{}" can only contain alphanumeric characters, spaces (" "), '
                           'hyphens ("-"), underscores ("_") or dots (".")'.format(tag_name)]
            item = {"name": problem} if problem else {}
            if tag.get("vocabulary_id") and tag["vocabulary_id"] not in self.vocabularies:
                item["vocabulary_id"] = ["Tag vocabulary was not found."]
            tag_errors.append(item)
        if any(tag_errors):
            errors["tags"] = tag_errors
        # extras: default_extras_schema (extra_key_not_in_root_schema) and duplicate_extras_key.
        keys = self.schema_keys()
        extra_errors = [{"key": ["There is a schema field with the same name"]}
                        if e.get("key") in keys else {} for e in package.get("extras", [])]
        if any(extra_errors):
            errors["extras"] = extra_errors
        names = [e.get("key") for e in package.get("extras", []) if not e.get("deleted")]
        duplicates = [k for k in names if names.count(k) > 1]
        if duplicates:
            errors["extras_validation"] = ['Duplicate key "{}"'.format(duplicates[0])]
        # ckanext-scheming's fields: required ones (scheming_required → not_empty) and
        # ckanext-dcat's dcat_date.
        schema = self.scheming_schema()
        if schema:
            if package.get("type", "dataset") != schema["dataset_type"]:
                errors["type"] = ["Unsupported dataset type: {}".format(package.get("type"))]
            for field in schema["dataset_fields"]:
                key = field["field_name"]
                if field.get("required") and not package.get(key) and key != "name":
                    errors.setdefault(key, []).append("Missing value")
                if field.get("preset") == "dcat_date" and package.get(key) and not (
                        isinstance(package[key], str) and DCAT_DATE_RE.fullmatch(package[key])):
                    errors[key] = ["Date format incorrect. Supported formats are YYYY, YYYY-MM, "
                                   "YYYY-MM-DD and YYYY-MM-DDTHH:MM:SS"]
        for resource in package.get("resources", []):
            if not resource.get("url"):
                self.violations.append("a resource without a url")
        if errors:
            raise validation(errors)

    def check_request(self, data):
        """The mock's own rules for hyoka, stricter than CKAN."""
        for key in data:
            if key in ("state", "private"):
                self.violations.append("hyoka sent " + key)
            elif key not in self.schema_keys() or key.startswith("__"):
                self.violations.append("unknown package field " + key)

    # -- saving -------------------------------------------------------------------------------
    def save(self, data, package_id):
        """lib/dictization/model_save.py package_dict_save: the validated dict becomes the
        stored dataset; `package_id` is the dataset it replaces, or None for a new one."""
        stored = self.packages.get(package_id) or {"id": str(uuid.uuid4()),
                                                   "metadata_created": now()}
        package = {k: v for k, v in data.items()
                   if k in PACKAGE_FIELDS and k not in ("tags", "extras", "resources")}
        package["id"] = stored["id"]
        package["state"] = stored.get("state", "active")  # ignore_not_package_admin: hyoka
        package["private"] = stored.get("private", False)  # never sends these
        package["type"] = data.get("type") or stored.get("type") or "dataset"
        package["metadata_created"] = stored.get("metadata_created", now())
        package["metadata_modified"] = now()
        package["tags"] = self.save_tags(data.get("tags", []), stored.get("tags", []))
        package["resources"] = self.save_resources(data.get("resources", []), package["id"])
        # package_extras_save, with ckanext-scheming's convert_to_extras for the dataset
        # fields that are not core fields.
        extras = {e["key"]: e["value"] for e in data.get("extras", [])
                  if not e.get("deleted") and e.get("value") is not None}
        schema = self.scheming_schema()
        for field in (schema["dataset_fields"] if schema else []):
            key = field["field_name"]
            if key not in PACKAGE_FIELDS and key != "tag_string" and data.get(key):
                extras[key] = data[key]
        package["extras"] = [{"key": k, "value": v} for k, v in extras.items()]
        # lib/dictization/__init__.py table_dict_save: a deleted dataset that holds the name
        # gives it up, renamed to its id.
        for other in self.packages.values():
            if (other["name"] == package["name"] and other["id"] != package["id"]
                    and other["state"] == "deleted"):
                other["name"] = other["id"]
        self.packages[package["id"]] = package
        return package

    def save_tags(self, tag_dicts, old_tags):
        """model_save.py package_tag_list_save: tags are found by id, else by the unique
        (name, vocabulary_id) (table_dict_save); a tag sent as {"name": …} alone is a free tag,
        so a vocabulary tag sent back that way is dropped and a free tag made in its place."""
        saved, seen = [], set()
        for tag in tag_dicts:
            known = next((t for t in old_tags if tag.get("id") and t["id"] == tag["id"]), None)
            vocabulary_id = known["vocabulary_id"] if known else tag.get("vocabulary_id")
            key = (tag["name"], vocabulary_id)
            if key in seen:
                continue
            seen.add(key)
            saved.append({"id": known["id"] if known else str(uuid.uuid5(
                uuid.NAMESPACE_URL, "{}/{}".format(*key))),
                          "name": tag["name"], "vocabulary_id": vocabulary_id})
        return saved

    def save_resources(self, resource_dicts, package_id):
        """model_save.py package_resource_list_save and resource_dict_save, after
        default_resource_schema: url remove_whitespace, format clean_format (if_empty_guess_format
        leaves a given format alone)."""
        saved = []
        for position, resource in enumerate(resource_dicts):
            resource = copy.deepcopy(resource)
            resource.setdefault("id", str(uuid.uuid4()))
            resource["url"] = (resource.get("url") or "").strip()
            if resource.get("format"):
                resource["format"] = clean_format(resource["format"])
            resource["package_id"] = package_id
            resource["position"] = position
            resource.setdefault("state", "active")
            saved.append(resource)
        return saved

    # -- showing ------------------------------------------------------------------------------
    def dictize(self, package):
        """lib/dictization/model_dictize.py package_dictize: the title stripped, tags sorted
        by name (obj_list_dictize) with display_name, extras sorted by key
        (extras_list_dictize), and resource_dictize's http:// before a URL without a scheme.
        With ckanext-scheming, convert_from_extras brings its dataset fields out of extras."""
        shown = copy.deepcopy(package)
        if shown.get("title"):
            shown["title"] = shown["title"].strip()
        shown["tags"] = sorted(
            ({"id": t["id"], "name": t["name"], "display_name": t["name"], "state": "active",
              "vocabulary_id": t["vocabulary_id"]} for t in shown["tags"]),
            key=lambda t: t["name"])
        shown["num_tags"] = len(shown["tags"])
        extras = sorted(shown["extras"], key=lambda e: e["key"])
        schema = self.scheming_schema()
        fields = {f["field_name"] for f in schema["dataset_fields"]} if schema else set()
        for extra in extras:
            if extra["key"] in fields:
                shown[extra["key"]] = extra["value"]
        shown["extras"] = [e for e in extras if e["key"] not in fields]
        for resource in shown["resources"]:
            url = resource.get("url", "")
            if url and not urllib.parse.urlsplit(url).scheme:
                resource["url"] = "http://" + url.lstrip("/")
        shown["num_resources"] = len(shown["resources"])
        org = self.find_org(shown["owner_org"])
        shown["organization"] = dict(org) if org else None
        license_title = {l["id"]: l["title"] for l in LICENSES}
        shown["license_title"] = license_title.get(shown.get("license_id"),
                                                   shown.get("license_id"))
        shown["groups"] = []
        return shown

    # -- actions ------------------------------------------------------------------------------
    def call(self, action, data, user):
        with self.lock:
            self.requests.append((action, bool(user)))
            method = getattr(self, "action_" + action, None)
            if action == "package_update":
                self.violations.append("package_update")
                raise CkanError(500, {"__type": "Internal Server Error",
                                      "message": "package_update is forbidden in these tests"})
            if method is None or (action == "scheming_dataset_schema_show"
                                  and not self.scheming):
                # views/api.py action: get_action raises KeyError for an unknown action.
                if action != "scheming_dataset_schema_show":
                    self.violations.append("unsupported action " + action)
                raise bad_request("Action name not known: " + action)
            return method(data, user)

    def action_status_show(self, data, user):
        extensions = ["scheming_datasets", "dcat"] if self.scheming else []
        return {"ckan_version": self.ckan_version, "site_url": "http://localhost",
                "extensions": extensions}

    def action_license_list(self, data, user):
        return copy.deepcopy(LICENSES)

    def action_scheming_dataset_schema_show(self, data, user):
        # ckanext-scheming logic.py: get_or_bust "type", ObjectNotFound for an unknown one.
        if not data.get("type"):
            raise validation({"type": ["Missing value"]})
        if data["type"] != "dataset":
            raise not_found()
        return self.scheming_schema()

    def action_organization_show(self, data, user):
        org = self.find_org(data.get("id", ""))
        if not org:
            raise not_found()
        return dict(org, package_count=sum(
            1 for p in self.packages.values() if p["owner_org"] == org["id"]))

    def action_organization_list_for_user(self, data, user):
        """logic/action/get.py organization_list_for_user: the organizations where the user's
        capacity has `permission` (default manage_group), each with its capacity; [] for an
        anonymous caller."""
        permission = data.get("permission", "manage_group")
        return [dict(org, capacity=self.members[(user, org["id"])])
                for org in self.organizations.values()
                if self.permitted(user, org["id"], permission)]

    def action_package_show(self, data, user):
        """logic/action/get.py package_show: 404 before the auth check, 403 after it."""
        package = self.find_package(data.get("id", ""))
        if not package:
            raise not_found()
        if not self.may_read(user, package):
            raise denied("User {} not authorized to read package {}".format(user, package["id"]))
        return self.dictize(package)

    def action_package_search(self, data, user):
        """logic/action/get.py package_search: private datasets with include_private,
        drafts with include_drafts, never deleted ones, and only what the user may read."""
        match = re.fullmatch(r'owner_org:"([^"]+)"', data.get("fq", ""))
        if not match or data.get("q"):
            self.violations.append("package_search " + json.dumps(data))
            return {"count": 0, "results": []}
        rows, start = int(data.get("rows", 10)), int(data.get("start", 0))
        states = ["active"] + (["draft"] if data.get("include_drafts") == "true" else [])
        found = sorted((p for p in self.packages.values()
                        if p["owner_org"] == match.group(1) and p["state"] in states
                        and (data.get("include_private") == "true" or not p.get("private"))
                        and self.may_read(user, p)), key=lambda p: p["name"])
        return {"count": len(found), "sort": data.get("sort", "score desc"),
                "results": [self.dictize(p) for p in found[start:start + min(rows, 1000)]]}

    def action_package_create(self, data, user):
        """logic/action/create.py package_create: auth, then validation, then save."""
        # logic/auth/create.py package_create.
        if not user:
            raise denied("User  not authorized to create packages")
        org = self.find_org(data.get("owner_org") or "")
        if org and not self.permitted(user, org["id"], "create_dataset"):
            raise denied("User {} not authorized to add dataset to this organization".format(user))
        self.check_request(data)
        self.check_shape(data)
        package = copy.deepcopy(data)
        package.pop("id", None)
        package.setdefault("type", "dataset")
        self.validate(package, user)
        return self.dictize(self.save(package, None))

    def update(self, patched, user):
        """logic/action/update.py package_update of a whole dataset dict."""
        self.check_shape(patched)
        self.validate(patched, user)
        return self.dictize(self.save(patched, patched["id"]))

    def action_package_patch(self, data, user):
        """logic/action/patch.py package_patch: package_show, dict.update, package_update."""
        existing = self.find_package(data.get("id", ""))
        if not existing:
            raise not_found()
        self.check_update(user, existing)
        self.check_request(data)
        patched = self.dictize(existing)
        patched.update(copy.deepcopy(data))
        patched["id"] = existing["id"]
        return self.update(patched, user)

    def action_resource_create(self, data, user):
        """logic/action/create.py resource_create: the resource appended to package_show's
        dict and the whole dataset updated; a ValidationError keeps the new resource's part,
        else all of it."""
        if not data.get("package_id"):
            raise validation({"package_id": ["Missing value"]})
        package = self.find_package(data["package_id"])
        if not package:
            raise not_found()
        self.check_update(user, package)
        patched = self.dictize(package)
        patched["resources"].append(copy.deepcopy(data))
        try:
            shown = self.update(patched, user)
        except CkanError as e:
            if e.status == 409 and isinstance(e.error.get("resources"), list):
                raise validation(e.error["resources"][-1])
            raise
        return shown["resources"][-1]

    def action_resource_patch(self, data, user):
        """logic/action/patch.py resource_patch → update.py resource_update: the resource
        replaced in package_show's dict, the whole dataset updated."""
        for package in self.packages.values():
            for n, resource in enumerate(package["resources"]):
                if resource["id"] != data.get("id"):
                    continue
                self.check_update(user, package)
                patched = self.dictize(package)
                patched["resources"][n] = dict(patched["resources"][n], **copy.deepcopy(data))
                try:
                    shown = self.update(patched, user)
                except CkanError as e:
                    if e.status == 409 and isinstance(e.error.get("resources"), list):
                        raise validation(e.error["resources"][n])
                    raise
                return shown["resources"][n]
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

    def caller(self):
        """views/__init__.py _get_user_for_apitoken. CKAN 2.11 reads only apitoken_header_name
        (default Authorization); 2.10 reads apikey_header_name (default X-CKAN-API-Key), then
        Authorization, raw, unless it holds a space."""
        portal = self.server.portal
        token = self.headers.get(self.server.token_header, "")
        if not token and portal.ckan_version.startswith("2.10"):
            token = self.headers.get("Authorization", "")
            if " " in token:
                token = ""
        return portal.tokens.get(token, "")

    def handle_action(self, method):
        url = urllib.parse.urlsplit(self.path)
        prefix = self.server.prefix + "/api/3/action/"
        if not url.path.startswith(prefix):
            self.reply(404, b"<html><body>404 Not Found</body></html>", "text/html")
            return
        action = url.path[len(prefix):]
        portal = self.server.portal
        help_url = "http://localhost" + prefix + "help_show?name=" + action
        try:
            if method == "GET":
                if action not in READ_ACTIONS:
                    # views/api.py _get_request_data(try_url_params=False) refuses a GET of an
                    # action with side effects.
                    raise bad_request("JSON Error: Invalid request. Please use POST method "
                                      "for your request")
                data = dict(urllib.parse.parse_qsl(url.query))
            else:
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length)
                try:
                    data = json.loads(raw.decode("utf-8") or "{}")
                except (ValueError, UnicodeDecodeError) as e:
                    raise bad_request("JSON Error: Error decoding JSON data. Error: " + repr(e))
                if not isinstance(data, dict):
                    raise bad_request("JSON Error: Request data JSON decoded to {!r} but it "
                                      "needs to be a dictionary.".format(data))
            result = portal.call(action, data, self.caller())
            self.reply(200, {"help": help_url, "success": True, "result": result})
        except CkanError as e:
            if isinstance(e.error, str):
                self.reply(e.status, e.error)
            else:
                self.reply(e.status, {"help": help_url, "success": False, "error": e.error})

    def do_GET(self):
        self.handle_action("GET")

    def do_POST(self):
        self.handle_action("POST")


class MockCkan:
    """A mock portal on a free loopback port; `url` is what --ckan gets. Keyword arguments
    other than those below go to Portal."""

    def __init__(self, token, prefix="/data", token_header="Authorization", tls_context=None,
                 **portal):
        self.portal = Portal(token, **portal)
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
    parser.add_argument("--scheming", choices=["dcat", "multilingual"])
    args = parser.parse_args()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.portal = Portal(args.token, scheming=args.scheming)
    server.prefix = args.prefix
    server.token_header = args.token_header
    print("mock CKAN at http://127.0.0.1:{}{}".format(args.port, args.prefix))
    server.serve_forever()


if __name__ == "__main__":
    main()
