"""tests/sites/shapes' open data read back with real tools: the catalogs with rdflib (the
library CKAN's DCAT harvester uses), one dct:PeriodOfTime per run of covered fiscal years, and
every CSV row against its Data Package schema, empty cells and reason columns included.

Usage: check_shapes_open_data.py HYOKA_BINARY SOURCE_DIR   (Debian's /usr/bin/python3)
"""
import csv
import json
import pathlib
import subprocess
import sys
import tempfile
import unittest

import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS

BINARY, SOURCE = sys.argv[1], pathlib.Path(sys.argv[2])
BASE = "https://example.github.io/kakuu/"


class ShapesOpenData(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = pathlib.Path(cls.tmp.name) / "public"
        subprocess.run([BINARY, "build", "-q", "--strict", "--source",
                        str(SOURCE / "tests/sites/shapes"), "--destination", str(cls.out)],
                       check=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_turtle_and_json_ld_are_the_same_graph(self):
        turtle = rdflib.Graph().parse(self.out / "catalog.ttl")
        json_ld = rdflib.Graph().parse(self.out / "catalog.jsonld", format="json-ld")
        self.assertTrue(isomorphic(turtle, json_ld))

    def test_temporal_coverage_is_the_years_covered(self):
        graph = rdflib.Graph().parse(self.out / "catalog.ttl")
        # jigyo.toml: periods = [2015, 2016, 2019]; summary.toml: [2016, 2019].
        expected = {
            "data/jigyo/": {("2015-04-01", "2017-03-31"), ("2019-04-01", "2020-03-31")},
            "data/summary/": {("2016-04-01", "2017-03-31"), ("2019-04-01", "2020-03-31")},
        }
        for path, periods in expected.items():
            dataset = rdflib.URIRef(BASE + path + "#dataset")
            found = {(str(graph.value(t, DCAT.startDate)), str(graph.value(t, DCAT.endDate)))
                     for t in graph.objects(dataset, DCTERMS.temporal)}
            self.assertEqual(found, periods, path)

    def test_every_csv_row_validates_against_its_schema(self):
        package = json.loads((self.out / "datapackage.json").read_text(encoding="utf-8"))
        for resource in package["resources"]:
            fields = resource["schema"]["fields"]
            missing = resource["schema"].get("missingValues", [""])
            with open(self.out / resource["path"], encoding="utf-8", newline="") as f:
                rows = list(csv.reader(f, strict=True))
            self.assertEqual(rows[0], [field["name"] for field in fields])
            for row in rows[1:]:
                self.assertEqual(len(row), len(fields))
                for field, cell in zip(fields, row):
                    constraints = field.get("constraints", {})
                    if cell in missing:
                        self.assertFalse(constraints.get("required", False), (field, row))
                        continue
                    if field["type"] == "integer":
                        self.assertGreaterEqual(int(cell), constraints.get("minimum", 0))
                    if "enum" in constraints:
                        self.assertIn(cell, constraints["enum"])

    def test_a_missing_count_is_an_empty_cell_with_its_reason(self):
        with open(self.out / "data/jigyo.csv", encoding="utf-8", newline="") as f:
            rows = {(r["分野ID"], r["年度"]): r for r in csv.DictReader(f, strict=True)}
        self.assertEqual(rows[("kurashi", "2016")]["実施事業数"], "")
        self.assertEqual(rows[("kurashi", "2016")]["実施事業数（欠測理由）"], "未公表")
        self.assertEqual(rows[("sangyo", "2019")]["目標達成事業数（欠測理由）"], "対象外")
        self.assertEqual(rows[("kurashi", "2015")]["達成割合（%）"], "80.0")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
