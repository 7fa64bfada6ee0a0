/**
 * The leak scan: after everything is written, read every output byte (decompressing what is
 * compressed) and look for the secret parts of every advisory that is not yet public.
 *
 * Text is compared after normalisation (entities and escapes decoded, case folded,
 * punctuation removed), so an HTML-, XML-, JSON- or URL-encoded copy is still found, and
 * matching is word-exact, so "OEA-2026-011" does not match "OEA-2026-0110".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliDecompressSync, gunzipSync, zstdDecompressSync } from 'node:zlib';
import type { AdvisoryData } from '../schemas/advisory.ts';
import { plainBlocks, plainText } from '../content/markdown.ts';
import type { NoticeOnlyData } from '../schemas/notice-only.ts';
import { noticeView, publicView } from './visibility.ts';

export type Secret = { advisory: string; what: string; text: string; words: string[] };
export type Leak = { file: string; advisory: string; what: string; text: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the encodings a copy of a secret may hide behind; each pass runs only if its marker is present. */
function decode(text: string): string {
  let out = text;
  if (out.includes('\n ') || out.includes('\n\t')) out = out.replace(/\r?\n[ \t]/g, ''); // RFC 5545 line folding
  if (out.includes('\\'))
    out = out.replace(/\\[nN]/g, ' ').replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  if (out.includes('&')) {
    out = out.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code < 0x110000 ? String.fromCodePoint(code) : m;
    });
  }
  if (out.includes('%')) {
    out = out.replace(/(%[0-9a-f]{2})+/gi, (m) => {
      try {
        return decodeURIComponent(m);
      } catch {
        return m;
      }
    });
  }
  return out;
}

/**
 * The words of a text after decoding, case folding and dropping punctuation. Plain ASCII (most
 * output) takes one split; other text is NFKC-folded first, so look-alike forms (full-width
 * letters, ligatures) match.
 */
function words(text: string): string[] {
  const decoded = decode(text);
  // eslint-disable-next-line no-control-regex -- the ASCII range starts at NUL on purpose
  const ascii = !/[^\x00-\x7f]/.test(decoded);
  const parts = ascii
    ? decoded.toLowerCase().split(/[^a-z0-9]+/)
    : decoded
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

/** Sentences of a body long enough to be distinctive. */
function phrases(body: string): string[] {
  return plainBlocks(body)
    .flatMap((block) => block.split(/(?<=[.!?])\s+/))
    .filter((s) => s.split(/\s+/).length >= 5);
}

/** Identifier-like tokens (letters and digits mixed, 6+ characters): canaries, hashes, names. */
function tokens(text: string): string[] {
  return words(text).filter((w) => w.length >= 6 && /\p{L}/u.test(w) && /\p{N}/u.test(w));
}

function publicDates(a: AdvisoryData): Array<string | undefined> {
  return [a.announce_at, a.publish_at, a.reported_at, a.triaged_at, a.withdrawn?.at, ...a.revisions.map((r) => r.date)];
}

/**
 * A public instant in the forms pages and feeds print it, so a hidden advisory that shares
 * the instant (a batch announced as another is published) is not flagged by its date.
 */
function dateForms(dates: ReadonlyArray<string | undefined>): string[] {
  return dates.flatMap((iso) => {
    if (!iso) return [];
    const utc = new Date(iso).toISOString();
    return [iso, utc, utc.replace('.000Z', 'Z'), utc.replace(':00.000Z', 'Z')];
  });
}

/**
 * The parts of every not-yet-public advisory that must appear in no output file. A public
 * advisory may bring its body's plain text (`text`, as the build already projected it) to save
 * parsing the body again.
 */
export function collectSecrets(
  advisories: ReadonlyArray<{ data: AdvisoryData; body: string; text?: string | undefined }>,
  now: Date,
  /** Text the site publishes besides advisories (src/model/always-public-text.ts): never a secret. */
  sitePublic: readonly string[] = [],
  /** Notice-only files (src/schemas/notice-only.ts): their notice is public once announced, everything of them while hidden is not. */
  notices: ReadonlyArray<{ data: NoticeOnlyData }> = [],
): Secret[] {
  const secrets: Secret[] = [];
  const publicText: string[] = [...sitePublic];
  const adder = (advisory: string) => (what: string, text: string | undefined) => {
    if (text && text.trim()) secrets.push({ advisory, what, text, words: words(text) });
  };
  // A hidden advisory's id, notice text and dates, whether its file is full or notice-only.
  const hiddenNotice = (data: NoticeOnlyData | AdvisoryData, add: ReturnType<typeof adder>) => {
    add('id', data.id);
    add('notice text', data.notice.text);
    for (const iso of [data.announce_at, data.publish_at]) {
      if (iso) {
        add('date', iso);
        add('date', new Date(iso).toISOString());
      }
    }
  };
  for (const { data } of notices) {
    if (noticeView(data, now)) publicText.push(data.id, JSON.stringify(data.notice), ...dateForms([data.announce_at, data.publish_at]));
    else hiddenNotice(data, adder(data.id));
  }
  for (const { data, body, text } of advisories) {
    const view = publicView(data, now, () => ({}));
    const add = adder(data.id);
    if (view && view.visibility !== 'announced') {
      // As the site shows it now: a later revision or a pending withdrawal is not public yet.
      const shown = view.data;
      publicText.push(JSON.stringify(shown), text ?? plainText(body), ...dateForms(publicDates(shown)));
      if (data.withdrawn && !shown.withdrawn) add('withdrawal reason', data.withdrawn.reason);
      data.revisions.filter((r) => !shown.revisions.includes(r)).forEach((r) => add('revision', r.summary));
      continue;
    }
    const phase = view ? 'announced' : 'hidden';
    if (phase === 'announced') publicText.push(data.id, JSON.stringify(data.notice), ...dateForms([data.announce_at, data.publish_at]));
    add('title', data.title);
    add('summary', data.summary);
    phrases(body).forEach((p) => add('body', p));
    data.aliases.forEach((a) => add('alias', a));
    data.references.forEach((r) => add('reference', r.url));
    data.credits.forEach((c) => add('credit', c.name));
    for (const field of [data.title, data.summary, body, ...data.credits.map((c) => c.name)]) {
      tokens(field).forEach((t) => add('token', t));
    }
    if (phase === 'hidden') hiddenNotice(data, add);
  }
  // A string that a public advisory or the site itself also carries (a shared reference, a
  // common credit, a working-group member's name) is no secret. One pass of the matcher over
  // the public text finds them all.
  const seen = new Set<string>();
  const unique = secrets.filter((s) => {
    const key = `${s.advisory}\u0000${s.words.join(' ')}`;
    if (s.words.join('').length < 6 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  publicText.push(...dateForms([now.toISOString()]));
  const known = new Set(new SecretIndex(unique).find(publicText.join('\n')));
  return unique.filter((s) => !known.has(s));
}

/** Reads a file the way a client would: gzip, brotli and zstd are decompressed. */
export function readOutput(path: string): string {
  const bytes = readFileSync(path);
  const tryDecode = (f: (b: Buffer) => Buffer) => {
    try {
      return f(bytes).toString('utf8');
    } catch {
      return undefined;
    }
  };
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return tryDecode(gunzipSync) ?? bytes.toString('latin1');
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0xfd2fb528) return tryDecode(zstdDecompressSync) ?? bytes.toString('latin1');
  if (path.endsWith('.br')) return tryDecode(brotliDecompressSync) ?? bytes.toString('latin1');
  return bytes.toString('utf8');
}

/**
 * Secrets indexed for one pass over a file's words. Words are numbered from the secrets'
 * vocabulary (a word no secret uses is skipped at once); a one-word secret is found by its
 * number, a longer one by its rarest pair of adjacent words, so common words and common
 * pairs do not make every position a candidate.
 */
class SecretIndex {
  private readonly vocabulary = new Map<string, number>();
  private readonly single = new Map<number, Secret[]>();
  private readonly byPair = new Map<number, Array<{ secret: Secret; ids: number[]; at: number }>>();
  private static readonly SPAN = 2 ** 26;

  constructor(secrets: readonly Secret[]) {
    const idOf = (w: string) => {
      let id = this.vocabulary.get(w);
      if (id === undefined) this.vocabulary.set(w, (id = this.vocabulary.size));
      return id;
    };
    const pairKey = (a: number, b: number) => a * SecretIndex.SPAN + b;
    const entries = secrets.filter((s) => s.words.length > 0).map((secret) => ({ secret, ids: secret.words.map(idOf) }));
    const frequency = new Map<number, number>();
    for (const { ids } of entries) {
      for (let i = 0; i + 1 < ids.length; i++)
        frequency.set(pairKey(ids[i]!, ids[i + 1]!), (frequency.get(pairKey(ids[i]!, ids[i + 1]!)) ?? 0) + 1);
    }
    for (const { secret, ids } of entries) {
      if (ids.length === 1) {
        const list = this.single.get(ids[0]!);
        if (list) list.push(secret);
        else this.single.set(ids[0]!, [secret]);
        continue;
      }
      let at = 0;
      for (let i = 1; i + 1 < ids.length; i++) {
        if (frequency.get(pairKey(ids[i]!, ids[i + 1]!))! < frequency.get(pairKey(ids[at]!, ids[at + 1]!))!) at = i;
      }
      const key = pairKey(ids[at]!, ids[at + 1]!);
      const list = this.byPair.get(key);
      if (list) list.push({ secret, ids, at });
      else this.byPair.set(key, [{ secret, ids, at }]);
    }
  }

  find(text: string): Secret[] {
    const w = words(text);
    const ids = w.map((x) => this.vocabulary.get(x) ?? -1);
    const found = new Set<Secret>();
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i]!;
      if (a < 0) continue;
      for (const s of this.single.get(a) ?? []) found.add(s);
      const b = ids[i + 1];
      if (b === undefined || b < 0) continue;
      for (const { secret, ids: want, at } of this.byPair.get(a * SecretIndex.SPAN + b) ?? []) {
        const start = i - at;
        if (found.has(secret) || start < 0 || start + want.length > ids.length) continue;
        if (want.every((x, k) => ids[start + k] === x)) found.add(secret);
      }
    }
    return [...found];
  }
}

/** A reusable matcher for checking text that is not on disk (e.g. a live site's responses). */
export function secretMatcher(secrets: readonly Secret[]): (text: string) => Secret[] {
  const index = new SecretIndex(secrets);
  return (text) => index.find(text);
}

/** Every file under `dir`, as paths relative to it with forward slashes, in a stable order. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Scans every file under `dir` (its path included) and returns each leak found. */
export function scanForLeaks(dir: string, secrets: readonly Secret[]): Leak[] {
  return new LeakScanner(secrets).scan(dir, listFiles(dir));
}

/** Leaks in a stable order, whichever thread found them. */
export function sortLeaks(leaks: Leak[]): Leak[] {
  return leaks.sort((a, b) => a.file.localeCompare(b.file) || a.advisory.localeCompare(b.advisory) || a.text.localeCompare(b.text));
}

/** The secrets indexed once, then any number of files scanned against them. */
export class LeakScanner {
  private readonly index: SecretIndex | undefined;

  constructor(secrets: readonly Secret[]) {
    this.index = secrets.length > 0 ? new SecretIndex(secrets) : undefined;
  }

  /** Scans the given files under `dir` (relative paths, as `listFiles` gives them). */
  scan(dir: string, files: readonly string[]): Leak[] {
    const found: Leak[] = [];
    for (const file of files) this.scanOne(dir, file, found);
    return sortLeaks(found);
  }

  /**
   * The same scan, yielding to the event loop between batches of files, so that work waiting
   * on another process or thread (the search indexer, the build worker) keeps moving.
   */
  async scanAsync(dir: string, files: readonly string[]): Promise<Leak[]> {
    const found: Leak[] = [];
    for (let i = 0; i < files.length; i++) {
      if (i % 32 === 31) await new Promise((resolve) => setImmediate(resolve));
      this.scanOne(dir, files[i]!, found);
    }
    return sortLeaks(found);
  }

  private scanOne(dir: string, file: string, found: Leak[]): void {
    if (!this.index) return;
    for (const s of this.index.find(`${file}\n${readOutput(join(dir, file))}`))
      found.push({ file, advisory: s.advisory, what: s.what, text: s.text });
  }
}
