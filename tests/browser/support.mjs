// Shared by the browser tests: build a site with the hyoka binary and open Debian's Chromium.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
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

// Every HTML page below `root`, as paths relative to it.
export function htmlPages(root) {
  const pages = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) pages.push(relative(root, path));
    }
  };
  walk(root);
  return pages;
}

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
