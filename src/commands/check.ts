/**
 * `npm run check`: arguments, which files, output. The validation itself is `readCorpus`
 * (src/content/read-content.ts) with the embargo rules (src/embargo/content-rules.ts), and the
 * prose pages' rules (src/content/prose-pages.ts); given a list of files it takes its fast
 * path, checking those files fully and the rest only for clashing ids and aliases.
 *
 * Every clock-dependent rule (a notice-only file that is due, the release calendar) reads the
 * clock `--at` gives, else the real time.
 *
 * Exit status: 0 when the content is valid (warnings allowed), 1 when a problem was found,
 * 2 for a usage mistake.
 */
import { existsSync, lstatSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { parseInstant } from '../build/clock.ts';
import { listFolder } from '../content/list-content.ts';
import { ADVISORIES_DIR, listAdvisoryFiles, PAGES_DIR } from '../content/read-content.ts';
import { isWithin } from '../content/path-within.ts';
import { formatAnnotation, formatProblem, isWarning, type Problem } from '../content/problems.ts';
import { checkProsePages } from '../content/prose-pages.ts';
import { readCheckedCorpus } from '../embargo/content-rules.ts';
import { proseVars, SITE_PROSE } from '../model/site-prose.ts';
import { BaseRefError, changedContent } from '../tools/changed-files.ts';
import { contentRootProblem, rootFrom, userCwd } from './cli.ts';

export const USAGE =
  'usage: npm run check -- [<file or folder>…] [--changed [--base <ref>]] [--at <instant>] [--format human|github] [--content-root <dir>]';

type Output = { out: (line: string) => void; err: (line: string) => void };
export class UsageError extends Error {}

type Options = {
  root: string;
  targets: string[];
  changed: boolean;
  base: string | undefined;
  at: Date;
  format: 'human' | 'github';
  help: boolean;
};

export function parseCheckArgs(argv: string[], env: NodeJS.ProcessEnv, projectRoot: string): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        changed: { type: 'boolean' },
        base: { type: 'string' },
        at: { type: 'string' },
        format: { type: 'string' },
        'content-root': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? (env.GITHUB_ACTIONS === 'true' ? 'github' : 'human');
  if (format !== 'human' && format !== 'github') throw new UsageError(`--format: expected human or github (found "${format}")`);
  if (values.base && !values.changed) throw new UsageError('--base only makes sense with --changed');
  if (values.changed && positionals.length > 0) throw new UsageError('give files or --changed, not both');
  let at = new Date();
  if (values.at !== undefined) {
    try {
      at = parseInstant(values.at, '--at');
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  // CONTENT_ROOT checks another content tree (fixtures, the benchmark's archive), like the build.
  const root = values['content-root'] || env.CONTENT_ROOT ? rootFrom(values['content-root'], env) : projectRoot;
  return { root, targets: positionals, changed: values.changed ?? false, base: values.base, at, format, help: values.help ?? false };
}

/**
 * Advisory and page files named on the command line, relative to the content root. A path is
 * read from where the user typed it, else from the content root; a folder stands for the
 * advisories in it. A name that matches nothing is a problem, not a silent pass.
 */
export function resolveTargets(
  root: string,
  targets: string[],
  env: NodeJS.ProcessEnv,
  all: () => string[],
): { only: string[]; problems: Problem[] } {
  const only = new Set<string>();
  const problems: Problem[] = [];
  for (const target of targets) {
    const relOf = (p: string) => relative(root, p).split(sep).join('/');
    const candidates = [resolve(userCwd(env), target), resolve(root, target)].filter((p) => existsSync(p));
    const path = candidates.find((p) => isWithin(root, p));
    if (path === undefined) {
      problems.push({
        file: target,
        field: '(file)',
        message: candidates.length === 0 ? 'no such file' : `outside the content root ${root}`,
      });
      continue;
    }
    const rel = relOf(path);
    if (rel === 'content/site.yaml' || rel === 'content/releases.yaml') continue; // always checked
    if (!statSync(path).isDirectory()) {
      if (rel.startsWith(`${ADVISORIES_DIR}/`) || rel.startsWith(`${PAGES_DIR}/`)) only.add(rel);
      else
        problems.push({
          file: rel,
          field: '(file)',
          message: `not content check reads (expected a file or folder under ${ADVISORIES_DIR}/, a page in ${PAGES_DIR}/, or content/site.yaml or content/releases.yaml)`,
        });
      continue;
    }
    // A folder stands for the advisories in it (listing the archive only when one is named).
    const matched = all().filter((f) => rel === '' || f.startsWith(`${rel}/`));
    if (matched.length === 0)
      problems.push({
        file: rel || '.',
        field: '(file)',
        message: `no advisories in this folder (expected files under ${ADVISORIES_DIR}/)`,
      });
    for (const f of matched) only.add(f);
  }
  return { only: [...only].sort(), problems };
}

/** "2 advisory file(s)", "1 advisory file(s) and 1 page(s)". */
function describeFiles(files: readonly string[]): string {
  const pages = files.filter((f) => f.startsWith(`${PAGES_DIR}/`)).length;
  return `${files.length - pages} advisory file(s)${pages > 0 ? ` and ${pages} page(s)` : ''}`;
}

/** Whether nothing at all, not even a link, is at `path`. */
function absent(path: string): boolean {
  try {
    lstatSync(path);
    return false;
  } catch {
    return true;
  }
}

/**
 * The prose pages' problems, as the build would find them. The whole check also wants every
 * page the site serves, when the content root has pages of its own (one without borrows the
 * project's: src/content/prose-pages.ts).
 */
function pageProblems(root: string, read: ReturnType<typeof readCheckedCorpus>, whole: boolean): Problem[] {
  const blocks = Object.fromEntries(Object.entries(SITE_PROSE).map(([slug, page]) => [slug, page.blocks]));
  // The placeholders' names are what is checked; a broken site.yaml (reported on its own) still leaves them known.
  const vars = proseVars(read.site ?? { contact_email: 'security@example.org', notice_hours: 48, url: 'https://example.org' });
  const complete = whole && existsSync(join(root, PAGES_DIR));
  return checkProsePages(read.pages, blocks, vars, (file) => complete && absent(join(root, file)));
}

export function runCheck(argv: string[], env: NodeJS.ProcessEnv, projectRoot: string, io: Output): number {
  let options: Options;
  try {
    options = parseCheckArgs(argv, env, projectRoot);
  } catch (e) {
    io.err(`check: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.out(USAGE);
    return 0;
  }
  const { root, format } = options;
  // A mistyped --content-root would otherwise read as a tree full of missing files.
  const notRoot = contentRootProblem(root);
  if (notRoot) {
    io.err(`check: ${notRoot}`);
    return 1;
  }
  const started = performance.now();

  let only: string[] | undefined;
  const problems: Problem[] = [];
  if (options.changed) {
    let changed;
    try {
      changed = changedContent(root, options.base, env);
    } catch (e) {
      if (!(e instanceof BaseRefError)) throw e;
      io.err(`check: ${e.message}`);
      return 2;
    }
    if (changed.scope === 'all') {
      io.err(`check --changed: ${changed.reason}; checking every file instead.`);
    } else {
      only = changed.files;
      io.err(`check --changed: ${describeFiles(only)} changed since ${changed.base}${only.length ? `: ${only.join(', ')}` : ''}`);
      for (const f of changed.deleted)
        io.err(`note: ${f} was deleted; a published advisory is withdrawn (withdrawn: {at, reason}), never deleted.`);
    }
  } else if (options.targets.length > 0) {
    let listed: string[] | undefined;
    const all = () => (listed ??= [...listAdvisoryFiles(root), ...listFolder(root, PAGES_DIR).files]);
    const resolved = resolveTargets(root, options.targets, env, all);
    only = resolved.only;
    problems.push(...resolved.problems);
  }

  const read = readCheckedCorpus(root, only, options.at);
  const found = [...problems, ...read.problems, ...read.warnings, ...pageProblems(root, read, only === undefined)];
  const ms = Math.round(performance.now() - started);

  found.sort((a, b) => (a.file === b.file ? (a.line ?? Infinity) - (b.line ?? Infinity) : a.file < b.file ? -1 : 1));
  for (const p of found) io.out(format === 'github' ? formatAnnotation(p) : formatProblem(p));
  const errors = found.filter((p) => !isWarning(p));
  const warnings = found.length - errors.length;
  const warned = warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '';
  if (errors.length > 0) {
    const files = new Set(errors.map((p) => p.file)).size;
    io.err(
      `\n${errors.length} problem${errors.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}${warned ? `, and ${warned}` : ''}. Fix them and run npm run check again; CONTRIBUTING.md explains each field.`,
    );
    return 1;
  }
  const corpus = read.corpus!;
  const count = only
    ? `${describeFiles(only)} (and site.yaml, releases.yaml)`
    : `${corpus.advisories.length + corpus.notices.length} advisories, ${corpus.releases.length} named releases`;
  io.out(`content OK: ${count} checked in ${ms} ms${warned ? ` (${warned})` : ''}`);
  return 0;
}
