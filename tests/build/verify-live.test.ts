/**
 * verify-live against a locally served production build: a site built at the clock passes;
 * the same site checked after a publish time is missing an advisory; a site built too late
 * (an embargo broken by a wrong clock) serves what must still be hidden.
 */
import { execFile } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, cleanEnv, makeBareContentRoot, PROJECT_ROOT } from '../support/build-site.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/serve-static.ts';

const published = `---
id: OEA-2026-601
title: Stored cross-site scripting in course updates
summary: Course staff could store script in a course update that ran for every learner who opened it.
announce_at: "2026-10-01T14:00:00Z"
publish_at: "2026-10-03T14:00:00Z"
notice: { components: [openedx/openedx-platform], releases: [verawood], severity: medium }
affected:
  - repository: openedx/openedx-platform
    master_fix: 59bb6d669e4fdc24d96afb809e12119372d9e257
---

## Impact

Course staff could store script in a course update that ran for every learner.
`;
const upcoming = published
  .replace('OEA-2026-601', 'OEA-2026-602')
  .replace('Stored cross-site scripting in course updates', 'Grade export reveals the plinthowarp tokens')
  .replace('2026-10-01T14:00:00Z', '2026-11-20T14:00:00Z')
  .replace('2026-10-03T14:00:00Z', '2026-12-02T14:00:00Z');
const hidden = published
  .replace(/OEA-2026-601/g, 'OEA-2027-603')
  .replace('Stored cross-site scripting in course updates', 'Password reset accepts the vondelkrast header')
  .replace('2026-10-01T14:00:00Z', '2027-01-10T14:00:00Z')
  .replace('2026-10-03T14:00:00Z', '2027-01-12T14:00:00Z');

const root = makeBareContentRoot({
  'advisories/2026/OEA-2026-601.md': published,
  'advisories/2026/OEA-2026-602.md': upcoming,
  'advisories/2027/OEA-2027-603.md': hidden,
});
const CLOCK = '2026-11-25T12:00:00Z';

// Asynchronous: the static server runs in this process and must keep answering.
function verify(base: string, at: string): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['scripts/verify-live.ts', base, '--at', at],
      { cwd: PROJECT_ROOT, env: cleanEnv({ CONTENT_ROOT: root, BUILD_AT: '' }), encoding: 'utf8' },
      (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

describe('npm run verify-live', () => {
  let onTime: StaticServer;
  let tooLate: StaticServer;

  beforeAll(async () => {
    const a = buildSite(root, CLOCK);
    const b = buildSite(root, '2027-01-13T00:00:00Z');
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    onTime = await serveStatic(a.outDir);
    tooLate = await serveStatic(b.outDir);
  });
  afterAll(async () => {
    await onTime?.close();
    await tooLate?.close();
  });

  it('passes for a site built at the clock it is checked at', async () => {
    const r = await verify(onTime.url, CLOCK);
    expect(r.out).toContain('verify-live: ok');
    expect(r.code).toBe(0);
  });

  it('reports an advisory that is due but not served', async () => {
    const r = await verify(onTime.url, '2026-12-02T14:00:00Z');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/OEA-2026-602 is published at the clock but its page is missing/);
  });

  it('reports a hidden advisory the site serves, and its embargoed text', async () => {
    const r = await verify(tooLate.url, CLOCK);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/OEA-2027-603 is hidden at the clock but its page is served/);
    expect(r.out).toMatch(/embargoed title .*vondelkrast/);
  });
});
