/**
 * The embargo as a differential property, through real production builds of the fixture site:
 *
 * - with and without dozens of random hidden advisories (a random canary in every field, random
 *   dates with seconds and offsets, drafts with past dates, random clocks), the output is
 *   byte-identical, and the leak scan, which reads all of it, passes: no ordinary word or date
 *   of theirs is taken for a leak (some are chosen to equal the build's own dates, and bodies
 *   say "sha256", "course" and "Affected versions");
 * - with random announced advisories, only files that carry one of their notices differ.
 *
 * 3 builds with 220 generated advisories in all, the hidden ones at each of two clocks (and 2
 * builds without, one of them the shared build of the fixture site). The advisories come in few
 * large builds rather than many small ones: a build's cost is mostly Astro's start-up, and each
 * advisory is a random case of its own. A leak through a path nobody planned is tried too: a
 * page that reads the advisory files raw and prints every field of a hidden one, in every
 * format the site uses and every encoding a reader decodes.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/embargo/leak-scan.ts';
import { scoreCvss } from '../../src/schemas/cvss.ts';
import { withOffset } from '../support/arbitrary-advisory.ts';
import { buildSite, makeContentRoot } from '../support/build-site.ts';
import { FIXTURE_SITE } from '../support/e2e-site.ts';
import { copyProject } from '../support/project-copy.ts';
import { sharedBuild } from '../support/shared-build.ts';
import { FIXTURE_CLOCK } from '../fixtures/site/canaries.ts';

const SECOND = 1000;
const DAY = 86_400 * SECOND;
const NOTICE = 48 * 3_600 * SECOND;
const VECTORS = [
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N',
  'CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:N/I:L/A:N',
];
const OFFSETS = ['Z', '+05:30', '-04:00', '+13:45', '-09:30'];
const GHSA = '23456789cfghjmpqrvwx';

type Shape = {
  salt: string;
  /** ms from the anchor (the clock for hidden ones, the state time for announced ones) to announce_at. */
  lead: number;
  notice: number;
  announce: boolean;
  draft: boolean;
  reportedBefore: number;
  triagedAfter: number;
  offset: string;
  vector: string | undefined;
  hex: string;
  ghsa: string;
};

const shape = (phase: 'hidden' | 'announced'): fc.Arbitrary<Shape> =>
  fc.record({
    salt: fc.stringMatching(/^[a-z]{3}[0-9][a-z]{2}$/),
    lead:
      phase === 'hidden'
        ? fc.integer({ min: 1, max: 400 * 86_400 }).map((s) => s * SECOND)
        : fc.integer({ min: -20 * 86_400, max: 0 }).map((s) => s * SECOND),
    notice: fc.integer({ min: NOTICE / SECOND, max: 60 * 86_400 }).map((s) => s * SECOND + (phase === 'announced' ? 30 * DAY : 0)),
    announce: phase === 'hidden' ? fc.boolean() : fc.constant(true),
    draft: phase === 'hidden' ? fc.integer({ min: 0, max: 5 }).map((x) => x === 0) : fc.constant(false),
    reportedBefore: fc.integer({ min: 60, max: 200 * 86_400 }).map((s) => s * SECOND),
    triagedAfter: fc.integer({ min: 0, max: 5 * 86_400 }).map((s) => s * SECOND),
    offset: fc.constantFrom(...OFFSETS),
    vector: fc.option(fc.constantFrom(...VECTORS), { nil: undefined }),
    hex: fc.stringMatching(/^[0-9a-f]{36}$/),
    ghsa: fc.stringMatching(new RegExp(`^[${GHSA}]{12}$`)),
  });

type Generated = { id: string; file: string; text: string; canaries: string[] };

/**
 * One advisory with a canary in every field. `dates` can force some of its dates to equal ones
 * the site prints anyway (the build's state time, security.txt's Expires).
 */
function render(
  n: number,
  anchor: number,
  s: Shape,
  phase: 'hidden' | 'announced',
  dates: { reported?: string; publish?: number } = {},
): Generated {
  const id = `OEA-2027-${7000 + n}`;
  const c = (field: string) => `${field}${s.salt}${n}`;
  const at = (ms: number) => withOffset(ms, s.offset);
  // A draft may have any dates, past ones too: only the flag keeps it out.
  const publish = dates.publish ?? (s.draft ? anchor - s.lead : anchor + s.lead) + s.notice;
  // Hidden: announced after the clock; announced: at or before the state time. Either way the
  // notice period holds, and publication is after the clock.
  const announce = Math.min(s.draft ? anchor - s.lead : anchor + s.lead, publish - NOTICE);
  const reported = dates.reported ?? at(Math.min(publish, anchor) - s.reportedBefore);
  const triaged = at(Date.parse(reported) + Math.min(s.triagedAfter, Math.max(0, publish - Date.parse(reported))));
  const level = s.vector ? scoreCvss(s.vector, '3.1').level : 'medium';
  const commit = (k: number) => `${k}${n.toString(16).padStart(3, '0')}`.slice(0, 4) + s.hex;
  const repo = `openedx/${c('repo')}`;
  const pkg = c('pkg');
  const text = [
    '---',
    `id: ${id}`,
    `title: ${c('title')} handler trusted ${c('titlb')} callers`,
    `summary: The ${c('summ')} endpoint let anyone read ${c('sumb')} data.`,
    ...(s.draft ? ['draft: true'] : []),
    ...(s.announce ? [`announce_at: "${at(announce)}"`] : []),
    `publish_at: "${at(publish)}"`,
    'notice:',
    `  components: [${repo}, ${pkg}]`,
    '  releases: [verawood]',
    `  severity: ${level}`,
    `  text: Fix for ${c('notice')} in Verawood.`,
    ...(s.vector ? [`severity: { cvss_v3: "${s.vector}" }`] : []),
    'affected:',
    `  - repository: ${repo}`,
    `    master_fix: ${commit(1)}`,
    `    introduced: ${commit(2)}`,
    '    releases:',
    `      - { release: verawood, status: fixed, commit: ${commit(3)}, tag: open-release/verawood.${c('tag')} }`,
    `  - package: { ecosystem: PyPI, name: ${pkg} }`,
    `    ranges: [{ introduced: "0", fixed: "${n % 7}.${n % 11}.${n % 5}" }]`,
    '    releases: []',
    `aliases: [CVE-2099-${20000 + n}, GHSA-${s.ghsa.slice(0, 4)}-${s.ghsa.slice(4, 8)}-${s.ghsa.slice(8)}]`,
    `cwe: [CWE-${80000 + n}]`,
    `credits: [{ name: Ada ${c('credit')}, type: finder, contact: ["https://${c('contact')}.example.org/"] }]`,
    `references: [{ type: web, url: "https://example.org/${c('ref')}" }]`,
    `reported_at: "${reported}"`,
    `triaged_at: "${triaged}"`,
    '---',
    '',
    `## ${c('heading')} heading`,
    '',
    `The ${c('body')} view let any signed-in account change a course. A sha256 check, then ${c('bodyb')} ran.`,
    '',
    '## Affected versions',
    '',
    'All of them.',
    '',
  ].join('\n');
  const canaries = ['title', 'summ', 'notice', 'repo', 'pkg', 'tag', 'credit', 'contact', 'ref', 'heading', 'body'].map(c);
  return {
    id,
    file: `advisories/2027/${id}.md`,
    text,
    canaries: phase === 'hidden' ? [...canaries, id, `CVE-2099-${20000 + n}`] : canaries,
  };
}

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** Every file of a build, by path, as bytes. */
const bytesOf = (dir: string) => new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f))]));

const base = new Map<string, { files: Map<string, Buffer>; state: number }>();
/** The fixture site alone at a clock (built once per clock). */
function baseline(clock: string) {
  let built = base.get(clock);
  if (!built) {
    // At the fixture's own clock, the build other test files share (read-only: kept).
    const shared = clock === FIXTURE_CLOCK;
    const root = shared ? FIXTURE_SITE : makeContentRoot({}, 'site');
    if (!shared) roots.push(root);
    const r = shared ? sharedBuild(root, clock) : buildSite(root, clock);
    expect(r.code, r.stderr + r.stdout.slice(-2000)).toBe(0);
    const state = Date.parse(/state time (\S+)/.exec(r.stdout)![1]!);
    built = { files: bytesOf(r.outDir), state };
    if (!shared) rmSync(r.outDir, { recursive: true, force: true });
    base.set(clock, built);
  }
  return built;
}

function buildWith(clock: string, generated: Generated[]) {
  const root = makeContentRoot(Object.fromEntries(generated.map((g) => [g.file, g.text])), 'site');
  roots.push(root);
  const r = buildSite(root, clock);
  expect(r.code, r.stderr + r.stdout.slice(-3000)).toBe(0);
  const files = bytesOf(r.outDir);
  rmSync(r.outDir, { recursive: true, force: true });
  return files;
}

// Clocks over the fixture's year, to the second; two of them, so the baselines are shared.
const CLOCKS = [FIXTURE_CLOCK, '2026-09-03T08:17:41Z'];
let generatedCount = 0;

describe('differential builds of the fixture site', () => {
  // One run at each clock, so both baselines are tried.
  it.each(CLOCKS)(
    'random hidden advisories change no byte of the output at %s, and the leak scan passes them',
    (clock) => {
      fc.assert(
        fc.property(fc.array(shape('hidden'), { minLength: 90, maxLength: 90 }), (shapes) => {
          const { files: before, state } = baseline(clock);
          const clockMs = Date.parse(clock);
          const expires = state + 180 * DAY;
          const generated = shapes.map((s, n) =>
            // Dates the site prints anyway: the state time (reported_at) and security.txt's Expires (publish_at).
            render(
              n,
              clockMs,
              n < 2 ? { ...s, draft: false } : s,
              'hidden',
              n === 0 ? { reported: new Date(state).toISOString() } : n === 1 ? { publish: expires } : {},
            ),
          );
          generatedCount += generated.length;
          const after = buildWith(clock, generated);
          expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
          for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), `${file} differs`).toBe(true);
        }),
        { numRuns: 1, endOnFailure: true },
      );
    },
    600_000,
  );

  it('random announced advisories change only files that carry one of their notices', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CLOCKS), fc.array(shape('announced'), { minLength: 40, maxLength: 40 }), (clock, shapes) => {
        const { files: before, state } = baseline(clock);
        // Announced at or before the state time, so the state time (and every date from it) stays.
        const generated = shapes.map((s, n) =>
          render(100 + n, state, s, 'announced', { publish: Math.max(state + s.lead + s.notice, Date.parse(clock) + DAY) }),
        );
        generatedCount += generated.length;
        const after = buildWith(clock, generated);
        const ids = generated.map((g) => g.id);
        const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
          (f) => !before.get(f)?.equals(after.get(f) ?? Buffer.alloc(0)),
        );
        // The notices are shown where notices are: the upcoming page and the calendar at least.
        expect(changed).toEqual(expect.arrayContaining(['upcoming/index.html', 'calendar.ics']));
        for (const file of changed) {
          expect(before.has(file) || after.has(file), file).toBe(true);
          // A changed file is a page, feed or calendar that lists notices: it names one of them.
          const text = after.get(file)?.toString('utf8') ?? '';
          expect(
            ids.some((id) => text.includes(id)),
            `${file} changed but carries no new notice`,
          ).toBe(true);
          // And nothing of them but the notice: the secrets' canaries are nowhere.
          for (const g of generated)
            for (const canary of g.canaries.filter((x) => !x.startsWith('notice') && !x.startsWith('repo') && !x.startsWith('pkg')))
              expect(text, `${file}: ${canary}`).not.toContain(canary);
        }
      }),
      { numRuns: 1, endOnFailure: true },
    );
  }, 600_000);

  it('generated at least 200 advisories over these builds', () => {
    expect(generatedCount).toBeGreaterThanOrEqual(200);
  });
});

describe('a page that reads the advisory files raw and prints a hidden one fails the build, whatever it prints', () => {
  const HIDDEN = render(
    1,
    Date.parse('2026-12-01T00:00:00Z'),
    {
      salt: 'zqv7wy',
      lead: 40 * DAY + 3_723 * SECOND,
      notice: 3 * DAY,
      announce: true,
      draft: false,
      reportedBefore: 30 * DAY + 17 * SECOND,
      triagedAfter: DAY,
      offset: '+05:30',
      vector: VECTORS[2],
      hex: '0123456789abcdef0123456789abcdef0123',
      ghsa: 'c2f3g4h5j6m7',
    },
    'hidden',
  );
  // Each slug prints one field in one format; the page parses the raw file with the site's own parser.
  const page = `---
import { parseMarkdownFile } from '../../content/frontmatter.ts';
import { plainBlocks } from '../../content/markdown.ts';
import { formatDate, formatInstant, icsInstant, rfc822, utcDay, utcInstant } from '../../model/dates.ts';
export function getStaticPaths() {
  const fields = ['id', 'title', 'summary', 'notice', 'repository', 'package', 'tag', 'commit', 'commit10', 'introduced', 'alias', 'ghsa', 'cwe', 'vector', 'credit', 'contact', 'reference', 'heading', 'sentence', 'reported', 'triaged', 'announce', 'publish'];
  const formats = ['plain', 'entities', 'json', 'url', 'invisible'];
  const dates = ['iso', 'utc', 'rss', 'page', 'ics', 'day', 'date'];
  return fields.flatMap((field) => [...formats, ...(['reported', 'triaged', 'announce', 'publish'].includes(field) ? dates : [])].map((format) => ({ params: { slug: field + '-' + format } })));
}
const files = import.meta.glob('/content/advisories/2027/*.md', { query: '?raw', import: 'default', eager: true });
const raw = Object.entries(files).find(([path]) => path.endsWith('${HIDDEN.id}.md'))[1];
const { data, body } = parseMarkdownFile(raw);
const blocks = plainBlocks(body);
const [field, format] = Astro.params.slug.split('-');
const value = {
  id: data.id, title: data.title, summary: data.summary, notice: data.notice.text,
  repository: data.affected[0].repository, package: data.affected[1].package.name, tag: data.affected[0].releases[0].tag,
  commit: data.affected[0].master_fix, commit10: data.affected[0].master_fix.slice(0, 10), introduced: data.affected[0].introduced,
  alias: data.aliases[0], ghsa: data.aliases[1], cwe: data.cwe[0], vector: data.severity.cvss_v3,
  credit: data.credits[0].name, contact: data.credits[0].contact[0], reference: data.references[0].url,
  heading: blocks[0], sentence: blocks[1].split('. ')[0],
  reported: data.reported_at, triaged: data.triaged_at, announce: data.announce_at, publish: data.publish_at,
}[field];
const encode = {
  plain: (v) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;'),
  entities: (v) => [...v].map((ch) => '&#' + ch.codePointAt(0)).join(''),
  json: (v) => JSON.stringify(v).replace(/[a-z]/g, (ch) => '\\\\u00' + ch.charCodeAt(0).toString(16)),
  url: (v) => encodeURIComponent(v),
  invisible: (v) => [...v].join('\\u200b'),
  iso: (v) => v, utc: (v) => utcInstant(v), rss: (v) => rfc822(v), page: (v) => formatInstant(v), ics: (v) => icsInstant(v), day: (v) => utcDay(v), date: (v) => formatDate(v),
}[format];
---
<html lang="en"><head><title>Teaser</title></head><body><p set:html={encode(value)} /></body></html>
`;

  it('every field, in every format, is named in the failure, and nothing is left', () => {
    const project = copyProject({ [`content/${HIDDEN.file}`]: HIDDEN.text, 'src/pages/teaser/[slug].astro': page });
    roots.push(project);
    const r = buildSite(project, '2026-12-01T00:00:00Z', { projectRoot: project });
    const log = r.stdout + r.stderr;
    expect(r.code, log.slice(-3000)).not.toBe(0);
    const leaks = [...log.matchAll(/LEAK teaser\/([a-z0-9]+-[a-z]+)\/index\.html: \S+ (.+?) "(.*)"$/gm)].map((m) => ({
      slug: m[1]!,
      what: m[2]!,
      text: m[3]!,
    }));
    // The body's ordinary words are no evidence: only what the page printed is reported.
    expect(leaks.filter((l) => ['sha256', 'course', 'Affected versions'].includes(l.text))).toEqual([]);
    const leaked = new Set(leaks.map((l) => l.slug));
    const slugs = [...page.matchAll(/'([a-z0-9]+)'/g)].map((m) => m[1]);
    const fields = slugs.slice(0, slugs.indexOf('plain'));
    const expected = fields.flatMap((f) =>
      [
        'plain',
        'entities',
        'json',
        'url',
        'invisible',
        ...(['reported', 'triaged', 'announce', 'publish'].includes(f!) ? ['iso', 'utc', 'rss', 'page', 'ics', 'day', 'date'] : []),
      ].map((x) => `${f}-${x}`),
    );
    expect(expected.length).toBe(23 * 5 + 4 * 7);
    expect(expected.filter((slug) => !leaked.has(slug))).toEqual([]);
    expect(log).toContain('nothing was published');
    expect(existsSync(r.outDir) && readdirSync(r.outDir).length > 0).toBe(false);
  }, 300_000);
});
