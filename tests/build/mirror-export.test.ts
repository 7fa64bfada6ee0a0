/**
 * export-public through the real production build: for generated content at generated clocks,
 * the exported tree builds to the same bytes as the private tree (every page, feed, export and
 * search file), and holds nothing the leak scan counts secret. Each run is two builds, so the
 * runs are few; tests/unit/mirror-export.test.ts tries many more trees short of a build.
 */
import fc from 'fast-check';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCheckedCorpus } from '../../src/embargo/content-rules.ts';
import { collectSecrets, scanForLeaks } from '../../src/embargo/leak-scan.ts';
import { visibilityOf } from '../../src/embargo/visibility.ts';
import { exportPublic } from '../../src/tools/mirror/export.ts';
import { writeExport } from '../../src/tools/mirror/write-tree.ts';
import { arbitraryCorpus } from '../support/arbitrary-advisory.ts';
import { buildSite, makeBareContentRoot, PROJECT_ROOT, readTree } from '../support/build-site.ts';

const CLOCK_MS = Date.parse('2026-11-25T12:00:00Z');
const cleanup: string[] = [];
afterAll(() => cleanup.forEach((d) => rmSync(d, { recursive: true, force: true })));

const atShiftedClock = fc
  .integer({ min: -3 * 86_400, max: 3 * 86_400 })
  .chain((shift) => arbitraryCorpus(CLOCK_MS + shift * 1000, { min: 90, max: 90 }).map((corpus) => ({ corpus, shift })));

describe('the exported tree through the build (property, 2 runs x 2 builds, 90 advisories each)', () => {
  it('builds byte-identical to the private tree at the same clock, and leaks nothing', () => {
    const phases: string[] = [];
    fc.assert(
      // The content is generated around the shifted clock, so its exact boundaries fall on the
      // build's clock. Generated around a fixed one, a run whose shift moved the clock away from
      // them could hold no published advisory at all (about one run in twenty).
      fc.property(atShiftedClock, ({ corpus, shift }) => {
        const at = new Date(CLOCK_MS + shift * 1000);
        const clock = at.toISOString().replace('.000Z', 'Z');
        const root = makeBareContentRoot(Object.fromEntries(corpus.map((g) => [g.file, g.text])));
        cpSync(join(PROJECT_ROOT, 'content/pages'), join(root, 'content/pages'), { recursive: true });
        const out = mkdtempSync(join(tmpdir(), 'oex-public-'));
        cleanup.push(root, out);
        const exported = exportPublic(root, at);
        writeExport(out, exported.files);
        const { corpus: read } = readCheckedCorpus(root, undefined, at);
        phases.push(...read!.advisories.map((a) => visibilityOf(a.data, at)));
        const sitePublic = [JSON.stringify(read!.site), JSON.stringify(read!.releases)];
        expect(scanForLeaks(out, collectSecrets(read!.advisories, at, sitePublic, read!.notices))).toEqual([]);

        const [mine, theirs] = [buildSite(root, clock), buildSite(out, clock)];
        cleanup.push(mine.outDir, theirs.outDir);
        expect(mine.code, mine.stderr).toBe(0);
        expect(theirs.code, theirs.stderr).toBe(0);
        const [a, b] = [readTree(mine.outDir), readTree(theirs.outDir)];
        expect(a.size).toBeGreaterThan(50);
        expect([...b.keys()]).toEqual([...a.keys()]);
        expect([...a].filter(([file, text]) => b.get(file) !== text).map(([file]) => file)).toEqual([]);
      }),
      { numRuns: 2, endOnFailure: true },
    );
    for (const phase of ['hidden', 'announced', 'published', 'withdrawn']) expect(phases).toContain(phase);
  }, 400_000);
});
