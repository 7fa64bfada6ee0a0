/**
 * The content model: field formats, strictness and defaults of the zod schemas, and the valid
 * edge cases in tests/fixtures/valid (CRLF, BOM, non-ASCII text, offsets, unquoted timestamps).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { AdvisoryIdSchema, AdvisorySchema, AliasSchema, type AdvisoryInput } from '../../src/schemas/advisory.ts';
import { CommitSchema, HttpsUrlSchema, InstantSchema, RepositorySchema } from '../../src/schemas/common.ts';
import { ReleasesFileSchema } from '../../src/schemas/release.ts';
import { SiteSchema } from '../../src/schemas/site.ts';
import { readCorpus, readSite, type AdvisoryEntry } from '../../src/content/read-content.ts';
import { computeSeverity } from '../../src/schemas/severity.ts';
import { visibilityOf } from '../../src/embargo/visibility.ts';
import { FIXTURES, PROJECT_ROOT } from '../support/build-site.ts';

const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown) => schema.safeParse(value).success;

const minimal: AdvisoryInput = {
  id: 'OEA-2026-001',
  title: 'Title',
  summary: 'One paragraph.',
  publish_at: '2026-12-02T14:00:00Z',
  notice: { components: ['openedx/openedx-platform'], severity: 'low' },
  affected: [{ repository: 'openedx/openedx-platform' }],
};

describe('InstantSchema', () => {
  it.each([
    '2026-12-02T14:00:00Z',
    '2026-12-02T19:30:00+05:30',
    '2026-12-02T10:00:00-04:00',
    '2026-12-02T14:00:00+00:00',
    '2026-12-02T14:00:00.123Z',
    '2024-02-29T00:00:00Z',
  ])('accepts %s', (s) => expect(ok(InstantSchema, s)).toBe(true));

  it.each([
    '2026-12-02T14:00:00',
    '2026-12-02T14:00:00+0100',
    '2026-12-02T14:00Z',
    '2026-12-02 14:00:00Z',
    '2026-12-02',
    '2026-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-12-02T24:00:01Z',
    'next Tuesday',
  ])('rejects %s', (s) => expect(ok(InstantSchema, s)).toBe(false));

  it('rejects a YAML Date object: the offset must be visible in the text', () => {
    expect(ok(InstantSchema, new Date('2026-12-02T14:00:00Z'))).toBe(false);
  });
});

describe('identifier formats', () => {
  it.each(['OEA-2026-001', 'OEA-2026-1234'])('id %s is valid', (id) => expect(ok(AdvisoryIdSchema, id)).toBe(true));
  it.each(['OEA-26-001', 'OEA-2026-01', 'oea-2026-001', 'OEA-2026-001 ', 'GHSA-2026-001'])('id %j is not', (id) =>
    expect(ok(AdvisoryIdSchema, id)).toBe(false),
  );

  it.each(['CVE-2026-53635', 'CVE-2024-1234567', 'GHSA-rqq6-w4pv-7pjv', 'GHSA-64cv-vxpr-j6vc', 'PYSEC-2023-21'])('alias %s is valid', (a) =>
    expect(ok(AliasSchema, a)).toBe(true),
  );
  it.each(['CVE-2026-123', 'cve-2026-53635', 'GHSA-RQQ6-W4PV-7PJV', 'GHSA-abcd-w4pv-7pjv', 'GHSA-rqq6-w4pv', 'OSV-2026-1', 'OEA-2026-001'])(
    'alias %s is not',
    (a) => expect(ok(AliasSchema, a)).toBe(false),
  );

  it('commits are full lower-case SHAs', () => {
    expect(ok(CommitSchema, '59bb6d669e4fdc24d96afb809e12119372d9e257')).toBe(true);
    expect(ok(CommitSchema, '59bb6d6')).toBe(false);
    expect(ok(CommitSchema, '59BB6D669E4FDC24D96AFB809E12119372D9E257')).toBe(false);
  });

  it('repositories are owner/name', () => {
    expect(ok(RepositorySchema, 'openedx/openedx-platform')).toBe(true);
    expect(ok(RepositorySchema, 'openedx/xblock-lti-consumer')).toBe(true);
    expect(ok(RepositorySchema, 'https://github.com/openedx/openedx-platform')).toBe(false);
    expect(ok(RepositorySchema, 'openedx')).toBe(false);
  });

  it('URLs must be https', () => {
    expect(ok(HttpsUrlSchema, 'https://github.com/openedx')).toBe(true);
    for (const url of ['http://github.com/openedx', 'javascript:alert(1)', 'ftp://example.org/x', '//example.org', 'github.com']) {
      expect(ok(HttpsUrlSchema, url), url).toBe(false);
    }
  });
});

describe('AdvisorySchema', () => {
  it('fills the defaults of a minimal advisory', () => {
    const a = AdvisorySchema.parse(minimal);
    expect(a).toMatchObject({ draft: false, aliases: [], cwe: [], credits: [], references: [], revisions: [] });
    expect(a.notice.releases).toEqual([]);
    expect(a.affected[0]).toEqual({ repository: 'openedx/openedx-platform', releases: [] });
    expect(a.severity).toBeUndefined();
  });

  it.each([
    ['top level', { ...minimal, extra: 1 }, 'extra'],
    ['notice', { ...minimal, notice: { ...minimal.notice, score: 9 } }, 'notice.score'],
    ['severity', { ...minimal, severity: { cvss_v3: 'x', score: 9.8 } }, 'severity.score'],
    ['credits', { ...minimal, credits: [{ name: 'A', type: 'finder', email: 'a@b.org' }] }, 'credits[0].email'],
    ['references', { ...minimal, references: [{ type: 'web', url: 'https://e.org', title: 'x' }] }, 'references[0].title'],
    ['withdrawn', { ...minimal, withdrawn: { at: '2026-12-03T00:00:00Z', reason: 'x', by: 'y' } }, 'withdrawn.by'],
  ])('is strict at the %s', (_where, input, key) => {
    const result = AdvisorySchema.safeParse(input);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys.map((k) => [...i.path, k].join('.')) : []));
    expect(paths.map((p) => p.replace(/\.(\d+)\./g, '[$1].'))).toContain(key);
  });

  it('has no hand-written score or level outside the notice', () => {
    const shape = Object.keys(AdvisorySchema.shape);
    expect(shape).not.toContain('score');
    expect(shape).not.toContain('level');
  });
});

describe('ReleasesFileSchema and SiteSchema', () => {
  const release = { name: 'teak', title: 'Teak', released: '2025-06-09', end_of_support: '2025-12-31', branch: 'open-release/teak.master' };
  it('accepts a release and rejects an end of support before the release', () => {
    expect(ok(ReleasesFileSchema, { releases: [release] })).toBe(true);
    const bad = ReleasesFileSchema.safeParse({ releases: [{ ...release, end_of_support: '2025-01-01' }] });
    expect(bad.error?.issues[0]).toMatchObject({ path: ['releases', 0, 'end_of_support'], message: 'must be after the release date' });
    expect(ok(ReleasesFileSchema, { releases: [{ ...release, name: 'Teak' }] })).toBe(false);
    expect(ok(ReleasesFileSchema, { releases: [] })).toBe(false);
  });

  it('reads the project site.yaml, and refuses a site URL with a trailing slash', () => {
    const site = readSite(PROJECT_ROOT, []);
    expect(site?.contact_email).toBe('security@openedx.org');
    expect(ok(SiteSchema, { ...site, url: 'https://security.openedx.org/' })).toBe(false);
  });
});

describe('valid edge cases (tests/fixtures/valid)', () => {
  const { corpus, problems } = readCorpus(join(FIXTURES, 'valid'));
  const byId = new Map((corpus?.advisories ?? []).map((e) => [e.data.id, e]));
  const get = (id: string): AdvisoryEntry => {
    const entry = byId.get(id);
    if (!entry) throw new Error(`${id} was not read`);
    return entry;
  };

  it('passes the check with no problem', () => {
    expect(problems).toEqual([]);
    expect([...byId.keys()]).toEqual([
      'OEA-2026-101',
      'OEA-2026-102',
      'OEA-2026-103',
      'OEA-2026-104',
      'OEA-2026-105',
      'OEA-2026-106',
      'OEA-2026-107',
      'OEA-2026-108',
      'OEA-2026-109',
    ]);
  });

  it.each([
    ['OEA-2026-102', 'CRLF line endings'],
    ['OEA-2026-103', 'UTF-8 byte order mark'],
    ['OEA-2026-104', 'Byte order mark and CRLF'],
  ])('%s (%s) reads like the LF original', (id, title) => {
    const entry = get(id);
    const base = get('OEA-2026-101');
    expect(entry.data.title).toBe(title);
    expect(entry.body).toBe(base.body);
    // Line numbers count lines as an editor shows them, whatever the line ending or BOM.
    expect(entry.lineOf(['affected', 0, 'master_fix'])).toBe(14);
    expect(entry.bodyLine).toBe(16);
  });

  it('keeps non-ASCII text exactly', () => {
    const { data, body } = get('OEA-2026-105');
    expect(data.title).toBe('Nicht-ASCII: Zoë, Ångström, 李雷, Łódź, Ελληνικά, العربية ✓');
    expect(data.credits.map((c) => c.name)).toEqual(['Zoë Ångström', '李雷', 'Łukasz Żółć', 'محمد الأحمد']);
    expect(data.summary).toContain('🔒');
    expect(body).toContain('学习者可以看到其他课程的数据。');
  });

  it('keeps offsets as written and compares them as instants', () => {
    const { data } = get('OEA-2026-106');
    expect(data.announce_at).toBe('2026-10-01T19:30:00+05:30');
    expect(data.publish_at).toBe('2026-10-03T10:00:00-04:00');
    expect(Date.parse(data.announce_at!)).toBe(Date.parse('2026-10-01T14:00:00Z'));
    expect(Date.parse(data.publish_at)).toBe(Date.parse('2026-10-03T14:00:00Z'));
    expect(visibilityOf(data, new Date('2026-10-03T13:59:59Z'))).toBe('announced');
    expect(visibilityOf(data, new Date('2026-10-03T14:00:00Z'))).toBe('published');
  });

  it('reads unquoted timestamps as the text written, offset included', () => {
    const { data } = get('OEA-2026-107');
    expect(data.announce_at).toBe('2026-10-01T14:00:00Z');
    expect(data.publish_at).toBe('2026-10-03T09:00:00-05:00');
    expect(data.revisions[0]?.date).toBe('2026-10-05T12:00:00+05:30');
  });

  it('takes the level from the notice when there is no vector', () => {
    const { data } = get('OEA-2026-108');
    expect(data.severity).toBeUndefined();
    expect(computeSeverity(data)).toEqual({ scores: [], level: 'low', primary: undefined });
    expect(data.affected[0]).toMatchObject({ package: { ecosystem: 'npm', name: '@edx/frontend-platform' } });
  });

  it('scores both vectors, with optional metrics, and shows the 3.1 level', () => {
    const { data } = get('OEA-2026-109');
    const s = computeSeverity(data);
    expect(s.scores.map((x) => x.version)).toEqual(['3.1', '4.0']);
    expect(s.level).toBe('high');
    expect(visibilityOf(data, new Date('2026-11-25T12:00:00Z'))).toBe('withdrawn');
  });
});
