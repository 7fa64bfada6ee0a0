/**
 * Characters no field or body may hold: control characters (C0 other than tab and line
 * breaks, DEL, C1), noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every
 * plane) and lone surrogates. XML 1.0 cannot carry most of them
 * (https://www.w3.org/TR/xml/#charsets): one in a title made feed.xml not well-formed for
 * every subscriber. They come in with pasted or imported text and are never meant.
 */

/** Control characters; importers replace these with spaces (src/tools/import/to-advisory.ts). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** U+1FFFE, U+1FFFF … U+10FFFE, U+10FFFF: the last two code points of every supplementary plane. */
const PLANE_ENDS = Array.from({ length: 16 }, (_, i) => `\\u{${(i + 1).toString(16)}FFFE}\\u{${(i + 1).toString(16)}FFFF}`).join('');

// In a `u` pattern a surrogate range matches only a surrogate that is not half of a pair.
const FORBIDDEN = new RegExp(`[${CONTROL_CHARACTER.source.slice(1, -1)}\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${PLANE_ENDS}]`, 'u');

export type ForbiddenCharacter = { index: number; message: string };

/** The first forbidden character of `text`, with why, or undefined. */
export function forbiddenCharacter(text: string): ForbiddenCharacter | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!;
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  const what = code <= 0x9f ? 'the control character' : code >= 0xd800 && code <= 0xdfff ? 'a lone surrogate' : 'the noncharacter';
  return { index: match.index, message: `contains ${what} ${name} (remove it: feeds are XML, which cannot carry it)` };
}
