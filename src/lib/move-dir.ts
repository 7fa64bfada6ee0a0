/** Moves a folder: a rename when both sides share a file system, else a copy and delete. */
import { cpSync, renameSync, rmSync } from 'node:fs';

export function moveDir(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}
