import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scoreCvss } from '../../src/schemas/cvss.ts';
import { csafDocument } from '../../src/outputs/csaf.ts';
import { csafPath, csafYear } from '../../src/outputs/csaf-names.ts';
import { csafChangesCsv, csafHashText, csafIndexTxt, csafText, providerMetadata, rolieFeed } from '../../src/outputs/csaf-provider.ts';
import { CWE_NAMES } from '../../src/outputs/cwe.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';
import { csafMandatoryProblems, exampleRolieFeed, schemaErrors, schemaValidators } from '../support/export-validators.ts';
import { modelOf as contentModel } from '../support/fixture-model.ts';
import { advisory, CLOCK, fixtureContent, modelOf, only } from '../support/output-model.ts';

const v = schemaValidators();
const score = (vector: string) => scoreCvss(vector, '3.1').score;
type Doc = Record<string, any>;
const docOf = (change = {}): Doc => {
  const { model, p } = only(advisory(change));
  return csafDocument(p, model);
};
/** Schema errors and mandatory-test problems together: both must be empty. */
const problems = (doc: Doc) => [...schemaErrors(v.csaf, doc), ...csafMandatoryProblems(doc, score)];

describe('CSAF documents', () => {
  it('describe a repository fix with backport as products per state, valid and passing the mandatory tests', () => {
    const doc = docOf();
    expect(problems(doc)).toEqual([]);
    expect(doc.document.category).toBe('csaf_security_advisory');
    expect(doc.document.tracking).toMatchObject({
      id: 'OEA-2026-101',
      status: 'final',
      version: '1',
      initial_release_date: '2026-10-07T14:00:00Z',
    });
    const vuln = doc.vulnerabilities[0];
    expect(vuln.product_status).toEqual({
      fixed: ['openedx/openedx-platform@master-at-1a2b3c4d5e6f', 'openedx/openedx-platform@open-release/verawood.3'],
      known_affected: [
        'openedx/openedx-platform@master-before-1a2b3c4d5e6f',
        'openedx/openedx-platform@verawood-before-open-release/verawood.3',
        'openedx/openedx-platform@teak',
      ],
    });
    expect(vuln.remediations.map((r: Doc) => [r.category, r.url ?? null])).toEqual([
      ['vendor_fix', 'https://github.com/openedx/openedx-platform/commit/1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5'],
      ['vendor_fix', 'https://github.com/openedx/openedx-platform/commit/2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5d6'],
      ['no_fix_planned', null],
    ]);
    expect(vuln.cve).toBe('CVE-2026-99801');
    expect(vuln.ids).toEqual([{ system_name: 'GitHub Security Advisory', text: 'GHSA-2c3f-4g5h-6j7m' }]);
    expect(vuln.cwe).toEqual({ id: 'CWE-639', name: 'Authorization Bypass Through User-Controlled Key' });
    expect(vuln.scores[0].cvss_v3).toEqual({
      version: '3.1',
      vectorString: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N',
      baseScore: 4.3,
      baseSeverity: 'MEDIUM',
    });
    expect(vuln.acknowledgments).toEqual([{ names: ['Fixture Finder'], summary: 'found the vulnerability' }]);
  });

  it('describe a package by vers ranges and fixed versions with purls', () => {
    const doc = docOf({
      notice: { components: ['edx-enterprise'], severity: 'high' },
      affected: [
        {
          package: { ecosystem: 'PyPI', name: 'edx-enterprise' },
          repository: 'openedx/edx-enterprise',
          ranges: [
            { introduced: '7.0.2', fixed: '7.0.5' },
            { introduced: '0', last_affected: '6.9.9' },
          ],
        },
      ],
    });
    expect(problems(doc)).toEqual([]);
    const leaves = doc.product_tree.branches[0].branches[0].branches;
    expect(leaves.map((l: Doc) => [l.category, l.name])).toEqual([
      ['product_version_range', 'vers:pypi/>=7.0.2|<7.0.5'],
      ['product_version', '7.0.5'],
      ['product_version_range', 'vers:pypi/<=6.9.9'],
    ]);
    expect(leaves[1].product.product_identification_helper).toEqual({ purl: 'pkg:pypi/edx-enterprise@7.0.5' });
    expect(doc.vulnerabilities[0].remediations.map((r: Doc) => r.category)).toEqual(['vendor_fix', 'none_available']);
  });

  it('stay valid without CVSS, aliases or credits, and put a CVSS 4.0 vector in a note', () => {
    const bare = docOf({ severity: undefined, aliases: [], credits: [], cwe: [] });
    expect(problems(bare)).toEqual([]);
    expect(bare.vulnerabilities[0]).not.toHaveProperty('scores');
    expect(bare.vulnerabilities[0]).not.toHaveProperty('cve');
    expect(bare.vulnerabilities[0]).not.toHaveProperty('acknowledgments');
    const v4 = docOf({ severity: { cvss_v4: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N' } });
    expect(problems(v4)).toEqual([]);
    expect(v4.vulnerabilities[0]).not.toHaveProperty('scores');
    expect(v4.vulnerabilities[0].notes).toContainEqual({
      category: 'other',
      title: 'CVSS 4.0',
      text: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N (score 5.1, medium)',
    });
  });

  it('number revisions by date from the initial release, with the last as version and current date', () => {
    const doc = docOf({
      revisions: [
        { date: '2026-10-08T09:00:00Z', summary: 'Added the tag.' },
        { date: '2026-10-20T11:30:00+01:00', summary: 'Credited the verifier.' },
      ],
    });
    expect(problems(doc)).toEqual([]);
    expect(doc.document.tracking.revision_history).toEqual([
      { date: '2026-10-07T14:00:00Z', number: '1', summary: 'Initial public release.' },
      { date: '2026-10-08T09:00:00Z', number: '2', summary: 'Added the tag.' },
      { date: '2026-10-20T10:30:00Z', number: '3', summary: 'Credited the verifier.' },
    ]);
    expect(doc.document.tracking).toMatchObject({ version: '3', current_release_date: '2026-10-20T10:30:00Z' });
  });

  it('withdraw as CSAF 2.1 does: a new revision, a "Reasoning for Withdrawal" note, no products or vulnerabilities', () => {
    const doc = docOf({ withdrawn: { at: '2026-11-02T10:00:00Z', reason: 'Not a vulnerability.' } });
    expect(problems(doc)).toEqual([]);
    expect(doc.document.category).toBe('csaf_base');
    expect(doc).not.toHaveProperty('product_tree');
    expect(doc).not.toHaveProperty('vulnerabilities');
    expect(doc.document.notes.filter((n: Doc) => n.title === 'Reasoning for Withdrawal')).toEqual([
      expect.objectContaining({
        category: 'description',
        text: expect.stringMatching(/^Withdrawn on 2026-11-02T10:00:00Z: Not a vulnerability\./),
      }),
    ]);
    expect(doc.document.tracking.revision_history.at(-1)).toEqual({
      date: '2026-11-02T10:00:00Z',
      number: '2',
      summary: 'Withdrawn: Not a vulnerability.',
    });
    expect(doc.document.tracking.status).toBe('final');
  });

  it('keep non-ASCII credit names and put a CWE the table lacks in a note', () => {
    const doc = docOf({ credits: [{ name: 'Łukasz Żółć', type: 'remediation_verifier' }], cwe: ['CWE-99999', 'CWE-79'] });
    expect(problems(doc)).toEqual([]);
    expect(doc.vulnerabilities[0].acknowledgments[0].names).toEqual(['Łukasz Żółć']);
    expect(doc.vulnerabilities[0].cwe.id).toBe('CWE-79');
    expect(doc.vulnerabilities[0].notes).toContainEqual({ category: 'other', title: 'Other weaknesses', text: 'CWE-99999' });
  });

  it('are filed under the year of their initial release, which may differ from the id year', () => {
    const { p } = only(advisory({ id: 'OEA-2025-104', publish_at: '2026-01-01T01:00:00+03:00' }));
    // 01:00 on 1 January in UTC+3 is still 31 December in UTC.
    expect(csafYear(p)).toBe('2025');
    const late = only(advisory({ id: 'OEA-2025-105', publish_at: '2026-01-02T14:00:00Z' })).p;
    expect(csafPath(late)).toBe('/.well-known/csaf/white/2026/oea-2025-105.json');
  });

  it('are the same bytes for the same content, and their hash files hash those bytes', () => {
    const { model, p } = only(advisory());
    const text = csafText(p, model);
    expect(csafText(p, model)).toBe(text);
    const digest = createHash('sha512').update(text).digest('hex');
    expect(csafHashText(p, model, 'sha512')).toBe(`${digest}  oea-2026-101.json\n`);
  });
});

describe('CSAF provider files', () => {
  const model = modelOf([
    advisory({ id: 'OEA-2026-101' }),
    advisory({
      id: 'OEA-2026-102',
      publish_at: '2026-11-01T14:00:00Z',
      revisions: [{ date: '2026-11-03T09:00:00Z', summary: 'Fixed a link.' }],
    }),
    advisory({ id: 'OEA-2025-103', publish_at: '2025-03-01T14:00:00Z', withdrawn: { at: '2025-03-05T09:00:00Z', reason: 'Duplicate.' } }),
    advisory({ id: 'OEA-2026-104', announce_at: '2026-11-20T14:00:00Z', publish_at: '2026-12-02T14:00:00Z' }),
  ]);

  it('provider-metadata.json is valid and declares the ROLIE feed', () => {
    const meta = providerMetadata(model);
    expect(schemaErrors(v.provider, meta)).toEqual([]);
    expect(meta).toMatchObject({
      canonical_url: 'https://security.openedx.org/.well-known/csaf/provider-metadata.json',
      role: 'csaf_provider',
      last_updated: '2026-11-03T09:00:00Z',
      distributions: [
        {
          rolie: {
            feeds: [{ tlp_label: 'WHITE', url: 'https://security.openedx.org/.well-known/csaf/white/openedx-security-white.json' }],
          },
        },
      ],
    });
    expect(meta.publisher).toEqual(csafDocument(model.published[0]!, model).document.publisher);
  });

  it('index.txt lists every published document, and not the announced one', () => {
    expect(csafIndexTxt(model)).toBe('2025/oea-2025-103.json\n2026/oea-2026-101.json\n2026/oea-2026-102.json\n');
  });

  it('changes.csv gives quoted path and current release date, newest first, no heading', () => {
    expect(csafChangesCsv(model)).toBe(
      '"2026/oea-2026-102.json","2026-11-03T09:00:00Z"\n"2026/oea-2026-101.json","2026-10-07T14:00:00Z"\n"2025/oea-2025-103.json","2025-03-05T09:00:00Z"\n',
    );
  });

  it("the ROLIE feed has the example feed's shape and links each document with its hashes", () => {
    expect(schemaErrors(v.rolie, exampleRolieFeed())).toEqual([]);
    const feed = rolieFeed(model);
    expect(schemaErrors(v.rolie, feed)).toEqual([]);
    expect(feed.feed.entry.map((e) => e.id)).toEqual(['OEA-2026-102', 'OEA-2026-101', 'OEA-2025-103']);
    expect(feed.feed.entry[0]!.link.map((l) => l.href)).toEqual([
      'https://security.openedx.org/.well-known/csaf/white/2026/oea-2026-102.json',
      'https://security.openedx.org/.well-known/csaf/white/2026/oea-2026-102.json.sha512',
    ]);
  });

  it('stay valid with nothing published yet', () => {
    const empty = modelOf([]);
    expect(schemaErrors(v.provider, providerMetadata(empty))).toEqual([]);
    expect(providerMetadata(empty).last_updated).toBe(CLOCK);
    expect(csafIndexTxt(empty)).toBe('');
    expect(schemaErrors(v.rolie, rolieFeed(empty))).toEqual([]);
  });
});

describe('CSAF documents of the sample and fixture content', () => {
  for (const [name, root] of [
    ['project content', PROJECT_ROOT],
    ['fixture site', fixtureContent],
  ] as const) {
    it(`are all schema-valid and pass the mandatory tests (${name})`, () => {
      const model = contentModel(root, CLOCK);
      for (const p of model.published) expect(problems(csafDocument(p, model)), p.id).toEqual([]);
    });

    it(`name every CWE they use from the CWE table (${name})`, () => {
      const model = contentModel(root, CLOCK);
      const missing = model.published.flatMap((p) => p.advisory.cwe.filter((c) => !CWE_NAMES[c]).map((c) => `${p.id}: ${c}`));
      expect(missing, 'add the official name of each to src/outputs/cwe.ts').toEqual([]);
    });
  }
});
