import { describe, expect, it } from 'vitest';
import { clockTime, formatDate, formatInstant, utcInstant } from '../../src/model/dates.ts';

describe('how instants read', () => {
  it('in UTC whatever offset the date was written with', () => {
    expect(formatInstant('2026-12-02T19:30:00+05:30')).toBe('2 December 2026, 14:00 UTC');
    expect(formatDate('2026-12-31T23:30:00-01:00')).toBe('1 January 2027');
    expect(utcInstant('2026-12-02T15:00:00+01:00')).toBe('2026-12-02T14:00:00Z');
  });

  it('with seconds only when the instant has some, so it never reads earlier than it is', () => {
    expect(clockTime('2026-12-02T14:00:00Z')).toBe('14:00');
    expect(formatInstant('2026-12-02T20:00:01+01:00')).toBe('2 December 2026, 19:00:01 UTC');
  });
});
