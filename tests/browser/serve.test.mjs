// `hyoka serve` in Chromium: an open page follows edits of content, themes and site.toml by
// itself, shows a broken edit as an overlay with its file:line:col and clears it on the fix,
// and a new area file appears in the navigation. The browser is never told to reload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copySampleSite, launch, startServe } from './support.mjs';

const wait = { timeout: 10000 };
let site, server, browser, page;

before(async () => {
  site = copySampleSite();
  server = await startServe(site);
  browser = await launch();
  page = await browser.newPage();
});
after(async () => {
  await browser?.close();
  await server?.stop(); // already stopped by the last test, unless an earlier one failed
  rmSync(site, { recursive: true, force: true });
});

const edit = (path, change) => {
  const file = join(site, path);
  writeFileSync(file, change(readFileSync(file, 'utf8')));
};
const bodyHas = (text) => page.waitForFunction((t) => document.body?.innerText.includes(t), text, wait);

test('serves the site under the sub-path of base_url', async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/fukushima-ict\/$/);
  const response = await page.goto(new URL('/', server.url).href);
  assert.equal(page.url(), server.url);
  assert.equal(response.status(), 200);
});

test('an edit of a content file shows in the open page by itself', async () => {
  await page.goto(`${server.url}areas/recovery/`);
  await page.evaluate(() => { window.notReloaded = true; });
  edit('content/areas/recovery.md', (text) =>
    text.replace('携帯電話通話エリアの拡大を推進した。', '編集した一文がすぐに見える。'));
  await bodyHas('編集した一文がすぐに見える。');
  assert.equal(await page.evaluate(() => window.notReloaded), undefined, 'the page reloaded');
});

test('a broken edit shows the error over the page and the fix clears it', async () => {
  const original = readFileSync(join(site, 'content/areas/recovery.md'), 'utf8');
  edit('content/areas/recovery.md', (text) => text.replace('title = "復興の推進"', 'title = '));
  const overlay = page.locator('#hyoka-error-overlay');
  await overlay.waitFor(wait);
  const shown = await overlay.innerText();
  assert.match(shown, /content\/areas\/recovery\.md:2:9: error: invalid TOML/);
  assert.match(shown, /2 \| title = /);
  // The last good site is still under the overlay.
  assert.ok((await page.innerText('main')).includes('編集した一文がすぐに見える。'));

  writeFileSync(join(site, 'content/areas/recovery.md'), original.replace('復興の推進"', '復興の推進（直した）"'));
  await overlay.waitFor({ state: 'detached', ...wait });
  await bodyHas('復興の推進（直した）');
});

test('markup in an error is shown as text, never run', async () => {
  edit('content/areas/recovery.md', (text) => text.replace('weight = 1', 'weight = <img src=x onerror="window.ran=1">'));
  const overlay = page.locator('#hyoka-error-overlay');
  await overlay.waitFor(wait);
  assert.match(await overlay.innerText(), /<img src=x onerror=/);
  assert.equal(await page.evaluate(() => window.ran), undefined);
  edit('content/areas/recovery.md', (text) => text.replace('weight = <img src=x onerror="window.ran=1">', 'weight = 1'));
  await overlay.waitFor({ state: 'detached', ...wait });
});

test('a new area file appears in the navigation of an open page', async () => {
  await page.goto(server.url);
  writeFileSync(join(site, 'content/areas/new-area.md'),
    '+++\ntitle = "新しく加えた施策"\nweight = 9\n+++\n\n- 本文。\n');
  await page.locator('.site-nav', { hasText: '新しく加えた施策' }).waitFor(wait);
  await page.click('.site-nav >> text=新しく加えた施策');
  // Links name index.html, so they work from the disk too.
  await page.waitForURL(`${server.url}areas/new-area/index.html`, wait);
  assert.equal(await page.innerText('h1'), '新しく加えた施策');
});

test('a stylesheet edit swaps the stylesheet without reloading the page', async () => {
  await page.goto(server.url);
  await page.evaluate(() => { window.notReloaded = true; });
  appendFileSync(join(site, 'themes/default/static/css/style.css'), '\nbody { outline: 3px solid rgb(1, 2, 3); }\n');
  await page.waitForFunction(() => document.body && getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)', null, wait);
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page reloaded');
});

test('an edit of site.toml needs no restart', async () => {
  edit('site.toml', (text) => text.replace(/^title = ".*"$/m, 'title = "設定を変えた題名"'));
  await page.waitForFunction(() => document.title.includes('設定を変えた題名'), null, wait);
});

test('one line per rebuild says what changed, how many pages and how long', () => {
  assert.match(server.log(), /hyoka: content\/areas\/recovery\.md changed: rebuilt 6 pages in \d+ ms, \d+ files? differ/);
  assert.match(server.log(), /hyoka: content\/areas\/recovery\.md changed: the build failed in \d+ ms with 1 error/);
});

test('with --poll, an edit shows in the open page by itself too', async () => {
  const polled = copySampleSite();
  const pollServer = await startServe(polled, ['--poll']);
  const pollPage = await browser.newPage();
  try {
    await pollPage.goto(`${pollServer.url}areas/safety/`);
    const file = join(polled, 'content/areas/safety.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n\n- /, '\n\n- 定期的に調べて見つけた変更。\n- '));
    await pollPage.waitForFunction(() => document.body?.innerText.includes('定期的に調べて見つけた変更。'), null, wait);
  } finally {
    await pollPage.close();
    await pollServer.stop();
    rmSync(polled, { recursive: true, force: true });
  }
});

test('stops cleanly on SIGTERM', async () => {
  assert.equal(await server.stop(), 0, server.log());
  assert.match(server.log(), /hyoka: stopped\n$/);
});
