// The site as GitHub Pages hosts it: built for a sub-path, served under that sub-path by a
// plain static server (python3 -m http.server from the parent folder), and crawled from the
// home page with linkinator. Then the same at a domain root.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { LinkChecker } from 'linkinator';
import { binary, filesEndingIn, sourceDir } from './support.mjs';

const work = mkdtempSync(join(tmpdir(), 'hyoka-hosting-'));
const servers = [];
after(() => {
  for (const server of servers) server.kill();
  rmSync(work, { recursive: true, force: true });
});

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

async function serve(folder, port) {
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', folder],
    { stdio: 'ignore' });
  servers.push(server);
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error('python3 -m http.server did not start');
}

// Crawls from `start`; returns the URLs reached and the broken ones.
async function crawl(start) {
  const results = await new LinkChecker().check({
    path: start,
    recurse: true,
    linksToSkip: ['^(?!http://127\\.0\\.0\\.1)'], // nothing outside this machine
    timeout: 10000,
  });
  return {
    reached: results.links.filter((l) => l.state === 'OK').map((l) => l.url),
    broken: results.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.url} (${l.status}) from ${l.parent}`),
  };
}

async function checkHosted(subPath) {
  const port = await freePort();
  const parent = join(work, `root-${port}`);
  const destination = join(parent, subPath);
  const base = `http://127.0.0.1:${port}/${subPath ? `${subPath}/` : ''}`;
  execFileSync(binary, ['build', '--quiet', '--source', sourceDir, '--destination', destination, '--base-url', base],
    { stdio: 'ignore' });
  await serve(parent, port);
  const { reached, broken } = await crawl(base);
  assert.deepEqual(broken, []);
  // Every page, chart, stylesheet and download is reached from the home page.
  const published = ['.html', '.svg', '.css', '.csv', '.json', '.ttl', '.jsonld'].flatMap((e) => filesEndingIn(destination, e));
  assert.ok(published.length >= 20);
  for (const file of published) {
    if (file === '404.html') continue; // served for missing paths, linked from nowhere
    const url = base + relative(destination, join(destination, file)).replaceAll('\\', '/');
    const asDir = url.endsWith('index.html') ? url.slice(0, -'index.html'.length) : null;
    assert.ok(reached.includes(url) || (asDir && reached.includes(asDir)), `${url} was not reached`);
  }
  // GitHub Pages serves 404.html for a missing path at any depth: every link in it must work
  // from there.
  const deep = `${base}areas/no/such/page/`;
  const notFound = await (await fetch(`${base}404.html`)).text();
  const refs = [...notFound.matchAll(/(?:href|src)="([^"#][^"]*)"/g)].map((m) => new URL(m[1].replaceAll('&amp;', '&'), deep));
  assert.ok(refs.length > 5);
  for (const url of refs.filter((u) => u.origin === new URL(base).origin)) {
    assert.equal((await fetch(url)).status, 200, `${url} from 404.html at ${deep}`);
  }
}

test('under a sub-path (a GitHub Pages project site) no link is broken', async () => {
  await checkHosted('fukushima-ict');
});

test('at a domain root no link is broken', async () => {
  await checkHosted('');
});
