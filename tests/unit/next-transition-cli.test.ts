import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNOUNCED_DATES, FIXTURE_CLOCK, HIDDEN_DATES } from '../fixtures/site/canaries.ts';
import { cleanEnv, FIXTURES, PROJECT_ROOT } from '../support/build-site.ts';

const run = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/next-transition.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: cleanEnv({ CONTENT_ROOT: join(FIXTURES, 'site'), BUILD_AT: '' }),
    encoding: 'utf8',
  });

describe('npm run next-transition', () => {
  it('prints the next change of the public site as JSON for a scheduler', () => {
    const r = run('--json', '--at', FIXTURE_CLOCK);
    expect(r.status).toBe(0);
    // security.txt is renewed on the first of each month, before the announced publication.
    expect(JSON.parse(r.stdout)).toEqual({ now: '2026-11-25T12:00:00.000Z', next: '2026-12-01T00:00:00.000Z', changes: ['renew'] });
    expect(JSON.parse(run('--json', '--at', '2026-12-01T00:00:00Z').stdout)).toEqual({
      now: '2026-12-01T00:00:00.000Z',
      next: new Date(ANNOUNCED_DATES.publish_at).toISOString(),
      changes: ['publish OEA-2026-002'],
    });
  });

  it('moves on through the release calendar and the renewal to the hidden advisory', () => {
    const published = JSON.parse(run('--json', '--at', ANNOUNCED_DATES.publish_at).stdout);
    // Verawood's support ends on 31 December: the site changes at 00:00 UTC the next day.
    expect(published).toMatchObject({ next: '2027-01-01T00:00:00.000Z', changes: ['end-support verawood', 'renew'] });
    const newYear = JSON.parse(run('--json', '--at', '2027-01-01T00:00:00Z').stdout);
    expect(newYear.next).toBe(new Date(HIDDEN_DATES.announce_at).toISOString());
  });

  it('says so in words without --json, and refuses a clock without an offset', () => {
    expect(run('--at', '2026-12-01T10:00:00Z').stdout).toContain(
      'next change of the public site: 2026-12-02T14:00:00.000Z (publish OEA-2026-002)',
    );
    const bad = run('--at', '2026-11-25T12:00:00');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--at:');
  });

  it('prints only its usage for --help (the next transition is for private logs), and refuses unknown flags', () => {
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout.trim()).toBe('usage: npm run next-transition -- [--at <instant with offset>] [--json]');
    const bogus = run('--jsn');
    expect(bogus.status).toBe(2);
    expect(bogus.stdout).toBe('');
  });
});
