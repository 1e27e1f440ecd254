// Save-to-browser latency of `hyoka serve`: the time from just before a file is written to
// the moment the open page, reloaded by itself, has the new text (DOMContentLoaded of the new
// page). Median of several edits, on the sample site and on a generated site of 10,000 areas.
// Also the server's own rebuild time, from its log. Not a test: run it by hand after
// tools/setup (it uses tests/browser's playwright-core and build/generator/hyoka):
//   node benchmarks/serve_latency.mjs [edits per site, default 15] [areas, default 10000]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copySampleSite, launch, startServe, writeSite } from '../tests/browser/support.mjs';

const edits = Number(process.argv[2] ?? 15);
const areas = Number(process.argv[3] ?? 10000);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function measure(label, site, file, page) {
  const server = await startServe(site);
  const browser = await launch();
  try {
    const tab = await browser.newPage();
    // Every page load notes when its DOM was ready, on the same clock as this script.
    await tab.addInitScript(() =>
      addEventListener('DOMContentLoaded', () => { window.hyokaShownAt = Date.now(); }));
    await tab.goto(server.url + page);
    const path = join(site, file);
    const original = readFileSync(path, 'utf8');
    const latencies = [];
    for (let i = 0; i < edits; i++) {
      const marker = `計測用の一文その${i}。`;
      const savedAt = Date.now();
      writeFileSync(path, original.replace(/\n\n- /, `\n\n- ${marker}\n- `));
      await tab.waitForFunction((m) => document.body?.innerText.includes(m), marker, { timeout: 30000 });
      latencies.push((await tab.evaluate(() => window.hyokaShownAt)) - savedAt);
      await sleep(300);
    }
    const rebuilds = [...server.log().matchAll(/rebuilt \d+ pages? in (\d+) ms/g)].map((m) => Number(m[1]));
    console.log(`${label}: save to new page in the browser, median ${median(latencies)} ms ` +
      `(min ${Math.min(...latencies)}, max ${Math.max(...latencies)}, ${edits} edits); ` +
      `rebuild alone, median ${median(rebuilds)} ms`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

const sample = copySampleSite();
const large = mkdtempSync(join(tmpdir(), 'hyoka-bench-'));
try {
  await measure('sample site (6 pages)', sample, 'content/areas/recovery.md', 'areas/recovery/');
  writeSite(large, {
    areas,
    periods: 3,
    name: (a) => `施策分野その${a}`,
    count: (a, m, p) => (m === 0 ? 10 + ((a + p) % 7) : 5 + ((a * 3 + p) % 5)),
  });
  const middle = Math.floor(areas / 2);
  await measure(`${areas}-area site`, large, `content/areas/area-${middle}.md`, `areas/area-${middle}/`);
} finally {
  rmSync(sample, { recursive: true, force: true });
  rmSync(large, { recursive: true, force: true });
}
