/**
 * npm run dev and dev:embargoed pass their arguments through: the dev server shows the site at
 * `--at`, on the port asked for, and `--embargoed` shows embargoed advisories under a banner.
 * Started through npm, as an author starts it, in its own process group so that stopping it
 * stops npm, the shell and Node together.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { run as devCommand } from '../../src/commands/dev.ts';
import { ANNOUNCED_DATES, FIXTURE_CLOCK, FIXTURE_IDS } from '../fixtures/site/canaries.ts';
import { cleanEnv, FIXTURES, PROJECT_ROOT } from '../support/build-site.ts';
import { runCommand } from '../support/run-command.ts';

const CONTENT_ROOT = `${FIXTURES}/site`;
let server: ChildProcess | undefined;

async function startDev(script: 'dev' | 'dev:embargoed', args: string[]): Promise<{ base: string; log: () => string }> {
  const port = args[args.indexOf('--port') + 1];
  // A BUILD_AT in the environment is ignored: the clock is --at.
  server = spawn('npm', ['run', '--silent', script, '--', ...args, '--host', '127.0.0.1'], {
    cwd: PROJECT_ROOT,
    env: cleanEnv({ CONTENT_ROOT, BUILD_AT: 'not an instant', EMBARGO_PREVIEW: '' }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`dev server did not start:\n${log}`)), 60_000);
    const watch = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('watching for file changes')) {
        clearTimeout(timer);
        ready();
      }
    };
    server!.stdout!.on('data', watch);
    server!.stderr!.on('data', watch);
    server!.once('exit', (code) => fail(new Error(`dev server exited (${code}):\n${log}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    const home = await fetch(`${base}/`).catch(() => undefined);
    if (home?.status === 200 && (await home.text()).includes('</html>')) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, log: () => log };
}

afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running || running.exitCode !== null) return;
  const exited = new Promise((done) => running.once('exit', done));
  process.kill(-running.pid!, 'SIGTERM');
  await exited;
});

describe('npm run dev -- <arguments>', () => {
  it('shows the site at --at on the --port given: an advisory published at that instant is there in full', async () => {
    const { base, log } = await startDev('dev', ['--at', ANNOUNCED_DATES.publish_at, '--port', '4393']);
    expect(log()).toContain(`dev server at build clock ${new Date(ANNOUNCED_DATES.publish_at).toISOString()} (--at)`);
    const page = await fetch(`${base}/advisories/${FIXTURE_IDS.announced}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Zorblaxfen tokens accepted after quillimbrot rotation');
    // Hidden at that instant, and no preview asked for: the embargo holds.
    expect((await fetch(`${base}/advisories/${FIXTURE_IDS.hidden}/`)).status).toBe(404);
  });

  it('dev:embargoed -- --at shows an advisory still hidden at that instant, under the banner', async () => {
    const { base } = await startDev('dev:embargoed', ['--at', FIXTURE_CLOCK, '--port', '4394']);
    const page = await fetch(`${base}/advisories/${FIXTURE_IDS.hidden}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('EMBARGOED PREVIEW');
  });

  it('refuses a bad clock or port before starting anything (exit 2)', async () => {
    for (const args of [
      ['--at', '2026-12-02 14:00'],
      ['--port', 'eighty'],
      ['--port', '70000'],
      ['--prot', '4000'],
    ]) {
      const r = await runCommand(devCommand, args, { env: { CONTENT_ROOT } });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: npm run dev');
    }
  });
});
