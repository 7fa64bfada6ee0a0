/**
 * fast-check generators for whole advisory files with a distinct canary word in every field,
 * and dates scattered around a clock (boundaries to the second, several UTC offsets), so
 * embargo tests can look for each field's canary in every output byte.
 */
import fc from 'fast-check';
import { scoreCvss } from '../../src/schemas/cvss.ts';

export type Phase = 'hidden' | 'announced' | 'published' | 'withdrawn';

/** Canary words of one generated advisory, by the field that carries them. */
export type Canaries = {
  title: string;
  summary: string;
  body: string;
  alias: string;
  reference: string;
  credit: string;
  cwe: string;
  noticeText: string;
};

export type GeneratedAdvisory = { id: string; file: string; text: string; canaries: Canaries; draft: boolean };

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** A word no dictionary or template holds; `n` makes it unique within a corpus. */
function canaryWord(n: number, salt: string): string {
  let code = '';
  for (let i = 0; i < 4; i++, n = Math.floor(n / 26)) code += LETTERS[n % 26];
  return `qx${code}${salt}`;
}

const OFFSETS = ['Z', '+00:00', '+05:30', '-04:00', '-05:00', '+13:45', '-09:30'];

/** An instant written with the given offset, e.g. 2026-11-25T17:30:00+05:30. */
export function withOffset(ms: number, offset: string): string {
  if (offset === 'Z') return new Date(ms).toISOString().replace('.000Z', 'Z');
  const sign = offset[0] === '-' ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}

const VECTORS = [
  'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:H/A:L',
  'CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:N/A:N',
  'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N',
];

const SECOND = 1000;
const DAY = 86_400 * SECOND;

/** The notice period `check` requires (the project's site.yaml: notice_hours 48). */
const NOTICE = 48 * 3_600 * SECOND;

/**
 * From the clock to publish_at: exact boundaries often (publish_at at the clock, or announce_at
 * at the clock when the notice is exactly the minimum), anything within a year otherwise.
 */
const publishOffset = fc.oneof(
  fc.constantFrom(-1, 0, 1).map((s) => s * SECOND),
  fc.constantFrom(-1, 0, 1).map((s) => NOTICE + s * SECOND),
  fc.integer({ min: -365 * 86_400, max: 365 * 86_400 }).map((s) => s * SECOND),
);

const shape = fc.record({
  publishOffset,
  noticeLead: fc.option(
    fc.oneof(
      fc.constantFrom(NOTICE, NOTICE + SECOND),
      fc.integer({ min: NOTICE / SECOND, max: 30 * 86_400 }).map((s) => s * SECOND),
    ),
    { nil: undefined },
  ),
  withdrawnAfter: fc.option(
    fc.integer({ min: 0, max: 60 * 86_400 }).map((s) => s * SECOND),
    { nil: undefined },
  ),
  revisions: fc.integer({ min: 0, max: 3 }),
  offset: fc.constantFrom(...OFFSETS),
  vector: fc.option(fc.constantFrom(...VECTORS), { nil: undefined }),
  fallbackLevel: fc.constantFrom('low', 'medium', 'high', 'critical'),
  kind: fc.constantFrom('repository', 'package'),
  draft: fc.integer({ min: 0, max: 11 }).map((x) => x === 0),
  salt: fc.stringMatching(/^[a-z]{5}$/),
});

function render(n: number, clockMs: number, s: ShapeValue): GeneratedAdvisory {
  const id = `OEA-2026-${String(1000 + n).padStart(4, '0')}`;
  const w = (field: number) => canaryWord(n * 8 + field, s.salt);
  const canaries: Canaries = {
    title: w(0),
    summary: w(1),
    body: w(2),
    alias: `CVE-2099-${String(10000 + n)}`,
    reference: w(3),
    credit: w(4),
    cwe: `CWE-${90000 + n}`,
    noticeText: w(5),
  };
  const publish = clockMs + s.publishOffset;
  const at = (ms: number) => withOffset(ms, s.offset);
  const level = s.vector ? scoreCvss(s.vector, '3.1').level : s.fallbackLevel;
  const component = s.kind === 'repository' ? 'openedx/openedx-platform' : 'edx-synthetic-package';
  const affected =
    s.kind === 'repository'
      ? [
          '  - repository: openedx/openedx-platform',
          `    master_fix: ${'a'.repeat(30)}${String(n).padStart(10, '0')}`,
          '    releases:',
          `      - { release: verawood, status: fixed, commit: ${'b'.repeat(30)}${String(n).padStart(10, '0')} }`,
        ]
      : [
          '  - package: { ecosystem: PyPI, name: edx-synthetic-package }',
          '    ranges:',
          `      - { introduced: "1.0.0", fixed: "1.${n}.1" }`,
        ];
  const lines = [
    '---',
    `id: ${id}`,
    `title: The ${canaries.title} handler trusted its caller`,
    `summary: Requests to ${canaries.summary} were accepted without a permission check on the course.`,
    ...(s.draft ? ['draft: true'] : []),
    ...(s.noticeLead !== undefined ? [`announce_at: "${at(publish - s.noticeLead)}"`] : []),
    `publish_at: "${at(publish)}"`,
    'notice:',
    `  components: [${component}]`,
    '  releases: [verawood]',
    `  severity: ${level}`,
    `  text: Patch for ${canaries.noticeText} in Verawood.`,
    ...(s.vector ? ['severity:', `  cvss_v3: ${s.vector}`] : []),
    'affected:',
    ...affected,
    `aliases: [${canaries.alias}]`,
    `cwe: [${canaries.cwe}]`,
    `credits: [{ name: Ada ${canaries.credit}, type: finder }]`,
    `references: [{ type: web, url: "https://example.org/${canaries.reference}" }]`,
    ...(s.revisions > 0
      ? [
          'revisions:',
          ...Array.from({ length: s.revisions }, (_, i) => `  - { date: "${at(publish + (i + 1) * DAY)}", summary: Revision ${i + 1}. }`),
        ]
      : []),
    ...(s.withdrawnAfter !== undefined
      ? ['withdrawn:', `  at: "${at(publish + s.withdrawnAfter)}"`, '  reason: Not a vulnerability after all.']
      : []),
    '---',
    '',
    '## Impact',
    '',
    `The ${canaries.body} view let any signed-in account change data it should not reach.`,
    '',
    '## Patches',
    '',
    'Apply the fix for your named release.',
    '',
  ];
  return { id, file: `advisories/2026/${id}.md`, text: lines.join('\n'), canaries, draft: s.draft };
}

type ShapeValue = typeof shape extends fc.Arbitrary<infer T> ? T : never;

/** `count` advisories, each with its own canaries, around `clockMs`. */
export function arbitraryCorpus(clockMs: number, count: { min: number; max: number }): fc.Arbitrary<GeneratedAdvisory[]> {
  return fc.array(shape, { minLength: count.min, maxLength: count.max }).map((shapes) => shapes.map((s, n) => render(n, clockMs, s)));
}

export function arbitraryAdvisory(clockMs: number): fc.Arbitrary<GeneratedAdvisory> {
  return fc.tuple(fc.nat({ max: 5000 }), shape).map(([n, s]) => render(n, clockMs, s));
}
