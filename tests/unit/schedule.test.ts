import { describe, expect, it } from 'vitest';
import { describeTransition, nextTransitions, stateTime } from '../../src/embargo/schedule.ts';

const base = { id: 'OEA-2026-001', draft: false, announce_at: '2026-12-01T14:00:00Z', publish_at: '2026-12-03T14:00:00Z', revisions: [] };
const at = (iso: string) => new Date(iso);
const next = (sources: Parameters<typeof nextTransitions>[0], clock: string) => {
  const changes = nextTransitions(sources, at(clock));
  return { at: changes[0]!.at.toISOString(), what: changes.map(describeTransition) };
};

describe('nextTransitions', () => {
  const advisories = [
    base,
    { ...base, id: 'OEA-2026-002', announce_at: '2026-12-05T09:00:00+05:30', publish_at: '2026-12-07T14:00:00Z' },
    { ...base, id: 'OEA-2026-003', draft: true, announce_at: '2026-11-26T00:00:00Z', publish_at: '2026-11-27T00:00:00Z' },
  ];
  const sources = { advisories, releases: [] };

  it('is the soonest announce, publish or withdrawal after the clock, ignoring drafts', () => {
    expect(next(sources, '2026-11-25T00:00:00Z')).toEqual({ at: '2026-12-01T00:00:00.000Z', what: ['renew'] });
    expect(next(sources, '2026-12-01T00:00:00Z')).toEqual({ at: '2026-12-01T14:00:00.000Z', what: ['announce OEA-2026-001'] });
    expect(next(sources, '2026-12-01T14:00:00Z')).toEqual({ at: '2026-12-03T14:00:00.000Z', what: ['publish OEA-2026-001'] });
    expect(next(sources, '2026-12-04T00:00:00Z')).toEqual({ at: '2026-12-05T03:30:00.000Z', what: ['announce OEA-2026-002'] });
  });

  it('includes a revision coming into force and a withdrawal', () => {
    const revised = [
      {
        ...base,
        revisions: [{ date: '2026-12-05T10:00:00Z', summary: 'Added a backport.' }],
        withdrawn: { at: '2026-12-06T10:00:00Z', reason: 'A duplicate.' },
      },
    ];
    expect(next({ advisories: revised, releases: [] }, '2026-12-04T00:00:00Z').what).toEqual(['revise OEA-2026-001']);
    expect(next({ advisories: revised, releases: [] }, '2026-12-05T10:00:00Z').what).toEqual(['withdraw OEA-2026-001']);
  });

  it('names both ends of a release calendar: the release day and the day after support ends, at 00:00 UTC', () => {
    const releases = [{ name: 'verawood', released: '2026-06-09', end_of_support: '2026-12-31' }];
    expect(next({ advisories: [], releases }, '2026-06-08T12:00:00Z')).toEqual({
      at: '2026-06-09T00:00:00.000Z',
      what: ['release verawood'],
    });
    expect(next({ advisories: [], releases }, '2026-12-31T12:00:00Z')).toEqual({
      at: '2027-01-01T00:00:00.000Z',
      what: ['end-support verawood', 'renew'],
    });
  });

  it('always has a next change: security.txt is renewed on the first of every month', () => {
    expect(next({ advisories: [], releases: [] }, '2030-02-14T08:00:00Z')).toEqual({ at: '2030-03-01T00:00:00.000Z', what: ['renew'] });
    expect(next({ advisories: [], releases: [] }, '2030-12-31T23:59:59Z').at).toBe('2031-01-01T00:00:00.000Z');
  });
});

describe('stateTime', () => {
  const sources = { advisories: [base], releases: [{ name: 'ulmo', released: '2025-12-09', end_of_support: '2026-06-30' }] };

  it('is the latest transition at or before the clock, exact to the second', () => {
    expect(stateTime(sources, at('2026-12-01T13:59:59Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(stateTime(sources, at('2026-12-01T14:00:00Z')).toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(stateTime(sources, at('2026-12-02T23:00:00Z')).toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(stateTime(sources, at('2026-12-25T00:00:00Z')).toISOString()).toBe('2026-12-03T14:00:00.000Z');
    expect(stateTime(sources, at('2026-07-01T00:00:01Z')).toISOString()).toBe('2026-07-01T00:00:00.000Z');
  });

  it('equals the clock exactly at a transition, and never lies after it', () => {
    for (const clock of ['2026-12-01T14:00:00Z', '2026-12-03T14:00:00Z', '2026-12-01T00:00:00Z']) {
      expect(stateTime(sources, at(clock)).toISOString()).toBe(at(clock).toISOString());
    }
    const c = at('2026-12-10T17:43:12Z');
    expect(stateTime(sources, c).getTime()).toBeLessThanOrEqual(c.getTime());
  });
});
