"""The sample site's open data read back with real tools: rdflib (the library CKAN's DCAT
harvester uses) for the catalogs, Python's strict CSV reader for the CSV, compared cell by cell
with the HTML table of every area and fiscal year.

Usage: check_open_data.py HYOKA_BINARY SOURCE_DIR   (run by ctest with Debian's /usr/bin/python3)
"""
import csv
import html.parser
import io
import json
import pathlib
import subprocess
import sys
import tempfile
import unittest

import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDF

BINARY, SOURCE = sys.argv[1], pathlib.Path(sys.argv[2])
BASE = "https://example.github.io/fukushima-ict/"
CC_BY = rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")


class Tables(html.parser.HTMLParser):
    """Every <table>: its caption and rows of cell texts."""

    def __init__(self):
        super().__init__()
        self.tables, self.cell, self.caption = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag == "caption":
            self.caption = ""
        elif tag == "tr":
            self.tables[-1]["rows"].append([])
        elif tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "caption":
            self.tables[-1]["caption"], self.caption = self.caption, None
        elif tag in ("td", "th") and self.cell is not None:
            self.tables[-1]["rows"][-1].append(self.cell.strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data
        elif self.caption is not None:
            self.caption += data


class OpenData(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.public = pathlib.Path(cls.tmp.name) / "public"
        subprocess.run([BINARY, "build", "--quiet", "--source", str(SOURCE), "--destination", str(cls.public)],
                       check=True, stderr=subprocess.DEVNULL)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def graphs(self):
        turtle = rdflib.Graph().parse(self.public / "catalog.ttl", format="turtle")
        json_ld = rdflib.Graph().parse(self.public / "catalog.jsonld", format="json-ld")
        return turtle, json_ld

    def test_turtle_and_json_ld_hold_the_same_graph(self):
        turtle, json_ld = self.graphs()
        self.assertGreater(len(turtle), 40)
        self.assertTrue(isomorphic(turtle, json_ld))

    def test_catalog_lists_the_dataset_with_stable_iris_and_licensed_downloads(self):
        g, _ = self.graphs()
        catalogs = list(g.subjects(RDF.type, DCAT.Catalog))
        self.assertEqual(catalogs, [rdflib.URIRef(BASE + "catalog.ttl#catalog")])
        dataset = rdflib.URIRef(BASE + "data/achievement/#dataset")
        self.assertEqual(list(g.objects(catalogs[0], DCAT.dataset)), [dataset])
        self.assertEqual(str(g.value(dataset, DCTERMS.title)), "施策展開方向毎の事業の達成状況")
        self.assertEqual(g.value(dataset, DCAT.landingPage), rdflib.URIRef(BASE + "data/achievement/"))
        self.assertIsNotNone(g.value(dataset, DCAT.contactPoint))
        self.assertIsNotNone(g.value(dataset, DCTERMS.publisher))
        period = g.value(dataset, DCTERMS.temporal)
        self.assertEqual(str(g.value(period, DCAT.startDate)), "2019-04-01")
        self.assertEqual(str(g.value(period, DCAT.endDate)), "2022-03-31")
        downloads = {}
        for distribution in g.objects(dataset, DCAT.distribution):
            self.assertIsInstance(distribution, rdflib.URIRef)  # no blank nodes for harvesters
            self.assertEqual(g.value(distribution, DCTERMS.license), CC_BY)
            self.assertEqual(g.value(distribution, DCAT.accessURL), g.value(distribution, DCAT.downloadURL))
            url = str(g.value(distribution, DCAT.downloadURL))
            downloads[url] = str(g.value(distribution, DCTERMS.format))
            path = self.public / url[len(BASE):]
            self.assertEqual(int(g.value(distribution, DCAT.byteSize)), path.stat().st_size)
        self.assertEqual(downloads, {BASE + "data/achievement.csv": "CSV",
                                     BASE + "data/achievement-excel.csv": "CSV",
                                     BASE + "data/achievement.json": "JSON"})

    def read_csv(self, name):
        raw = (self.public / "data" / name).read_bytes()
        return raw, list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), strict=True))

    def test_csv_is_tidy_utf8_without_bom_and_the_excel_copy_has_one(self):
        raw, rows = self.read_csv("achievement.csv")
        self.assertFalse(raw.startswith(b"\xef\xbb\xbf"))
        self.assertIn(b"\r\n", raw)
        self.assertEqual(rows[0], ["全国地方公共団体コード", "施策展開方向ID", "施策展開方向", "年度", "年度（和暦）",
                                   "実施事業項目", "目標達成項目（目標達成+計画通り実施）", "達成項目の割合（%）"])
        self.assertEqual(len(rows), 1 + 5 * 3)  # no totals rows
        excel, excel_rows = self.read_csv("achievement-excel.csv")
        self.assertTrue(excel.startswith(b"\xef\xbb\xbf"))
        self.assertEqual(excel[3:], raw)
        self.assertEqual(excel_rows, rows)

    def test_csv_matches_the_html_table_cell_for_cell(self):
        _, rows = self.read_csv("achievement.csv")
        parser = Tables()
        parser.feed((self.public / "index.html").read_text(encoding="utf-8"))
        table = next(t for t in parser.tables if t["caption"].endswith("：施策展開方向別（単位：件）"))
        by_area = {r[0]: r[1:] for r in table["rows"][2:]}
        years = [2019, 2020, 2021]
        for row in rows[1:]:
            code, _, name, year, label, implemented, achieved, rate = row
            self.assertEqual(code, "070009")
            cells = by_area[name]
            y = years.index(int(year))
            self.assertEqual(implemented, cells[3 * y])
            self.assertEqual(achieved, cells[3 * y + 1])
            self.assertEqual(rate + "%", cells[3 * y + 2])
            self.assertEqual(label, ["令和元年度", "令和2年度", "令和3年度"][y])

    def test_json_carries_the_same_rows_and_the_printed_total(self):
        data = json.loads((self.public / "data" / "achievement.json").read_text(encoding="utf-8"))
        _, rows = self.read_csv("achievement.csv")
        self.assertEqual(len(data["rows"]), len(rows) - 1)
        first = data["rows"][0]
        self.assertEqual((first["area_id"], first["fiscal_year"], first["values"]["implemented"],
                          first["ratios"]["rate"]), ("recovery", 2019, 12, "75.0"))
        fy2021 = data["totals"][2]
        self.assertEqual(fy2021["values"]["achieved"], 108)
        self.assertEqual(fy2021["published_values"]["achieved"], 107)

    def test_landing_page_has_schema_org_json_ld_and_alternates(self):
        page = (self.public / "data" / "achievement" / "index.html").read_text(encoding="utf-8")
        start = page.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
        ld = json.loads(page[start:page.index("</script>", start)])
        self.assertEqual(ld["@type"], "Dataset")
        self.assertEqual(ld["license"], str(CC_BY))
        self.assertEqual(ld["temporalCoverage"], "2019-04-01/2022-03-31")
        self.assertEqual({d["contentUrl"] for d in ld["distribution"]},
                         {BASE + "data/achievement.csv", BASE + "data/achievement-excel.csv",
                          BASE + "data/achievement.json"})
        self.assertIn('<link rel="alternate" type="text/turtle" href="../../catalog.ttl"', page)
        self.assertIn("出典：福島県 デジタル変革課「施策展開方向毎の事業の達成状況」", page)



class KpiOpenData(unittest.TestCase):
    """tests/sites/kpi-opendata (a constructed site): its indicators' files in both catalogs, read with
    rdflib, and their CSV with Python's strict reader."""

    KPI = "https://example.github.io/kpi/"

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.public = pathlib.Path(cls.tmp.name) / "public"
        subprocess.run([BINARY, "build", "--quiet", "--source", str(SOURCE / "tests/sites/kpi-opendata"),
                        "--destination", str(cls.public)], check=True, stderr=subprocess.DEVNULL)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_the_indicators_files_are_distributions_of_the_dataset_in_both_catalogs(self):
        turtle = rdflib.Graph().parse(self.public / "catalog.ttl", format="turtle")
        json_ld = rdflib.Graph().parse(self.public / "catalog.jsonld", format="json-ld")
        self.assertTrue(isomorphic(turtle, json_ld))
        dataset = rdflib.URIRef(self.KPI + "data/kpi/#dataset")
        downloads = {}
        for distribution in turtle.objects(dataset, DCAT.distribution):
            self.assertIsInstance(distribution, rdflib.URIRef)
            self.assertEqual(turtle.value(distribution, DCTERMS.license), CC_BY)
            url = str(turtle.value(distribution, DCAT.downloadURL))
            downloads[url] = str(turtle.value(distribution, DCTERMS.format))
            path = self.public / url[len(self.KPI):]
            self.assertEqual(int(turtle.value(distribution, DCAT.byteSize)), path.stat().st_size)
        self.assertEqual(downloads, {self.KPI + "data/kpi.csv": "CSV",
                                     self.KPI + "data/kpi-excel.csv": "CSV",
                                     self.KPI + "data/kpi.json": "JSON",
                                     self.KPI + "data/kpi/indicators.csv": "CSV",
                                     self.KPI + "data/kpi/indicators-excel.csv": "CSV",
                                     self.KPI + "data/kpi/indicators.json": "JSON"})

    def test_the_indicators_csv_reads_strictly_one_line_per_indicator_and_year(self):
        raw = (self.public / "data/kpi/indicators.csv").read_bytes()
        self.assertFalse(raw.startswith(b"\xef\xbb\xbf"))
        self.assertNotIn(b"\n", raw.replace(b"\r\n", b""))  # CRLF only
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline=""), strict=True))
        self.assertEqual(len(rows), 4 * 3)  # content/data/kpi.toml: 4 indicators, 3 fiscal years
        # satisfaction, 2022: 64.50 ÷ 70.0 = 92.14…% → 92.1 → B (content/data/kpi.toml).
        row = next(r for r in rows if r["指標ID"] == "satisfaction" and r["年度"] == "2022")
        self.assertEqual((row["実績値"], row["達成率（%）"], row["達成度ID"]), ("64.50", "92.1", "b"))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
