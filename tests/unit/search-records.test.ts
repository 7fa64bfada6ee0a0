/**
 * The search records and the index built from them, queried with the search page's own engine
 * (SearchClient over the index files, in memory): what a visitor can find, and what never.
 */
import { describe, expect, it } from 'vitest';
import { searchRecords } from '../../src/model/search-records.ts';
import { searchIndexFiles } from '../../src/outputs/search-index.ts';
import { applyFilters, filterCounts, SearchClient } from '../../src/outputs/search-query.ts';
import { terms } from '../../src/outputs/search-text.ts';
import { advisory, BASE, modelOf } from '../support/output-model.ts';
import { fixtureModel } from '../support/fixture-model.ts';
import { FIXTURE_IDS } from '../fixtures/site/canaries.ts';

const announced = advisory({
  id: 'OEA-2026-103',
  title: 'Zarnithic tokens outlive their rotation',
  summary: 'The plorvex session store kept zarnithic tokens.',
  announce_at: '2026-11-20T14:00:00Z',
  publish_at: '2026-12-02T14:00:00Z',
  aliases: ['CVE-2026-99903'],
});
const hidden = advisory({
  id: 'OEA-2026-104',
  title: 'Quendral upload bypass',
  announce_at: '2026-12-01T14:00:00Z',
  publish_at: '2026-12-09T14:00:00Z',
  aliases: [],
});
const withdrawn = advisory({
  id: 'OEA-2026-102',
  aliases: [],
  withdrawn: { at: '2026-11-01T00:00:00Z', reason: 'Not a vulnerability after all.' },
});

/** A client over the index of these records, files held in memory. */
function clientOf(records: ReturnType<typeof searchRecords>) {
  const files = searchIndexFiles(records);
  return { files, client: new SearchClient(async (path) => JSON.parse(files.get(path) ?? '{}')) };
}
const urls = async (client: SearchClient, query: string, records: ReturnType<typeof searchRecords>) =>
  (await client.search(query)).map((h) => records[h.doc]!.url);

describe('search records', () => {
  const records = searchRecords(modelOf([advisory(), announced, hidden, withdrawn]));
  const byUrl = new Map(records.map((r) => [r.url, r]));

  it('hold one record per published or withdrawn advisory (newest first) and per prose page, nothing of advisories not yet public', () => {
    expect(records.map((r) => r.url)).toEqual([
      '/advisories/OEA-2026-102/',
      '/advisories/OEA-2026-101/',
      '/policy/',
      '/operators/',
      '/working-group/',
    ]);
    const all = JSON.stringify([...searchIndexFiles(records).values()]);
    for (const secret of ['OEA-2026-103', 'oea-2026-103', 'Zarnithic', 'zarnith', 'plorvex', 'cve-2026-99903', 'OEA-2026-104', 'quendral'])
      expect(all.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it('carry the structured fields: ids, components, named releases and tags, CWE names and abbreviations, credits', () => {
    const r = byUrl.get('/advisories/OEA-2026-101/')!;
    expect(r.identifiers).toEqual(['OEA-2026-101', 'GHSA-2c3f-4g5h-6j7m', 'CVE-2026-99801']);
    const structured = r.fields.find(([f]) => f === 'structured')![1];
    for (const text of [
      'openedx/openedx-platform',
      'verawood Verawood',
      'teak Teak',
      'open-release/verawood.3',
      'CWE-639',
      'Authorization Bypass',
      'IDOR',
      'severity medium',
    ])
      expect(structured).toContain(text);
    expect(r.fields.find(([f]) => f === 'credits')![1]).toBe('Fixture Finder');
    expect(r.advisory).toEqual({ id: 'OEA-2026-101', level: 'medium', date: '7 October 2026', withdrawn: false });
    expect(r.filters).toEqual({ severity: 'medium', year: '2026', components: ['openedx/openedx-platform'] });
    // The body is indexed as text, not markup.
    expect(r.fields.find(([f]) => f === 'body')![1]).not.toMatch(/[*`#]/);
    expect(byUrl.get('/advisories/OEA-2026-102/')!.advisory!.withdrawn).toBe(true);
  });

  it('index prose pages as text with the site facts filled in, without filters', () => {
    const policy = byUrl.get('/policy/')!;
    expect(policy.title).toBeTruthy();
    expect(policy.fields.map(([, t]) => t).join('\n')).toContain('security@openedx.org');
    expect(policy.filters).toBeUndefined();
    for (const r of records.slice(2)) expect(r.fields.map(([, t]) => t).join('\n')).not.toMatch(/\{\{|\}\}|<[a-z]/);
  });
});

describe('search terms', () => {
  it('keep ids and aliases whole, fold case and accents, drop common words, stem the rest', () => {
    expect(terms('See CVE-2025-99803 and GHSA-3f4g-5h6j-7m8p: the Reports of Zoë')).toEqual([
      'cve-2025-99803',
      'ghsa-3f4g-5h6j-7m8p',
      'see',
      'cve',
      '2025',
      '99803',
      'ghsa',
      '3f4g',
      '5h6j',
      '7m8p',
      'report',
      'zoe',
    ]);
  });
});

describe('the search index and its query engine', () => {
  const model = fixtureModel();
  const records = searchRecords(model);
  const { files, client } = clientOf(records);
  const find = (q: string) => urls(client, q, records);
  const page = (id: string) => `/advisories/${id}/`;

  it('find what people type: weakness abbreviations, named releases, tags, partial words, any case', async () => {
    expect(await find('xss')).toEqual([page(FIXTURE_IDS.cvss4)]);
    expect(await find('SSRF')).toEqual([page(FIXTURE_IDS.pypi)]);
    expect(await find('open redirect')).toEqual([page(FIXTURE_IDS.revised)]);
    expect(await find('verawood')).toEqual([page(FIXTURE_IDS.backported)]);
    expect(await find('open-release/ulmo.5')).toEqual([page(FIXTURE_IDS.backported)]);
    expect((await find('authoriz'))[0]).toBe(page(FIXTURE_IDS.backported));
    expect(await find('grade reports')).toEqual([page(FIXTURE_IDS.backported)]);
    // Every word must match.
    expect(await find('grade xss')).toEqual([]);
  });

  it('find an id or alias exactly, and nothing for an unknown one; an id in a longer query ranks its advisory first', async () => {
    expect(await find('oea-2025-003')).toEqual([page(FIXTURE_IDS.revised)]);
    expect(await find('GHSA-3f4g-5h6j-7m8p')).toEqual([page(FIXTURE_IDS.revised)]);
    expect(await find('CVE-2031-11111')).toEqual([]);
    expect(await find('OEA-2030-999')).toEqual([]);
    expect((await find('CVE-2025-99803 sign'))[0]).toBe(page(FIXTURE_IDS.revised));
  });

  it('rank a word in the title above the same word in the body', async () => {
    const hits = await find('certificate');
    expect(hits[0]).toBe(page(FIXTURE_IDS.withdrawn));
  });

  it('return result rows with the severity, the site date and the withdrawn flag', async () => {
    const [hit] = await client.search(FIXTURE_IDS.withdrawn);
    expect(await client.rows([hit!.doc])).toEqual([
      [
        page(FIXTURE_IDS.withdrawn),
        'Certificate download link exposed to unenrolled users',
        expect.any(String),
        FIXTURE_IDS.withdrawn,
        'low',
        '6 August 2024',
        1,
      ],
    ]);
  });

  it('filter by severity, year and component, OR within a group and AND across groups, with counts', async () => {
    const hits = await client.search('course');
    const facets = await client.facets();
    const levels = (f: Parameters<typeof applyFilters>[2]) => applyFilters(hits, facets, f).map((h) => records[h.doc]!.advisory?.level);
    expect(new Set(levels({ severity: ['medium'] }))).toEqual(new Set(['medium']));
    expect(levels({ severity: ['medium', 'low'] }).length).toBe(
      levels({ severity: ['medium'] }).length + levels({ severity: ['low'] }).length,
    );
    expect(applyFilters(hits, facets, { severity: ['medium'], year: ['1999'] })).toEqual([]);
    const counts = filterCounts(hits, facets, {});
    expect(counts.severity.get('medium')).toBe(levels({ severity: ['medium'] }).length);
  });

  it('is the same bytes for the same records, and names its files by a digest of them', () => {
    expect([...searchIndexFiles(searchRecords(fixtureModel()))]).toEqual([...files]);
    const manifest = JSON.parse(files.get('manifest.json')!);
    expect([...files.keys()].filter((p) => p !== 'manifest.json').every((p) => p.startsWith(`${manifest.version}/`))).toBe(true);
    const changed = searchIndexFiles(searchRecords(modelOf([advisory({ title: `${BASE.title} again` })])));
    expect(JSON.parse(changed.get('manifest.json')!).version).not.toBe(manifest.version);
  });
});
