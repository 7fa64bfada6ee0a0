import { describe, expect, it } from 'vitest';
import { bodyLinks, duplicateOf, extraReferences, fixRows } from '../../src/model/advisory-page.ts';
import { lintDuplicateOf } from '../../src/content/lint.ts';
import { AdvisorySchema } from '../../src/schemas/advisory.ts';
import { urlKey } from '../../src/schemas/repositories.ts';
import { fixtureModel } from '../support/fixture-model.ts';
import { FIXTURE_IDS } from '../fixtures/site/canaries.ts';
import { advisory, modelOf } from '../support/output-model.ts';

const model = fixtureModel();
const byId = (id: string) => model.published.find((p) => p.id === id)!;

describe('advisory page logic', () => {
  it('lists master first, then named releases newest first, then package ranges', () => {
    const rows = fixRows(byId(FIXTURE_IDS.backported).advisory.affected, model.releases);
    expect(rows.map((r) => (r.kind === 'branch' ? `${r.release?.name ?? 'master'} ${r.status} ${r.tag ?? ''}` : r.range))).toEqual([
      'master fixed ',
      'verawood fixed open-release/verawood.3',
      'ulmo fixed open-release/ulmo.5',
      'teak wont_fix ',
    ]);
    expect(fixRows(byId(FIXTURE_IDS.pypi).advisory.affected, model.releases)).toEqual([
      { kind: 'package', component: 'edx-enterprise', ecosystem: 'PyPI', range: '>= 7.0.2, < 7.0.5', fixed: '7.0.5' },
    ]);
  });

  it('treats a URL under a renamed repository, with a trailing slash or in other case, as the same URL', () => {
    expect(urlKey('https://github.com/openedx/edx-platform/commit/abc')).toBe(
      urlKey('https://github.com/OpenEdx/openedx-platform/commit/abc/'),
    );
    expect(urlKey('https://github.com/openedx/credentials/commit/abc')).not.toBe(
      urlKey('https://github.com/openedx/edx-platform/commit/abc'),
    );
  });

  it('lists under its own heading only the references the body does not link already', () => {
    const html = '<p><a href="https://github.com/openedx/edx-platform/commit/abc">fix</a></p>';
    expect([...bodyLinks(html)]).toEqual(['https://github.com/openedx/openedx-platform/commit/abc']);
    const refs = [
      { type: 'fix' as const, url: 'https://github.com/openedx/openedx-platform/commit/abc' },
      { type: 'advisory' as const, url: 'https://github.com/advisories/GHSA-2c3f-4g5h-6j7m' },
      { type: 'web' as const, url: 'https://github.com/advisories/GHSA-2c3f-4g5h-6j7m/' },
    ];
    expect(extraReferences(refs, html)).toEqual([refs[1]]);
  });

  it('links the advisory a withdrawn one duplicates, only when that one is public', () => {
    const dup = advisory({
      id: 'OEA-2026-102',
      withdrawn: { at: '2026-10-08T10:00:00Z', reason: 'Duplicate.', duplicate_of: 'OEA-2026-101' },
      aliases: [],
    });
    const both = modelOf([advisory(), dup]);
    expect(
      duplicateOf(
        both.published.find((p) => p.id === 'OEA-2026-102')!,
        both.published,
      )?.id,
    ).toBe('OEA-2026-101');
    const hidden = modelOf([advisory({ publish_at: '2027-01-01T00:00:00Z' }), dup]);
    expect(
      duplicateOf(
        hidden.published.find((p) => p.id === 'OEA-2026-102')!,
        hidden.published,
      ),
    ).toBeUndefined();
  });

  it('checks that duplicate_of names another advisory of the archive', () => {
    const entry = (duplicate_of: string) => ({
      file: 'content/advisories/2026/OEA-2026-102.md',
      data: AdvisorySchema.parse(
        advisory({ id: 'OEA-2026-102', withdrawn: { at: '2026-10-08T10:00:00Z', reason: 'Duplicate.', duplicate_of } }),
      ),
      lineOf: () => 30,
    });
    const ids = new Set(['OEA-2026-101', 'OEA-2026-102']);
    expect(lintDuplicateOf([entry('OEA-2026-101')], ids)).toEqual([]);
    expect(lintDuplicateOf([entry('OEA-2026-102')], ids)).toEqual([
      {
        file: 'content/advisories/2026/OEA-2026-102.md',
        field: 'withdrawn.duplicate_of',
        message: 'must name another advisory (found its own id "OEA-2026-102")',
        line: 30,
      },
    ]);
    expect(lintDuplicateOf([entry('OEA-2026-999')], ids)[0]!.message).toBe(
      'must name an advisory of the archive (expected the id of a file under content/advisories/, found "OEA-2026-999")',
    );
  });
});
