// The page's own text as a reader sees it: a task-list item has its checkbox as its only
// marker (issue 22: the 〇 of Japanese lists, or the bullet of others, stood before it too),
// while an ordinary item keeps its list's marker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, fileUrl, launch, sourceDir } from './support.mjs';

let browser;
const sources = mkdtempSync(join(tmpdir(), 'hyoka-prose-'));
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  rmSync(sources, { recursive: true, force: true });
});

// The minimal site in `language`, alpha's page holding a plain list and a task list.
function proseSite(language) {
  const dir = join(sources, language);
  cpSync(join(sourceDir, 'tests/sites/minimal'), dir, { recursive: true });
  cpSync(join(sourceDir, 'themes'), join(dir, 'themes'), { recursive: true });
  const config = join(dir, 'site.toml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('language = "ja"', `language = "${language}"`));
  writeFileSync(join(dir, 'content/areas/alpha.md'),
    '+++\ntitle = "第一の施策"\nweight = 1\n+++\n\n- 普通の項目\n\n段落。\n\n- [x] 済んだ項目\n- [ ] 残る項目\n');
  return dir;
}

for (const [language, plainMarker] of [['ja', '"〇 "'], ['en', 'disc']]) {
  test(`${language}: a task-list item shows its checkbox and no list marker`, async () => {
    const built = buildSite(proseSite(language));
    try {
      const page = await browser.newPage();
      await page.goto(fileUrl(built.root, 'areas/alpha/index.html'));
      const items = await page.$$eval('.prose li', (lis) => lis.map((li) => ({
        text: li.textContent.trim(),
        checkbox: li.querySelector(':scope > input[type="checkbox"]') !== null,
        marker: getComputedStyle(li).listStyleType,
      })));
      assert.deepEqual(items, [
        { text: '普通の項目', checkbox: false, marker: plainMarker },
        { text: '済んだ項目', checkbox: true, marker: 'none' },
        { text: '残る項目', checkbox: true, marker: 'none' },
      ]);
      await page.close();
    } finally {
      built.cleanup();
    }
  });
}
