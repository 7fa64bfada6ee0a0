/**
 * Synthetic but schema-valid advisories for the benchmark: realistic sizes and field mixes
 * (repository and package fixes, CVSS 3.1 / 4.0 / none, backports, revisions, credits), a
 * share in every embargo phase, spread over the years. Deterministic for a given seed.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scoreCvss } from '../../src/schemas/cvss.ts';

/** mulberry32: a tiny seeded PRNG, so every run benchmarks the same archive. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REPOS = [
  'openedx/openedx-platform',
  'openedx/frontend-app-learning',
  'openedx/frontend-app-authoring',
  'openedx/credentials',
  'openedx/ecommerce',
  'openedx/course-discovery',
  'openedx/xblock-lti-consumer',
  'openedx/edx-ora2',
  'openedx/frontend-app-account',
  'openedx/openedx-forum',
];
const PACKAGES = ['edx-enterprise', 'edx-proctoring', 'xblock-drag-and-drop-v2', 'edx-completion', 'openedx-events'];
const RELEASES = ['teak', 'ulmo', 'verawood'];
const VECTORS_31 = [
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L',
  'CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N',
  'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N',
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
  'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:N/A:N',
];
const VECTORS_40 = [
  'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:L/VA:N/SC:N/SI:N/SA:N',
  'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N',
];
const CWES = ['CWE-79', 'CWE-862', 'CWE-863', 'CWE-200', 'CWE-352', 'CWE-601', 'CWE-918', 'CWE-22', 'CWE-89', 'CWE-639'];
const NOUNS = [
  'gradebook',
  'course outline',
  'discussion forum',
  'certificate view',
  'enrollment API',
  'LTI launch',
  'file upload',
  'password reset',
  'instructor dashboard',
  'XBlock handler',
  'OAuth callback',
  'course import',
  'team membership',
  'proctoring review',
  'email opt-in',
];
const FLAWS = [
  'cross-site scripting',
  'missing authorization',
  'open redirect',
  'server-side request forgery',
  'information disclosure',
  'path traversal',
  'privilege escalation',
  'cross-site request forgery',
];
const WORDS =
  'learner instructor staff request response course module session token permission check endpoint view template parameter header cookie profile export import grade score enrollment certificate cohort team thread comment upload archive redirect callback handler query filter cache'.split(
    ' ',
  );
const NAMES = [
  'Ana Souza',
  'Björn Nilsson',
  'Chen Wei',
  'Dara Okafor',
  'Émilie Laurent',
  'Farah Haddad',
  'Giorgos Pappas',
  'Hana Kobayashi',
  'Ivan Petrov',
  'Jamal Reed',
];

const hex = (rand: () => number) => Array.from({ length: 40 }, () => '0123456789abcdef'[Math.floor(rand() * 16)]).join('');
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * Real prose mixes a few very common words with many rare ones. A fixed seed builds a
 * vocabulary of 4,000 made-up words, drawn with a Zipf-like skew, alongside the common ones.
 */
const SYLLABLES = [
  'ra',
  'ven',
  'to',
  'mil',
  'sa',
  'quo',
  'der',
  'lin',
  'ex',
  'por',
  'tal',
  'mi',
  'con',
  'ser',
  'vi',
  'ta',
  'ble',
  'ment',
  'ing',
  'ure',
  'gra',
  'pho',
  'nic',
  'dor',
];
const VOCABULARY = (() => {
  const rand = prng(7);
  const words = new Set<string>();
  while (words.size < 4000) {
    const n = 2 + Math.floor(rand() * 3);
    words.add(Array.from({ length: n }, () => pick(rand, SYLLABLES)).join(''));
  }
  return [...words];
})();

function word(rand: () => number): string {
  return rand() < 0.55 ? pick(rand, WORDS) : VOCABULARY[Math.floor(VOCABULARY.length * rand() ** 2)]!;
}

function sentence(rand: () => number, words: number): string {
  const w = Array.from({ length: words }, () => word(rand));
  return `${w[0]![0]!.toUpperCase()}${w.join(' ').slice(1)}.`;
}
function paragraph(rand: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(rand, 8 + Math.floor(rand() * 12))).join(' ');
}

export type Phase = 'published' | 'withdrawn' | 'announced' | 'hidden';

function advisory(rand: () => number, id: string, year: number, phase: Phase, clockMs: number): string {
  const day = 86_400_000;
  let publish: number;
  if (phase === 'announced') publish = clockMs + (1 + Math.floor(rand() * 6)) * day;
  else if (phase === 'hidden') publish = clockMs + (20 + Math.floor(rand() * 60)) * day;
  else publish = Math.min(Date.UTC(year, Math.floor(rand() * 12), 1 + Math.floor(rand() * 27), 14), clockMs - 30 * day);
  const announce = phase === 'hidden' ? publish - 3 * day : publish - 2 * day;
  const isPackage = rand() < 0.25;
  const component = isPackage ? pick(rand, PACKAGES) : pick(rand, REPOS);
  const cvss = rand();
  const v3 = cvss < 0.7 ? pick(rand, VECTORS_31) : undefined;
  const v4 = cvss >= 0.6 && cvss < 0.85 ? pick(rand, VECTORS_40) : undefined;
  const level = v3 ? scoreCvss(v3, '3.1').level : v4 ? scoreCvss(v4, '4.0').level : pick(rand, ['low', 'medium', 'high'] as const);
  const releases = RELEASES.filter(() => rand() < 0.6);
  const fixes = releases.map((r, i) => `      - { release: ${r}, status: fixed, commit: ${hex(rand)}, tag: open-release/${r}.${1 + i} }`);
  const affected = isPackage
    ? [
        `  - package: { ecosystem: PyPI, name: ${component} }`,
        '    ranges:',
        `      - { introduced: "0", fixed: "${1 + Math.floor(rand() * 9)}.${Math.floor(rand() * 30)}.${Math.floor(rand() * 10)}" }`,
      ]
    : [`  - repository: ${component}`, `    master_fix: ${hex(rand)}`, ...(fixes.length ? ['    releases:', ...fixes] : [])];
  const n = Number(id.slice(9));
  const revisions = phase === 'published' || phase === 'withdrawn' ? Math.floor(rand() * 3) : 0;
  const noun = pick(rand, NOUNS);
  const flaw = pick(rand, FLAWS);
  const lines = [
    '---',
    `id: ${id}`,
    `title: ${flaw[0]!.toUpperCase()}${flaw.slice(1)} in the ${noun} (${id})`,
    `summary: ${paragraph(rand, 2)}`,
    `announce_at: "${iso(announce)}"`,
    ...(rand() < 0.6 ? [`reported_at: "${iso(announce - (5 + Math.floor(rand() * 80)) * day)}"`] : []),
    `publish_at: "${iso(publish)}"`,
    'notice:',
    `  components: [${component}]`,
    `  releases: [${releases.join(', ')}]`,
    `  severity: ${level}`,
    `  text: Security fix in the ${noun}.`,
    ...(v3 || v4 ? ['severity:', ...(v3 ? [`  cvss_v3: ${v3}`] : []), ...(v4 ? [`  cvss_v4: ${v4}`] : [])] : []),
    'affected:',
    ...affected,
    ...(rand() < 0.7 ? [`aliases: [CVE-${year}-${String(20000 + n).padStart(5, '0')}]`] : []),
    `cwe: [${pick(rand, CWES)}]`,
    `credits: [{ name: ${pick(rand, NAMES)}, type: finder }]`,
    'references:',
    `  - { type: fix, url: "https://github.com/${isPackage ? 'openedx/edx-enterprise' : component}/commit/${hex(rand)}" }`,
    ...(revisions
      ? [
          'revisions:',
          ...Array.from({ length: revisions }, (_, i) => `  - { date: "${iso(publish + (i + 1) * day)}", summary: ${sentence(rand, 6)} }`),
        ]
      : []),
    ...(phase === 'withdrawn' ? ['withdrawn:', `  at: "${iso(publish + 10 * day)}"`, '  reason: Duplicate of another advisory.'] : []),
    '---',
    '',
    '## Impact',
    '',
    paragraph(rand, 4 + Math.floor(rand() * 6)),
    '',
    paragraph(rand, 3),
    '',
    '## Patches',
    '',
    `Apply the fix for your named release from the table above. ${paragraph(rand, 2)}`,
    '',
    '## Workarounds',
    '',
    paragraph(rand, 2),
    '',
    '## References',
    '',
    `- [Fix commit](https://github.com/${isPackage ? 'openedx/edx-enterprise' : component}/commit/${hex(rand)})`,
    '',
  ];
  return lines.join('\n');
}

/** Writes `count` advisories into a fresh content root and returns its path. */
export function generateContentRoot(count: number, clock: Date, projectRoot: string, seed = 20261125): string {
  const rand = prng(seed + count);
  const root = mkdtempSync(join(tmpdir(), `oex-bench-${count}-`));
  mkdirSync(join(root, 'content/advisories'), { recursive: true });
  for (const name of ['site.yaml', 'releases.yaml']) cpSync(join(projectRoot, 'content', name), join(root, 'content', name));
  const clockMs = clock.getTime();
  const lastYear = clock.getUTCFullYear();
  const years = 12;
  const sequence = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const r = rand();
    const phase: Phase = r < 0.9 ? 'published' : r < 0.94 ? 'withdrawn' : r < 0.97 ? 'announced' : 'hidden';
    const year = phase === 'announced' || phase === 'hidden' ? lastYear : lastYear - Math.floor(rand() * years);
    const next = (sequence.get(year) ?? 0) + 1;
    sequence.set(year, next);
    const id = `OEA-${year}-${String(next).padStart(3, '0')}`;
    const dir = join(root, 'content/advisories', String(year));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${id}.md`), advisory(rand, id, year, phase, clockMs));
  }
  return root;
}
