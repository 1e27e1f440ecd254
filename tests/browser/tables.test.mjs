// Tables at 320, 768, 1100 and 1280 px in both themes (the sample site and the KPI site),
// measured in Chromium with real Japanese glyphs: a heading or an area name breaks its line only
// between words or phrases, no cell is narrower than what it holds unbroken, and a table wider
// than its column scrolls in its own region. Where a line breaks is read from each character's
// box (Range.getClientRects); what a word is comes from the browser's dictionary
// (Intl.Segmenter, ICU), not from hyoka.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildSite, fileUrl, launch, sourceDir, writeSite } from './support.mjs';

const widths = [320, 768, 1100, 1280];
const sources = mkdtempSync(join(tmpdir(), 'hyoka-tables-'));
const sites = {};
let browser;
before(async () => {
  sites.default = buildSite();
  sites.portal = buildSite(undefined, ['--theme', 'portal']);
  sites.english = buildSite(join(sourceDir, 'tests/sites/english'));
  for (const theme of ['default', 'portal']) {
    sites[`kpi ${theme}`] = buildSite(join(sourceDir, 'tests/sites/kpi'), ['--theme', theme]);
  }
  // Long names in every script, and ten fiscal years: a table wider than any screen.
  const names = [
    '施策展開方向その1：デジタル社会の実現に向けた基盤整備と人材育成およびDX（デジタル・トランスフォーメーション）の推進',
    '行政手続のオンライン化とマイナンバーカードの利活用', '復興の推進', 'ICT人材育成',
  ];
  sites.wide = buildSite(writeSite(join(sources, 'wide'), {
    areas: names.length, periods: 10, name: (a) => names[a], count: (a, m, p) => 20 + a + p - m * 3,
  }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const site of Object.values(sites)) site.cleanup();
  rmSync(sources, { recursive: true, force: true });
});

// Runs in the page: every place where a table's text breaks badly, as sentences.
function tableProblems() {
  const problems = [];
  const words = new Intl.Segmenter(document.documentElement.lang || 'ja', { granularity: 'word' });
  const kind = (c) => {
    if (/[\p{Script=Han}々〆ヵヶ]/u.test(c)) return 'kanji';
    if (/\p{Script=Hiragana}/u.test(c)) return 'hiragana';
    if (/[\p{Script=Katakana}ー]/u.test(c)) return 'katakana';
    return /[\p{L}\p{N}]/u.test(c) ? 'letter' : 'other';
  };
  for (const cell of document.querySelectorAll('table th, table td')) {
    // The cell's characters, each with its text node and offset (a <wbr> or a link splits the
    // text into several nodes).
    const chars = [];
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      let offset = 0;
      for (const c of node.data) {
        chars.push({ c, node, offset });
        offset += c.length;
      }
    }
    const part = (from, to) => chars.slice(from, to).map((x) => x.c).join('');
    const text = part(0, chars.length);
    if (!text.trim()) continue;
    // Where a line may break: between two words of the dictionary, but not inside a run of
    // kanji (a compound: 「実施/事業」), before kana that follow a word (a particle or an
    // okurigana: 「復興/の」) or after an opening bracket. Indices are in characters.
    const allowed = new Set();
    let at = 0;
    for (const { segment } of words.segment(text)) {
      allowed.add(at);
      at += [...segment].length;
    }
    const mayBreakBefore = (i) => {
      if (i === 0 || /\s/.test(chars[i - 1].c)) return true;
      if (!allowed.has(i)) return false;
      const [before, here] = [kind(chars[i - 1].c), kind(chars[i].c)];
      if (before === 'kanji' && here === 'kanji') return false;
      if (/[（［｛「『【〈《〔(\[]/.test(chars[i - 1].c)) return false;
      return !(here === 'hiragana' && ['kanji', 'katakana', 'letter'].includes(before));
    };
    const box = (i, j = i + 1) => {
      const range = document.createRange();
      range.setStart(chars[i].node, chars[i].offset);
      range.setEnd(chars[j - 1].node, chars[j - 1].offset + chars[j - 1].c.length);
      return range;
    };
    // The cell's content box; collapsed borders lie half inside the cell.
    const style = getComputedStyle(cell);
    const rect = cell.getBoundingClientRect();
    const border = (side) => parseFloat(style[`border${side}Width`]) / (style.borderCollapse === 'collapse' ? 2 : 1);
    const left = rect.left + border('Left') + parseFloat(style.paddingLeft);
    const right = rect.right - border('Right') - parseFloat(style.paddingRight);
    const where = `${cell.closest('table').id} ${cell.tagName.toLowerCase()} "${text.trim()}"`;
    // Line breaks: a visible character whose box starts below the previous one's middle.
    let previous = null;
    const starts = [0];
    // Figures do not wrap (white-space: nowrap); only headings and names are read line by line.
    chars.forEach((x, i) => {
      if (cell.tagName !== 'TH' || /\s/.test(x.c)) return;
      const r = box(i).getClientRects()[0];
      if (!r) return;
      if (previous && r.top > previous.top + previous.height / 2) {
        starts.push(i);
        if (!mayBreakBefore(i)) {
          problems.push(`${where} breaks inside a word: "${part(0, i)}/${part(i)}"`.replace(/\s+/g, ' '));
        }
      }
      previous = r;
    });
    // Each piece between two places where a line may break lies whole inside the cell.
    let start = 0;
    for (let i = 1; i <= chars.length; i++) {
      if (i < chars.length && !mayBreakBefore(i)) continue;
      let [from, to] = [start, i];
      while (from < to && /\s/.test(chars[from].c)) from += 1;
      while (to > from && /\s/.test(chars[to - 1].c)) to -= 1;
      const piece = part(from, to);
      if (piece && !starts.some((s) => s > from && s < to)) {
        const r = box(from, to).getBoundingClientRect();
        if (r.left < left - 0.5 || r.right > right + 0.5) {
          problems.push(`${where}: "${piece}" is ${r.width.toFixed(1)}px wide, its cell ${(right - left).toFixed(1)}px`);
        }
      }
      start = i;
    }
  }
  // A table wider than its column scrolls in its region; the page itself never scrolls sideways.
  for (const region of document.querySelectorAll('.table-scroll')) {
    const table = region.querySelector('table');
    if (table.getBoundingClientRect().width > region.clientWidth + 0.5 &&
        !['auto', 'scroll'].includes(getComputedStyle(region).overflowX)) {
      problems.push(`${table.id} is wider than its region, which does not scroll`);
    }
  }
  const overflow = document.documentElement.scrollWidth - window.innerWidth;
  if (overflow > 0) problems.push(`the page overflows by ${overflow}px`);
  return problems;
}

async function check(site, pages) {
  const found = [];
  let tables = 0;
  for (const width of widths) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const path of pages) {
      await page.goto(fileUrl(sites[site].root, path));
      await page.evaluate(() => document.fonts.ready);
      tables += await page.evaluate(() => document.querySelectorAll('table').length);
      for (const problem of await page.evaluate(tableProblems)) found.push(`${path} at ${width}px: ${problem}`);
    }
    await page.close();
  }
  assert.deepEqual(found, []);
  return tables;
}

// Area pages are alike: one stands for them all.
const pages = ['index.html', 'areas/safety/index.html'];

for (const theme of ['default', 'portal']) {
  test(`${theme}: the sample site's headings and area names break only between words or phrases`, async () => {
    // The home page's two tables and the area's, at four widths.
    assert.equal(await check(theme, pages), widths.length * 3);
  });
}

test('the English site\'s tables break only between words', async () => {
  assert.equal(await check('english', pages), widths.length * 3);
});

for (const theme of ['default', 'portal']) {
  test(`${theme}: the KPI site's grade and indicator tables break only between words or phrases`, async () => {
    // The home page's totals and areas, and an area's grades and its indicators (four columns
    // of heading, then three per fiscal year): a table wider than a phone, scrolled in its region.
    assert.equal(await check(`kpi ${theme}`, ['index.html', 'areas/kihon5/index.html']), widths.length * 4);
  });
}

test('long names and ten fiscal years: the table scrolls in its region, its cells keep their phrases', async () => {
  assert.equal(await check('wide', ['index.html', 'areas/area-00/index.html']), widths.length * 3);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(fileUrl(sites.wide.root, 'index.html'));
  const [scroll, client] = await page.evaluate(() => {
    const region = document.querySelector('.table-scroll:has(table[id$="-areas"])');
    return [region.scrollWidth, region.clientWidth];
  });
  assert.ok(scroll > client, `the table of ten years fits in ${client}px`);
  await page.close();
});
