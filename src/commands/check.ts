/**
 * `npm run check`: arguments, which files, output. The validation itself is `readCorpus`
 * (src/content/read-content.ts); given a list of files it takes its fast path, checking those files
 * fully and the rest only for clashing ids and aliases.
 *
 * Exit status: 0 when the content is valid, 1 when a problem was found, 2 for a usage mistake.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { ADVISORIES_DIR, listAdvisoryFiles, readCorpus } from '../content/read-content.ts';
import { PLACEHOLDER } from '../content/lint.ts';
import { isWithin } from '../content/path-within.ts';
import { formatAnnotation, formatProblem, type Problem } from '../content/problems.ts';
import { BaseRefError, changedContent } from '../tools/changed-files.ts';
import { rootFrom, userCwd } from './cli.ts';

export const USAGE =
  'usage: npm run check -- [<file or folder>…] [--changed [--base <ref>]] [--format human|github] [--content-root <dir>]';

type Output = { out: (line: string) => void; err: (line: string) => void };
export class UsageError extends Error {}

type Options = { root: string; targets: string[]; changed: boolean; base: string | undefined; format: 'human' | 'github'; help: boolean };

export function parseCheckArgs(argv: string[], env: NodeJS.ProcessEnv, projectRoot: string): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        changed: { type: 'boolean' },
        base: { type: 'string' },
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
  // CONTENT_ROOT checks another content tree (fixtures, the benchmark's archive), like the build.
  const root = values['content-root'] || env.CONTENT_ROOT ? rootFrom(values['content-root'], env) : projectRoot;
  return { root, targets: positionals, changed: values.changed ?? false, base: values.base, format, help: values.help ?? false };
}

/**
 * Advisory files named on the command line, relative to the content root. A path is read
 * from where the user typed it, else from the content root; a folder stands for the
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
      if (rel.startsWith(`${ADVISORIES_DIR}/`)) only.add(rel);
      else
        problems.push({
          file: rel,
          field: '(file)',
          message: `not an advisory (expected a file or folder under ${ADVISORIES_DIR}/, or content/site.yaml or content/releases.yaml)`,
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

/** A line for problems that name none: a placeholder in the body is found where it is. */
function locate(root: string, p: Problem): Problem {
  if (p.line !== undefined || !p.field.startsWith('(body)') || !p.message.includes(PLACEHOLDER)) return p;
  try {
    const lines = readFileSync(resolve(root, p.file), 'utf8').split(/\r?\n/);
    const closing = lines.indexOf('---', 1);
    const at = lines.findIndex((l, i) => i > closing && l.includes(PLACEHOLDER));
    return at >= 0 ? { ...p, line: at + 1 } : p;
  } catch {
    return p;
  }
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
      io.err(`check --changed: ${only.length} advisory file(s) changed since ${changed.base}${only.length ? `: ${only.join(', ')}` : ''}`);
      for (const f of changed.deleted)
        io.err(`note: ${f} was deleted; a published advisory is withdrawn (withdrawn: {at, reason}), never deleted.`);
    }
  } else if (options.targets.length > 0) {
    let listed: string[] | undefined;
    const all = () => (listed ??= listAdvisoryFiles(root));
    const resolved = resolveTargets(root, options.targets, env, all);
    only = resolved.only;
    problems.push(...resolved.problems);
  }

  const { corpus, problems: found } = readCorpus(root, only);
  problems.push(...found.map((p) => locate(root, p)));
  const ms = Math.round(performance.now() - started);

  if (problems.length > 0) {
    problems.sort((a, b) => (a.file === b.file ? (a.line ?? Infinity) - (b.line ?? Infinity) : a.file < b.file ? -1 : 1));
    for (const p of problems) io.out(format === 'github' ? formatAnnotation(p) : formatProblem(p));
    const files = new Set(problems.map((p) => p.file)).size;
    io.err(
      `\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}. Fix them and run npm run check again; CONTRIBUTING.md explains each field.`,
    );
    return 1;
  }
  const count = only
    ? `${only.length} advisory file(s) (and site.yaml, releases.yaml)`
    : `${corpus!.advisories.length} advisories, ${corpus!.releases.length} named releases`;
  io.out(`content OK: ${count} checked in ${ms} ms`);
  return 0;
}
