/**
 * Characters no field or body may hold: control characters (C0 other than tab and line
 * breaks, DEL, C1), noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF and the last two of every
 * plane) and lone surrogates. XML 1.0 cannot carry most of them
 * (https://www.w3.org/TR/xml/#charsets): one in a title made feed.xml not well-formed for
 * every subscriber. They come in with pasted or imported text and are never meant.
 */

/** Control characters; importers replace these with spaces (src/tools/import/to-advisory.ts). */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

// In a `u` pattern a surrogate range matches only a surrogate that is not half of a pair.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/u;

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
