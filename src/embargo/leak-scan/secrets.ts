/**
 * The secrets of every advisory not yet public, derived from its parsed file rather than from a
 * list of fields: for a hidden advisory every leaf value of its data and its body (sentences,
 * headings, links, tokens); for an announced one everything outside the notice, the id and the
 * two dates; for a published one a revision or withdrawal whose instant is still ahead. Each
 * value is searched in every form the outputs print it (values.ts), and only when it is
 * distinctive (distinctive.ts).
 */
import { plainBlocks, plainText } from '../../content/markdown.ts';
import type { AdvisoryData } from '../../schemas/advisory.ts';
import type { NoticeOnlyData } from '../../schemas/notice-only.ts';
import { noticeView, publicView } from '../visibility.ts';
import { distinctiveShape, explainedByCode, type ValueKind } from './distinctive.ts';
import { SecretIndex, type Secret } from './matcher.ts';
import { printedCodeWords, siteCodeWords } from './site-code.ts';
import { commitForms, commitsIn, dateForms, datesIn, leafValues, valueForms } from './values.ts';
import { words } from './words.ts';

type Candidate = Secret & { kind: ValueKind };

/** Keys an announced advisory shows: its notice, id and dates. */
const ANNOUNCED_PUBLIC = new Set(['id', 'announce_at', 'publish_at', 'notice', 'draft']);

/** Sentences, headings, cells and link addresses of a body. */
function bodyValues(body: string): Array<{ what: string; value: string }> {
  return plainBlocks(body).flatMap((block) => [
    ...block.split(/(?<=[.!?])\s+/).map((value) => ({ what: 'body', value })),
    ...[...block.matchAll(/https?:\/\/[^\s)]+/g)].map((m) => ({ what: 'body link', value: m[0] })),
  ]);
}

export type SecretSource = { data: AdvisoryData; body: string; text?: string | undefined };

/**
 * The parts of every not-yet-public advisory that must appear in no output file. A public
 * advisory may bring its body's plain text (`text`, as the build already projected it) to save
 * parsing the body again.
 */
export function collectSecrets(
  advisories: ReadonlyArray<SecretSource>,
  now: Date,
  /** Text the site publishes besides advisories (src/model/always-public-text.ts, security.txt): never evidence. */
  sitePublic: readonly string[] = [],
  /** Notice-only files (src/schemas/notice-only.ts): their notice is public once announced, everything of them while hidden is not. */
  notices: ReadonlyArray<{ data: NoticeOnlyData }> = [],
): Secret[] {
  const candidates: Candidate[] = [];
  const publicText: string[] = [...sitePublic];
  const adder = (advisory: string) => (what: string, value: string, kind: ValueKind) => {
    for (const form of valueForms(what, value, kind)) {
      const w = words(form.text);
      if (distinctiveShape(form.kind, w)) candidates.push({ advisory, what: form.what, text: form.text, words: w, kind: form.kind });
      // A value of several words also hides its tokens ("the zq7x9k endpoint").
      if (w.length > 1 && form.kind === 'text')
        for (const t of w)
          if (distinctiveShape('text', [t])) candidates.push({ advisory, what: 'token', text: t, words: [t], kind: 'text' });
    }
  };
  const secretData = (data: object, add: ReturnType<typeof adder>, skip?: ReadonlySet<string>) => {
    for (const { path, what, value } of leafValues(data, skip)) add(what, value, path === 'title' || path === 'id' ? 'quoted' : 'text');
  };
  for (const { data } of notices) {
    if (noticeView(data, now)) publicText.push(data.id, JSON.stringify(data));
    else secretData(data, adder(data.id));
  }
  for (const { data, body, text } of advisories) {
    const view = publicView(data, now, () => ({}));
    const add = adder(data.id);
    if (view && view.visibility !== 'announced') {
      // As the site shows it now: a later revision or a pending withdrawal is not public yet.
      const shown = view.data;
      publicText.push(JSON.stringify(shown), text ?? plainText(body));
      if (data.withdrawn && !shown.withdrawn) secretData({ withdrawn: data.withdrawn }, add);
      data.revisions.forEach((r, i) => {
        if (!shown.revisions.includes(r)) secretData({ revisions: { [i]: r } }, add);
      });
      continue;
    }
    if (view) publicText.push(data.id, JSON.stringify(data.notice), data.announce_at!, data.publish_at);
    secretData(data, add, view ? ANNOUNCED_PUBLIC : undefined);
    for (const { what, value } of bodyValues(body)) add(what, value, 'text');
  }
  return distinctiveOnly(candidates, publicText, now);
}

/** Test 2 of distinctive.ts: drops what the site's other sources explain; one pass over each. */
function distinctiveOnly(candidates: Candidate[], publicText: string[], now: Date): Secret[] {
  const seen = new Set<string>();
  const unique = candidates.filter((s) => {
    const key = `${s.advisory}\u0000${s.words.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Every instant public text names, and the clock's, in every form the outputs print.
  const dates = [now.toISOString(), ...publicText.flatMap(datesIn)];
  // And every commit it names, abbreviated as the outputs print it.
  const commits = new Set(publicText.flatMap(commitsIn));
  const reference = [
    ...publicText,
    ...[...new Set(dates)].flatMap((d) => dateForms(d).map((f) => f.text)),
    ...[...commits].flatMap(commitForms),
  ].join('\n');
  const forgivable = unique.filter((s) => s.kind !== 'quoted');
  const known = new Set<Candidate>(new SecretIndex(forgivable).find(reference));
  const fromCode = forgivable.filter((s) => explainedByCode(s.kind) && !known.has(s));
  for (const s of new SecretIndex(fromCode.filter((s) => s.kind !== 'date')).findWords(siteCodeWords())) known.add(s);
  for (const s of new SecretIndex(fromCode.filter((s) => s.kind === 'date')).findWords(printedCodeWords())) known.add(s);
  return unique.filter((s) => !known.has(s));
}
