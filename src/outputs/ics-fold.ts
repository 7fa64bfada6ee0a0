/**
 * Line folding for iCalendar text (RFC 5545 section 3.1): a content line longer than 75
 * octets, the line break excluded, is split by a CRLF followed by one space, and a reader
 * unfolds by removing every CRLF that is followed by a space or a tab.
 * https://www.rfc-editor.org/rfc/rfc5545#section-3.1
 *
 * The `ics` package folds at 75 characters, not octets, so a line of accented or CJK text
 * comes out longer than 75 octets; `refoldIcs` unfolds its output and folds it again here.
 */

const MAX_OCTETS = 75;
const CRLF = '\r\n';
const CONTINUATION = ' ';

/** Octets of one code point in UTF-8 (a lone surrogate is written as U+FFFD, 3 octets). */
function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/**
 * One unfolded content line as a folded one: no line over 75 octets, the leading space of a
 * continuation line counted; breaks fall between code points, so never inside a UTF-8
 * sequence nor a UTF-16 surrogate pair.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = CONTINUATION;
      octets = CONTINUATION.length;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** Removes the folds of iCalendar text: a CRLF followed by one space or tab. */
export const unfoldIcs = (text: string): string => text.replace(/\r\n[ \t]/g, '');

/**
 * Folds every line of iCalendar text again, by octets. Safe to unfold first: the `ics`
 * package escapes line breaks inside values (as `\n`), so each CRLF in its output ends a line
 * or is a fold it made.
 */
export const refoldIcs = (text: string): string => unfoldIcs(text).split(CRLF).map(foldLine).join(CRLF);
