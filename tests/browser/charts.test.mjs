// Every chart of the sample site and of sites at the format's edges, measured in Chromium with real Japanese glyphs (Debian's
// fonts-noto-cjk): no two texts overlap, every text lies inside the viewBox, and every bar's
// rendered length is its value times one scale per chart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildSite, fileUrl, htmlPages, launch, sourceDir, writeSite } from './support.mjs';

let site, browser;
const sources = mkdtempSync(join(tmpdir(), 'hyoka-edge-'));
before(async () => {
  site = buildSite();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  site?.cleanup();
  rmSync(sources, { recursive: true, force: true });
});

// Runs in the page: the measurements of every chart as shown (each is drawn wide and narrow,
// and the theme shows one of them).
function measureCharts() {
  return [...document.querySelectorAll('svg.chart')].filter((svg) => svg.checkVisibility()).map((svg) => {
    const view = svg.viewBox.baseVal;
    const texts = [...svg.querySelectorAll('text')].map((t) => {
      const b = t.getBBox();
      return { text: t.textContent, x: b.x, y: b.y, w: b.width, h: b.height };
    });
    const bars = [...svg.querySelectorAll('rect.bar[data-value]')].map((r) => ({
      value: Number(r.dataset.value),
      rendered: r.getBoundingClientRect().width,
    }));
    const points = [...svg.querySelectorAll('.point[data-value]')].map((p) => {
      const box = p.getBoundingClientRect();
      return { value: Number(p.dataset.value), y: box.top + box.height / 2 };
    });
    // A grade chart's stacked segments (grade_chart), drawn but not on a scale of values.
    const segments = svg.querySelectorAll('rect.segment').length;
    return { id: svg.getAttribute('aria-labelledby'), view: { w: view.width, h: view.height }, texts, bars, points, segments };
  });
}

const overlap = (a, b, slack = 0.5) =>
  a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;

// Checks every chart of every page of a built site at two widths; returns the number seen.
async function checkCharts(root, shots) {
  const pages = htmlPages(root);
  let charts = 0;
  if (shots) mkdirSync(shots, { recursive: true });
  for (const width of [1280, 320]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const path of pages) {
      await page.goto(fileUrl(root, path));
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
        assert.ok(chart.bars.length + chart.points.length + chart.segments > 0, `${where}: nothing drawn`);
        const drawn = chart.bars.filter((b) => b.value > 0);
        if (drawn.length > 0) {
          const scale = drawn[0].rendered / drawn[0].value;
          for (const bar of drawn) {
            assert.ok(Math.abs(bar.rendered / bar.value - scale) <= scale * 0.002,
              `${where}: bar ${bar.value} is ${bar.rendered}px, expected ${bar.value * scale}px`);
          }
        }
        for (const bar of chart.bars.filter((b) => b.value === 0)) assert.equal(bar.rendered, 0);
        // Points of a line chart lie on one straight scale from a zero baseline: y = a − b·value.
        const distinct = [...new Map(chart.points.map((p) => [p.value, p])).values()];
        if (distinct.length >= 2) {
          const [p, q] = distinct;
          const b = (p.y - q.y) / (q.value - p.value);
          const a = p.y + b * p.value;
          assert.ok(b > 0, `${where}: larger values are not higher`);
          for (const point of chart.points) {
            assert.ok(Math.abs(a - b * point.value - point.y) < 0.5, `${where}: point ${point.value} is off the scale`);
          }
        }
      }
      if (shots) {
        await page.screenshot({ path: join(shots, `${path.replaceAll('/', '_')}-${width}.png`), fullPage: true });
      }
    }
    await page.close();
  }
  return charts;
}

test('the sample site\'s charts are laid out without overlaps, inside their viewBox, with proportional bars', async () => {
  assert.ok(htmlPages(site.root).length >= 6);
  const charts = await checkCharts(site.root, process.env.HYOKA_SCREENSHOTS);
  assert.equal(charts, 14); // 7 charts, at two widths
});

test('each KPI indicator\'s chart, its target line and a missing actual value, is laid out as carefully', async () => {
  const built = buildSite(join(sourceDir, 'tests/sites/kpi-chart'));
  try {
    // Four grade charts on the home page, three on the area pages and four indicators' charts.
    assert.equal(await checkCharts(built.root), 22); // 11 charts, at two widths
  } finally {
    built.cleanup();
  }
});

test('the English site\'s charts, in Latin text, are laid out as carefully', async () => {
  const built = buildSite(join(sourceDir, 'tests/sites/english'));
  try {
    assert.equal(await checkCharts(built.root), 14); // the sample's 7 charts, at two widths
  } finally {
    built.cleanup();
  }
});

const longName = (a) => `施策展開方向その${a + 1}：デジタル社会の実現に向けた基盤整備と人材育成およびDX（デジタル・トランスフォーメーション）の推進`;

test('fifty areas with long names, zero counts and a ratio with a zero denominator', async () => {
  const dir = writeSite(join(sources, 'fifty'), {
    areas: 50, periods: 1, measures: ['implemented', 'achieved', 'met'], name: longName,
    count: (a, m) => (a % 7 === 0 ? 0 : [a * 3 + 1, a * 2, a][m]),
  });
  const built = buildSite(dir);
  try {
    assert.ok(await checkCharts(built.root) >= 2 * 52);
  } finally {
    built.cleanup();
  }
});

test('ten fiscal years, four measures, equal values and one area', async () => {
  const dir = writeSite(join(sources, 'ten'), {
    areas: 1, periods: 10, measures: ['implemented', 'achieved', 'met', 'planned'], name: () => '単一の施策',
    count: () => 7,
  });
  const built = buildSite(dir);
  try {
    assert.ok(await checkCharts(built.root) >= 2 * 3);
  } finally {
    built.cleanup();
  }
});

test('many bars split the ratio chart per year, and more than fifty areas leave it out with a note', async () => {
  const many = buildSite(writeSite(join(sources, 'many'), {
    areas: 12, periods: 6, name: (a) => `施策${a + 1}`, count: (a, m, p) => (m === 0 ? 10 + p : a % 10),
  }));
  const tooMany = buildSite(writeSite(join(sources, 'too-many'), {
    areas: 51, periods: 1, name: (a) => `施策${a + 1}`, count: (a, m) => (m === 0 ? 4 : 2),
  }));
  try {
    const page = await browser.newPage();
    await page.goto(fileUrl(many.root, 'index.html'));
    const ids = await page.evaluate(() => [...document.querySelectorAll('svg.chart-wide')].map((s) => s.getAttribute('aria-labelledby')));
    assert.deepEqual(ids.filter((id) => id.includes('-rate-areas-')).length, 6);
    await page.goto(fileUrl(tooMany.root, 'index.html'));
    const note = await page.textContent('.chart-omitted');
    assert.match(note, /分野が50を超えるため、「達成項目の割合（分野別）」のグラフは省略し、表のみ掲載しています。/);
    // The note stands where the chart would, above the areas table, and docs/reference.md says
    // so (issue 22: it said "under the table").
    const placement = await page.evaluate(() => {
      const omitted = document.querySelector('.chart-omitted');
      const table = omitted.nextElementSibling?.querySelector(':scope > table');
      return { caption: table?.caption.textContent, above: omitted.getBoundingClientRect().bottom <= table?.getBoundingClientRect().top };
    });
    assert.deepEqual(placement, { caption: '事業の達成状況：分野別（単位：件）', above: true });
    const reference = readFileSync(join(sourceDir, 'docs/reference.md'), 'utf8').replace(/\s+/g, ' ');
    const claim = 'with more than 50 areas it is left out, and a note above the table says so.';
    assert.ok(reference.includes(claim), `docs/reference.md does not say "${claim}"`);
    await page.close();
    assert.ok(await checkCharts(many.root) > 0);
  } finally {
    many.cleanup();
    tooMany.cleanup();
  }
});

test('charts placed by block plugins, bars, ratios and a trend line, are laid out as carefully', async () => {
  const dir = join(sources, 'plugins');
  cpSync(join(sourceDir, 'tests/sites/plugins'), dir, { recursive: true });
  cpSync(join(sourceDir, 'themes'), join(dir, 'themes'), { recursive: true });
  const built = buildSite(dir);
  try {
    assert.ok(await checkCharts(built.root) >= 2 * 6);
  } finally {
    built.cleanup();
  }
});
