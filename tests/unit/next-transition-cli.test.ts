import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as nextTransition } from '../../src/commands/next-transition.ts';
import { ANNOUNCED_DATES, FIXTURE_CLOCK, HIDDEN_DATES } from '../fixtures/site/canaries.ts';
import { cleanEnv, FIXTURES, PROJECT_ROOT } from '../support/build-site.ts';
import { runCommand } from '../support/run-command.ts';

const env = { CONTENT_ROOT: join(FIXTURES, 'site') };
const run = (...args: string[]) => runCommand(nextTransition, args, { env });
const json = async (...args: string[]) => JSON.parse((await run('--json', ...args)).stdout);

describe('npm run next-transition', () => {
  it('prints the next change of the public site as JSON for a scheduler', async () => {
    const r = await run('--json', '--at', FIXTURE_CLOCK);
    expect(r.code).toBe(0);
    // security.txt is renewed on the first of each month, before the announced publication.
    expect(JSON.parse(r.stdout)).toEqual({ now: '2026-11-25T12:00:00.000Z', next: '2026-12-01T00:00:00.000Z', changes: ['renew'] });
    expect(await json('--at', '2026-12-01T00:00:00Z')).toEqual({
      now: '2026-12-01T00:00:00.000Z',
      next: new Date(ANNOUNCED_DATES.publish_at).toISOString(),
      changes: ['publish OEA-2026-002'],
    });
  });

  it('moves on through the release calendar and the renewal to the hidden advisory', async () => {
    // Verawood's support ends on 31 December: the site changes at 00:00 UTC the next day.
    expect(await json('--at', ANNOUNCED_DATES.publish_at)).toMatchObject({
      next: '2027-01-01T00:00:00.000Z',
      changes: ['end-support verawood', 'renew'],
    });
    expect((await json('--at', '2027-01-01T00:00:00Z')).next).toBe(new Date(HIDDEN_DATES.announce_at).toISOString());
  });

  it('says so in words without --json, and refuses a clock without an offset', async () => {
    expect((await run('--at', '2026-12-01T10:00:00Z')).stdout).toContain(
      'next change of the public site: 2026-12-02T14:00:00.000Z (publish OEA-2026-002)',
    );
    const bad = await run('--at', '2026-11-25T12:00:00');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--at:');
  });

  it('takes its clock from --at, else the real time, never from BUILD_AT', async () => {
    const r = await runCommand(nextTransition, ['--json'], { env: { ...env, BUILD_AT: 'not an instant' } });
    expect(r.code, r.stderr).toBe(0);
    expect(Date.parse(JSON.parse(r.stdout).now)).toBeGreaterThan(Date.parse(FIXTURE_CLOCK));
  });

  it('prints only its usage for --help (the next transition is for private logs), and refuses unknown flags', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout.trim()).toBe('usage: npm run next-transition -- [--at <instant with offset>] [--json]');
    const bogus = await run('--jsn');
    expect(bogus.code).toBe(2);
    expect(bogus.stdout).toBe('');
  });

  it("exits with the command's code as a process, on the pinned Node", () => {
    const child = spawnSync(process.execPath, ['scripts/next-transition.ts', '--jsn'], {
      cwd: PROJECT_ROOT,
      env: cleanEnv(env),
      encoding: 'utf8',
    });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain("Unknown option '--jsn'");
  });
});
