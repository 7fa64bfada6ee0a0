/**
 * What became public between two public trees, for the mirror's commit message: "publish
 * OEA-2026-007", "announce OEA-2026-008", "revise …", "withdraw …". An advisory's phase is read
 * from the exported file itself (a notice-only file is announced; a full one is published, or
 * withdrawn when it says so), so no clock is needed to compare two exports.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseMarkdownFile } from '../../content/frontmatter.ts';
import { isNoticeOnlyShape } from '../../schemas/notice-only.ts';
import type { Tree } from './export.ts';

type Phase = { phase: 'announced' | 'published' | 'withdrawn'; revisions: number };

const ADVISORY = /^content\/advisories\/(?:.*\/)?([^/]+)\.md$/;
const KINDS = ['publish', 'announce', 'revise', 'withdraw', 'update', 'remove'] as const;

function phaseOf(bytes: Buffer): Phase {
  try {
    const { data, body } = parseMarkdownFile(bytes.toString('utf8'));
    if (isNoticeOnlyShape(data, body)) return { phase: 'announced', revisions: 0 };
    const revisions = Array.isArray(data.revisions) ? data.revisions.length : 0;
    return { phase: data.withdrawn ? 'withdrawn' : 'published', revisions };
  } catch {
    return { phase: 'published', revisions: 0 };
  }
}

function advisories(tree: Tree): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const [path, bytes] of tree) {
    const m = ADVISORY.exec(path);
    if (m) out.set(m[1]!, bytes);
  }
  return out;
}

/** Each change from `before` to `after`, as "<verb> <what>", publications first. */
export function describeChanges(before: Tree, after: Tree): string[] {
  const items: Array<{ kind: (typeof KINDS)[number] | 'file'; what: string }> = [];
  const [was, now] = [advisories(before), advisories(after)];
  for (const id of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const [a, b] = [was.get(id), now.get(id)];
    if (a && b && a.equals(b)) continue;
    if (!b) {
      items.push({ kind: 'remove', what: id });
      continue;
    }
    const [from, to] = [a ? phaseOf(a) : undefined, phaseOf(b)];
    const before = from?.phase;
    const changed: Array<(typeof KINDS)[number]> = [];
    if (to.phase === 'announced') changed.push(before === undefined ? 'announce' : 'update');
    else {
      if (before === undefined || before === 'announced') changed.push('publish');
      if (to.phase === 'withdrawn' && before !== 'withdrawn') changed.push('withdraw');
      if (before !== undefined && before !== 'announced' && to.revisions > from!.revisions) changed.push('revise');
      if (changed.length === 0) changed.push('update');
    }
    for (const kind of changed) items.push({ kind, what: id });
  }
  let code = 0;
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    if (ADVISORY.test(path) || isDeepStrictEqual(before.get(path), after.get(path))) continue;
    if (path.startsWith('content/')) items.push({ kind: 'file', what: path.slice('content/'.length) });
    else code++;
  }
  const order = (k: string) => (k === 'file' ? KINDS.length : KINDS.indexOf(k as (typeof KINDS)[number]));
  const sorted = items
    .sort((x, y) => order(x.kind) - order(y.kind))
    .map((i) => (i.kind === 'file' ? `update ${i.what}` : `${i.kind} ${i.what}`));
  return code > 0 ? [...sorted, `update code (${code} file${code === 1 ? '' : 's'})`] : sorted;
}

const SUBJECT_WIDTH = 72;

/** The commit message: the changes on the subject line (counted when they do not fit), each on a line of the body, and the state. */
export function commitMessage(changes: readonly string[], state: Date): string {
  let subject = changes.join(', ');
  if (subject.length > SUBJECT_WIDTH) {
    const counts = new Map<string, number>();
    for (const c of changes) {
      const [verb, what = ''] = c.split(' ');
      const key = c.startsWith('update code') ? 'update code' : /[./]/.test(what) ? 'update files' : verb!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    subject = [...counts]
      .map(([key, n]) => (key === 'update code' ? key : key === 'update files' ? `update ${n} file${n === 1 ? '' : 's'}` : `${key} ${n}`))
      .join(', ');
  }
  return `${subject}\n\n${changes.join('\n')}\n\nThe public state at ${state.toISOString()}, written by npm run publish-mirror.\n\nMirror-State: ${state.toISOString()}\n`;
}
