/**
 * The dev server shows embargoed advisories in full, under a banner, only when asked with
 * EMBARGO_PREVIEW=1; without it the dev server keeps the embargo like the build does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanEnv, makeBareContentRoot, PROJECT_ROOT } from '../support/build-site.ts';

const hidden = `---
id: OEA-2027-502
title: Hidden flaw in the xylophrax importer
summary: The summary names the grommetvexil endpoint in detail.
announce_at: "2027-01-10T14:00:00Z"
publish_at: "2027-01-12T14:00:00Z"
notice: { components: [openedx/openedx-platform], releases: [verawood], severity: high }
affected:
  - repository: openedx/openedx-platform
---

## Impact

The importer trusted the archive's paths.
`;
const root = makeBareContentRoot({ 'advisories/2027/OEA-2027-502.md': hidden });
let server: ChildProcess | undefined;

async function startDev(port: number, env: NodeJS.ProcessEnv): Promise<string> {
  // --ignore-lock: Astro's one-server-per-project lock would otherwise refuse the second
  // server while the first is still shutting down, or while a developer's own is running.
  const args = ['node_modules/astro/bin/astro.mjs', 'dev', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'];
  server = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: cleanEnv({ ASTRO_DEV_BACKGROUND: '0', CONTENT_ROOT: root, BUILD_AT: '2026-11-25T12:00:00Z', EMBARGO_PREVIEW: '', ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`dev server did not start:\n${log}`)), 60_000);
    const watch = (chunk: Buffer) => {
      log += chunk.toString();
      if (process.env.DEBUG_DEV) process.stderr.write(chunk);
      if (log.includes('watching for file changes')) {
        clearTimeout(timer);
        ready();
      }
    };
    server!.stdout!.on('data', watch);
    server!.stderr!.on('data', watch);
  });
  const base = `http://127.0.0.1:${port}`;
  // Routes settle shortly after the "watching" line: wait until the home page renders.
  for (let i = 0; i < 100; i++) {
    const home = await fetch(`${base}/`).catch(() => undefined);
    if (home?.status === 200 && (await home.text()).includes('</html>')) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return base;
}

afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((done) => running.once('exit', done));
  running.kill();
  await exited;
});

describe('npm run dev', () => {
  it('with EMBARGO_PREVIEW=1 shows a hidden advisory in full under an EMBARGOED banner', async () => {
    const base = await startDev(4391, { EMBARGO_PREVIEW: '1' });
    const res = await fetch(`${base}/advisories/OEA-2027-502/`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('EMBARGOED PREVIEW');
    expect(html).toContain('xylophrax');
    // Every page that lists it is marked too, so no screenshot of the preview passes for the public site.
    for (const path of ['/', '/advisories/', '/releases/verawood/', '/advisories/severity/high/', '/search/', '/policy/']) {
      const page = await (await fetch(`${base}${path}`)).text();
      expect(page, path).toContain('EMBARGOED PREVIEW: 1 advisory that is not public at the build clock');
      if (path !== '/search/' && path !== '/policy/') expect(page, path).toContain('OEA-2027-502');
    }
  });

  it('without it keeps the embargo', async () => {
    const base = await startDev(4392, {});
    const res = await fetch(`${base}/advisories/OEA-2027-502/`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('xylophrax');
    expect(await (await fetch(`${base}/`)).text()).not.toContain('EMBARGOED PREVIEW');
  });
});
