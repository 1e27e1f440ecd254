// Charts fit the page (docs/themes.md, "Charts"): at every width from 320 to 1280 px, in both
// built-in themes, a chart is as wide as the text column, and every text of it renders between
// 12 px and the body text's size (its heading no larger than the page's section headings).
// Sizes are measured in Chromium: a text's computed font-size, in the SVG's units, times the
// scale at which the SVG is drawn (its rendered width over its viewBox's width).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileUrl, htmlPages, sitesAndBrowser, sourceDir } from './support.mjs';

const variants = [];
for (const theme of ['default', 'portal']) {
  variants.push({ name: theme, source: undefined, theme, charts: 7 });
  variants.push({ name: `english ${theme}`, source: join(sourceDir, 'tests/sites/english'), theme, charts: 7 });
  // KPI indicators: four grade charts on the home page, three on the area pages, four indicators.
  variants.push({ name: `kpi ${theme}`, source: join(sourceDir, 'tests/sites/kpi-chart'), theme, charts: 11 });
}
const shared = sitesAndBrowser(variants, { before, after });
const { sites } = shared;

// Runs in the page: the text column, the page's body and section-heading sizes, and every
// chart drawing that is shown, with the rendered size of each of its texts.
function measure() {
  const main = document.querySelector('main');
  const style = getComputedStyle(main);
  const column = main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const probe = (tag) => {
    const element = document.createElement(tag);
    element.textContent = 'x';
    main.append(element);
    const size = parseFloat(getComputedStyle(element).fontSize);
    element.remove();
    return size;
  };
  const figures = [...document.querySelectorAll('figure.chart')].map((figure) => {
    const shown = [...figure.querySelectorAll('svg.chart')].filter((svg) => svg.checkVisibility());
    return shown.map((svg) => {
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      return {
        id: svg.getAttribute('aria-labelledby'),
        width: box.width,
        texts: [...svg.querySelectorAll('text')].map((t) => ({
          text: t.textContent,
          heading: t.classList.contains('heading'),
          size: parseFloat(getComputedStyle(t).fontSize) * scale,
        })),
      };
    });
  });
  return { column, body: probe('p'), section: probe('h2'), figures };
}

// Every bound on one shown chart: as wide as the column, no text under 12 px, its heading no
// larger than a section heading and every other text no larger than the body text.
function checkChart(chart, m, where) {
  assert.ok(Math.abs(chart.width - m.column) < 1, `${where}: ${chart.width}px wide in a ${m.column}px column`);
  assert.ok(chart.texts.some((t) => t.heading) && chart.texts.some((t) => !t.heading), `${where}: no heading or no labels`);
  for (const t of chart.texts) {
    const bound = t.heading ? m.section : m.body;
    assert.ok(t.size >= 12 - 0.01, `${where}: "${t.text}" is ${t.size.toFixed(2)}px, under 12px`);
    assert.ok(t.size <= bound + 0.01, `${where}: "${t.text}" is ${t.size.toFixed(2)}px, over ${bound}px`);
  }
}

// Checks every chart of every page of `root` at `width`; returns the number of charts seen.
async function checkAt(page, root, width) {
  await page.setViewportSize({ width, height: 900 });
  let charts = 0;
  for (const path of htmlPages(root)) {
    await page.goto(fileUrl(root, path));
    const m = await page.evaluate(measure);
    for (const shown of m.figures) {
      assert.equal(shown.length, 1, `${path} at ${width}px: ${shown.length} drawings of one chart shown`);
      checkChart(shown[0], m, `${path} ${shown[0].id} at ${width}px`);
      charts += 1;
    }
  }
  return charts;
}

for (const { name, charts } of variants) {
  test(`${name}: charts fill the column with text from 12 px to the body's size at 320, 640, 960 and 1280 px`, async () => {
    const page = await shared.browser.newPage();
    for (const width of [320, 640, 960, 1280]) {
      assert.equal(await checkAt(page, sites[name].root, width), charts, `${name} at ${width}px`);
    }
    await page.close();
  });
}

for (const { name } of variants.filter((v) => v.source === undefined)) {
  test(`${name}: the home page's charts fit at every width from 320 to 1280 px, in steps of 8`, async () => {
    const page = await shared.browser.newPage();
    await page.goto(fileUrl(sites[name].root, 'index.html'));
    const drawings = new Set();
    for (let width = 320; width <= 1280; width += 8) {
      await page.setViewportSize({ width, height: 900 });
      const m = await page.evaluate(measure);
      assert.equal(m.figures.length, 2);
      for (const shown of m.figures) {
        assert.equal(shown.length, 1, `${name} at ${width}px: ${shown.length} drawings of one chart shown`);
        drawings.add(shown[0].id);
        checkChart(shown[0], m, `${name} ${shown[0].id} at ${width}px`);
      }
    }
    // Both drawings of each chart were shown somewhere in the range.
    assert.equal(drawings.size, 4, [...drawings].join(', '));
    await page.close();
  });
}
