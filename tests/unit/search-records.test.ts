/**
 * The search records, and the Pagefind index written from them searched with Pagefind's own
 * `pagefind.js` through the search page's queries (src/components/search-query.ts): what a
 * visitor can find, in which order, and what never.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishModes } from '../../src/build/file-modes.ts';
import { SEARCH_INDEX_DIR, writeSearchIndex } from '../../src/build/search-index.ts';
import { searchRecords, type SearchRecord } from '../../src/model/search-records.ts';
import { readTree } from '../support/build-site.ts';
import { removeTemp } from '../support/e2e-site.ts';
import { advisory, modelOf } from '../support/output-model.ts';
import { fixtureModel } from '../support/fixture-model.ts';
import { openIndex, type IndexSession } from '../support/search-index.ts';
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

/** Writes the index of `records` into a fresh output folder, readable as a build's; returns the folder. */
async function indexed(records: readonly SearchRecord[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'oex-search-'));
  await writeSearchIndex(records, join(out, SEARCH_INDEX_DIR));
  publishModes(out);
  return out;
}

describe('search records', () => {
  const records = searchRecords(modelOf([advisory(), announced, hidden, withdrawn]));
  const byUrl = new Map(records.map((r) => [r.url, r]));

  it('hold one record per published or withdrawn advisory (newest first) and per prose page, nothing of advisories not yet public', async () => {
    expect(records.map((r) => r.url)).toEqual([
      '/advisories/OEA-2026-102/',
      '/advisories/OEA-2026-101/',
      '/policy/',
      '/operators/',
      '/working-group/',
    ]);
    const out = await indexed(records);
    try {
      // Every file of the bundle as a client reads it: decompressed.
      const all = [JSON.stringify(records), ...readTree(out).values()].join('\n').toLowerCase();
      for (const secret of ['OEA-2026-103', 'Zarnithic', 'plorvex', 'cve-2026-99903', 'OEA-2026-104', 'quendral'])
        expect(all).not.toContain(secret.toLowerCase());
      expect(all).toContain('grade reports');
    } finally {
      removeTemp(out);
    }
  });

  it('carry the structured fields as sentences: components, named releases and tags, CWE names and abbreviations, credits', () => {
    const r = byUrl.get('/advisories/OEA-2026-101/')!;
    expect(r.content.split('\n')).toEqual([
      'A grade-report view did not check the course, so staff of one course could read reports of another.',
      'Components: openedx/openedx-platform.',
      'Named releases: Teak, Verawood open-release/verawood.3.',
      'Weakness: CWE-639 Authorization Bypass Through User-Controlled Key (IDOR, insecure direct object reference, authorization, access control).',
      'Credits: Fixture Finder.',
    ]);
    expect(r.meta).toEqual({
      title: 'Course staff could read grade reports of other courses',
      ids: 'OEA-2026-101 GHSA-2c3f-4g5h-6j7m CVE-2026-99801',
      level: 'medium',
      date: '7 October 2026',
    });
    expect(r.filters).toEqual({ severity: ['medium'], year: ['2026'], component: ['openedx/openedx-platform'] });
    // The body stays on the advisory's page: each result downloads its record whole.
    expect(r.content).not.toContain('Staff of one course could read');
    const w = byUrl.get('/advisories/OEA-2026-102/')!;
    expect(w.meta.withdrawn).toBe('Withdrawn');
    expect(w.content).toContain('Withdrawn: Not a vulnerability after all.');
  });

  it('index prose pages as text with the site facts filled in, without filters', () => {
    const policy = byUrl.get('/policy/')!;
    expect(policy.meta.title).toBeTruthy();
    expect(policy.content).toContain('security@openedx.org');
    expect(policy.filters).toBeUndefined();
    for (const r of records.slice(2)) expect(r.content).not.toMatch(/\{\{|\}\}|<[a-z]/);
  });
});

describe('the Pagefind index searched as the search page does', () => {
  const records = searchRecords(fixtureModel());
  let out: string;
  let index: IndexSession;
  beforeAll(async () => {
    out = await indexed(records);
    index = await openIndex(out);
  });
  afterAll(async () => {
    await index?.close();
    removeTemp(out);
  });
  const find = (q: string) => index.urls(q);
  const page = (id: string) => `/advisories/${id}/`;

  it('keeps only what the search page loads: the API, its engine, the metadata and the chunks', () => {
    expect(readTree(out).size).toBeGreaterThan(records.length);
    const top = [...readTree(out).keys()].map((p) =>
      p
        .split('/')
        .slice(1, 2)[0]!
        .replace(/[0-9a-f]{10}/, 'HASH'),
    );
    expect([...new Set(top)].sort()).toEqual([
      'filter',
      'fragment',
      'index',
      'pagefind-entry.json',
      'pagefind.en_HASH.pf_meta',
      'pagefind.js',
      'wasm.en.pagefind',
    ]);
  });

  it('finds what people type: weakness abbreviations, named releases, tags, partial words, any case', async () => {
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

  it('finds an id or alias exactly, its own advisory first, and nothing for an unknown one', async () => {
    expect(await find('oea-2025-003')).toEqual([page(FIXTURE_IDS.revised)]);
    expect(await find('GHSA-3f4g-5h6j-7m8p')).toEqual([page(FIXTURE_IDS.revised)]);
    expect(await find('CVE-2031-11111')).toEqual([]);
    // Unquoted, Pagefind would match the parts of the id ("oea", "2030") and list every advisory.
    expect(await find('OEA-2030-999')).toEqual([]);
    expect((await find('CVE-2025-99803 sign'))[0]).toBe(page(FIXTURE_IDS.revised));
  });

  it('puts the advisory whose id it is before one that only mentions it', async () => {
    const mentions = searchRecords(
      modelOf([
        advisory(),
        advisory({ id: 'OEA-2026-105', aliases: [], summary: 'A regression of the fix for OEA-2026-101 in the exports.' }),
      ]),
    );
    const dir = await indexed(mentions);
    const other = await openIndex(dir);
    try {
      expect(await other.urls('OEA-2026-101')).toEqual(['/advisories/OEA-2026-101/', '/advisories/OEA-2026-105/']);
      expect(await other.urls('oea-2026-105')).toEqual(['/advisories/OEA-2026-105/']);
    } finally {
      await other.close();
      removeTemp(dir);
    }
  });

  it('ranks a word in the title above the same word in the text', async () => {
    expect((await find('certificate'))[0]).toBe(page(FIXTURE_IDS.withdrawn));
  });

  it('returns what a result shows: title, id, severity, the site date, the Withdrawn label and an excerpt with the match marked', async () => {
    const [f] = await index.fragments(FIXTURE_IDS.withdrawn);
    expect(f!.url).toBe(page(FIXTURE_IDS.withdrawn));
    expect(f!.meta).toEqual({
      title: 'Certificate download link exposed to unenrolled users',
      ids: FIXTURE_IDS.withdrawn,
      level: 'low',
      date: '6 August 2024',
      withdrawn: 'Withdrawn',
    });
    const [cert] = await index.fragments('certificate');
    expect(cert!.excerpt).toMatch(/<mark>certificates?;?<\/mark>/);
  });

  it('filters by severity, year and component, OR within a group and AND across groups, with counts per value', async () => {
    const all = await find('openedx');
    const medium = await index.urls('openedx', { severity: ['medium'] });
    const low = await index.urls('openedx', { severity: ['low'] });
    expect(medium.length).toBeGreaterThan(0);
    expect(low.length).toBeGreaterThan(0);
    expect(new Set(await index.urls('openedx', { severity: ['medium', 'low'] }))).toEqual(new Set([...medium, ...low]));
    expect(await index.urls('openedx', { severity: ['medium'], year: ['1999'] })).toEqual([]);
    const levelOf = (url: string) => fixtureModel().published.find((a) => page(a.id) === url)?.level;
    expect(medium.map(levelOf)).toEqual(medium.map(() => 'medium'));
    const counts = await index.search.counts('openedx', {});
    expect(counts.severity.medium).toBe(medium.length);
    expect(Object.values(counts.severity).reduce((n, c) => n + c, 0)).toBeLessThanOrEqual(all.length);
    // A group's counts keep the other groups' choices, not its own: every severity stays choosable.
    const narrowed = await index.search.counts('openedx', { severity: ['medium'] });
    expect(narrowed.severity.low).toBe(low.length);
  });

  it('is the same bytes for the same records', async () => {
    const again = await indexed(records);
    try {
      const [a, b] = [readTree(out), readTree(again)];
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [path, text] of a) expect(b.get(path), path).toBe(text);
    } finally {
      removeTemp(again);
    }
  });
});
