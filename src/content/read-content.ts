/**
 * Reads and validates everything under `content/`: the one entry point for `check`, the
 * build session, the feeds and the tools. Collects every problem before returning.
 *
 * A file is read only if it is a real file of at most 1 MB (src/content/read-file.ts), its
 * YAML within the limits of src/content/yaml.ts; then the schema, then every lint rule on
 * what the schema accepted (src/content/lint.ts), then the rules across files.
 */
import { join } from 'node:path';
import { AdvisorySchema } from '../schemas/advisory.ts';
import { isNoticeOnlyShape, NoticeOnlySchema } from '../schemas/notice-only.ts';
import { ReleasesFileSchema, type Release } from '../schemas/release.ts';
import { SiteSchema, type Site } from '../schemas/site.ts';
import type { AdvisoryEntry, Corpus, NoticeOnlyEntry } from './corpus.ts';
import { parseMarkdownFile, type ParsedMarkdown } from './frontmatter.ts';
import { lintAdvisory, lintCorpus } from './lint.ts';
import type { CorpusRule } from './lint/corpus-rule.ts';
import { lintAgainstOthers } from './lint/others.ts';
import type { LintAdvisory } from './lint/rule.ts';
import { listAdvisories, listFolder, PAGES_DIR } from './list-content.ts';
import type { PageSource } from './prose-pages.ts';
import { isWarning, problemsFromZod, type Problem } from './problems.ts';
import { readContentFile } from './read-file.ts';
import { salvage } from './salvage.ts';
import { parseYaml, ParseError, type LineOf } from './yaml.ts';

export type { AdvisoryEntry, Corpus, NoticeOnlyEntry } from './corpus.ts';
export { ADVISORIES_DIR, listAdvisoryFiles, PAGES_DIR } from './list-content.ts';

export type { PageSource } from './prose-pages.ts';

export type ReadResult = {
  /** The checked content, or null when there is any error. */
  corpus: Corpus | null;
  /** site.yaml, when it passed its schema (even if other files did not). */
  site: Site | null;
  pages: PageSource[];
  /** Errors: any one fails `check` and the build. */
  problems: Problem[];
  warnings: Problem[];
};

export type FileResult = { entry?: AdvisoryEntry; notice?: NoticeOnlyEntry; problems: Problem[]; warnings: Problem[] };

export type ReadOptions = {
  /** The clock of the clock-dependent rules; the real time by default. */
  at?: Date;
  /** Corpus rules to run after the content's own (src/embargo/content-rules.ts). */
  rules?: readonly CorpusRule[];
};

const fileProblem = (file: string, e: unknown): Problem => ({ file, field: '(file)', message: (e as Error).message, line: (e as ParseError).line });

function readYamlFile<T>(root: string, file: string, schema: typeof SiteSchema | typeof ReleasesFileSchema, problems: Problem[]) {
  const read = readContentFile(join(root, file));
  if (read.problem !== undefined) {
    problems.push({ file, field: '(file)', message: read.problem });
    return null;
  }
  try {
    const { value, lineOf } = parseYaml(read.text.replace(/^\uFEFF/, ''));
    const result = schema.safeParse(value);
    if (result.success) return { data: result.data as T, lineOf };
    problems.push(...problemsFromZod(file, result.error, value, lineOf, schema));
  } catch (e) {
    problems.push(fileProblem(file, e));
  }
  return null;
}

export function readSite(root: string, problems: Problem[]): Site | null {
  return readYamlFile<Site>(root, 'content/site.yaml', SiteSchema, problems)?.data ?? null;
}

function readReleaseFile(root: string, problems: Problem[]): { releases: Release[]; lineOf: LineOf } | null {
  const file = 'content/releases.yaml';
  const parsed = readYamlFile<{ releases: Release[] }>(root, file, ReleasesFileSchema, problems);
  if (!parsed) return null;
  const names = new Set<string>();
  parsed.data.releases.forEach((r, i) => {
    if (names.has(r.name)) {
      problems.push({ file, field: `releases[${i}].name`, message: `duplicate release (found "${r.name}" twice)`, line: parsed.lineOf(['releases', i, 'name']) });
    }
    names.add(r.name);
  });
  return { releases: parsed.data.releases, lineOf: parsed.lineOf };
}

export function readReleases(root: string, problems: Problem[]): Release[] | null {
  return readReleaseFile(root, problems)?.releases ?? null;
}

/** Parses and validates one advisory file (schema + per-file rules). */
export function readAdvisory(root: string, file: string, releases: readonly Release[] | null): FileResult {
  if (!file.endsWith('.md')) {
    const why = file.endsWith('.mdx') ? 'MDX runs code at build time' : 'only Markdown is read';
    return { problems: [{ file, field: '(file)', message: `advisories must be plain .md files (${why}; found ${file.split('/').pop()})` }], warnings: [] };
  }
  const read = readContentFile(join(root, file));
  if (read.problem !== undefined) return { problems: [{ file, field: '(file)', message: read.problem }], warnings: [] };
  return parseAdvisory(file, read.text, releases);
}

const split = (found: Problem[]) => ({ problems: found.filter((p) => !isWarning(p)), warnings: found.filter(isWarning) });

/**
 * Validates one advisory's text as if it were `file` (tools and tests that hold text, not
 * files). A file with only `id`, `announce_at`, `publish_at`, `notice` (and `draft`) and no
 * body is a notice-only advisory (src/schemas/notice-only.ts). `releases` is null when
 * releases.yaml was refused: names of releases are then not judged.
 */
export function parseAdvisory(file: string, raw: string, releases: readonly Release[] | null): FileResult {
  let parsed: ParsedMarkdown;
  try {
    parsed = parseMarkdownFile(raw);
  } catch (e) {
    return { problems: [fileProblem(file, e)], warnings: [] };
  }
  const { data: input, body, bodyLine, lineOf } = parsed;
  const noticeOnly = isNoticeOnlyShape(input, body);
  const schema = noticeOnly ? NoticeOnlySchema : AdvisorySchema;
  const result = schema.safeParse(input);
  const schemaProblems = result.success ? [] : problemsFromZod(file, result.error, input, lineOf, schema).map((p) => (noticeOnly ? noticeOnlyHint(p) : p));
  const checked = (result.success ? result.data : salvage(schema, input)) as LintAdvisory;
  const lint = lintAdvisory(checked, { file, releases, input, lineOf, body: noticeOnly ? undefined : body, bodyLine, schemaProblems });
  const { problems, warnings } = split([...schemaProblems, ...lint]);
  if (!result.success) return { problems, warnings };
  const data = result.data;
  if ('title' in data) return { entry: { file, data, body, bodyLine, lineOf }, problems, warnings };
  return { notice: { file, data, lineOf }, problems, warnings };
}

/** Whether a listing's problem concerns the files asked for: the file itself, or a link on the way to one. */
const concerns = (targets: ReadonlySet<string> | undefined, file: string) =>
  !targets || [...targets].some((t) => t === file || t.startsWith(`${file}/`));

/** A notice-only file is its pre-announcement: without announce_at it would never show anything. */
function noticeOnlyHint(p: Problem): Problem {
  if (p.field !== 'announce_at' || !p.message.startsWith('is required')) return p;
  return { ...p, message: `${p.message}; a notice-only file (no title, summary or body) is a pre-announcement, so it needs announce_at: give it, or write the whole advisory` };
}

/** The prose pages under content/pages (those in `only`, when given). */
function readPages(root: string, only: ReadonlySet<string> | undefined, problems: Problem[]): PageSource[] {
  const listing = listFolder(root, PAGES_DIR);
  const wanted = (f: string) => !only || only.has(f);
  problems.push(...listing.problems.filter((p) => concerns(only, p.file)));
  const pages: PageSource[] = [];
  for (const file of listing.files.filter(wanted)) {
    const name = file.slice(PAGES_DIR.length + 1);
    if (!/^[a-z0-9-]+\.md$/.test(name)) {
      problems.push({ file, field: '(file)', message: `prose pages are plain .md files named like "policy.md", directly in ${PAGES_DIR}/ (found ${name})` });
      continue;
    }
    const read = readContentFile(join(root, file));
    if (read.problem !== undefined) problems.push({ file, field: '(file)', message: read.problem });
    else pages.push({ file, slug: name.slice(0, -3), text: read.text });
  }
  return pages;
}

/**
 * Reads the whole content folder. With `only`, validates just those advisory and page files
 * fully and checks their ids and aliases against the other files cheaply (a PR's fast path).
 */
export function readCorpus(root: string, only?: readonly string[], options: ReadOptions = {}): ReadResult {
  const found: Problem[] = [];
  const site = readSite(root, found);
  const releaseFile = readReleaseFile(root, found);
  const releases = releaseFile?.releases ?? [];
  const targets = only ? new Set(only) : undefined;
  const listing = listAdvisories(root);
  found.push(...listing.problems.filter((p) => concerns(targets, p.file)));
  const advisories: AdvisoryEntry[] = [];
  const notices: NoticeOnlyEntry[] = [];
  for (const file of targets ? listing.files.filter((f) => targets.has(f)) : listing.files) {
    const result = readAdvisory(root, file, releaseFile?.releases ?? null);
    found.push(...result.problems, ...result.warnings);
    if (result.entry) advisories.push(result.entry);
    if (result.notice) notices.push(result.notice);
  }
  const pages = readPages(root, targets, found);
  const ids = new Set(listing.files.map((f) => f.split('/').pop()!.replace(/\.md$/, '')));
  const facts = { site, releases, releasesLineOf: releaseFile?.lineOf ?? (() => undefined), advisories, notices, pages, ids, at: options.at ?? new Date() };
  found.push(...lintCorpus(facts, options.rules));
  if (targets) found.push(...lintAgainstOthers(root, [...advisories, ...notices], listing.files.filter((f) => !targets.has(f))));
  const byId = (a: { data: { id: string } }, b: { data: { id: string } }) => a.data.id.localeCompare(b.data.id);
  advisories.sort(byId);
  notices.sort(byId);
  const { problems, warnings } = split(found);
  return { corpus: site && problems.length === 0 ? { site, releases, advisories, notices } : null, site, pages, problems, warnings };
}
