/**
 * Each lint rule module on its own (src/content/lint/): pure functions from an advisory, as far
 * as the schema accepted it, to findings. A refused field is missing, a refused entry of a list
 * is `undefined`: the rules must still judge the rest and never report an absence as a fault.
 */
import { describe, expect, it } from 'vitest';
import { AdvisorySchema, type AdvisoryInput } from '../../src/schemas/advisory.ts';
import type { Release } from '../../src/schemas/release.ts';
import { bodyRules } from '../../src/content/lint/body.ts';
import { CALENDAR_WINDOW_DAYS, releaseCalendar } from '../../src/content/lint/calendar.ts';
import { forbiddenCharacter } from '../../src/content/lint/characters.ts';
import { noticePeriod, uniqueIds } from '../../src/content/lint/corpus.ts';
import type { CorpusFacts } from '../../src/content/lint/corpus-rule.ts';
import { dateRules } from '../../src/content/lint/dates.ts';
import { idRules } from '../../src/content/lint/ids.ts';
import { referenceRules } from '../../src/content/lint/references.ts';
import { componentRules, releaseRules } from '../../src/content/lint/releases.ts';
import type { FileFacts, LintAdvisory } from '../../src/content/lint/rule.ts';
import { severityRules } from '../../src/content/lint/severity.ts';
import { placeholderMessage, stringRules } from '../../src/content/lint/strings.ts';
import type { AdvisoryEntry, NoticeOnlyEntry } from '../../src/content/corpus.ts';
import { noticeOnlyDue } from '../../src/embargo/content-rules.ts';
import type { NoticeOnlyData } from '../../src/schemas/notice-only.ts';

const RELEASES = [
  { name: 'ulmo', title: 'Ulmo', released: '2025-12-09', end_of_support: '2026-06-30', branch: 'open-release/ulmo.master' },
  { name: 'verawood', title: 'Verawood', released: '2026-06-09', end_of_support: '2026-12-31', branch: 'open-release/verawood.master' },
] satisfies Release[];
const FILE: FileFacts = { file: 'content/advisories/2026/OEA-2026-201.md', releases: RELEASES };

const BASE: AdvisoryInput = {
  id: 'OEA-2026-201',
  title: 'T',
  summary: 'S.',
  announce_at: '2026-10-01T14:00:00Z',
  publish_at: '2026-10-03T14:00:00Z',
  notice: { components: ['openedx/openedx-platform'], releases: ['verawood'], severity: 'medium' },
  severity: { cvss_v3: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N' },
  affected: [{ repository: 'openedx/openedx-platform', releases: [{ release: 'verawood', status: 'wont_fix' }] }],
};
const full = (change: Partial<AdvisoryInput> = {}): LintAdvisory => AdvisorySchema.parse({ ...BASE, ...change });
const messages = (found: Array<{ path: PropertyKey[]; message: string; severity?: string }>) =>
  found.map((f) => `${f.path.join('.')}: ${f.severity ? `${f.severity}: ` : ''}${f.message}`);

const facts = (change: Partial<CorpusFacts>): CorpusFacts => ({
  site: null,
  releases: RELEASES,
  releasesLineOf: () => undefined,
  advisories: [],
  notices: [],
  ids: new Set(),
  at: new Date('2026-11-01T00:00:00Z'),
  ...change,
});

describe('ids', () => {
  it('holds the id to the file name and its year folder', () => {
    expect(messages(idRules(full(), FILE))).toEqual([]);
    expect(messages(idRules(full({ id: 'OEA-2026-202' }), FILE))).toEqual([
      'id: must equal the file name (expected "OEA-2026-201", found "OEA-2026-202")',
    ]);
    expect(messages(idRules(full(), { ...FILE, file: 'content/advisories/2025/OEA-2026-201.md' }))).toEqual([
      'id: the file must sit in the folder of its year (expected advisories/2026/, found advisories/2025/)',
    ]);
  });

  it("warns when the id's year is not the publication's, in UTC", () => {
    expect(messages(idRules(full({ publish_at: '2027-01-01T02:00:00+05:00' }), FILE))).toEqual([]); // 2026-12-31T21:00Z
    expect(messages(idRules(full({ publish_at: '2027-01-01T00:00:00Z' }), FILE))).toEqual([
      "id: warning: the id's year (2026) differs from the year of publish_at (2027, in UTC); new ids take the year of publication, so check the id and the date",
    ]);
  });

  it('says nothing without an id (the schema refused it)', () => {
    expect(idRules({ publish_at: '2027-01-01T00:00:00Z' }, FILE)).toEqual([]);
  });
});

describe('dates', () => {
  it('wants every date in order', () => {
    const a = full({
      announce_at: '2026-10-04T00:00:00Z',
      reported_at: '2026-10-05T00:00:00Z',
      triaged_at: '2026-10-04T12:00:00Z',
      revisions: [{ date: '2026-10-02T00:00:00Z', summary: 'r' }],
      withdrawn: { at: '2026-10-01T00:00:00Z', reason: 'w' },
    });
    expect(messages(dateRules(a, FILE))).toEqual([
      'triaged_at: must not be before reported_at (found 2026-10-04T12:00:00Z, reported_at 2026-10-05T00:00:00Z)',
      'announce_at: must be before publish_at (found 2026-10-04T00:00:00Z, publish_at 2026-10-03T14:00:00Z)',
      'reported_at: must not be after publish_at (found 2026-10-05T00:00:00Z, publish_at 2026-10-03T14:00:00Z)',
      'triaged_at: must not be after publish_at (found 2026-10-04T12:00:00Z, publish_at 2026-10-03T14:00:00Z)',
      'revisions.0.date: revisions must be in order and not before publish_at (found 2026-10-02T00:00:00Z)',
      'withdrawn.at: must not be before publish_at (found 2026-10-01T00:00:00Z, publish_at 2026-10-03T14:00:00Z); cancel an unpublished advisory with draft: true',
    ]);
  });

  it('judges what is left when publish_at or a revision was refused', () => {
    expect(
      dateRules({ announce_at: '2026-10-04T00:00:00Z', reported_at: '2026-10-05T00:00:00Z', triaged_at: '2026-10-06T00:00:00Z' }, FILE),
    ).toEqual([]);
    const revisions = [undefined, { date: '2026-10-02T00:00:00Z', summary: 'r' }];
    expect(messages(dateRules({ publish_at: '2026-10-03T14:00:00Z', revisions }, FILE))).toEqual([
      'revisions.1.date: revisions must be in order and not before publish_at (found 2026-10-02T00:00:00Z)',
    ]);
  });
});

describe('severity', () => {
  it('checks each vector and the notice level against the score', () => {
    expect(messages(severityRules(full({ notice: { ...BASE.notice, severity: 'high' } }), FILE))).toEqual([
      'notice.severity: must match the level computed from the CVSS vector (expected "medium", found "high")',
    ]);
    expect(messages(severityRules({ severity: { cvss_v3: 'CVSS:3.1/AV:N' } }, FILE))).toEqual([
      'severity.cvss_v3: not a valid CVSS 3.1 vector: incomplete: missing base metric(s) AC, PR, UI, S, C, I, A',
    ]);
  });
});

describe('releases and components', () => {
  it('knows the named releases, and suggests the nearest', () => {
    const a = full({ notice: { ...BASE.notice, releases: ['verawod'] } });
    expect(messages(releaseRules(a, FILE))).toEqual([
      'notice.releases.0: unknown named release (expected one of ulmo, verawood from content/releases.yaml, found "verawod"); did you mean "verawood"?',
    ]);
  });

  it('says nothing of release names when releases.yaml was refused', () => {
    expect(releaseRules(full({ notice: { ...BASE.notice, releases: ['nope'] } }), { ...FILE, releases: null })).toEqual([]);
  });

  it('holds notice and affected to the same components, unless either list was refused', () => {
    const a = full({ notice: { ...BASE.notice, components: ['openedx/openedx-platfrom'] } });
    expect(messages(componentRules(a, FILE))).toEqual([
      'notice.components.0: must name a component listed in affected (expected one of openedx/openedx-platform, found "openedx/openedx-platfrom"); did you mean "openedx/openedx-platform"?',
      'affected.0: "openedx/openedx-platform" is missing from notice.components (the pre-announcement must name every affected component)',
    ]);
    expect(componentRules({ notice: { components: ['x'] }, affected: [undefined] }, FILE)).toEqual([]);
    expect(componentRules({ affected: AdvisorySchema.parse(BASE).affected }, FILE)).toEqual([]);
  });
});

describe('references', () => {
  it('lists an alias once', () => {
    const aliases = ['CVE-2026-1234', undefined, 'CVE-2026-1234'];
    expect(messages(referenceRules({ aliases }, FILE))).toEqual(['aliases.2: duplicate alias (found "CVE-2026-1234" twice)']);
  });
});

describe('strings', () => {
  it('finds placeholders and forbidden characters in any field, refused ones included', () => {
    const input = { title: 'FILL-IN: the title', notice: { text: 'a\u0007b' }, credits: [{ name: 'x\uFFFFy' }], extra: ['\uD800'] };
    expect(messages(stringRules(input))).toEqual([
      `title: ${placeholderMessage}`,
      'notice.text: contains the control character U+0007 (remove it: feeds are XML, which cannot carry it)',
      'credits.0.name: contains the noncharacter U+FFFF (remove it: feeds are XML, which cannot carry it)',
      'extra.0: contains a lone surrogate U+D800 (remove it: feeds are XML, which cannot carry it)',
    ]);
  });

  it.each([
    ['\u0000', 'the control character U+0000'],
    ['\u0085', 'the control character U+0085'],
    ['\uFDD0', 'the noncharacter U+FDD0'],
    ['\uFFFE', 'the noncharacter U+FFFE'],
    ['\u{10FFFF}', 'the noncharacter U+10FFFF'],
    ['\uDFFF', 'a lone surrogate U+DFFF'],
  ])('refuses %j: %s', (char, what) => {
    expect(forbiddenCharacter(`ok ${char}`)?.message).toContain(what);
  });

  it.each(['tab\tand\nline breaks\r', 'Zoë’s emoji 😀 (a surrogate pair)', '\uFFFD', '\u00A0'])('keeps %j', (text) => {
    expect(forbiddenCharacter(text)).toBeUndefined();
  });
});

describe('body', () => {
  it('finds what is wrong with its line in the file', () => {
    expect(bodyRules('\n## Impact\n\nSee <b>this</b> and FILL-IN.\n', 10)).toEqual([
      { field: '(body)', message: 'still holds a FILL-IN placeholder (replace it with the real text)', line: 13 },
      {
        field: '(body) line 13',
        line: 13,
        message: 'raw HTML is not allowed in advisories (found "<b>"); write Markdown, or put code in backticks',
      },
      {
        field: '(body) line 13',
        line: 13,
        message: 'raw HTML is not allowed in advisories (found "</b>"); write Markdown, or put code in backticks',
      },
    ]);
    expect(bodyRules('  \n', 5).map((f) => f.message)).toEqual([
      'the Markdown body is empty (expected Impact, Patches, Workarounds and References sections)',
    ]);
  });
});

describe('across files', () => {
  const entry = (file: string, change: Partial<AdvisoryInput>): AdvisoryEntry => ({
    file,
    data: AdvisorySchema.parse({ ...BASE, ...change }),
    body: '',
    bodyLine: 1,
    lineOf: () => 2,
  });
  const notice = (file: string, data: Partial<NoticeOnlyData>): NoticeOnlyEntry => ({
    file,
    data: {
      id: 'OEA-2026-201',
      draft: false,
      announce_at: BASE.announce_at!,
      publish_at: BASE.publish_at,
      notice: AdvisorySchema.shape.notice.parse(BASE.notice),
      ...data,
    },
    lineOf: () => 4,
  });

  it('keeps ids unique across full and notice-only files, and aliases across advisories', () => {
    const a = entry('a.md', { aliases: ['CVE-2026-1234'] });
    const b = entry('b.md', { id: 'OEA-2026-202', aliases: ['CVE-2026-1234'] });
    expect(
      uniqueIds(facts({ advisories: [a, b], notices: [notice('c.md', {})] })).map((p) => `${p.file}: ${p.field}: ${p.message}`),
    ).toEqual([
      'b.md: aliases[0]: alias already belongs to another advisory (found "CVE-2026-1234", also in a.md)',
      'c.md: id: duplicate id (expected a unique id, found "OEA-2026-201", also used by a.md)',
    ]);
  });

  it('holds every pre-announcement, notice-only ones too, to the notice period', () => {
    const site = { notice_hours: 48 } as CorpusFacts['site'];
    const short = notice('n.md', { announce_at: '2026-10-02T14:00:00Z' });
    expect(noticePeriod(facts({ site, notices: [short] })).map((p) => p.message)).toEqual([
      'must be at least 48 hours before publish_at, the notice the site promises (site.yaml notice_hours; found 24 hours). For a flaw already public elsewhere, leave announce_at out',
    ]);
    expect(noticePeriod(facts({ notices: [short] }))).toEqual([]); // site.yaml refused: nothing to hold it to
  });

  it('refuses a notice-only file once it is due at the clock, never while a draft', () => {
    const due = notice('n.md', {});
    expect(noticeOnlyDue(facts({ notices: [due], at: new Date('2026-10-03T13:59:59Z') }))).toEqual([]);
    expect(noticeOnlyDue(facts({ notices: [due], at: new Date('2026-10-03T14:00:00Z') }))).toEqual([
      {
        file: 'n.md',
        field: 'publish_at',
        line: 4,
        message:
          'has passed at the clock (2026-10-03T14:00:00Z), and the file holds only the notice: a published advisory needs title, summary, affected and its Markdown body (add them, or move publish_at later)',
      },
    ]);
    expect(noticeOnlyDue(facts({ notices: [notice('n.md', { draft: true })], at: new Date('2030-01-01T00:00:00Z') }))).toEqual([]);
  });
});

describe('the release calendar', () => {
  const at = (iso: string) => releaseCalendar(facts({ releasesLineOf: () => 7, at: new Date(iso) }));

  it('is quiet while a release stays supported past the window', () => {
    expect(at('2026-11-01T00:00:00Z')).toEqual([]);
    expect(CALENDAR_WINDOW_DAYS).toBe(30);
  });

  it('warns when support ends within 30 days with no successor, and when nothing will be supported', () => {
    expect(at('2026-12-01T23:59:59Z')).toEqual([]); // 30 days on is 2026-12-31, Verawood's last supported day
    expect(at('2026-12-02T00:00:00Z').map((p) => `${p.severity}: ${p.field}: ${p.message}`)).toEqual([
      'warning: releases: no named release is supported on 2027-01-01, 30 days after the clock (2026-12-02); add the next release, with its released and end_of_support dates',
      'warning: releases[1].end_of_support: support for Verawood ends on 2026-12-31, within 30 days of the clock (2026-12-02), and no later release is listed; add its successor',
    ]);
  });

  it('does not warn about a release whose successor is listed', () => {
    // Ulmo's support ends on 2026-06-30; Verawood, released after it, carries on.
    expect(at('2026-06-15T00:00:00Z')).toEqual([]);
  });
});
