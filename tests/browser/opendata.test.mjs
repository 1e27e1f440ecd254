// datapackage.json checked with Frictionless's own JavaScript libraries: the package is valid,
// and every row of every CSV casts cleanly against its Table Schema; for the sample site and for
// tests/sites/english, whose column headings are English.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Package } from 'datapackage';
import { Table } from 'tableschema';
import { buildSite } from './support.mjs';

let site;
let english;
let grades;
let kpi;
before(() => {
  site = buildSite();
  english = buildSite(join(dirname(fileURLToPath(import.meta.url)), '..', 'sites', 'english'));
  grades = buildSite(join(dirname(fileURLToPath(import.meta.url)), '..', 'sites', 'grades-directions'));
  kpi = buildSite(join(dirname(fileURLToPath(import.meta.url)), '..', 'sites', 'kpi-opendata'));
});
after(() => {
  site?.cleanup();
  english?.cleanup();
  grades?.cleanup();
  kpi?.cleanup();
});

test('datapackage.json is a valid tabular Data Package', async () => {
  const descriptor = JSON.parse(readFileSync(join(site.root, 'datapackage.json'), 'utf8'));
  const dataPackage = await Package.load(descriptor, { basePath: site.root, strict: false });
  assert.deepEqual(dataPackage.errors.map(String), []);
  assert.ok(dataPackage.valid);
  assert.equal(dataPackage.descriptor.profile, 'tabular-data-package');
  assert.equal(dataPackage.resources.length, 1);
  // Data Package v2 is a superset of v1; these are the v2 additions it relies on.
  assert.equal(descriptor.$schema, 'https://datapackage.org/profiles/2.0/datapackage.json');
  assert.deepEqual(descriptor.licenses.map((l) => l.name), ['CC-BY-4.0']);
});

test('every CSV row casts against its Table Schema', async () => {
  const descriptor = JSON.parse(readFileSync(join(site.root, 'datapackage.json'), 'utf8'));
  let rows = 0;
  for (const resource of descriptor.resources) {
    const table = await Table.load(join(site.root, resource.path), { schema: resource.schema });
    const read = await table.read({ keyed: true, cast: true });
    rows += read.length;
    for (const row of read) {
      assert.equal(typeof row['年度'], 'number');
      assert.ok(Number.isInteger(row['実施事業項目']) && row['実施事業項目'] >= 0);
    }
    assert.deepEqual(table.headers, resource.schema.fields.map((f) => f.name));
  }
  assert.equal(rows, 5 * 3); // five areas × three fiscal years
});

test('the English site\'s Data Package is valid and its rows cast under English headings', async () => {
  const descriptor = JSON.parse(readFileSync(join(english.root, 'datapackage.json'), 'utf8'));
  const dataPackage = await Package.load(descriptor, { basePath: english.root, strict: false });
  assert.deepEqual(dataPackage.errors.map(String), []);
  assert.ok(dataPackage.valid);
  const resource = descriptor.resources[0];
  const table = await Table.load(join(english.root, resource.path), { schema: resource.schema });
  const read = await table.read({ keyed: true, cast: true });
  assert.equal(read.length, 5 * 3);
  for (const row of read) {
    assert.equal(typeof row['Fiscal year'], 'number');
    assert.ok(Number.isInteger(row['Projects carried out']) && row['Projects carried out'] >= 0);
  }
  // recovery, FY2019: 9 of 12 achieved, 75.0%.
  const first = read.find((row) => row['Policy direction ID'] === 'recovery' && row['Fiscal year'] === 2019);
  assert.equal(first['Achievement rate (%)'], 75);
});

test('a grade site\'s Data Package is valid and its rows cast, one per area, year and grade', async () => {
  const descriptor = JSON.parse(readFileSync(join(grades.root, 'datapackage.json'), 'utf8'));
  const dataPackage = await Package.load(descriptor, { basePath: grades.root, strict: false });
  assert.deepEqual(dataPackage.errors.map(String), []);
  assert.ok(dataPackage.valid);
  const counts = {};
  for (const resource of descriptor.resources) {
    const table = await Table.load(join(grades.root, resource.path), { schema: resource.schema });
    const read = await table.read({ keyed: true, cast: true });
    counts[resource.name] = read.length;
    for (const row of read) {
      assert.ok(Number.isInteger(row['件数']) && row['件数'] >= 0);
      assert.ok(row['割合（%）'] >= 0 && row['割合（%）'] <= 100);
    }
    assert.equal(resource.schema.fields[5].categoriesOrdered, false);
  }
  // 長与町: one area, one fiscal year; 6 directions (今後の方向性) and 4 (事業実施状況).
  assert.deepEqual(counts, { direction: 6, status: 4 });
});

test('a KPI site\'s Data Package is valid and its indicators\' rows cast, one per indicator and year', async () => {
  const descriptor = JSON.parse(readFileSync(join(kpi.root, 'datapackage.json'), 'utf8'));
  const dataPackage = await Package.load(descriptor, { basePath: kpi.root, strict: false });
  assert.deepEqual(dataPackage.errors.map(String), []);
  assert.ok(dataPackage.valid);
  assert.deepEqual(descriptor.resources.map((r) => r.path), ['data/kpi.csv', 'data/kpi/indicators.csv']);
  const resource = descriptor.resources[1];
  const table = await Table.load(join(kpi.root, resource.path), { schema: resource.schema });
  const read = await table.read({ keyed: true, cast: true });
  assert.deepEqual(table.headers, resource.schema.fields.map((f) => f.name));
  assert.equal(read.length, 4 * 3); // tests/sites/kpi-opendata: four indicators × three fiscal years
  const row = (id, year) => read.find((r) => r['指標ID'] === id && r['年度'] === year);
  // From content/data/kpi.toml: 64.50 ÷ 70.0 = 92.14…% → 92.1; ▲5 ÷ 30 = −16.66…% → −16.7;
  // visitors has no actual value in 2024, so no rate and the grade x.
  assert.equal(Number(row('satisfaction', 2022)['実績値']), 64.5);
  assert.equal(Number(row('satisfaction', 2022)['達成率（%）']), 92.1);
  assert.equal(Number(row('balance', 2022)['達成率（%）']), -16.7);
  assert.equal(row('balance', 2022)['基準値の年度'], 2021);
  assert.equal(row('visitors', 2024)['実績値'], null);
  assert.equal(row('visitors', 2024)['実績値（欠測理由）'], '未集計');
  assert.equal(row('visitors', 2024)['達成度ID'], 'x');
});
