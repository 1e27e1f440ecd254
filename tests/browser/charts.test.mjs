// Every chart of the sample site, measured in Chromium with real Japanese glyphs (Debian's
// fonts-noto-cjk): no two texts overlap, every text lies inside the viewBox, and every bar's
// rendered length is its value times one scale per chart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, fileUrl, htmlPages, launch, sourceDir } from './support.mjs';

let site, browser;
before(async () => {
  site = buildSite();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.cleanup();
});

// Runs in the page: the measurements of every chart.
function measureCharts() {
  return [...document.querySelectorAll('svg.chart')].map((svg) => {
    const view = svg.viewBox.baseVal;
    const texts = [...svg.querySelectorAll('text')].map((t) => {
      const b = t.getBBox();
      return { text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height };
    });
    const bars = [...svg.querySelectorAll('rect[data-value]')].map((r) => ({
      value: Number(r.dataset.value),
      rendered: r.getBoundingClientRect().width,
    }));
    return { id: svg.getAttribute('aria-labelledby'), view: { w: view.width, h: view.height }, texts, bars };
  });
}

const overlap = (a, b, slack = 0.5) =>
  a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;

test('charts are laid out without overlaps, inside their viewBox, with proportional bars', async () => {
  const pages = htmlPages(site.root);
  assert.ok(pages.length >= 6);
  let charts = 0;
  const shots = process.env.HYOKA_SCREENSHOTS;
  if (shots) mkdirSync(shots, { recursive: true });
  for (const width of [1280, 320]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const path of pages) {
      await page.goto(fileUrl(site.root, path));
      await page.evaluate(() => document.fonts.ready);
      for (const chart of await page.evaluate(measureCharts)) {
        charts += 1;
        const where = `${path} ${chart.id} at ${width}px`;
        for (const t of chart.texts) {
          assert.ok(t.x >= -0.5 && t.y >= -0.5 && t.x + t.w <= chart.view.w + 0.5 && t.y + t.h <= chart.view.h + 0.5,
            `${where}: "${t.text}" leaves the viewBox (${t.x.toFixed(1)},${t.y.toFixed(1)} ${t.w.toFixed(1)}×${t.h.toFixed(1)})`);
        }
        for (let i = 0; i < chart.texts.length; i++) {
          for (let j = i + 1; j < chart.texts.length; j++) {
            assert.ok(!overlap(chart.texts[i], chart.texts[j]),
              `${where}: "${chart.texts[i].text}" overlaps "${chart.texts[j].text}"`);
          }
        }
        const drawn = chart.bars.filter((b) => b.value > 0);
        assert.ok(drawn.length > 0, `${where}: no bars`);
        const scale = drawn[0].rendered / drawn[0].value;
        for (const bar of drawn) {
          assert.ok(Math.abs(bar.rendered / bar.value - scale) <= scale * 0.002,
            `${where}: bar ${bar.value} is ${bar.rendered}px, expected ${bar.value * scale}px`);
        }
        for (const bar of chart.bars.filter((b) => b.value === 0)) assert.equal(bar.rendered, 0);
      }
      if (shots) {
        await page.screenshot({ path: join(shots, `${path.replaceAll('/', '_')}-${width}.png`), fullPage: true });
      }
    }
    await page.close();
  }
  assert.equal(charts, 14); // 7 charts, at two widths
});
