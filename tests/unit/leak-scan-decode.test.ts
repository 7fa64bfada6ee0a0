/**
 * The leak scan reads what a browser or reader would: each encoding of a secret, in a file
 * named anything, is found (and each of these fixtures passed the scan before decode.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync, zstdCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collectSecrets, decodeBytes, normalize, scanForLeaks, secretMatcher } from '../../src/embargo/leak-scan.ts';
import { MAX_DEPTH, MAX_OUTPUT } from '../../src/embargo/leak-scan/decode.ts';
import type { AdvisoryData } from '../../src/schemas/advisory.ts';

const NOW = new Date('2026-12-02T14:00:00Z');
const TITLE = 'Quorvexian importer trusted unsigned manifests';
const hidden = {
  data: {
    id: 'OEA-2027-041',
    title: TITLE,
    summary: 'Summary of the hidden one.',
    draft: false,
    publish_at: '2027-03-05T13:37:00Z',
    notice: { components: ['openedx/openedx-platform'], releases: [], severity: 'high' },
    affected: [{ repository: 'openedx/openedx-platform', releases: [] }],
    aliases: [],
    cwe: [],
    credits: [],
    references: [],
    revisions: [],
  } as AdvisoryData,
  body: '## Impact\n\nNothing to add.\n',
};
const find = secretMatcher(collectSecrets([hidden], NOW));
const titleFound = (text: string) => find(text).some((s) => s.what === 'title');

describe('text encodings', () => {
  const html = (s: string, f: (c: string) => string) => [...s].map(f).join('');
  it.each([
    ['plain', TITLE],
    ['decimal entities', html(TITLE, (c) => `&#${c.codePointAt(0)};`)],
    ['decimal entities without ;', html(TITLE, (c) => `&#${c.codePointAt(0)}`)],
    ['hex entities without ;', html(TITLE, (c) => `&#x${c.codePointAt(0)!.toString(16)}`)],
    ['named entities', TITLE.replace(/ /g, '&nbsp;').replace('Q', '&#81;')],
    ['entities escaped twice (HTML inside XML)', TITLE.replace('Q', '&amp;#81;').replace(/ /g, '&amp;nbsp;')],
    ['\\uNNNN escapes', html(TITLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)],
    ['\\xNN escapes', html(TITLE, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)],
    ['\\u{…} escapes', html(TITLE, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`)],
    ['JSON with \\/', JSON.stringify({ t: TITLE.replace(/ /g, '\\/') })],
    ['URL encoding', encodeURIComponent(TITLE)],
    ['URL encoding twice', encodeURIComponent(encodeURIComponent(TITLE))],
    ['zero-width spaces inside words', html(TITLE, (c) => `${c}\u200b`)],
    ['soft hyphens and joiners', TITLE.replace(/(\w)(\w)/g, '$1\u00ad$2\u2060')],
    ['a BOM and a word joiner', `\ufeff${TITLE.replace('Quorvexian', 'Quor\ufeffvex\u200dian')}`],
    ['full-width letters', TITLE.replace('Quorvexian', 'Ｑｕｏｒｖｅｘｉａｎ')],
    ['ICS line folding', `DESCRIPTION:${TITLE.slice(0, 20)}\r\n ${TITLE.slice(20)}`],
  ])('%s', (_name, copy) => {
    expect(titleFound(`<p>public words ${copy} more</p>`)).toBe(true);
  });

  it('surrogate pairs in \\u escapes decode to the character', () => {
    expect(normalize('\\ud835\\udc00BC')).toBe(normalize('\u{1d400}BC'));
  });

  it('leaves text without markers as it is', () => {
    expect(normalize('plain ascii, nothing encoded')).toBe('plain ascii nothing encoded');
  });
});

describe('byte encodings, recognised by content whatever the file name', () => {
  const text = Buffer.from(`{"teaser": "${TITLE}"}`);
  it.each([
    ['gzip', gzipSync(text)],
    ['zlib', deflateSync(text)],
    ['raw deflate', deflateRawSync(text)],
    ['brotli', brotliCompressSync(text)],
    ['zstd', zstdCompressSync(text)],
    ['gzip inside gzip', gzipSync(gzipSync(text))],
    ['brotli inside zlib', deflateSync(brotliCompressSync(text))],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.toString(), 'utf16le')])],
    ['UTF-16 LE without BOM', Buffer.from(text.toString(), 'utf16le')],
    ['UTF-16 BE without BOM', Buffer.from(text.toString(), 'utf16le').swap16()],
    ['UTF-32 LE', Buffer.from(new Uint32Array([...text.toString()].map((c) => c.codePointAt(0)!)).buffer)],
    ['gzip of UTF-16', gzipSync(Buffer.from(text.toString(), 'utf16le'))],
  ])('%s', (_name, bytes) => {
    const dir = mkdtempSync(join(tmpdir(), 'oex-decode-'));
    writeFileSync(join(dir, 'innocent.png'), bytes);
    const leaks = scanForLeaks(dir, collectSecrets([hidden], NOW));
    expect(leaks.map((l) => `${l.file} ${l.what}`)).toContain('innocent.png title');
  });

  it('refuses, rather than passes, nesting deeper than the limit and output larger than it', () => {
    let nested = Buffer.from(TITLE);
    for (let i = 0; i <= MAX_DEPTH; i++) nested = gzipSync(nested);
    expect(() => decodeBytes(nested, 'deep.bin')).toThrow(/deep\.bin: more than 4 nested layers/);
    const bomb = gzipSync(Buffer.alloc(MAX_OUTPUT + 1));
    expect(() => decodeBytes(bomb, 'bomb.gz')).toThrow(/bomb\.gz: gzip data .* more than/);
  });

  it('reads a plain binary file (an image) as its bytes, without failing', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0x00, 0x10]);
    expect(decodeBytes(png, 'x.png')).toContain('PNG');
  });
});
