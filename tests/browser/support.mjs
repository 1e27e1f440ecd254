// Shared by the browser tests: build a site with the hyoka binary and open Debian's Chromium.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const sourceDir = process.env.HYOKA_SOURCE_DIR ?? join(import.meta.dirname, '../..');
export const binary = process.env.HYOKA_BINARY ?? join(sourceDir, 'build/generator/hyoka');

// Builds `site` (default: the sample site) into a fresh folder; returns its public/ folder.
export function buildSite(site = sourceDir, extra = []) {
  const out = mkdtempSync(join(tmpdir(), 'hyoka-browser-'));
  const destination = join(out, 'public');
  execFileSync(binary, ['build', '--quiet', '--source', site, '--destination', destination, ...extra], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return { root: destination, cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

// Every file below `root` whose name ends in `ending`, as paths relative to it, sorted.
export function filesEndingIn(root, ending) {
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(ending)) found.push(relative(root, path));
    }
  };
  walk(root);
  return found;
}

export const htmlPages = (root) => filesEndingIn(root, '.html');

export const fileUrl = (root, page) => pathToFileURL(join(root, page)).href;

// The flags this machine needs: no sandbox as root, no network chatter on a closed network.
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

// Builds every variant ({name, source, theme}) before the tests and opens Chromium; closes and
// removes them after. The sites by name, and the browser once it is open.
export function sitesAndBrowser(variants, hooks) {
  const shared = { sites: {}, browser: undefined };
  hooks.before(async () => {
    for (const v of variants) shared.sites[v.name] = buildSite(v.source, ['--theme', v.theme]);
    shared.browser = await launch();
  });
  hooks.after(async () => {
    await shared.browser?.close();
    for (const site of Object.values(shared.sites)) site.cleanup();
  });
  return shared;
}

// Writes a site with `areas` areas, `periods` fiscal years from 2019, and counts from
// `count(area, measure, period)`; the theme is the repository's.
export function writeSite(dir, { areas, periods, measures = ['implemented', 'achieved'], count, name }) {
  mkdirSync(join(dir, 'content/areas'), { recursive: true });
  mkdirSync(join(dir, 'content/data'), { recursive: true });
  cpSync(join(sourceDir, 'themes'), join(dir, 'themes'), { recursive: true });
  writeFileSync(join(dir, 'site.toml'),
    'title = "試験サイト"\nbase_url = "https://example.github.io/test/"\n');
  writeFileSync(join(dir, 'content/_index.md'), '+++\ntitle = "試験サイト"\n+++\n\n本文。\n');
  const years = Array.from({ length: periods }, (_, p) => 2019 + p);
  let data = `title = "事業の達成状況"\nunit = "件"\nperiods = [${years.join(', ')}]\n`;
  measures.forEach((m, i) => {
    data += `\n[measures.${m}]\nlabel = "${m === 'implemented' ? '実施事業項目' : `測定項目その${i}（目標達成＋計画通り実施）`}"\n`;
  });
  data += `\n[ratios.rate]\nlabel = "達成項目の割合"\nnumerator = "${measures[1]}"\ndenominator = "${measures[0]}"\n`;
  if (measures.length > 2) {
    data += `\n[ratios.other]\nlabel = "その他の割合"\nnumerator = "${measures[2]}"\ndenominator = "${measures[0]}"\nrounding = "half-even"\ndecimals = 2\n`;
  }
  for (let a = 0; a < areas; a++) {
    const id = `area-${String(a).padStart(2, '0')}`;
    writeFileSync(join(dir, `content/areas/${id}.md`),
      `+++\ntitle = "${name(a)}"\nweight = ${a}\n+++\n\n- 本文。\n`);
    data += `\n[[rows]]\narea = "${id}"\n`;
    measures.forEach((m, i) => {
      data += `${m} = [${years.map((_, p) => count(a, i, p)).join(', ')}]\n`;
    });
  }
  writeFileSync(join(dir, 'content/data/counts.toml'), data);
  return dir;
}

// Copies the sample site's sources (site.toml, content/, themes/) into a fresh folder.
export function copySampleSite() {
  const dir = mkdtempSync(join(tmpdir(), 'hyoka-site-'));
  for (const part of ['site.toml', 'content', 'themes']) {
    cpSync(join(sourceDir, part), join(dir, part), { recursive: true });
  }
  return dir;
}

// Starts `hyoka serve` on a free port for `site`; resolves once it prints its URL (at most
// 20 s). `stop()` ends it with SIGTERM, waits for it to exit and returns its exit code.
export function startServe(site, extra = []) {
  const server = spawn(binary, ['serve', '--port', '0', '--source', site, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stderr.on('data', (chunk) => { log += chunk; });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const stop = async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`hyoka serve printed no URL within 20 s:\n${log}`));
    }, 20000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const url = out.match(/serving (http:\/\/\S+)/)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stop, log: () => log });
      }
    });
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hyoka serve exited with ${code}:\n${log}`));
    });
  });
}
