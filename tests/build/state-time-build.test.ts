/**
 * Two production builds at different clocks between the same two transitions are
 * byte-identical, every file of them (pages, feeds, exports, search index), and a build at
 * the next transition is not.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_CLOCK } from '../fixtures/site/canaries.ts';
import { buildSite, readTree } from '../support/build-site.ts';
import { sharedBuild } from '../support/shared-build.ts';
import { FIXTURE_SITE, removeTemp } from '../support/e2e-site.ts';

describe('builds at the state time', () => {
  it('give the same bytes at two clocks between transitions, and change at the next one', () => {
    // The fixture's clock is 25 November, 12:00 UTC; nothing changes until the renewal on 1 December.
    // Three separate builds (the first shared with other test files).
    const builds = [
      sharedBuild(FIXTURE_SITE, FIXTURE_CLOCK),
      ...['2026-11-30T23:59:59Z', '2026-12-01T00:00:00Z'].map((at) => buildSite(FIXTURE_SITE, at)),
    ];
    try {
      for (const b of builds) expect(b.code, b.stderr.slice(-2000)).toBe(0);
      const [a, b, c] = builds.map((x) => readTree(x.outDir));
      expect([...b!.keys()]).toEqual([...a!.keys()]);
      for (const [path, text] of a!) expect(b!.get(path), path).toBe(text);
      expect(c!.get('.well-known/security.txt')).not.toBe(a!.get('.well-known/security.txt'));
    } finally {
      for (const b of builds) removeTemp(b.outDir);
    }
  });
});
