/**
 * What every command shares: one calling convention, `run(argv, io) → exit code`, so tests
 * call a command in-process and scripts/<name>.ts is a line; strict flags with `--help`; one
 * clock flag (`--at`, never an environment variable); where content is, and the refusal of a
 * folder that is not a content root; how paths are shown; writing safely.
 *
 * Exit codes: 0 done, 1 a problem found or a refusal the user can act on, 2 a usage mistake.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { parseInstant, type BuildClock } from '../build/clock.ts';
import { contentRoot } from '../content/content-root.ts';
import { isWithin } from '../content/path-within.ts';
import { ContentError, formatProblem } from '../content/problems.ts';
import { readCorpus, type Corpus } from '../content/read-content.ts';

/** A command's whole view of its process: output lines, environment, where the user is, standard input. */
export type Io = {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Standard input, read whole (for commands that read `-`). */
  stdin: () => Promise<string>;
};

export type Command = (argv: string[], io: Io) => number | Promise<number>;

/** The real process's Io. */
export function processIo(): Io {
  return {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    env: process.env,
    stdin: async () => readFileSync(0, 'utf8'),
  };
}

/**
 * The body of every scripts/<name>.ts: run the command on the process's arguments, exit with
 * its code. `exitOnFailure` ends the process at once on a non-zero code, for a command whose
 * failure may leave handles open (a failed Astro build).
 */
export async function runScript(command: Command, options: { exitOnFailure?: boolean } = {}): Promise<void> {
  const code = await command(process.argv.slice(2), processIo());
  if (code !== 0 && options.exitOnFailure) process.exit(code);
  process.exitCode = code;
}

/** A mistake in how the command was called: printed with the usage line, exit 2. */
export class UsageError extends Error {}

/** A refusal the user can act on (the file exists, a folder holds no content): printed without a stack trace, exit 1. */
export class RefusedError extends Error {}

export type Flags = Record<string, string | boolean | string[] | undefined>;

/**
 * Parses flags strictly: an unknown flag, a stray argument or a flag without its value is a
 * UsageError, so a mistyped flag never runs the command with defaults. `help` is always known.
 */
export function parseFlags(
  argv: readonly string[],
  options: ParseArgsOptionsConfig,
  allowPositionals = false,
): { flags: Flags; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals,
    });
    return { flags: values as Flags, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * Runs `f`, turning the error of a bad flag value into a UsageError (exit 2): the modules that
 * check values (instants, ids, vectors) throw plain errors whose message starts with the flag
 * (`--cvss: …`). Any other error is left as it is.
 */
export function asUsage<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('--') && !(e instanceof RefusedError)) throw new UsageError(e.message);
    throw e;
  }
}

/** The clock of `--at` (an instant with an offset), else the real time in whole seconds. */
export function clockFrom(at: string | boolean | string[] | undefined): BuildClock {
  if (typeof at === 'string') {
    try {
      return { now: parseInstant(at, '--at'), source: '--at' };
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  }
  return { now: new Date(Math.floor(Date.now() / 1000) * 1000), source: 'real time' };
}

/** All content of `root`, checked; any problem throws ContentError naming each. */
export function checkedCorpus(root: string): Corpus {
  const { corpus, problems } = readCorpus(root);
  if (!corpus || problems.length > 0) throw new ContentError(problems);
  return corpus;
}

/**
 * Runs a command's body with the shared error handling: a UsageError prints the message and
 * the usage line (exit 2), a RefusedError its message (exit 1), a ContentError every problem
 * (exit 1). Anything else is a bug and keeps its stack trace.
 */
export async function guarded(io: Io, usage: string, body: () => number | Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${usage}`);
      return 2;
    }
    if (e instanceof RefusedError) {
      io.err(e.message);
      return 1;
    }
    if (e instanceof ContentError) {
      for (const p of e.problems) io.err(formatProblem(p));
      return 1;
    }
    throw e;
  }
}

/** What makes a folder a content root: a mistyped `--content-root` names a folder without them. */
const CONTENT_ROOT_PARTS = [
  { path: 'content/releases.yaml', folder: false },
  { path: 'content/site.yaml', folder: false },
  { path: 'content/advisories', folder: true },
] as const;

/**
 * Why `root` is not a content root (undefined when it is one): it must hold
 * content/releases.yaml, content/site.yaml and the folder content/advisories/. The message
 * names the folder looked in, so a mistyped path is obvious.
 */
export function contentRootProblem(root: string): string | undefined {
  const missing = CONTENT_ROOT_PARTS.filter(({ path, folder }) => {
    try {
      const stat = statSync(join(root, path));
      return folder ? !stat.isDirectory() : !stat.isFile();
    } catch {
      return true;
    }
  }).map(({ path, folder }) => (folder ? `${path}/` : path));
  if (missing.length === 0) return undefined;
  return `${resolve(root)} is not a content root: it has no ${missing.join(', ')} (a content root holds content/releases.yaml, content/site.yaml and content/advisories/; check --content-root or CONTENT_ROOT)`;
}

/** Refuses (exit 1) a folder that is not a content root, before anything is read or written. */
export function requireContentRoot(root: string): string {
  const problem = contentRootProblem(root);
  if (problem) throw new RefusedError(`${problem}. Nothing was written.`);
  return root;
}

/** `--content-root`, else CONTENT_ROOT, else the project (npm runs scripts there). */
export function rootFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ? resolve(userCwd(env), flag) : contentRoot(env);
}

/** The folder the user typed the command in: npm runs scripts from the package root and keeps it in INIT_CWD. */
export const userCwd = (env: NodeJS.ProcessEnv = process.env) => env.INIT_CWD ?? process.cwd();

/** A path as the user would type it from where they are. */
export function shown(path: string, env: NodeJS.ProcessEnv = process.env): string {
  const rel = relative(userCwd(env), path);
  return rel && isWithin(userCwd(env), path) ? rel : path;
}

/** Writes a new file under `root`; refuses to replace one (flag `wx` makes the check and the write one step). */
export function writeNewFile(root: string, rel: string, text: string): string {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileSync(file, text, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new RefusedError(`${shown(file)} already exists; nothing was written (choose another --id)`);
    throw e;
  }
  return file;
}

/** A path as a shell argument: quoted when it holds anything but plain path characters. */
const shellArg = (s: string) => (/^[\w./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * The `npm run check` command that checks `rel` of the content root `root`, ready to paste:
 * npm runs it in the project, so another content root must be named in it.
 */
export function checkCommand(root: string, rel: string, env: NodeJS.ProcessEnv = process.env): string {
  if (resolve(root) === resolve(import.meta.dirname, '../..')) return `npm run check -- ${rel}`;
  // The file as a path from where the user is: the project may hold a file of the same name.
  return `npm run check -- --content-root ${shellArg(shown(root, env))} ${shellArg(shown(join(root, rel), env))}`;
}
