import { describe, expect, it } from 'vitest';
import type { AdvisoryData } from '../../src/schemas/advisory.ts';
import { publicView, visibilityOf } from '../../src/embargo/visibility.ts';

const base = { draft: false, announce_at: '2026-12-01T14:00:00Z', publish_at: '2026-12-03T14:00:00Z' };
const at = (iso: string) => new Date(iso);

describe('visibilityOf', () => {
  it('walks through the phases in order', () => {
    expect(visibilityOf(base, at('2026-11-30T00:00:00Z'))).toBe('hidden');
    expect(visibilityOf(base, at('2026-12-02T00:00:00Z'))).toBe('announced');
    expect(visibilityOf(base, at('2026-12-04T00:00:00Z'))).toBe('published');
  });

  it('is exact to the second at both boundaries', () => {
    expect(visibilityOf(base, at('2026-12-01T13:59:59Z'))).toBe('hidden');
    expect(visibilityOf(base, at('2026-12-01T14:00:00Z'))).toBe('announced');
    expect(visibilityOf(base, at('2026-12-03T13:59:59Z'))).toBe('announced');
    expect(visibilityOf(base, at('2026-12-03T14:00:00Z'))).toBe('published');
  });

  it('compares instants, whatever offset each date is written with', () => {
    // 19:30 in India is 14:00 UTC; 10:00 in New York (EDT) is 14:00 UTC.
    const india = { ...base, publish_at: '2026-12-03T19:30:00+05:30' };
    expect(visibilityOf(india, at('2026-12-03T13:59:59Z'))).toBe('announced');
    expect(visibilityOf(india, at('2026-12-03T14:00:00Z'))).toBe('published');
    const newYork = { ...base, publish_at: '2026-12-03T09:00:00-05:00' };
    expect(visibilityOf(newYork, at('2026-12-03T13:59:59Z'))).toBe('announced');
    expect(visibilityOf(newYork, at('2026-12-03T14:00:00+00:00'))).toBe('published');
  });

  it('keeps the two 01:30s of a daylight-saving fall-back apart', () => {
    // New York, 1 November 2026: 01:30 happens twice, first at -04:00 (EDT), then at -05:00 (EST).
    const first = { ...base, announce_at: '2026-10-30T00:00:00Z', publish_at: '2026-11-01T01:30:00-04:00' };
    const second = { ...first, publish_at: '2026-11-01T01:30:00-05:00' };
    const between = at('2026-11-01T06:00:00Z'); // 01:00 EST, after the first 01:30, before the second
    expect(visibilityOf(first, between)).toBe('published');
    expect(visibilityOf(second, between)).toBe('announced');
  });

  it('handles a spring-forward local time written with the offset in force', () => {
    // Europe, 29 March 2026: 02:00 CET jumps to 03:00 CEST; 03:30+02:00 is 01:30 UTC.
    const spring = { ...base, announce_at: '2026-03-27T00:00:00Z', publish_at: '2026-03-29T03:30:00+02:00' };
    expect(visibilityOf(spring, at('2026-03-29T01:29:59Z'))).toBe('announced');
    expect(visibilityOf(spring, at('2026-03-29T01:30:00Z'))).toBe('published');
  });

  it('never shows a draft, at any time', () => {
    for (const t of ['2026-11-01T00:00:00Z', '2026-12-02T00:00:00Z', '2030-01-01T00:00:00Z']) {
      expect(visibilityOf({ ...base, draft: true }, at(t))).toBe('hidden');
    }
  });

  it('without announce_at, goes straight from hidden to published', () => {
    const { announce_at: _, ...noNotice } = base;
    expect(visibilityOf(noNotice, at('2026-12-03T13:59:59Z'))).toBe('hidden');
    expect(visibilityOf(noNotice, at('2026-12-03T14:00:00Z'))).toBe('published');
  });

  it('marks a published advisory withdrawn from withdrawn.at on', () => {
    const w = { ...base, withdrawn: { at: '2026-12-10T00:00:00Z', reason: 'Not a vulnerability.' } };
    expect(visibilityOf(w, at('2026-12-09T23:59:59Z'))).toBe('published');
    expect(visibilityOf(w, at('2026-12-10T00:00:00Z'))).toBe('withdrawn');
  });
});

describe('publicView of a published advisory', () => {
  const revised = {
    ...base,
    id: 'OEA-2026-020',
    revisions: [
      { date: '2026-12-05T10:00:00Z', summary: 'Added the Teak backport.' },
      { date: '2026-12-08T10:00:00Z', summary: 'Corrected the affected versions.' },
    ],
    withdrawn: { at: '2026-12-10T00:00:00Z', reason: 'Not a vulnerability.' },
  } as unknown as AdvisoryData;
  const shown = (iso: string) => {
    const view = publicView(revised, at(iso), () => ({}));
    return view && 'data' in view ? view.data : undefined;
  };

  it('leaves out revisions dated later and a withdrawal not yet in force', () => {
    expect(shown('2026-12-04T00:00:00Z')?.revisions).toEqual([]);
    expect(shown('2026-12-04T00:00:00Z')?.withdrawn).toBeUndefined();
    expect(shown('2026-12-05T10:00:00Z')?.revisions.map((r) => r.summary)).toEqual(['Added the Teak backport.']);
    expect(shown('2026-12-09T23:59:59Z')?.revisions).toHaveLength(2);
    expect(shown('2026-12-09T23:59:59Z')?.withdrawn).toBeUndefined();
    expect(shown('2026-12-10T00:00:00Z')?.withdrawn?.reason).toBe('Not a vulnerability.');
  });

  it('returns the advisory itself when nothing is pending', () => {
    const plain = { ...revised, revisions: [], withdrawn: undefined } as unknown as AdvisoryData;
    const view = publicView(plain, at('2026-12-04T00:00:00Z'), () => ({}));
    expect(view && 'data' in view && view.data).toBe(plain);
  });
});
