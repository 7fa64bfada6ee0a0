import { describe, expect, it } from 'vitest';
import { patchChecklist } from '../../src/model/patch-checklist.ts';
import { newestTag, releaseSummary, tagPrefix } from '../../src/model/release-summary.ts';
import { fixtureModel } from '../support/fixture-model.ts';
import { FIXTURE_IDS } from '../fixtures/site/canaries.ts';
import { advisory, BASE, modelOf } from '../support/output-model.ts';
import type { SiteModel } from '../../src/model/site-model.ts';

const summaryOf = (model: SiteModel, name: string) => {
  const release = model.releases.find((r) => r.name === name)!;
  return releaseSummary(patchChecklist(release, model.published), model.published, model.now);
};
const ids = (items: { advisory: { id: string } }[]) => items.map((i) => i.advisory.id);
const repo = BASE.affected![0] as { repository: string; master_fix: string };

describe('release summary', () => {
  it('orders tags by their number, so verawood.10 is newer than verawood.9', () => {
    expect(newestTag(['open-release/verawood.9', 'open-release/verawood.10', 'open-release/verawood.2'])).toBe('open-release/verawood.10');
    expect(newestTag([])).toBeUndefined();
    expect(tagPrefix({ branch: 'open-release/verawood.master' })).toBe('open-release/verawood.');
  });

  it('names the one tag that holds every published fix of a supported release (fixture Verawood)', () => {
    const s = summaryOf(fixtureModel(), 'verawood');
    expect(s.status).toBe('supported');
    expect(s).toMatchObject({ complete: true, tag: 'open-release/verawood.3', unfixed: [], untagged: [], unassessed: 0 });
  });

  it('takes the newest tag over several advisories, and lists what a tag cannot hold', () => {
    const model = modelOf([
      advisory(),
      advisory({
        id: 'OEA-2026-102',
        affected: [
          {
            ...repo,
            releases: [
              { release: 'verawood', status: 'fixed', commit: '3c4d5e6f708192a3b4c5d6e7f80912a3b4c5d6e7', tag: 'open-release/verawood.5' },
            ],
          },
        ],
      }),
      advisory({
        id: 'OEA-2026-103',
        affected: [{ ...repo, releases: [{ release: 'verawood', status: 'fixed', commit: '4d5e6f708192a3b4c5d6e7f80912a3b4c5d6e7f8' }] }],
      }),
      advisory({ id: 'OEA-2026-104', affected: [{ ...repo, releases: [{ release: 'verawood', status: 'affected' }] }] }),
      advisory({ id: 'OEA-2026-105', affected: [{ ...repo, releases: [{ release: 'verawood', status: 'not_affected' }] }] }),
    ]);
    const s = summaryOf(model, 'verawood');
    expect(s.tag).toBe('open-release/verawood.5');
    expect(s.complete).toBe(false);
    expect(ids(s.unfixed)).toEqual(['OEA-2026-104']);
    expect(ids(s.untagged)).toEqual(['OEA-2026-103']);
  });

  it('does not count a tag of another release line as holding a fix', () => {
    const model = modelOf([
      advisory({ affected: [{ ...repo, releases: [{ release: 'verawood', status: 'fixed', tag: 'open-release/ulmo.5' }] }] }),
    ]);
    const s = summaryOf(model, 'verawood');
    expect(s.tag).toBeUndefined();
    expect(ids(s.untagged)).toEqual(['OEA-2026-101']);
  });

  it('counts, for an unsupported release, the advisories published after its support ended that never assessed it', () => {
    // Teak ended 2025-12-31. The fixture's 2026 advisory names Teak (wont_fix): assessed, so not counted, but unfixed.
    const fixture = summaryOf(fixtureModel(), 'teak');
    expect(fixture.status).toBe('ended');
    expect(ids(fixture.unfixed)).toEqual([FIXTURE_IDS.backported]);
    expect(fixture.unassessed).toBe(0);
    const verawoodOnly = {
      ...repo,
      releases: [{ release: 'verawood' as const, status: 'fixed' as const, tag: 'open-release/verawood.3' }],
    };
    const model = modelOf([advisory(), advisory({ id: 'OEA-2026-102', affected: [verawoodOnly] })]);
    // The first names Teak (wont_fix); the second names Verawood only: never assessed for Teak.
    expect(summaryOf(model, 'teak').unassessed).toBe(1);
    expect(summaryOf(model, 'verawood').unassessed).toBe(0);
  });
});
