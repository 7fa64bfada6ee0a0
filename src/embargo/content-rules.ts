/**
 * Content rules that ask the visibility gate what is public at the clock. They run wherever
 * content is checked (`check`, its `--at`, and the build at its clock), after the content
 * rules of src/content/lint.ts: a rule of this kind is a CorpusRule added to EMBARGO_RULES.
 */
import type { CorpusRule } from '../content/lint/corpus-rule.ts';
import { readCorpus, type ReadResult } from '../content/read-content.ts';
import type { Problem } from '../content/problems.ts';
import type { LineOf } from '../content/yaml.ts';
import { DETAIL_FIELDS } from '../schemas/notice-only.ts';
import { SecretIndex, type Secret } from './leak-scan/matcher.ts';
import { fieldPath, leafValues, valueForms } from './leak-scan/values.ts';
import { words } from './leak-scan/words.ts';
import { publicView, visibilityOf } from './visibility.ts';

/** A notice-only file may stand in for an advisory until publication, never at it. */
export const noticeOnlyDue: CorpusRule = ({ notices, at }) => {
  const problems: Problem[] = [];
  for (const { file, data, lineOf } of notices) {
    const phase = visibilityOf(data, at);
    if (phase !== 'published' && phase !== 'withdrawn') continue;
    problems.push({
      file,
      field: 'publish_at',
      line: lineOf(['publish_at']),
      message: `has passed at the clock (${at.toISOString().replace('.000Z', 'Z')}), and the file holds only the notice: a published advisory needs ${DETAIL_FIELDS.join(', ')} and its Markdown body (add them, or move publish_at later)`,
    });
  }
  return problems;
};

type Quotable = Secret & { file: string; until: string; phase: string };

/** Keeps the parts of one file apart in a single search: no secret holds this word. */
const SEPARATOR = 'x0quotingrulepartseparator0x';

const instantText = (d: Date) => d.toISOString().replace('.000Z', 'Z');

/**
 * Public text may not quote an advisory that is not public at the clock: its id while hidden,
 * an alias, its title or a commit. A published advisory, an announced notice, a prose page or
 * releases.yaml holding one would publish it (and the leak scan never forgives these values,
 * src/embargo/leak-scan/distinctive.ts), so `check` names both files at once.
 */
export const quotingRefused: CorpusRule = (facts) => quotes(facts).map((q) => q.problem);

/** Each quote found: the problem, and the file of the advisory quoted. */
type Quote = { problem: Problem; quoted: string };

function quotes({ advisories, notices, pages = [], releases, releasesLineOf, at }: Parameters<CorpusRule>[0]): Quote[] {
  const secrets: Quotable[] = [];
  const add = (file: string, id: string, phase: string, until: string, what: string, value: string) => {
    for (const form of valueForms(what, value, 'quoted')) {
      const w = words(form.text);
      if (w.join('').length >= 6) secrets.push({ file, advisory: id, what: form.what, text: form.text, words: w, until, phase });
    }
  };
  for (const { file, data } of advisories) {
    const phase = visibilityOf(data, at);
    if (phase === 'published' || phase === 'withdrawn') continue;
    if (phase === 'hidden') add(file, data.id, phase, data.publish_at, 'id', data.id);
    add(file, data.id, phase, data.publish_at, 'title', data.title);
    data.aliases.forEach((a) => add(file, data.id, phase, data.publish_at, 'alias', a));
    for (const leaf of leafValues(data.affected))
      if (/^[0-9a-f]{40}$/.test(leaf.value)) add(file, data.id, phase, data.publish_at, 'commit', leaf.value);
  }
  for (const { file, data } of notices)
    if (visibilityOf(data, at) === 'hidden') add(file, data.id, 'hidden', data.publish_at, 'id', data.id);
  if (secrets.length === 0) return [];

  const index = new SecretIndex(secrets);
  const problems: Quote[] = [];
  const problem = (file: string, field: string, line: number | undefined, s: Quotable): Quote => ({
    problem: {
      file,
      field,
      line,
      message: `quotes ${s.advisory}'s ${s.what} "${s.text}", which is not public at the clock (${instantText(at)}: ${s.phase}, public from ${s.until}; ${s.file}): remove it, or publish this after ${s.advisory}`,
    },
    quoted: s.file,
  });
  // One search per file over its text alone; only a file with a hit is split into its fields
  // and lines (which costs a YAML lookup each) to name where the quote is.
  type Part = { field: string; line: () => number | undefined; text: string };
  const report = (file: string, parts: () => Part[], text: string, own?: string) => {
    const hits = index.find(text).filter((s) => s.advisory !== own);
    if (hits.length === 0) return;
    const placed = new Set<Quotable>();
    const all = parts();
    for (const part of all) {
      for (const s of index.find(part.text)) {
        if (s.advisory === own) continue;
        placed.add(s);
        problems.push(problem(file, part.field, part.line(), s));
      }
    }
    // A quote wrapped over two lines of a body or page.
    for (const s of hits) if (!placed.has(s)) problems.push(problem(file, all[0]!.field, all[0]!.line(), s));
  };
  const joined = (texts: string[]) => texts.join(`\n${SEPARATOR}\n`);
  const lines = (body: string, first: number, field = 'body'): Part[] =>
    body.split('\n').map((text, i) => ({ field, line: () => first + i, text }));
  const leaves = (data: object, lineOf: LineOf, prefix: Array<string | number> = []): Part[] =>
    leafValues(data).map((leaf) => ({
      field: fieldPath([...prefix, ...leaf.keys]),
      line: () => lineOf([...prefix, ...leaf.keys]),
      text: leaf.value,
    }));
  const values = (data: object) => leafValues(data).map((leaf) => leaf.value);
  for (const { file, data, body, bodyLine, lineOf } of advisories) {
    const view = publicView(data, at, () => ({}));
    if (!view) continue;
    const shown = view.visibility === 'announced' ? { notice: view.notice } : view.data;
    // JSON keeps the fields apart (their keys are words between them) and costs nothing to make.
    const text = view.visibility === 'announced' ? JSON.stringify(shown) : `${JSON.stringify(shown)}\n${SEPARATOR}\n${body}`;
    report(file, () => [...leaves(shown, lineOf), ...(view.visibility === 'announced' ? [] : lines(body, bodyLine))], text, data.id);
  }
  for (const { file, data, lineOf } of notices) {
    if (visibilityOf(data, at) === 'announced')
      report(file, () => leaves({ notice: data.notice }, lineOf), joined(values({ notice: data.notice })), data.id);
  }
  for (const page of pages) report(page.file, () => lines(page.text, 1, '(text)'), joined(page.text.split('\n')));
  releases.forEach((release, i) =>
    report('content/releases.yaml', () => leaves(release, releasesLineOf, ['releases', i]), joined(values(release))),
  );
  return problems;
}

export const EMBARGO_RULES: readonly CorpusRule[] = [noticeOnlyDue, quotingRefused];

/**
 * The content read and checked with every rule, at `at` (`check` and the build). Given
 * files (`check <files>`, `--changed`), those are checked fully, and the quoting rule still
 * reads every file: a changed file may quote an advisory that did not change, or be the one
 * quoted. Only quotes that concern the files given are reported.
 */
export function readCheckedCorpus(root: string, only: readonly string[] | undefined, at: Date): ReadResult {
  if (!only) return readCorpus(root, undefined, { at, rules: EMBARGO_RULES });
  const targets = new Set(only);
  let quoted: Problem[] = [];
  readCorpus(root, undefined, {
    at,
    rules: [
      (facts) => {
        quoted = quotes(facts)
          .filter((q) => targets.has(q.problem.file) || targets.has(q.quoted))
          .map((q) => q.problem);
        return [];
      },
    ],
  });
  const read = readCorpus(root, only, { at, rules: [noticeOnlyDue] });
  if (quoted.length === 0) return read;
  return { ...read, corpus: null, problems: [...read.problems, ...quoted] };
}
