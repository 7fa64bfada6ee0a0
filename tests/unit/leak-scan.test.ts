import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collectSecrets, normalize, scanForLeaks, secretMatcher } from '../../src/embargo/leak-scan.ts';
import { readCorpus } from '../../src/content/read-content.ts';
import { siteText } from '../../src/model/always-public-text.ts';
import { PROJECT_ROOT } from '../support/build-site.ts';
import type { AdvisoryData } from '../../src/schemas/advisory.ts';

const NOW = new Date('2026-12-02T14:00:00Z');
const advisory = (id: string, over: Partial<AdvisoryData>): { data: AdvisoryData; body: string } => ({
  data: {
    id,
    title: `Title of ${id}`,
    summary: `Summary of ${id}.`,
    draft: false,
    publish_at: '2026-12-02T14:00:00Z',
    notice: { components: ['openedx/openedx-platform'], releases: [], severity: 'high' },
    affected: [{ repository: 'openedx/openedx-platform', releases: [] }],
    aliases: [],
    cwe: [],
    credits: [],
    references: [],
    revisions: [],
    ...over,
  } as AdvisoryData,
  body: '## Impact\n\nThe flux capacitor endpoint accepted unsigned requests from anyone.\n',
});

describe('collectSecrets', () => {
  it('does not treat an instant shared with a public advisory as secret (a batch published and announced together)', () => {
    const published = advisory('OEA-2026-010', { announce_at: '2026-11-30T14:00:00Z', publish_at: '2026-12-02T19:30:00+05:30' });
    const hidden = advisory('OEA-2026-011', {
      announce_at: '2026-12-02T14:00:00Z',
      publish_at: '2026-12-04T14:00:00Z',
      title: 'Quorvex importer flaw',
    });
    const secrets = collectSecrets([published, hidden], new Date('2026-12-02T13:00:00Z'));
    const page = '<time datetime="2026-12-02T14:00:00.000Z">2026-12-02T14:00Z</time>';
    expect(secretMatcher(secrets)(page).map((s) => s.what)).not.toContain('date');
    // The hidden advisory's other date is still a secret.
    expect(secretMatcher(secrets)('next: 2026-12-04T14:00:00Z').map((s) => s.what)).toContain('date');
  });

  it('keeps the title, body sentences, aliases and credits of an announced advisory secret, but not its notice', () => {
    const announced = advisory('OEA-2026-012', {
      announce_at: '2026-12-01T14:00:00Z',
      publish_at: '2026-12-03T14:00:00Z',
      aliases: ['CVE-2026-99123'],
      credits: [{ name: 'Zoë Ångström', type: 'finder' }],
      notice: { components: ['openedx/openedx-platform'], releases: [], severity: 'high', text: 'Patch for the platform.' },
    });
    const found = (text: string) => secretMatcher(collectSecrets([announced], NOW))(text).map((s) => s.what);
    expect(found('<h1>Title of OEA-2026-012</h1>')).toContain('title');
    expect(found('"The flux capacitor endpoint accepted unsigned requests from anyone."')).toContain('body');
    expect(found('cve-2026-99123')).toContain('alias');
    expect(found('thanks to Zo&euml; &#197;ngstr&#xF6;m'.replace('&euml;', 'ë'))).toContain('credit');
    expect(found('OEA-2026-012 Patch for the platform.')).toEqual([]);
  });
});

describe('collectSecrets, text the site publishes itself', () => {
  it('does not count a working-group member credited in a hidden advisory as a secret', () => {
    const { corpus } = readCorpus(PROJECT_ROOT);
    const member = corpus!.site.members[0]!.name;
    const hidden = advisory('OEA-2026-014', {
      announce_at: '2026-12-20T14:00:00Z',
      publish_at: '2026-12-22T14:00:00Z',
      credits: [{ name: member, type: 'remediation_developer' }],
    });
    const page = `<li>${member}</li>`;
    expect(secretMatcher(collectSecrets([hidden], NOW))(page).map((s) => s.what)).toContain('credit');
    expect(secretMatcher(collectSecrets([hidden], NOW, siteText(corpus!)))(page)).toEqual([]);
    // The advisory's own words stay secret.
    expect(secretMatcher(collectSecrets([hidden], NOW, siteText(corpus!)))('Title of OEA-2026-014').map((s) => s.what)).toContain('title');
  });
});

describe('collectSecrets, published advisories', () => {
  it('keeps a later revision and a pending withdrawal secret until their instants', () => {
    const revised = advisory('OEA-2026-013', {
      revisions: [{ date: '2026-12-05T10:00:00Z', summary: 'Quillobrant backport added for Teak.' }],
      withdrawn: { at: '2026-12-10T00:00:00Z', reason: 'Zembrolide turned out harmless.' },
    });
    const found = (text: string, now: string) => secretMatcher(collectSecrets([revised], new Date(now)))(text).map((s) => s.what);
    const page = '<p>Quillobrant backport added for Teak.</p><p>Zembrolide turned out harmless.</p>';
    expect(found(page, '2026-12-03T00:00:00Z').sort()).toEqual(['revision', 'withdrawal reason']);
    expect(found(page, '2026-12-05T10:00:00Z')).toEqual(['withdrawal reason']);
    expect(found(page, '2026-12-10T00:00:00Z')).toEqual([]);
  });
});

describe('scanForLeaks', () => {
  it('reads gzip output and names the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oex-scan-'));
    writeFileSync(join(dir, 'clean.html'), '<p>nothing here</p>');
    writeFileSync(join(dir, 'data.pf_fragment'), gzipSync(JSON.stringify({ content: 'Title of OEA-2026-013 is here' })));
    const hidden = advisory('OEA-2026-013', { publish_at: '2027-01-01T00:00:00Z' });
    const leaks = scanForLeaks(dir, collectSecrets([hidden], NOW));
    expect(leaks.map((l) => [l.file, l.what])).toContainEqual(['data.pf_fragment', 'title']);
    expect(leaks.some((l) => l.file === 'clean.html')).toBe(false);
  });

  it('matches whole words only', () => {
    const hidden = advisory('OEA-2026-014', { publish_at: '2027-01-01T00:00:00Z' });
    const find = secretMatcher(collectSecrets([hidden], NOW));
    expect(find('see OEA-2026-0140').map((s) => s.what)).not.toContain('id');
    expect(find('see OEA-2026-014.').map((s) => s.what)).toContain('id');
  });
});

describe('normalize', () => {
  it('decodes entities, JSON and URL escapes, folds case and width', () => {
    expect(normalize('A&amp;B \\u0041 %41 ＡＢ')).toBe('a b a a ab');
  });
});
