import { describe, expect, it } from 'vitest';
import type { Affected } from '../../src/schemas/advisory.ts';
import {
  actionFor,
  checklistPages,
  describeRange,
  patchChecklist,
  patchChecklists,
  supportStatus,
} from '../../src/model/patch-checklist.ts';
import type { ReleaseInfo } from '../../src/model/site-model.ts';
import { fixtureModel } from '../support/fixture-model.ts';
import { FIXTURE_IDS } from '../fixtures/site/canaries.ts';

const model = fixtureModel();
const release = (name: string) => model.releases.find((r) => r.name === name)!;
const list = (name: string) => patchChecklist(release(name), model.published);
const ids = (items: { advisory: { id: string } }[]) => items.map((i) => i.advisory.id);

describe('patch checklist of the fixture site', () => {
  it('gives Verawood the backport commit and tag of the published fix, and nothing embargoed', () => {
    const v = list('verawood');
    // The announced advisory names Verawood too, but is not published: it is not in the model's list.
    expect(ids(v.items)).toEqual([FIXTURE_IDS.backported]);
    expect(v.items[0]!.actions).toEqual([
      {
        kind: 'backport',
        component: 'openedx/openedx-platform',
        repository: 'openedx/openedx-platform',
        commit: '2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5d6',
        tag: 'open-release/verawood.3',
      },
    ]);
    expect(v.counts).toEqual({ apply: 1, noFix: 0, notAffected: 0 });
  });

  it('says a wont_fix release gets no fix, with the master commit for reference', () => {
    const t = list('teak');
    expect(t.items[0]!.actions).toEqual([
      {
        kind: 'no-fix',
        component: 'openedx/openedx-platform',
        repository: 'openedx/openedx-platform',
        status: 'wont_fix',
        masterFix: '1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5',
      },
    ]);
    expect(t.counts).toEqual({ apply: 0, noFix: 1, notAffected: 0 });
  });

  it('marks a not_affected release as needing nothing', () => {
    const p = list('palm');
    expect(ids(p.items)).toEqual([FIXTURE_IDS.noCvss]);
    expect(p.items[0]!.needsAction).toBe(false);
    expect(p.counts).toEqual({ apply: 0, noFix: 0, notAffected: 1 });
  });

  it('accepts a fix recorded as a tag only', () => {
    expect(list('quince').items[0]!.actions).toEqual([
      {
        kind: 'backport',
        component: 'openedx/openedx-platform',
        repository: 'openedx/openedx-platform',
        commit: undefined,
        tag: 'open-release/quince.2',
      },
    ]);
  });

  it('asks to check advisories that name no release but came out while the release was supported', () => {
    // Sumac: 2024-12-10 to 2025-06-30. The PyPI advisory (2025-05-11) names no release.
    const s = list('sumac');
    expect(ids(s.items)).toEqual([FIXTURE_IDS.revised]);
    expect(ids(s.toCheck)).toEqual([FIXTURE_IDS.pypi]);
    expect(s.toCheck[0]!.actions).toEqual([
      {
        kind: 'upgrade',
        component: 'edx-enterprise',
        ecosystem: 'PyPI',
        name: 'edx-enterprise',
        repository: 'openedx/edx-enterprise',
        fixed: ['7.0.5'],
        ranges: ['>= 7.0.2, < 7.0.5'],
      },
    ]);
    // Teak: 2025-06-09 to 2025-12-31. The CVSS 4.0 advisory (2025-09-16) is a master-only fix.
    expect(list('teak').toCheck.map((i) => [i.advisory.id, i.actions[0]!.kind])).toEqual([[FIXTURE_IDS.cvss4, 'master-only']]);
  });

  it('never lists a withdrawn advisory, not even to check', () => {
    // The withdrawn one (2024-08-06, no release named) falls in Redwood's support window.
    const all = patchChecklists(model);
    expect(all).toHaveLength(model.releases.length);
    for (const c of all) expect([...ids(c.items), ...ids(c.toCheck)]).not.toContain(FIXTURE_IDS.withdrawn);
    expect(list('redwood').toCheck).toEqual([]);
  });
});

describe('actions', () => {
  const pkg: Affected = {
    package: { ecosystem: 'npm', name: '@edx/frontend-platform' },
    repository: 'openedx/frontend-platform',
    ranges: [
      { introduced: '8.0.0', fixed: '8.3.2' },
      { introduced: '7.0.0', fixed: '7.1.6' },
    ],
    releases: [
      { release: 'teak', status: 'not_affected' },
      { release: 'ulmo', status: 'wont_fix' },
    ],
  };

  it('honours a package release row', () => {
    expect(actionFor(pkg, 'teak')).toEqual({ kind: 'not-affected', component: '@edx/frontend-platform' });
    expect(actionFor(pkg, 'ulmo')).toMatchObject({ kind: 'no-fix', status: 'wont_fix' });
    expect(actionFor(pkg, 'verawood')).toMatchObject({ kind: 'upgrade', fixed: ['8.3.2', '7.1.6'] });
  });

  it('treats a package without any fixed version as unfixed', () => {
    const open: Affected = { ...pkg, ranges: [{ introduced: '0', last_affected: '9.0.0' }], releases: [] };
    expect(actionFor(open, undefined)).toMatchObject({ kind: 'no-fix', status: 'affected' });
  });

  it('describes version ranges', () => {
    expect(describeRange({ introduced: '7.0.2', fixed: '7.0.5' })).toBe('>= 7.0.2, < 7.0.5');
    expect(describeRange({ introduced: '0', last_affected: '9.0.0' })).toBe('all versions, <= 9.0.0');
    expect(describeRange({ introduced: '1.0' })).toBe('>= 1.0 (no fixed version)');
  });
});

describe('support status', () => {
  const base: ReleaseInfo = {
    name: 'zebra',
    title: 'Zebra',
    released: '2027-06-01',
    end_of_support: '2027-12-31',
    branch: 'x',
    supported: false,
  };
  it('tells a release that is not out yet from one whose support ended', () => {
    expect(supportStatus(base, new Date('2026-11-25T12:00:00Z'))).toBe('not-yet-released');
    expect(supportStatus(base, new Date('2028-01-01T00:00:00Z'))).toBe('ended');
    expect(supportStatus({ ...base, supported: true }, new Date('2027-07-01T00:00:00Z'))).toBe('supported');
  });
});

describe('checklist pages', () => {
  it('runs both lists on across pages of bounded size, named rows first', () => {
    const sumac = list('sumac');
    const big = {
      ...sumac,
      items: Array.from({ length: 120 }, () => sumac.items[0]!),
      toCheck: Array.from({ length: 15 }, () => sumac.toCheck[0]!),
    };
    const pages = checklistPages(big, 50);
    expect(pages.map((p) => [p.page, p.items.length, p.toCheck.length, p.first, p.path])).toEqual([
      [1, 50, 0, 1, '/releases/sumac/'],
      [2, 50, 0, 51, '/releases/sumac/page/2/'],
      [3, 20, 15, 101, '/releases/sumac/page/3/'],
    ]);
    expect(checklistPages({ ...sumac, items: [], toCheck: [] })).toMatchObject([{ page: 1, pages: 1, items: [], toCheck: [] }]);
  });
});
