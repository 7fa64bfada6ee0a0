/**
 * Text as the leak scan compares it: decoded (decode.ts), invisible characters removed, case
 * folded, split into words of letters and digits. Matching is then word-exact, so
 * "OEA-2026-011" does not match "OEA-2026-0110", and punctuation, markup and escapes between
 * words do not hide a copy.
 */
import { decodeText, removeInvisible } from './decode.ts';

/**
 * The words of a text. Plain ASCII (most output) takes one split; other text loses its
 * invisible characters and is NFKC-folded first, so look-alike forms (full-width letters,
 * ligatures) match.
 */
export function words(text: string): string[] {
  const decoded = decodeText(text);
  const ascii = !/[\u0080-\uffff]/.test(decoded);
  const parts = ascii
    ? decoded.toLowerCase().split(/[^a-z0-9]+/)
    : removeInvisible(decoded)
        .normalize('NFKC')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u);
  if (parts[0] === '') parts.shift();
  if (parts.at(-1) === '') parts.pop();
  return parts;
}

export function normalize(text: string): string {
  return words(text).join(' ');
}
