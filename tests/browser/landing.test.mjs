// A dataset's landing page (data/achievement/index.html of the sample site) as a reader sees it
// in Chromium, in both built-in themes: its facts list is laid out as label and value, and its
// table of the CSV's columns has one row per field of the Data Package, in the CSV's order.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, fileUrl, launch } from './support.mjs';

const themes = ['default', 'portal'];
const sites = {};
let browser;
before(async () => {
  for (const theme of themes) sites[theme] = buildSite(undefined, ['--theme', theme]);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) site.cleanup();
});

for (const theme of themes) {
  test(`${theme}: the landing page's facts stand as label and value, each pair on its line`, async () => {
    for (const width of [1280, 320]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(fileUrl(sites[theme].root, 'data/achievement/index.html'));
      const facts = await page.evaluate(() => {
        const dl = document.querySelector('dl.dataset-facts');
        return [...dl.querySelectorAll('dt')].map((dt) => {
          const dd = dt.nextElementSibling;
          const [a, b] = [dt.getBoundingClientRect(), dd.getBoundingClientRect()];
          return {
            label: dt.textContent,
            weight: Number(getComputedStyle(dt).fontWeight),
            ddIndent: parseFloat(getComputedStyle(dd).marginLeft),
            sameLine: Math.abs(a.top - b.top) < 2 && b.left >= a.right,
          };
        });
      });
      await page.close();
      assert.deepEqual(facts.map((f) => f.label), ['対象期間', '提供者', 'ライセンス']);
      for (const fact of facts) {
        assert.ok(fact.weight >= 700, `${width}px: ${fact.label} is not bold`);
        assert.ok(fact.sameLine, `${width}px: ${fact.label} is not beside its value`);
        assert.equal(fact.ddIndent, 0, `${width}px: ${fact.label}'s value keeps the browser's indent`);
      }
    }
  });

  test(`${theme}: the landing page lists each field of the Data Package in a row of its own`, async () => {
    const root = sites[theme].root;
    const descriptor = JSON.parse(readFileSync(join(root, 'datapackage.json'), 'utf8'));
    const fields = descriptor.resources.find((r) => r.name === 'achievement').schema.fields;
    const page = await browser.newPage();
    await page.goto(fileUrl(root, 'data/achievement/index.html'));
    const rows = await page.evaluate(() => [...document.querySelectorAll('table.columns tbody tr')]
      .map((tr) => [...tr.cells].map((c) => c.innerText.trim())));
    await page.close();
    assert.deepEqual(rows.map((r) => r[0]), fields.map((f) => f.name));
    assert.deepEqual(rows.map((r) => r[3]), fields.map((f) => f.description));
    const words = { integer: '整数', number: '数値', string: '文字列' };
    assert.deepEqual(rows.map((r) => r[1]), fields.map((f) => words[f.type]));
  });
}
