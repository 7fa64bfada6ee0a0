/** Moving build output into place: renames where possible, copies across file systems. */
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Moves a folder: a rename when both sides share a file system, else a copy and delete. */
export function moveDir(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Moves everything under `from` into `to`, which may already hold other files: a folder that
 * `to` lacks moves in one rename, a folder both have is merged, and a file both have is an
 * error (two build steps claiming the same path).
 */
export function mergeInto(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (!existsSync(target)) moveDir(source, target);
    else if (entry.isDirectory() && statSync(target).isDirectory()) mergeInto(source, target);
    else throw new Error(`${target}: written twice (by Astro and by ${source})`);
  }
  rmSync(from, { recursive: true, force: true });
}
