/**
 * The public projection of the content tree, as a content tree: what the public repository may
 * hold at an instant (docs/embargo.md, "The public repository").
 *
 *   published, withdrawn  the advisory as it stands at the instant: the file's own bytes when
 *                         nothing of it is still ahead, else its data without the later
 *                         revisions and the pending withdrawal, written back as a file
 *   announced             a notice-only file (src/schemas/notice-only.ts): id, dates, notice
 *   hidden, draft         absent
 *   prose pages, site.yaml, releases.yaml   copied as they are
 *
 * Nothing else under content/ is carried. The gate is publicView (src/embargo/visibility.ts);
 * every file written from data is read back and compared before it is returned.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ContentError } from '../../content/problems.ts';
import { parseAdvisory, type Corpus, type PageSource } from '../../content/read-content.ts';
import { readCheckedCorpus } from '../../embargo/content-rules.ts';
import { scheduleOf, stateTime } from '../../embargo/schedule.ts';
import { noticeView, publicView, type NoticeView } from '../../embargo/visibility.ts';
import { AdvisorySchema, NoticeSchema, type AdvisoryData } from '../../schemas/advisory.ts';
import { advisoryText } from '../advisory-writer.ts';

/** Paths relative to the tree's root (`content/…`), with forward slashes, to their bytes. */
export type Tree = Map<string, Buffer>;

export type PublicExport = {
  /** The state time the tree shows (src/embargo/schedule.ts). */
  state: Date;
  files: Tree;
  /** The checked private content it was made from (the leak scan's secrets come from it). */
  corpus: Corpus;
  pages: PageSource[];
};

/** The private content at `at`, checked as the build checks it; any problem throws ContentError. */
export function readPrivate(root: string, at: Date): { corpus: Corpus; pages: PageSource[] } {
  const read = readCheckedCorpus(root, undefined, at);
  if (!read.corpus || read.problems.length > 0) throw new ContentError(read.problems);
  return { corpus: read.corpus, pages: read.pages };
}

/** The public tree of the content root `root` at the clock `at`. */
export function exportPublic(root: string, at: Date): PublicExport {
  const { corpus, pages } = readPrivate(root, at);
  const state = stateTime(scheduleOf(corpus), at);
  const files: Tree = new Map();
  const raw = (file: string) => readFileSync(join(root, file));
  for (const name of ['content/site.yaml', 'content/releases.yaml']) files.set(name, raw(name));
  for (const page of pages) files.set(page.file, raw(page.file));
  for (const entry of corpus.advisories) {
    const view = publicView(entry.data, state, () => ({}));
    if (!view) continue;
    if (view.visibility === 'announced') files.set(entry.file, noticeFile(entry.file, view, corpus));
    // publicView hands back the advisory itself when nothing of it lies ahead: its file is public as it is.
    else if (view.data === entry.data) files.set(entry.file, raw(entry.file));
    else files.set(entry.file, advisoryFile(entry.file, raw(entry.file).toString('utf8'), view.data, entry.body, corpus));
  }
  for (const entry of corpus.notices) {
    const view = noticeView(entry.data, state);
    if (view) files.set(entry.file, noticeFile(entry.file, view, corpus));
  }
  return { state, files: sorted(files), corpus, pages };
}

const sorted = (tree: Tree): Tree => new Map([...tree].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

type Shape = Record<string, z.ZodType>;
const shapeOf = (schema: z.ZodType) => (schema as unknown as { shape?: Shape }).shape ?? {};

/** `data` without the keys whose value is the schema's default (`draft: false`, empty lists): a file as a person writes it. */
function withoutDefaults(data: Record<string, unknown>, shape: Shape): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const schema = shape[key];
    const fallback = schema?.safeParse(undefined);
    if (fallback?.success && fallback.data !== undefined && isDeepStrictEqual(fallback.data, value)) continue;
    out[key] = value;
  }
  return out;
}

function noticeFile(file: string, view: NoticeView, corpus: Corpus): Buffer {
  const data = {
    id: view.id,
    announce_at: view.announce_at,
    publish_at: view.publish_at,
    notice: withoutDefaults(view.notice, shapeOf(NoticeSchema)),
  };
  // No body: the file ends at its closing line, like a hand-written notice-only file.
  const text = advisoryText(data, '').replace(/\n+$/, '\n');
  assertReadsAs(file, text, { ...data, notice: view.notice }, corpus, 'notice');
  return Buffer.from(text);
}

/**
 * A published advisory without what lies ahead of it: its own text with those lines cut out
 * (the file's form kept, so apply-public's merges line up), or, when its form is not one the
 * cut handles, its data written anew.
 */
function advisoryFile(file: string, text: string, data: AdvisoryData, body: string, corpus: Corpus): Buffer {
  const cut = cutAhead(text, data);
  if (cut !== undefined && readsAs(file, cut, data, corpus, 'entry')) return Buffer.from(cut);
  const written = advisoryText(withoutDefaults(data, AdvisorySchema.shape), body);
  assertReadsAs(file, written, data, corpus, 'entry');
  return Buffer.from(written);
}

/** `text` with the revisions `shown` lacks and a withdrawal it lacks removed, line by line; undefined when the frontmatter is not plain block YAML. */
function cutAhead(text: string, shown: AdvisoryData): string | undefined {
  if (!text.startsWith('---\n') || text.includes('\r')) return undefined;
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!close) return undefined;
  const end = 3 + close.index + 1;
  const source = text.slice(4, end);
  const doc = parseDocument(source);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  const cuts: Array<[number, number]> = [];
  const line = (from: number, to: number): [number, number] => {
    const next = source.indexOf('\n', Math.max(to - 1, from));
    return [source.lastIndexOf('\n', from - 1) + 1, next === -1 ? source.length : next + 1];
  };
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    const value = pair.value as { range?: [number, number, number] | null } | null;
    if (!isScalar(pair.key) || !pair.key.range || !value?.range) continue;
    const whole = line(pair.key.range[0], value.range[2]);
    if (key === 'withdrawn' && !shown.withdrawn) cuts.push(whole);
    if (key === 'revisions' && isSeq(pair.value)) {
      const seq = pair.value;
      const kept = new Set(shown.revisions.map((r) => r.date));
      const gone = seq.items.filter((item) => !(isMap(item) && kept.has(String(item.get('date')))));
      if (gone.length === 0) continue;
      if (seq.flow) return undefined;
      if (gone.length === seq.items.length) cuts.push(whole);
      else
        for (const item of gone) {
          const range = (item as { range?: [number, number, number] | null }).range;
          if (!range) return undefined;
          cuts.push(line(range[0], range[2]));
        }
    }
  }
  let out = source;
  for (const [from, to] of cuts.sort((a, b) => b[0] - a[0])) out = out.slice(0, from) + out.slice(to);
  return `---\n${out}${text.slice(end)}`;
}

/** Whether the site's own reader sees in `text` exactly the data `expected`. */
function readsAs(file: string, text: string, expected: object, corpus: Corpus, kind: 'entry' | 'notice'): boolean {
  const read = parseAdvisory(file, text, corpus.releases);
  const got = kind === 'entry' ? read.entry?.data : read.notice?.data;
  const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
  const { draft: _, ...gotData } = (got ?? {}) as Record<string, unknown>;
  const { draft: __, ...want } = expected as Record<string, unknown>;
  return !!got && read.problems.length === 0 && isDeepStrictEqual(plain(gotData), plain(want));
}

/** A file the export writes must read back as the data it was written from. */
function assertReadsAs(file: string, text: string, expected: object, corpus: Corpus, kind: 'entry' | 'notice'): void {
  if (!readsAs(file, text, expected, corpus, kind)) {
    throw new Error(`export-public: ${file} does not read back as the data it was written from (a bug in src/tools/mirror/export.ts)`);
  }
}
