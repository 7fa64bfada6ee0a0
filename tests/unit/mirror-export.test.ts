/**
 * export-public (src/tools/mirror/export.ts) over generated content and clocks, short of a
 * build: the exported tree holds nothing the leak scan counts secret at the clock, passes check
 * there, projects to exactly what the private tree projects to, and exports to itself. The
 * command's refusals and its determinism. (tests/build/mirror-export.test.ts builds both trees.)
 */
import fc from 'fast-check';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/commands/export-public.ts';
import { readCheckedCorpus } from '../../src/embargo/content-rules.ts';
import { collectSecrets, scanForLeaks } from '../../src/embargo/leak-scan.ts';
import { projectCorpus } from '../../src/embargo/projection.ts';
import { visibilityOf } from '../../src/embargo/visibility.ts';
import { isNoticeOnlyShape } from '../../src/schemas/notice-only.ts';
import { parseMarkdownFile } from '../../src/content/frontmatter.ts';
import { exportPublic } from '../../src/tools/mirror/export.ts';
import { readTree, writeExport } from '../../src/tools/mirror/write-tree.ts';
import { arbitraryCorpus } from '../support/arbitrary-advisory.ts';
import { makeBareContentRoot, PROJECT_ROOT } from '../support/build-site.ts';
import { runCommand } from '../support/run-command.ts';

const CLOCK_MS = Date.parse('2026-11-25T12:00:00Z');
const cleanup: string[] = [];
afterAll(() => cleanup.forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'oex-export-'));
  cleanup.push(dir);
  return dir;
};

/** A private content root: the project's site, releases and prose pages, and the given advisories. */
function privateRoot(files: Record<string, string>): string {
  const root = makeBareContentRoot(files);
  cleanup.push(root);
  cpSync(join(PROJECT_ROOT, 'content/pages'), join(root, 'content/pages'), { recursive: true });
  return root;
}

/** The leak scan over a folder, with the private tree's secrets at `at` (the call site the trust helper may reshape). */
function leaksIn(dir: string, privateDir: string, at: Date) {
  const { corpus } = readCheckedCorpus(privateDir, undefined, at);
  // The site's own facts are public whatever the clock (the build passes them too).
  const sitePublic = [JSON.stringify(corpus!.site), JSON.stringify(corpus!.releases)];
  return scanForLeaks(dir, collectSecrets(corpus!.advisories, at, sitePublic, corpus!.notices));
}

/** What may appear in an export, from the private notice-only file of an announced advisory. */
const NOTICE_ONLY = (id: string, announce: string, publish: string) => `---
id: ${id}
announce_at: "${announce}"
publish_at: "${publish}"
# a comment the public must not see: qxsecretcomment1
notice:
  components: [openedx/openedx-platform]
  severity: high
  text: Patch for the notice-only canary qxnoticeonly1.
---
`;

describe('export-public over generated content (property)', () => {
  it('leaks nothing, checks, projects as the private tree does, and exports to itself', () => {
    const phases = new Set<string>();
    fc.assert(
      fc.property(
        arbitraryCorpus(CLOCK_MS, { min: 8, max: 30 }),
        fc.integer({ min: -30 * 86_400, max: 30 * 86_400 }),
        fc.boolean(),
        (generated, shift, withNoticeOnly) => {
          const at = new Date(CLOCK_MS + shift * 1000);
          const files = Object.fromEntries(generated.map((g) => [g.file, g.text]));
          // A notice-only private file, announced or hidden at the clock (never due: check refuses that).
          if (withNoticeOnly) {
            const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
            files['advisories/2026/OEA-2026-999.md'] = NOTICE_ONLY(
              'OEA-2026-999',
              iso(at.getTime() - 3_600_000 * (shift % 2 ? 1 : -1)),
              iso(at.getTime() + 30 * 86_400_000),
            );
          }
          const root = privateRoot(files);
          const read = readCheckedCorpus(root, undefined, at);
          expect(read.problems).toEqual([]);
          const exported = exportPublic(root, at);
          const out = temp();
          writeExport(out, exported.files);

          expect(leaksIn(out, root, at)).toEqual([]);
          expect(readFileSync(join(out, 'content/site.yaml'))).toEqual(readFileSync(join(root, 'content/site.yaml')));

          const again = readCheckedCorpus(out, undefined, at);
          expect(again.problems).toEqual([]);
          expect(JSON.stringify(projectCorpus(again.corpus!, exported.state))).toBe(
            JSON.stringify(projectCorpus(read.corpus!, exported.state)),
          );
          expect(exportPublic(out, at).files).toEqual(exported.files);

          for (const g of generated) {
            const entry = read.corpus!.advisories.find((a) => a.data.id === g.id)!;
            const phase = visibilityOf(entry.data, at);
            phases.add(phase);
            const text = exported.files.get(`content/${g.file}`)?.toString();
            if (phase === 'hidden') expect(text, g.id).toBeUndefined();
            else {
              const { data, body } = parseMarkdownFile(text!);
              expect(isNoticeOnlyShape(data, body), g.id).toBe(phase === 'announced');
            }
          }
          expect(exported.files.get('content/advisories/2026/OEA-2026-999.md')?.toString() ?? '').not.toContain('qxsecretcomment1');
        },
      ),
      { numRuns: 40 },
    );
    for (const phase of ['hidden', 'announced', 'published', 'withdrawn']) expect(phases).toContain(phase);
  }, 120_000);
});

const ADVISORY = (revisionDate: string, withdrawn?: string) => `---
id: OEA-2026-101
title: The qxtitleone handler trusted its caller
summary: Requests to qxsummaryone were accepted without a permission check on the course.
publish_at: "2026-11-20T14:00:00Z"
notice:
  components: [openedx/openedx-platform]
  severity: high
  text: Patch for qxnoticeone in Verawood.
affected:
  - repository: openedx/openedx-platform
    master_fix: ${'a'.repeat(40)}
    releases:
      - { release: verawood, status: fixed, commit: ${'b'.repeat(40)} }
revisions:
  - { date: "2026-11-21T14:00:00Z", summary: First revision qxrevpublic. }
  - { date: "${revisionDate}", summary: Second revision qxrevfuture. }
${withdrawn ? `withdrawn:\n  at: "${withdrawn}"\n  reason: Withdrawn for qxwithdrawreason.\n` : ''}---

## Impact

The qxbodyone view let any signed-in account change data it should not reach.
`;

describe('export-public, one advisory with its future ahead', () => {
  it('leaves out a later revision and a pending withdrawal, keeping the rest of the file', () => {
    const root = privateRoot({ 'advisories/2026/OEA-2026-101.md': ADVISORY('2026-12-01T14:00:00Z', '2026-12-02T14:00:00Z') });
    const at = new Date('2026-11-25T12:00:00Z');
    const text = exportPublic(root, at).files.get('content/advisories/2026/OEA-2026-101.md')!.toString();
    expect(text).toContain('qxrevpublic');
    expect(text).toContain('qxbodyone');
    expect(text).not.toContain('qxrevfuture');
    expect(text).not.toContain('qxwithdrawreason');
    expect(text).not.toContain('withdrawn');
    // Cut out line by line: the rest of the file keeps its form, so merges with it line up.
    expect(text).toContain('  - { date: "2026-11-21T14:00:00Z", summary: First revision qxrevpublic. }\n');
    expect(text).toContain(`      - { release: verawood, status: fixed, commit: ${'b'.repeat(40)} }\n`);
    // A form the cut does not handle (a flow list) is written anew from the data, as correct.
    const flow = ADVISORY('2026-12-01T14:00:00Z').replace(
      /revisions:\n {2}- (\{.*\})\n {2}- (\{.*\})\n/,
      (_, a: string, b: string) => `revisions: [${a}, ${b}]\n`,
    );
    expect(flow).toContain('revisions: [{');
    const flowRoot = privateRoot({ 'advisories/2026/OEA-2026-101.md': flow });
    const rewritten = exportPublic(flowRoot, at).files.get('content/advisories/2026/OEA-2026-101.md')!.toString();
    expect(rewritten).toContain('qxrevpublic');
    expect(rewritten).not.toContain('qxrevfuture');
    // Once everything is in force, the file is public byte for byte.
    const later = exportPublic(root, new Date('2026-12-03T00:00:00Z')).files.get('content/advisories/2026/OEA-2026-101.md')!;
    expect(later).toEqual(readFileSync(join(root, 'content/advisories/2026/OEA-2026-101.md')));
  });
});

describe('npm run export-public', () => {
  const root = privateRoot({ 'advisories/2026/OEA-2026-101.md': ADVISORY('2026-12-01T14:00:00Z') });
  const exportTo = (out: string, ...args: string[]) => runCommand(run, ['--content-root', root, '--out', out, ...args]);

  it('writes the same bytes twice, and replaces an earlier export whole', async () => {
    const [a, b] = [join(temp(), 'a'), join(temp(), 'b')];
    const first = await exportTo(a, '--at', '2026-11-25T12:00:00Z');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/export-public: .*: 6 files \(1 advisories\) as public at 2026-11-21T14:00:00.000Z/);
    expect((await exportTo(b, '--at', '2026-11-25T12:00:00Z')).code).toBe(0);
    expect(readTree(b)).toEqual(readTree(a));
    writeFileSync(join(a, 'content/advisories/stray.md'), 'left over');
    expect((await exportTo(a, '--at', '2026-12-05T12:00:00Z')).code).toBe(0);
    expect(readTree(a).has('content/advisories/stray.md')).toBe(false);
    expect(readTree(a).get('content/advisories/2026/OEA-2026-101.md')!.toString()).toContain('qxrevfuture');
  });

  it('refuses a folder inside content/, a folder holding content/, and a non-empty folder that is no export', async () => {
    const inside = await exportTo(join(root, 'content/public'));
    expect(inside.code).toBe(1);
    expect(inside.stderr).toContain('is inside the content folder');
    const above = await exportTo(root);
    expect(above.code).toBe(1);
    expect(above.stderr).toContain('holds the content folder');
    const busy = temp();
    mkdirSync(join(busy, 'notes'));
    const refused = await exportTo(busy);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('is not empty and holds no earlier export (no .public-export file; found notes)');
    expect(readTree(busy).size).toBe(0);
  });

  it('needs --out, and refuses content that does not check, naming the problem', async () => {
    const usage = await runCommand(run, ['--content-root', root]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--out: give the folder');
    const broken = privateRoot({
      'advisories/2026/OEA-2026-102.md': ADVISORY('2026-12-01T14:00:00Z')
        .replace('101', '102')
        .replace(/^title: .*\n/m, ''),
    });
    const out = join(temp(), 'x');
    const bad = await runCommand(run, ['--content-root', broken, '--out', out, '--at', '2026-11-25T12:00:00Z']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('content/advisories/2026/OEA-2026-102.md');
    expect(bad.stderr).toContain('title');
  });
});
