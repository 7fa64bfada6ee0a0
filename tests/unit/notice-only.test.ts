/**
 * Notice-only advisory files (src/schemas/notice-only.ts) beside full ones: which files have
 * the shape, and every reader that must treat one exactly like a full advisory in the
 * announced phase: the projection, the schedule, the leak scan's secrets, verify-live's plan.
 */
import { describe, expect, it } from 'vitest';
import { parseAdvisory, type AdvisoryEntry, type Corpus, type NoticeOnlyEntry } from '../../src/content/read-content.ts';
import { collectSecrets } from '../../src/embargo/leak-scan.ts';
import { projectCorpus } from '../../src/embargo/projection.ts';
import { nextTransitions, scheduleOf, stateTime } from '../../src/embargo/schedule.ts';
import { siteAt } from '../../src/model/site-model.ts';
import { paths } from '../../src/model/urls.ts';
import { isNoticeOnlyShape } from '../../src/schemas/notice-only.ts';
import { exportPaths, planChecks } from '../../src/verify/verify-live.ts';
import { fixtureModel } from '../support/fixture-model.ts';

const RELEASES = [{ name: 'verawood', title: 'Verawood', released: '2026-06-09', end_of_support: '2026-12-31', branch: 'b' }];
const FRONT = `id: OEA-2026-301
announce_at: "2026-11-30T14:00:00Z"
publish_at: "2026-12-02T14:00:00Z"
notice:
  components: [openedx/openedx-platform]
  releases: [verawood]
  severity: high
  text: Quorbix fix in the LMS; patch for Verawood.`;
const NOTICE_ONLY = `---\n${FRONT}\n---\n`;
const FULL = `---
${FRONT}
title: Zintaglow tokens outlived their rotation
summary: The zintaglow store kept accepting rotated tokens.
severity: { cvss_v3: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N" }
affected:
  - repository: openedx/openedx-platform
    releases: [{ release: verawood, status: fixed, tag: open-release/verawood.4 }]
---

## Impact

Anyone holding an old zintaglow token kept their session for days after rotation.
`;
const FILE = 'content/advisories/2026/OEA-2026-301.md';

const parse = (text: string) => parseAdvisory(FILE, text, RELEASES);
const notice = parse(NOTICE_ONLY).notice!;
const full = parse(FULL).entry!;
const site = fixtureModel().site;
const corpusOf = (entry: { advisories?: AdvisoryEntry[]; notices?: NoticeOnlyEntry[] }): Corpus => ({
  site,
  releases: RELEASES,
  advisories: entry.advisories ?? [],
  notices: entry.notices ?? [],
});

const BEFORE = new Date('2026-11-29T00:00:00Z');
const ANNOUNCED = new Date('2026-11-30T20:00:00Z');

describe('the shape', () => {
  it('is the id, the two dates and the notice (draft allowed), with an empty body', () => {
    expect(parse(NOTICE_ONLY)).toEqual({ notice: expect.objectContaining({ file: FILE }), problems: [], warnings: [] });
    expect(notice.data).toEqual({
      id: 'OEA-2026-301',
      draft: false,
      announce_at: '2026-11-30T14:00:00Z',
      publish_at: '2026-12-02T14:00:00Z',
      notice: {
        components: ['openedx/openedx-platform'],
        releases: ['verawood'],
        severity: 'high',
        text: 'Quorbix fix in the LMS; patch for Verawood.',
      },
    });
    expect(isNoticeOnlyShape({ id: 'x', notice: {}, draft: true }, '\n  \n')).toBe(true);
  });

  it.each([
    ['a body', { id: 'x', notice: {} }, '## Impact\n'],
    ['any other field', { id: 'x', notice: {}, title: 'T' }, ''],
    ['no notice', { id: 'x', publish_at: 'y' }, ''],
  ])('is not a file with %s: that is a full advisory, checked as one', (_what, data, body) => {
    expect(isNoticeOnlyShape(data, body)).toBe(false);
  });

  it('gets the per-file rules a full advisory gets (names, dates, releases, characters)', () => {
    const broken = NOTICE_ONLY.replace('releases: [verawood]', 'releases: [verawod]').replace('id: OEA-2026-301', 'id: OEA-2026-302');
    expect(parse(broken).problems.map((p) => `${p.line}: ${p.field}: ${p.message.slice(0, 50)}`)).toEqual([
      '2: id: must equal the file name (expected "OEA-2026-301",',
      '7: notice.releases[0]: unknown named release (expected one of verawood fr',
    ]);
  });
});

describe('readers treat it as the full advisory in its announced phase', () => {
  it('projects to the same entry: nothing while hidden, the notice while announced, an error when due', () => {
    for (const at of [BEFORE, ANNOUNCED]) {
      expect(projectCorpus(corpusOf({ notices: [notice] }), at)).toEqual(projectCorpus(corpusOf({ advisories: [full] }), at));
    }
    expect(projectCorpus(corpusOf({ notices: [notice] }), ANNOUNCED)).toHaveLength(1);
    expect(() => projectCorpus(corpusOf({ notices: [notice] }), new Date('2026-12-02T14:00:00Z'))).toThrow(
      'OEA-2026-301 is due at 2026-12-02T14:00:00.000Z but its file holds only the notice',
    );
  });

  it('builds the same site model', () => {
    expect(siteAt(corpusOf({ notices: [notice] }), ANNOUNCED)).toEqual(siteAt(corpusOf({ advisories: [full] }), ANNOUNCED));
  });

  it('has the same transitions', () => {
    const fromNotice = scheduleOf(corpusOf({ notices: [notice] }));
    const fromFull = scheduleOf(corpusOf({ advisories: [full] }));
    expect(nextTransitions(fromNotice, BEFORE)).toEqual(nextTransitions(fromFull, BEFORE));
    expect(
      nextTransitions(fromNotice, new Date('2026-12-01T00:00:00Z')).map((t) => `${t.kind} ${t.subject} ${t.at.toISOString()}`),
    ).toEqual(['publish OEA-2026-301 2026-12-02T14:00:00.000Z']);
    expect(stateTime(fromNotice, ANNOUNCED)).toEqual(new Date('2026-11-30T14:00:00Z'));
  });

  it('keeps its id, notice text and dates secret while hidden, and has no secret once announced', () => {
    const hidden = collectSecrets([], BEFORE, [], [notice]).map((s) => `${s.what}: ${s.text}`);
    expect(hidden).toEqual(
      expect.arrayContaining([
        'id: OEA-2026-301',
        'notice text: Quorbix fix in the LMS; patch for Verawood.',
        'date: 2026-11-30T14:00:00Z',
        'date: 2026-11-30T14:00:00.000Z',
        'date: Mon, 30 Nov 2026 14:00:00 GMT',
        'date: 30 November 2026, 14:00 UTC',
        'date: 20261130T140000Z',
        // (not 2026-12-02T14:00:00Z as written: the subscribe page prints that instant as its example)
        'date: 2026-12-02T14:00:00.000Z',
        'date: Wed, 02 Dec 2026 14:00:00 GMT',
      ]),
    );
    expect(new Set(hidden.map((s) => s.split(':')[0]))).toEqual(new Set(['id', 'notice text', 'date']));
    expect(collectSecrets([], ANNOUNCED, [], [notice])).toEqual([]);
    // The full file's secrets while hidden include these, and its details besides.
    const fromFull = collectSecrets([full], BEFORE).map((s) => `${s.what}: ${s.text}`);
    expect(fromFull).toEqual(expect.arrayContaining(hidden));
  });

  it('is checked by verify-live like the full advisory: none of its URLs may be served', () => {
    const plan = (corpus: Corpus) =>
      planChecks(corpus, siteAt(corpus, ANNOUNCED))
        .map((c) => [c.path, c.served, [...c.mentions.keys()]] as const)
        .sort();
    expect(plan(corpusOf({ notices: [notice] }))).toEqual(plan(corpusOf({ advisories: [full] })));
    const served = new Map(plan(corpusOf({ notices: [notice] })).map(([path, served]) => [path, served]));
    for (const path of [paths.advisory('OEA-2026-301'), ...exportPaths(notice.data)]) expect(served.get(path), path).toBe(false);
  });
});
