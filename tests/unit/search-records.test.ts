import { describe, expect, it } from 'vitest';
import { searchRecords } from '../../src/model/search-records.ts';
import { advisory, modelOf } from '../support/output-model.ts';

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
});
const withdrawn = advisory({ id: 'OEA-2026-102', withdrawn: { at: '2026-11-01T00:00:00Z', reason: 'Not a vulnerability after all.' } });

describe('search records', () => {
  const records = searchRecords(modelOf([advisory(), announced, hidden, withdrawn]));
  const byUrl = new Map(records.map((r) => [r.url, r]));

  it('hold one record per prose page and per published or withdrawn advisory, and nothing of advisories not yet public', () => {
    expect(records.map((r) => r.url)).toEqual([
      '/policy/',
      '/operators/',
      '/working-group/',
      '/advisories/OEA-2026-102/',
      '/advisories/OEA-2026-101/',
    ]);
    const all = JSON.stringify(records);
    for (const secret of ['OEA-2026-103', 'Zarnithic', 'plorvex', 'CVE-2026-99903', 'OEA-2026-104', 'Quendral'])
      expect(all).not.toContain(secret);
  });

  it('let an advisory be found by id, alias, summary, component, weakness, body and credit, with its filters and date', () => {
    const r = byUrl.get('/advisories/OEA-2026-101/')!;
    for (const text of [
      'OEA-2026-101',
      'GHSA-2c3f-4g5h-6j7m',
      'CVE-2026-99801',
      'staff of one course could read reports',
      'openedx/openedx-platform',
      'CWE-639',
      'Staff of one course could read other reports.',
      'Fixture Finder',
    ]) {
      expect(r.content).toContain(text);
    }
    expect(r.meta).toEqual({ title: 'Course staff could read grade reports of other courses', id: 'OEA-2026-101', date: '2026-10-07' });
    expect(r.filters).toEqual({ severity: ['medium'], component: ['openedx/openedx-platform'], year: ['2026'] });
    // No sort key: it would make the metadata every first search downloads larger.
    expect(r).not.toHaveProperty('sort');
    // The body's Markdown is indexed as text, not markup.
    expect(r.content).not.toMatch(/[*`#]/);
  });

  it('say that a withdrawn advisory is withdrawn, and why', () => {
    expect(byUrl.get('/advisories/OEA-2026-102/')!.content.split('\n')[0]).toBe('Withdrawn: Not a vulnerability after all.');
  });

  it('index prose pages as text with the site facts filled in and no block placeholders', () => {
    const policy = byUrl.get('/policy/')!;
    expect(policy.meta.title).toBeTruthy();
    expect(policy.content).toContain('security@openedx.org');
    expect(policy.filters).toBeUndefined();
    for (const r of records.slice(0, 3)) expect(r.content).not.toMatch(/\{\{|\}\}|<[a-z]/);
  });
});
