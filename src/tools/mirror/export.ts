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
    else files.set(entry.file, advisoryFile(entry.file, view.data, entry.body, corpus));
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

function advisoryFile(file: string, data: AdvisoryData, body: string, corpus: Corpus): Buffer {
  const text = advisoryText(withoutDefaults(data, AdvisorySchema.shape), body);
  assertReadsAs(file, text, data, corpus, 'entry');
  return Buffer.from(text);
}

/** The site's own reader must see in a written file exactly the data it was written from. */
function assertReadsAs(file: string, text: string, expected: object, corpus: Corpus, kind: 'entry' | 'notice'): void {
  const read = parseAdvisory(file, text, corpus.releases);
  const got = kind === 'entry' ? read.entry?.data : read.notice?.data;
  const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
  const { draft: _, ...gotData } = (got ?? {}) as Record<string, unknown>;
  const { draft: __, ...want } = expected as Record<string, unknown>;
  if (!got || read.problems.length > 0 || !isDeepStrictEqual(plain(gotData), plain(want))) {
    throw new Error(`export-public: ${file} does not read back as the data it was written from (a bug in src/tools/mirror/export.ts)`);
  }
}
