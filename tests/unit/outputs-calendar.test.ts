import { describe, expect, it } from 'vitest';
import { calendarEvents, calendarIcs, KEEP_PUBLISHED } from '../../src/outputs/calendar.ts';
import { foldLine, unfoldIcs } from '../../src/outputs/ics-fold.ts';
import { systemPython } from '../support/export-validators.ts';
import { advisory, modelOf } from '../support/output-model.ts';

const notice = {
  components: ['openedx/openedx-platform'],
  releases: ['verawood', 'ulmo'],
  severity: 'high' as const,
  text: 'Authentication fix; patch for Verawood.',
};
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
    expect(unfoldIcs(ics)).toContain('SUMMARY:Open edX security release OEA-2026-103 (high): openedx/openedx-platform');
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
      advisory({
        id: `OEA-2025-${String(100 + i)}`,
        announce_at: '2025-01-01T00:00:00Z',
        publish_at: new Date(Date.UTC(2025, 1, 1 + i, 14)).toISOString(),
      }),
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
    const parsed = systemPython('icalendar', PARSE, calendarIcs(modelOf([upcoming, preAnnouncedThenPublished]))) as {
      method: string;
      events: Array<Record<string, string>>;
    };
    expect(parsed.method).toBe('PUBLISH');
    expect(parsed.events.map((e) => [e.UID, e.start, e.duration, e.STATUS])).toEqual([
      ['OEA-2026-102@security.openedx.org', '2026-10-01T14:00:00+00:00', '1:00:00', 'CONFIRMED'],
      ['OEA-2026-103@security.openedx.org', '2026-12-02T14:00:00+00:00', '1:00:00', 'CONFIRMED'],
    ]);
    expect(parsed.events[1]!.description).toContain('Named releases: verawood, ulmo.');
    expect(parsed.events[1]!.description).toContain('Authentication fix; patch for Verawood.');
  });
});

/** Octets of text in UTF-8, what RFC 5545 counts. */
const octets = (text: string) => Buffer.byteLength(text, 'utf8');

/** Why folded text breaks RFC 5545 section 3.1 (or how this calendar folds), or nothing. */
function foldProblems(folded: string): string[] {
  return folded
    .split('\r\n')
    .flatMap((line, i) => [
      ...(octets(line) > 75 ? [`line ${i + 1}: ${octets(line)} octets (want <= 75)`] : []),
      ...(line.startsWith('\t') ? [`line ${i + 1}: continues with a tab (want one space)`] : []),
      ...(line.isWellFormed() ? [] : [`line ${i + 1}: a UTF-16 surrogate pair is split`]),
    ]);
}

// One character of each UTF-8 length: ASCII, Latin (2 octets), CJK (3), an emoji (4, and a
// UTF-16 surrogate pair).
const WIDTHS = [
  ['ASCII', 'x', 1],
  ['2-octet', 'é', 2],
  ['3-octet', '漢', 3],
  ['4-octet', '😀', 4],
] as const;

describe('calendar line folding (RFC 5545 section 3.1: 75 octets, not characters)', () => {
  it.each(WIDTHS)('keeps a %s character whole at the first fold', (_, char, size) => {
    const fits = 'a'.repeat(75 - size) + char;
    expect(foldLine(fits)).toBe(fits);
    const over = 'a'.repeat(76 - size) + char;
    expect(foldLine(over)).toBe(`${'a'.repeat(76 - size)}\r\n ${char}`);
  });

  it.each(WIDTHS)('counts the leading space of a continuation line, with a %s character at its end', (_, char, size) => {
    const second = 'b'.repeat(74 - size) + char;
    expect(foldLine('a'.repeat(75) + second)).toBe(`${'a'.repeat(75)}\r\n ${second}`);
    expect(foldLine('a'.repeat(75) + second + 'c')).toBe(`${'a'.repeat(75)}\r\n ${second}\r\n c`);
  });

  it.each(WIDTHS)('folds a long line of %s characters, at every offset, into lines that unfold to it', (_, char) => {
    for (let pad = 0; pad < 4; pad++) {
      const line = `DESCRIPTION:${'a'.repeat(pad)}${char.repeat(200)}`;
      const folded = foldLine(line);
      expect(foldProblems(folded)).toEqual([]);
      expect(
        folded
          .split('\r\n')
          .slice(1)
          .every((l) => l.startsWith(' ')),
      ).toBe(true);
      expect(unfoldIcs(folded)).toBe(line);
    }
  });

  const title =
    'Ça déborde: 課程スタッフが他のコースの成績レポートを読めた 😀🔐 über lms/djangoapps/instructor/views/instructor_dashboard.py';
  const mixed = () =>
    calendarIcs(
      modelOf([
        advisory({ ...preAnnouncedThenPublished, title }),
        advisory({ ...upcoming, notice: { ...notice, text: `Corrigé à l’échéance; 修正は予定どおり公開 🗓️ ${'é'.repeat(60)}` } }),
      ]),
    );

  it('writes a calendar of accented, CJK and emoji text with no line over 75 octets', () => {
    const ics = mixed();
    expect(foldProblems(ics)).toEqual([]);
    expect(unfoldIcs(ics)).toContain(`DESCRIPTION:${title}\\n\\nThe advisory: `);
    expect(unfoldIcs(ics)).toContain(`Corrigé à l’échéance\\; 修正は予定どおり公開 🗓️ ${'é'.repeat(60)}\\n`);
  });

  it('reads back in python3-icalendar with the text unchanged', () => {
    const parsed = systemPython('icalendar', PARSE, mixed()) as { events: Array<Record<string, string>> };
    expect(parsed.events[0]!.description).toBe(`${title}\n\nThe advisory: https://security.openedx.org/advisories/OEA-2026-102/`);
    expect(parsed.events[1]!.description).toContain(`Corrigé à l’échéance; 修正は予定どおり公開 🗓️ ${'é'.repeat(60)}\n\n`);
  });
});
