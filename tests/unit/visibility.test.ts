import { describe, expect, it } from 'vitest';
import { visibilityOf } from '../../src/lib/visibility.ts';

const dates = { draft: false, announce_at: '2026-12-01T14:00:00Z', publish_at: '2026-12-03T14:00:00Z' };

describe('visibilityOf', () => {
  it('is announced one second before publish_at and published at it', () => {
    expect(visibilityOf(dates, new Date('2026-12-03T13:59:59Z'))).toBe('announced');
    expect(visibilityOf(dates, new Date('2026-12-03T14:00:00Z'))).toBe('published');
  });
});
