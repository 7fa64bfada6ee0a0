/** Small things the working-group commands share: where content is, how paths are shown, writing safely. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { contentRoot } from '../content/content-root.ts';
import { isWithin } from '../content/path-within.ts';

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

/** A refusal the user can act on (the file exists, a flag is wrong): printed without a stack trace. */
export class RefusedError extends Error {}

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
