/**
 * What a browser, a feed reader or a JSON client decodes before a person reads the text, undone
 * here so that an encoded copy of a secret is still a copy.
 *
 * Bytes: gzip, zlib, zstd (by their magic numbers), brotli and raw deflate (which have none:
 * tried on bytes that are not UTF-8 text), nested up to MAX_DEPTH layers and MAX_OUTPUT bytes;
 * UTF-16 and UTF-32 by their byte-order mark or their pattern of NUL bytes.
 *
 * Text: HTML entities in every form a browser accepts (named, numeric, without the `;`), JSON
 * and JavaScript escapes (`\uNNNN` with surrogate pairs, `\u{…}`, `\xNN`, `\n`), URL
 * encoding, iCalendar line folding; repeated while a pass uncovered another encoding (an
 * entity inside XML, `%25` inside a URL). Every pass runs only when its marker is present:
 * most output needs one or two.
 */
import { isUtf8 } from 'node:buffer';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync, zstdDecompressSync } from 'node:zlib';
import { decodeHTML } from 'entities';

/** Layers of compression undone (gzip in gzip …); a deeper file is refused, not passed. */
export const MAX_DEPTH = 4;
/** Bytes one output file may decompress to; a larger one is refused, not passed. */
export const MAX_OUTPUT = 128 * 1024 * 1024;

export class UnreadableOutput extends Error {}

type Layer = { name: string; inflate: (b: Buffer, o: { maxOutputLength: number }) => Buffer };
const GZIP: Layer = { name: 'gzip', inflate: gunzipSync };
const ZSTD: Layer = { name: 'zstd', inflate: (b, o) => zstdDecompressSync(b, o) };
const ZLIB: Layer = { name: 'zlib', inflate: inflateSync };
const BROTLI: Layer = { name: 'brotli', inflate: brotliDecompressSync };
const DEFLATE: Layer = { name: 'deflate', inflate: inflateRawSync };

function magic(bytes: Buffer): Layer | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return GZIP;
  if (bytes.readUInt32LE(0) === 0xfd2fb528) return ZSTD;
  // zlib: deflate method, and the header's check bits (RFC 1950).
  if ((bytes[0]! & 0x0f) === 8 && bytes[0]! >> 4 <= 7 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0) return ZLIB;
  return undefined;
}

function inflate(layer: Layer, bytes: Buffer, depth: number, name: string): Buffer | undefined {
  try {
    return layer.inflate(bytes, { maxOutputLength: MAX_OUTPUT });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
      throw new UnreadableOutput(
        `${name}: ${layer.name} data at depth ${depth + 1} decompresses to more than ${MAX_OUTPUT} bytes; the leak scan cannot read it`,
      );
    return undefined;
  }
}

/** UTF-16/32 by byte-order mark, else by where the NUL bytes of mostly-ASCII text fall. */
function wideEncoding(bytes: Buffer): 'utf16le' | 'utf16be' | 'utf32le' | 'utf32be' | undefined {
  if (bytes.length < 4) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes[2] === 0 && bytes[3] === 0 ? 'utf32le' : 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'utf32be';
  const n = Math.min(bytes.length, 1024) & ~3;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i & 3]!++;
  const q = n / 4;
  const mostly = (k: number) => zeros[k]! >= q * 0.7;
  const few = (k: number) => zeros[k]! <= q * 0.1;
  if (mostly(1) && mostly(2) && mostly(3) && few(0)) return 'utf32le';
  if (mostly(0) && mostly(1) && mostly(2) && few(3)) return 'utf32be';
  if (mostly(1) && mostly(3) && few(0) && few(2)) return 'utf16le';
  if (mostly(0) && mostly(2) && few(1) && few(3)) return 'utf16be';
  return undefined;
}

function decodeWide(bytes: Buffer, encoding: NonNullable<ReturnType<typeof wideEncoding>>): string {
  if (encoding === 'utf16le') return bytes.toString('utf16le');
  if (encoding === 'utf16be')
    return Buffer.from(bytes.subarray(0, bytes.length & ~1))
      .swap16()
      .toString('utf16le');
  let out = '';
  for (let i = 0; i + 3 < bytes.length; i += 4) {
    const code = encoding === 'utf32le' ? bytes.readUInt32LE(i) : bytes.readUInt32BE(i);
    if (code < 0x110000) out += String.fromCodePoint(code);
  }
  return out;
}

/**
 * A file's bytes as the text a client would end up reading. `name` is for messages. Bytes that
 * might be either binary or a stream without a magic number are read both ways.
 */
export function decodeBytes(bytes: Buffer, name = 'output', depth = 0): string {
  const layer = magic(bytes);
  if (layer) {
    if (depth >= MAX_DEPTH)
      throw new UnreadableOutput(`${name}: more than ${MAX_DEPTH} nested layers of compression; the leak scan cannot read it`);
    const inner = inflate(layer, bytes, depth, name);
    if (inner) return decodeBytes(inner, name, depth + 1);
  }
  const wide = wideEncoding(bytes);
  if (wide) return decodeWide(bytes, wide);
  if (isUtf8(bytes) && !bytes.includes(0)) return bytes.toString('utf8');
  // Binary, or a brotli or raw deflate stream under any name: keep the bytes, add what inflates.
  let text = bytes.toString('latin1');
  if (depth < MAX_DEPTH) {
    for (const candidate of [BROTLI, DEFLATE]) {
      const inner = inflate(candidate, bytes, depth, name);
      if (inner && inner.length > 0) text += `\n${decodeBytes(inner, name, depth + 1)}`;
    }
  }
  return text;
}

const JS_ESCAPE = /\\(?:u\{([0-9a-f]{1,6})\}|u([0-9a-f]{4})|x([0-9a-f]{2})|([nrtbfv]))/gi;
const URL_ESCAPES = /(?:%[0-9a-f]{2})+/gi;
/** Markers of an encoding left after a round of decoding. */
const ENCODED = /&(?:#|[a-z]+;?)|%[0-9a-f]{2}|\\[ux/]/i;

function unescapeJs(text: string): string {
  return text.replace(JS_ESCAPE, (_, braced?: string, u?: string, x?: string) => {
    const hex = braced ?? u ?? x;
    if (hex === undefined) return ' ';
    const code = parseInt(hex, 16);
    // One half of a surrogate pair stays a half: the next escape completes it in the string.
    return code < 0x110000
      ? String.fromCharCode(...(code > 0xffff ? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)] : [code]))
      : ' ';
  });
}

function unescapeUrl(text: string): string {
  return text.replace(URL_ESCAPES, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      // Not UTF-8 as a whole (a lone %E9): byte by byte, as Latin-1.
      return m.replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
  });
}

/** Undoes the text encodings of the module comment, at most three rounds deep. */
export function decodeText(text: string): string {
  let out = text;
  for (let round = 0; round < 3; round++) {
    const before = out;
    if (out.includes('\n ') || out.includes('\n\t')) out = out.replace(/\r?\n[ \t]/g, ''); // RFC 5545 line folding
    if (out.includes('\\')) out = unescapeJs(out);
    if (out.includes('&')) out = decodeHTML(out);
    if (out.includes('%')) out = unescapeUrl(out);
    if (out === before || !ENCODED.test(out)) break;
  }
  return out;
}

/** Characters a reader never sees: zero-width spaces and joiners, soft hyphens, BOMs, bidi controls. */
// The class lists lone combining and variation characters on purpose: each is removed alone.
/* eslint-disable no-misleading-character-class */
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g;
/* eslint-enable no-misleading-character-class */

export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}
