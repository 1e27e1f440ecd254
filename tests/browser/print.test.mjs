// Printing: the sample site's home page and an area page, and the KPI site's home, area and
// landing pages, in both themes, printed by Chromium (CDP Page.printToPDF, with the page's own
// @page size) to PDF. pdfinfo counts the pages and
// pdftoppm rasterises them at 20 dpi: no page but the last may be mostly blank, and there are no
// more pages than their content fills, plus one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, fileUrl, launch } from './support.mjs';

const dpi = 20;
const margin = 15; // mm, the themes' @page margin
// A blank run shorter than this (mm) is the space between lines, rows or blocks (the widest,
// above a heading, is 2.5rem: 10.6 mm at the screen's 16 px), not emptiness.
const gap = 12;
// "Mostly blank": less than half of the printable height holds anything. A page break leaves
// blank only what the next unbreakable piece needs: a table row, a note, a heading with its
// first lines, or a chart (an SVG, which Chromium never splits). More than half a page empty
// means something larger than that was pushed over, as whole sections and tables were.
const mostlyBlank = 0.5;

const sites = {};
let browser, dir;
before(async () => {
  const kpi = join(dirname(fileURLToPath(import.meta.url)), '..', 'sites', 'kpi');
  for (const theme of ['default', 'portal']) {
    sites[theme] = buildSite(undefined, ['--theme', theme]);
    sites[`kpi ${theme}`] = buildSite(kpi, ['--theme', theme]);
  }
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'hyoka-print-'));
});
after(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) site.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

// The share of each page's printable height that holds ink, from a greyscale PGM per page.
function fills(pdf) {
  const prefix = join(dir, 'page');
  for (const f of readdirSync(dir)) if (f.startsWith('page')) rmSync(join(dir, f));
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', pdf, prefix]);
  const px = (mm) => Math.round((mm / 25.4) * dpi);
  return readdirSync(dir).filter((f) => f.startsWith('page')).sort().map((f) => {
    const data = readFileSync(join(dir, f));
    // P5, width, height, maxval, one whitespace byte, then the pixels.
    const header = data.subarray(0, 32).toString('latin1').match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/);
    const [width, height] = [Number(header[1]), Number(header[2])];
    const pixels = data.subarray(header[0].length);
    const inked = [];
    for (let y = px(margin); y < height - px(margin); y++) {
      const row = pixels.subarray(y * width, (y + 1) * width);
      inked.push(row.some((v) => v < 250));
    }
    // Short blank runs between inked rows count as filled.
    const first = inked.indexOf(true);
    const last = inked.lastIndexOf(true);
    let filled = 0;
    for (let y = first, blank = 0; first >= 0 && y <= last; y++) {
      if (inked[y]) {
        filled += 1 + (blank < px(gap) ? blank : 0);
        blank = 0;
      } else {
        blank += 1;
      }
    }
    return filled / inked.length;
  });
}

// The sample site, and the KPI site (tests/sites/kpi): its home page, an area page with the
// indicator table, and the dataset's landing page.
const printed = [];
for (const theme of ['default', 'portal']) {
  printed.push([theme, ['index.html', 'areas/safety/index.html']]);
  printed.push([`kpi ${theme}`, ['index.html', 'areas/kihon5/index.html', 'data/kpi/index.html']]);
}
for (const [theme, paths] of printed) {
  for (const path of paths) {
    test(`${theme}: ${path} prints on A4 with no page but the last mostly blank`, async () => {
      const page = await browser.newPage();
      await page.goto(fileUrl(sites[theme].root, path));
      const pdf = join(dir, 'print.pdf');
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      await page.close();
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      assert.match(info, /Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
      const count = Number(info.match(/Pages:\s+(\d+)/)[1]);
      const fill = fills(pdf);
      assert.equal(fill.length, count);
      const shown = fill.map((f) => `${Math.round(f * 100)}%`).join(', ');
      fill.slice(0, -1).forEach((f, i) => {
        assert.ok(f >= mostlyBlank, `page ${i + 1} of ${count} is ${Math.round(f * 100)}% full (${shown})`);
      });
      assert.ok(fill.at(-1) > 0, `the last page is empty (${shown})`);
      const needed = Math.ceil(fill.reduce((a, b) => a + b, 0));
      assert.ok(count <= needed + 1, `${count} pages for content that fills ${needed} (${shown})`);
    });
  }
}
