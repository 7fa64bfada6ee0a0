import { describe, expect, it } from 'vitest';
import { calendarEvents, calendarIcs, KEEP_PUBLISHED } from '../../src/outputs/calendar.ts';
import { systemPython } from '../support/export-validators.ts';
import { advisory, modelOf } from '../support/output-model.ts';

const notice = { components: ['openedx/openedx-platform'], releases: ['verawood', 'ulmo'], severity: 'high' as const, text: 'Authentication fix; patch for Verawood.' };
const upcoming = advisory({
  id: 'OEA-2026-103',
  title: 'Zorblaxfen tokens outlive rotation',
  announce_at: '2026-11-20T14:00:00Z',
  publish_at: '2026-12-02T19:30:00+05:30',
  notice,
  credits: [{ name: 'Vashti Orrindale', type: 'finder' }],
});
const preAnnouncedThenPublished = advisory({ id: 'OEA-2026-102', announce_at: '2026-09-28T14:00:00Z', publish_at: '2026-10-01T14:00:00Z' });
const neverAnnounced = advisory({ id: 'OEA-2026-101' });

/** The calendar as Debian's python3-icalendar reads it: one object per VEVENT. */
const PARSE = `
import json, sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
out = []
for e in cal.walk('VEVENT'):
    out.append({k: str(e.get(k)) for k in ('UID', 'SUMMARY', 'URL', 'SEQUENCE', 'STATUS')} | {
        'start': e.decoded('DTSTART').isoformat(), 'stamp': e.decoded('DTSTAMP').isoformat(),
        'duration': str(e.decoded('DURATION')), 'description': str(e.get('DESCRIPTION'))})
print(json.dumps({'method': str(cal.get('METHOD')), 'events': out}))
`;

describe('calendar', () => {
  it('has one event per announced release, at the UTC instant the patch becomes public', () => {
    const ics = calendarIcs(modelOf([upcoming, neverAnnounced]));
    expect(ics).toContain('UID:OEA-2026-103@security.openedx.org\r\n');
    expect(ics).toContain('DTSTART:20261202T140000Z\r\n');
    expect(ics).toContain('DTSTAMP:20261125T120000Z\r\n');
    expect(ics).toContain('URL:https://security.openedx.org/upcoming/#OEA-2026-103\r\n');
    expect(ics.replace(/\r\n\t/g, '')).toContain('SUMMARY:Open edX security release OEA-2026-103 (high): openedx/openedx-platform');
    expect(ics).not.toContain('OEA-2026-101');
  });

  it('says nothing of an announced advisory beyond its notice', () => {
    const ics = calendarIcs(modelOf([upcoming]));
    for (const secret of ['Zorblaxfen', 'Vashti', 'CVE-', 'CVSS']) expect(ics).not.toContain(secret);
  });

  it('keeps the UID and raises SEQUENCE from announcement to publication, where it then stays', () => {
    const at = (clock: string) => calendarEvents(modelOf([upcoming], clock))[0]!;
    const first = at('2026-11-20T14:00:00Z');
    const later = at('2026-11-25T12:00:00Z');
    const published = at('2026-12-03T00:00:00Z');
    const muchLater = at('2027-03-01T00:00:00Z');
    expect(new Set([first.uid, later.uid, published.uid, muchLater.uid]).size).toBe(1);
    expect(first.sequence).toBe(0);
    expect(later.sequence!).toBeGreaterThan(first.sequence!);
    expect(published.sequence!).toBeGreaterThan(later.sequence!);
    expect(muchLater.sequence).toBe(published.sequence);
    expect(published.title).toMatch(/^Published: /);
    expect(published.url).toBe('https://security.openedx.org/advisories/OEA-2026-103/');
  });

  it('keeps the newest published releases that were pre-announced, and no more', () => {
    const many = Array.from({ length: KEEP_PUBLISHED + 3 }, (_, i) =>
      advisory({ id: `OEA-2025-${String(100 + i)}`, announce_at: '2025-01-01T00:00:00Z', publish_at: new Date(Date.UTC(2025, 1, 1 + i, 14)).toISOString() }),
    );
    const events = calendarEvents(modelOf([...many, neverAnnounced, upcoming]));
    expect(events).toHaveLength(KEEP_PUBLISHED + 1);
    expect(events.at(-1)!.uid).toBe('OEA-2026-103@security.openedx.org');
    expect(events[0]!.uid).toBe('OEA-2025-103@security.openedx.org');
  });

  it('is the same text for the same content and clock, and a valid calendar with no event', () => {
    const model = () => modelOf([upcoming, preAnnouncedThenPublished]);
    expect(calendarIcs(model())).toBe(calendarIcs(model()));
    const empty = calendarIcs(modelOf([]));
    expect(empty).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
    expect(empty).not.toContain('BEGIN:VEVENT');
  });

  it('reads back in python3-icalendar with the expected events', () => {
    const parsed = systemPython('icalendar', PARSE, calendarIcs(modelOf([upcoming, preAnnouncedThenPublished]))) as { method: string; events: Array<Record<string, string>> };
    expect(parsed.method).toBe('PUBLISH');
    expect(parsed.events.map((e) => [e.UID, e.start, e.duration, e.STATUS])).toEqual([
      ['OEA-2026-102@security.openedx.org', '2026-10-01T14:00:00+00:00', '1:00:00', 'CONFIRMED'],
      ['OEA-2026-103@security.openedx.org', '2026-12-02T14:00:00+00:00', '1:00:00', 'CONFIRMED'],
    ]);
    expect(parsed.events[1]!.description).toContain('Named releases: verawood, ulmo.');
    expect(parsed.events[1]!.description).toContain('Authentication fix; patch for Verawood.');
  });
});
