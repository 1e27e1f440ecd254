// JIS X 8341-3 / WCAG 2.2 AA with the auditors' tools, on every page of the sample site and of
// the English test site (tests/sites/english, language = "en") in both themes: axe-core, the
// Nu Html Checker, reflow at three widths, forced colours, and a print of the home page to A4.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { fileUrl, filesEndingIn, htmlPages, sitesAndBrowser } from './support.mjs';

const english = join(dirname(fileURLToPath(import.meta.url)), '..', 'sites', 'english');
// Judgement grades: an ordered scale with a special grade, and two unordered scales.
const grades = join(dirname(fileURLToPath(import.meta.url)), '..', 'sites', 'grades');
const directions = join(dirname(fileURLToPath(import.meta.url)), '..', 'sites', 'grades-directions');
// KPI indicators (大阪府立図書館's 重点指標): each area's grade chart, a chart per indicator and their table.
const kpi = join(dirname(fileURLToPath(import.meta.url)), '..', 'sites', 'kpi');
// Each site in each theme, by name: "default", "portal", "english default", "english portal".
const variants = [];
for (const theme of ['default', 'portal']) {
  variants.push({ name: theme, source: undefined, theme, charts: 7, files: 13 });
  variants.push({ name: `english ${theme}`, source: english, theme, charts: 7, files: 13 });
  variants.push({ name: `grades ${theme}`, source: grades, theme, charts: 3, files: 7 });
  variants.push({ name: `directions ${theme}`, source: directions, theme, charts: 6, files: 11 });
  variants.push({ name: `kpi ${theme}`, source: kpi, theme, charts: 7, files: 12 });
}
const shared = sitesAndBrowser(variants, { before, after });
const { sites } = shared;

// 404.html links to the site's files by base_url, as it must from any missing path: the
// context serves https://example.github.io/<site>/… from the built folder, as the host would.
async function servingBaseUrl(context, root) {
  await context.route('https://example.github.io/**', (route) => {
    const path = new URL(route.request().url()).pathname.split('/').slice(2).join('/');
    return route.fulfill({ path: join(root, path || 'index.html') });
  });
}

const axeOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  // Off by default in axe; tables are what these pages are for.
  rules: { 'td-has-header': { enabled: true }, 'table-fake-caption': { enabled: true } },
};

for (const { name: theme, files: fileCount } of variants) {
  test(`${theme}: every page has no axe violations`, async () => {
    const context = await shared.browser.newContext();
    await servingBaseUrl(context, sites[theme].root);
    const page = await context.newPage();
    for (const path of htmlPages(sites[theme].root)) {
      await page.goto(fileUrl(sites[theme].root, path));
      const results = await new AxeBuilder({ page }).options(axeOptions).analyze();
      const found = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      assert.deepEqual(found, [], `${theme} ${path}`);
      assert.ok(results.passes.length > 0, `${theme} ${path}: axe ran`);
    }
    await context.close();
  });

  test(`${theme}: no page overflows sideways at 1280, 640 or 320 px`, async () => {
    for (const width of [1280, 640, 320]) {
      const page = await shared.browser.newPage({ viewport: { width, height: 800 } });
      for (const path of htmlPages(sites[theme].root)) {
        await page.goto(fileUrl(sites[theme].root, path));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${theme} ${path} at ${width}px overflows by ${overflow}px`);
      }
      await page.close();
    }
  });

  test(`${theme}: the Nu Html Checker finds no errors in pages or charts`, () => {
    const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
    const root = sites[theme].root;
    const files = [...htmlPages(root), ...filesEndingIn(root, '.svg')].map((f) => join(root, f));
    assert.ok(files.length >= fileCount);
    const out = execFileSync('java', ['-jar', jar, '--errors-only', '--also-check-svg', '--stdout', ...files],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.equal(out.trim(), '');
  });
}

// WCAG relative luminance of "rgb(r, g, b)".
function luminance(css) {
  const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

for (const { name: site, charts } of variants.filter((v) => v.theme === 'default')) {
  test(`${site}: with forced colours, charts keep a visible background and labels`, async () => {
    const page = await shared.browser.newPage();
    await page.emulateMedia({ forcedColors: 'active' });
    let seen = 0;
    for (const path of htmlPages(sites[site].root)) {
      await page.goto(fileUrl(sites[site].root, path));
      const drawn = await page.evaluate(() => [...document.querySelectorAll('svg.chart')].map((svg) => ({
        background: getComputedStyle(svg.querySelector('rect')).fill,
        // A share written on its segment is read against the segment's colour (data-fill).
        texts: [...svg.querySelectorAll('text')].map((t) => ({ fill: getComputedStyle(t).fill, on: t.dataset.fill })),
        // An outlined bar (a KPI indicator's baseline) is seen by its outline, not its fill.
        bars: [...svg.querySelectorAll('rect[data-value], rect[data-share]')].map((r) =>
          getComputedStyle(r)[r.classList.contains('baseline') ? 'stroke' : 'fill']),
      })));
      seen += drawn.length;
      for (const chart of drawn) {
        assert.notEqual(chart.background, 'none');
        for (const { fill, on } of chart.texts) {
          const under = on ? `rgb(${[1, 3, 5].map((i) => parseInt(on.slice(i, i + 2), 16)).join(', ')})` : chart.background;
          assert.ok(contrast(fill, under) >= 4.5, `${path}: text ${fill} on ${under}`);
        }
        for (const fill of chart.bars) assert.ok(contrast(fill, chart.background) >= 3, `${path}: bar ${fill} on ${chart.background}`);
      }
    }
    assert.equal(seen, 2 * charts); // each chart drawn wide and narrow
    if (process.env.HYOKA_SCREENSHOTS) {
      await page.goto(fileUrl(sites[site].root, 'index.html'));
      await page.screenshot({ path: join(process.env.HYOKA_SCREENSHOTS, `forced-colours-${site.replace(' ', '-')}.png`), fullPage: true });
    }
    await page.close();
  });
}

for (const { name: site } of variants) {
  test(`${site}: the home page prints on A4 portrait with no table row split across pages`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hyoka-print-'));
    try {
      const page = await shared.browser.newPage();
      await page.goto(fileUrl(sites[site].root, 'index.html'));
      await page.emulateMedia({ media: 'print' });
      const rows = await page.evaluate(() => [...document.querySelectorAll('tr')].map((tr) =>
        [...tr.cells].map((c) => c.innerText.replace(/\s+/g, ''))));
      const pdf = join(dir, 'home.pdf');
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      await page.close();
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      assert.match(info, /Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
      const pageCount = Number(info.match(/Pages:\s+(\d+)/)[1]);
      const pages = [];
      for (let p = 1; p <= pageCount; p++) {
        pages.push(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
      }
      assert.ok(rows.length > 10);
      // A row split across pages has no page that holds all of its cells whole.
      for (const cells of rows) {
        assert.ok(pages.some((text) => cells.every((cell) => text.includes(cell))),
          `row "${cells.join(' | ')}" is not whole on any page`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
