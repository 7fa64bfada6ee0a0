/**
 * The embargo's guard rails through real builds: exact boundaries, byte-identical rebuilds,
 * a production build that refuses the dev preview, and a leak through a path nobody planned
 * (a page or a compressed endpoint that bypasses the visibility gate) failing the build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, makeBareContentRoot, readTree, type BuildResult } from '../support/build-site.ts';
import { copyProject } from '../support/project-copy.ts';

const advisory = (id: string, fields: Record<string, string>, title: string) => `---
id: ${id}
title: ${title}
summary: The ${title.toLowerCase()} summary names the grommetvexil endpoint in detail.
${Object.entries(fields)
  .map(([k, v]) => `${k}: "${v}"`)
  .join('\n')}
notice:
  components: [openedx/openedx-platform]
  releases: [verawood]
  severity: high
severity:
  cvss_v3: CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L
affected:
  - repository: openedx/openedx-platform
    master_fix: 59bb6d669e4fdc24d96afb809e12119372d9e257
    releases:
      - { release: verawood, status: fixed, commit: f25bbc4d52bd827c8f04c73de427e2e16a144c73 }
aliases: [CVE-2099-0${id.slice(-3)}1]
credits: [{ name: Wilhelmina Fitzgrommet, type: finder }]
references: [{ type: web, url: "https://example.org/embargoed/${id}" }]
---

## Impact

An attacker could read every learner's grades through the quarkspindle export view.
`;

// Publishes at 14:00 UTC, written in India's offset; announced from 10:00 New York time.
const boundary = advisory(
  'OEA-2026-501',
  { announce_at: '2026-11-30T09:00:00-05:00', publish_at: '2026-12-02T19:30:00+05:30' },
  'Boundary flaw in the gradebook',
);
const hidden = advisory(
  'OEA-2026-502',
  { announce_at: '2027-01-10T14:00:00Z', publish_at: '2027-01-12T14:00:00Z' },
  'Hidden flaw in the xylophrax importer',
);

describe('publish boundary, to the second', () => {
  const root = makeBareContentRoot({ 'advisories/2026/OEA-2026-501.md': boundary });

  it('one second before publish_at the advisory is only announced', () => {
    const r = buildSite(root, '2026-12-02T13:59:59Z');
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(r.outDir, 'advisories/OEA-2026-501/index.html'))).toBe(false);
    const tree = readTree(r.outDir);
    for (const [path, text] of tree) expect(text, path).not.toContain('quarkspindle');
  });

  it('at publish_at it is published in full', () => {
    const r = buildSite(root, '2026-12-02T14:00:00Z');
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(r.outDir, 'advisories/OEA-2026-501/index.html'), 'utf8')).toContain('quarkspindle');
  });
});

describe('reproducible and preview-proof builds', () => {
  const root = makeBareContentRoot({
    'advisories/2026/OEA-2026-501.md': boundary,
    'advisories/2027/OEA-2027-502.md': hidden.replace('OEA-2026-502', 'OEA-2027-502'),
  });
  const at = '2026-12-01T00:00:00Z';

  // Two separate build processes, one of them asked for the dev preview: the same bytes prove
  // both that a build is reproducible and that a production build ignores the preview switch.
  let plain: BuildResult;
  let preview: BuildResult;
  beforeAll(() => {
    plain = buildSite(root, at);
    preview = buildSite(root, at, { env: { EMBARGO_PREVIEW: '1' } });
  });

  it('prints the clock it used, and two builds with the same content and clock are byte-identical', () => {
    expect(plain.code, plain.stderr).toBe(0);
    expect(preview.code, preview.stderr).toBe(0);
    expect(plain.stdout).toContain('build clock 2026-12-01T00:00:00.000Z (--at)');
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(dir.length))
        .sort();
    expect(files(preview.outDir)).toEqual(files(plain.outDir));
    for (const f of files(plain.outDir))
      expect(readFileSync(join(preview.outDir, f)).equals(readFileSync(join(plain.outDir, f))), f).toBe(true);
  });

  it('ignores EMBARGO_PREVIEW: a production build never shows embargoed advisories', () => {
    expect(preview.code, preview.stderr).toBe(0);
    const tree = readTree(preview.outDir);
    expect(tree.has('advisories/OEA-2026-501/index.html')).toBe(false);
    expect(tree.has('advisories/OEA-2027-502/index.html')).toBe(false);
    for (const [path, text] of tree) {
      expect(text, path).not.toContain('xylophrax');
      expect(text, path).not.toContain('OEA-2027-502');
      expect(text, path).not.toContain('EMBARGOED');
    }
  });
});

describe('a leak through a path nobody planned fails the build', () => {
  const root = makeBareContentRoot({ 'advisories/2027/OEA-2027-502.md': hidden.replace('OEA-2026-502', 'OEA-2027-502') });

  // Both read content files directly, bypassing the loader and the visibility gate.
  const leakyPage = `---
import { readFileSync } from 'node:fs';
const raw = readFileSync(process.env.CONTENT_ROOT + '/content/advisories/2027/OEA-2027-502.md', 'utf8');
const title = raw.match(/^title: (.*)$/m)?.[1];
---
<html lang="en"><head><title>Coming soon</title></head><body><p>{title}</p></body></html>
`;
  const leakyEndpoint = `import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
export function GET() {
  const raw = readFileSync(process.env.CONTENT_ROOT + '/content/advisories/2027/OEA-2027-502.md', 'utf8');
  const summary = raw.match(/^summary: (.*)$/m)?.[1];
  return new Response(gzipSync(JSON.stringify({ teaser: summary })));
}
`;

  // One project copy holds both, so one failing build shows that each is found and named.
  it('a page and a gzip-compressed endpoint that read an embargoed file: build exits non-zero, names both, leaves no output', () => {
    const project = copyProject({ 'src/pages/teaser.astro': leakyPage, 'src/pages/teaser.json.gz.ts': leakyEndpoint });
    const r = buildSite(root, '2026-12-01T00:00:00Z', { projectRoot: project });
    expect(r.code).not.toBe(0);
    const log = r.stdout + r.stderr;
    expect(log).toMatch(/LEAK teaser\/index\.html: OEA-2027-502 title/);
    expect(log).toMatch(/LEAK teaser\.json\.gz: OEA-2027-502 summary/);
    expect(existsSync(r.outDir) && readdirSync(r.outDir).length > 0).toBe(false);
  });

  // The copy's .astro/ is its own. A build that synced content would have written its import
  // files there, through the temporary name that parallel builds share (src/commands/build.ts).
  it('the same project copy without the leaky files builds, without the content sync', () => {
    const project = copyProject();
    const r = buildSite(root, '2026-12-01T00:00:00Z', { projectRoot: project });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('Syncing content');
    expect(readdirSync(join(project, '.astro')).filter((name) => name.endsWith('.mjs'))).toEqual([]);
  });
});
