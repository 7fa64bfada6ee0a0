/**
 * Reads and validates everything under `content/`: the one entry point for `check`, the
 * Astro content loader, the feeds and the tools. Collects every problem before returning.
 */
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AdvisorySchema, type AdvisoryData } from '../schemas/advisory.ts';
import { ReleasesFileSchema, type Release } from '../schemas/release.ts';
import { SiteSchema, type Site } from '../schemas/site.ts';
import { parseMarkdownFile, parseYaml, ParseError, type ParsedMarkdown } from './frontmatter.ts';
import { lintAdvisory, lintBody, lintCorpus, lintNoticePeriod } from './lint.ts';
import { problemsFromZod, type Problem } from './problems.ts';

export type AdvisoryEntry = {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  data: AdvisoryData;
  body: string;
  bodyLine: number;
  lineOf: ParsedMarkdown['lineOf'];
};

export type Corpus = { site: Site; releases: Release[]; advisories: AdvisoryEntry[] };

export const ADVISORIES_DIR = 'content/advisories';

const rel = (root: string, path: string) => relative(root, path).split(sep).join('/');

/**
 * Every file under content/advisories, any extension, so stray .mdx or .txt files are reported.
 * Names starting with a dot (editor lock and swap files, .DS_Store) are not content. A symlinked
 * folder is followed once, so a link loop ends; a broken link is listed and reported unreadable.
 */
export function listAdvisoryFiles(root: string): string[] {
  const out: string[] = [];
  const walked = new Set<string>();
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      const real = realpathSync(dir);
      if (walked.has(real)) return;
      walked.add(real);
      // File types come with the listing: no stat per file (a large archive lists 10,000).
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && isFolder(path))) walk(path);
      else out.push(rel(root, path));
    }
  };
  walk(join(root, ADVISORIES_DIR));
  return out;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readYamlFile<T>(root: string, file: string, schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: import('zod').ZodError } }, problems: Problem[]): T | null {
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch {
    problems.push({ file, field: '(file)', message: 'cannot be read (expected the file to exist)' });
    return null;
  }
  try {
    const { value, lineOf } = parseYaml(text.replace(/^\uFEFF/, ''));
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    problems.push(...problemsFromZod(file, result.error, value, lineOf));
  } catch (e) {
    problems.push({ file, field: '(file)', message: (e as Error).message, line: (e as ParseError).line });
  }
  return null;
}

export function readSite(root: string, problems: Problem[]): Site | null {
  return readYamlFile(root, 'content/site.yaml', SiteSchema, problems);
}

export function readReleases(root: string, problems: Problem[]): Release[] | null {
  const file = 'content/releases.yaml';
  const parsed = readYamlFile(root, file, ReleasesFileSchema, problems);
  if (!parsed) return null;
  const names = new Set<string>();
  parsed.releases.forEach((r, i) => {
    if (names.has(r.name)) problems.push({ file, field: `releases[${i}].name`, message: `duplicate release (found "${r.name}" twice)` });
    names.add(r.name);
  });
  return parsed.releases;
}

/** Parses and validates one advisory file (schema + per-file rules). */
export function readAdvisory(root: string, file: string, releases: readonly Release[]): { entry?: AdvisoryEntry; problems: Problem[] } {
  if (!file.endsWith('.md')) {
    const why = file.endsWith('.mdx') ? 'MDX runs code at build time' : 'only Markdown is read';
    return { problems: [{ file, field: '(file)', message: `advisories must be plain .md files (${why}; found ${file.split('/').pop()})` }] };
  }
  let raw: string;
  try {
    raw = readFileSync(join(root, file), 'utf8');
  } catch (e) {
    return { problems: [{ file, field: '(file)', message: `cannot read the file: ${(e as Error).message}` }] };
  }
  return parseAdvisory(file, raw, releases);
}

/** Validates one advisory's text as if it were `file` (tools and tests that hold text, not files). */
export function parseAdvisory(file: string, raw: string, releases: readonly Release[]): { entry?: AdvisoryEntry; problems: Problem[] } {
  let parsed: ParsedMarkdown;
  try {
    parsed = parseMarkdownFile(raw);
  } catch (e) {
    return { problems: [{ file, field: '(file)', message: (e as Error).message, line: (e as ParseError).line }] };
  }
  const result = AdvisorySchema.safeParse(parsed.data);
  if (!result.success) return { problems: [...problemsFromZod(file, result.error, parsed.data, parsed.lineOf), ...lintBody(parsed.body, { file, bodyLine: parsed.bodyLine })] };
  const entry: AdvisoryEntry = { file, data: result.data, body: parsed.body, bodyLine: parsed.bodyLine, lineOf: parsed.lineOf };
  return { entry, problems: lintAdvisory(entry.data, entry.body, releases, entry) };
}

/**
 * Reads the whole content folder. With `only`, validates just those advisory files fully and
 * checks their ids and aliases against the other files cheaply (a PR's fast path).
 */
export function readCorpus(root: string, only?: readonly string[]): { corpus: Corpus | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const site = readSite(root, problems);
  const releases = readReleases(root, problems) ?? [];
  const all = listAdvisoryFiles(root);
  const targets = only ? all.filter((f) => only.includes(f)) : all;
  const advisories: AdvisoryEntry[] = [];
  for (const file of targets) {
    const { entry, problems: found } = readAdvisory(root, file, releases);
    problems.push(...found);
    if (entry) advisories.push(entry);
  }
  problems.push(...lintCorpus(advisories));
  if (site) problems.push(...lintNoticePeriod(advisories, site.notice_hours));
  if (only) problems.push(...lintAgainstOthers(root, advisories, all.filter((f) => !only.includes(f))));
  advisories.sort((a, b) => a.data.id.localeCompare(b.data.id));
  return { corpus: site && problems.length === 0 ? { site, releases, advisories } : null, problems };
}

function lintAgainstOthers(root: string, checked: AdvisoryEntry[], others: string[]): Problem[] {
  const problems: Problem[] = [];
  for (const other of others) {
    const base = other.split('/').pop()!.replace(/\.md$/, '');
    let text: string | undefined;
    let aliases: unknown;
    for (const { file, data, lineOf } of checked) {
      if (data.id === base) problems.push({ file, field: 'id', message: `duplicate id (expected a unique id, found "${data.id}", also used by ${other})`, line: lineOf(['id']) });
      data.aliases.forEach((alias, i) => {
        text ??= readFileSync(join(root, other), 'utf8');
        // A cheap text search first; only a file that mentions the alias is parsed, so both
        // block lists (- CVE-…) and flow lists ([CVE-…, GHSA-…]) are read exactly.
        if (!text.includes(alias)) return;
        aliases ??= aliasesIn(text);
        if (Array.isArray(aliases) && aliases.includes(alias)) {
          problems.push({ file, field: `aliases[${i}]`, message: `alias already belongs to another advisory (found "${alias}", also in ${other})`, line: lineOf(['aliases', i]) });
        }
      });
    }
  }
  return problems;
}

/** The aliases field of an advisory's text, or undefined when it does not parse (reported on its own check). */
function aliasesIn(text: string): unknown {
  try {
    return parseMarkdownFile(text).data.aliases;
  } catch {
    return undefined;
  }
}
