import { describe, expect, it } from 'vitest';
import { modelOf as contentModel } from '../support/fixture-model.ts';
import { schemaErrors, schemaValidators } from '../support/export-validators.ts';
import { advisory, BASE, CLOCK, fixtureContent, modelOf, only } from '../support/output-model.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { osvId, osvIndex, osvRecord } from '../../src/outputs/osv.ts';
import { jsonText } from '../../src/outputs/common.ts';

const { osv } = schemaValidators();
const recordOf = (change = {}) => {
  const { model, p } = only(advisory(change));
  return osvRecord(p, model);
};
const valid = (record: unknown) => expect(schemaErrors(osv, record)).toEqual([]);

describe('OSV records', () => {
  it('use the x_ form of the site id, which the schema accepts and a bare site id fails', () => {
    const record = recordOf();
    expect(record.id).toBe('x_OEA-2026-101');
    valid(record);
    expect(schemaErrors(osv, { ...record, id: 'OEA-2026-101' }).join('\n')).toMatch(/\/id: must match pattern/);
  });

  it('give a repository fix as one GIT range: introduced 0, fixed on master and on each release branch', () => {
    const record = recordOf();
    expect(record.affected).toHaveLength(1);
    const [entry] = record.affected;
    expect(entry!.package).toBeUndefined();
    expect(entry!.ranges).toEqual([
      {
        type: 'GIT',
        repo: 'https://github.com/openedx/openedx-platform',
        events: [
          { introduced: '0' },
          { fixed: '1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5' },
          { fixed: '2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5d6' },
        ],
      },
    ]);
    // Named-release states, newest release first, with links to the fix.
    expect(entry!.database_specific.releases).toEqual([
      {
        release: 'verawood',
        status: 'fixed',
        commit: '2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5d6',
        commit_url: 'https://github.com/openedx/openedx-platform/commit/2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5d6',
        tag: 'open-release/verawood.3',
        tag_url: 'https://github.com/openedx/openedx-platform/releases/tag/open-release/verawood.3',
      },
      { release: 'teak', status: 'wont_fix' },
    ]);
  });

  it('start a GIT range at the introducing commit when it is known, and stay valid with no fix at all', () => {
    const introduced = 'aaaabbbbccccddddeeeeffff0000111122223333';
    const withIntro = recordOf({
      affected: [{ repository: 'openedx/credentials', introduced, master_fix: '1111222233334444555566667777888899990000' }],
    });
    expect(withIntro.affected[0]!.ranges[0]!.events[0]).toEqual({ introduced });
    valid(withIntro);
    const unfixed = recordOf({
      affected: [{ repository: 'openedx/credentials', releases: [{ release: 'verawood', status: 'affected' }] }],
    });
    expect(unfixed.affected[0]!.ranges[0]!.events).toEqual([{ introduced: '0' }]);
    valid(unfixed);
  });

  it('give a package-only advisory ECOSYSTEM ranges, a purl, and no GIT range', () => {
    const record = recordOf({
      notice: { components: ['Edx_Enterprise'], severity: 'high' },
      affected: [
        {
          package: { ecosystem: 'PyPI', name: 'Edx_Enterprise' },
          ranges: [
            { introduced: '7.0.2', fixed: '7.0.5' },
            { introduced: '8.0.0', last_affected: '8.1.0' },
          ],
        },
      ],
    });
    expect(record.affected).toEqual([
      {
        package: { ecosystem: 'PyPI', name: 'Edx_Enterprise', purl: 'pkg:pypi/edx-enterprise' },
        ranges: [
          { type: 'ECOSYSTEM', events: [{ introduced: '7.0.2' }, { fixed: '7.0.5' }] },
          { type: 'ECOSYSTEM', events: [{ introduced: '8.0.0' }, { last_affected: '8.1.0' }] },
        ],
        database_specific: { releases: [] },
      },
    ]);
    expect(record.references).toContainEqual({ type: 'PACKAGE', url: 'https://pypi.org/project/Edx_Enterprise/' });
    valid(record);
  });

  it('leave severity out without a vector, and give CVSS_V4 alone when that is the only vector', () => {
    const none = recordOf({ severity: undefined, aliases: [] });
    expect(none).not.toHaveProperty('severity');
    expect(none.aliases).toEqual([]);
    expect(none.database_specific).toMatchObject({ severity: 'medium' });
    expect(none.database_specific).not.toHaveProperty('score');
    valid(none);
    const v4 = recordOf({ severity: { cvss_v4: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N' } });
    expect(v4.severity).toEqual([{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N' }]);
    valid(v4);
  });

  it('write every instant in UTC with Z, modified from the last revision whatever its offset', () => {
    const record = recordOf({
      publish_at: '2026-10-07T16:00:00+02:00',
      revisions: [
        { date: '2026-10-08T09:00:00Z', summary: 'Added the tag.' },
        { date: '2026-10-20T11:30:00+01:00', summary: 'Credited the verifier.' },
      ],
    });
    expect(record.published).toBe('2026-10-07T14:00:00Z');
    expect(record.modified).toBe('2026-10-20T10:30:00Z');
    valid(record);
  });

  it('mark a withdrawn advisory withdrawn, say why first, and count the withdrawal as a change', () => {
    const record = recordOf({ withdrawn: { at: '2026-11-02T10:00:00-05:00', reason: 'Not a vulnerability.' } });
    expect(record.withdrawn).toBe('2026-11-02T15:00:00Z');
    expect(record.modified).toBe('2026-11-02T15:00:00Z');
    expect(record.details.startsWith('**Withdrawn** on 2026-11-02: Not a vulnerability.')).toBe(true);
    valid(record);
  });

  it('keep non-ASCII credit names as they are, with OSV credit types', () => {
    const record = recordOf({
      credits: [
        { name: 'Zoë Ångström', type: 'finder' },
        { name: '李雷', type: 'remediation_developer', contact: ['https://example.org/li'] },
      ],
    });
    expect(record.credits).toEqual([
      { name: 'Zoë Ångström', type: 'FINDER' },
      { name: '李雷', type: 'REMEDIATION_DEVELOPER', contact: ['https://example.org/li'] },
    ]);
    expect(jsonText(record)).toContain('Zoë Ångström');
    valid(record);
  });

  it('carry the body as CommonMark details, the page URL and upper-case reference types', () => {
    const record = recordOf();
    expect(record.details).toContain('## Impact\n\nStaff of one course could read *other* reports.');
    expect(record.details).toContain('None; apply the `fix`.');
    expect(record.database_specific.url).toBe('https://security.openedx.org/advisories/OEA-2026-101/');
    expect(record.references[0]).toEqual({ type: 'ADVISORY', url: 'https://security.openedx.org/advisories/OEA-2026-101/' });
    // The author's fix reference is not repeated by the generated ones.
    expect(record.references.filter((r) => r.url.endsWith('1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5'))).toHaveLength(1);
    expect(record.aliases).toEqual(['CVE-2026-99801', 'GHSA-2c3f-4g5h-6j7m']);
  });

  it('are the same text for the same content, whatever order aliases and CWEs were written in', () => {
    const a = jsonText(recordOf());
    expect(jsonText(recordOf())).toBe(a);
    expect(jsonText(recordOf({ aliases: [...BASE.aliases!].reverse() }))).toBe(a);
  });

  it('index every published and withdrawn record by site id, and nothing announced', () => {
    const model = modelOf([
      advisory({ id: 'OEA-2026-102' }),
      advisory({ id: 'OEA-2026-101', withdrawn: { at: '2026-11-01T00:00:00Z', reason: 'Duplicate.' } }),
      advisory({ id: 'OEA-2026-103', announce_at: '2026-11-20T14:00:00Z', publish_at: '2026-12-02T14:00:00Z' }),
    ]);
    expect(model.announced.map((n) => n.id)).toEqual(['OEA-2026-103']);
    const index = osvIndex(model);
    expect(index.map((e) => e.site_id)).toEqual(['OEA-2026-101', 'OEA-2026-102']);
    expect(index[0]).toMatchObject({
      id: osvId('OEA-2026-101'),
      withdrawn: '2026-11-01T00:00:00Z',
      url: 'https://security.openedx.org/osv/OEA-2026-101.json',
    });
  });
});

describe('OSV records of the sample and fixture content', () => {
  for (const [name, root] of [
    ['project content', PROJECT_ROOT],
    ['fixture site', fixtureContent],
  ] as const) {
    it(`are all schema-valid (${name})`, () => {
      const model = contentModel(root, CLOCK);
      expect(model.published.length).toBeGreaterThan(3);
      for (const p of model.published) {
        expect(schemaErrors(osv, osvRecord(p, model)), p.id).toEqual([]);
      }
    });
  }
});
