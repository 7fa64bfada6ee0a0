/**
 * Reading one content file, as untrusted input: a real file in the repository, of a bounded
 * size, or a problem saying why not.
 *
 * A symbolic link is refused, not followed: one committed under content/ could publish a file
 * from outside the repository (`/etc/passwd`, a private key) or loop. O_NOFOLLOW makes the
 * refusal part of opening the file, so it costs nothing; the folders above it are checked by
 * the listing (src/content/list-content.ts). The size is read from the open file before its
 * bytes are, so an oversized file is never parsed (a 10 MB body made a build use 1.9 GB).
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readlinkSync } from 'node:fs';

/** The most a content file may hold. An advisory is a few kilobytes; site.yaml and releases.yaml less. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type FileRead = { text: string; problem?: undefined } | { text?: undefined; problem: string };

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Why a link is refused, naming where it points. */
export function linkProblem(path: string): string {
  let target = '?';
  try {
    target = readlinkSync(path);
  } catch {
    /* gone since it was listed */
  }
  return `is a symbolic link to ${JSON.stringify(target)}; content must be real files in the repository (put the file itself here, not a link)`;
}

/** Reads `path` as UTF-8; `missing` is the problem to report when it does not exist. */
export function readContentFile(path: string, missing = 'cannot be read (expected the file to exist)'): FileRead {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP' || isLink(path)) return { problem: linkProblem(path) };
    if (code === 'ENOENT') return { problem: missing };
    return { problem: `cannot read the file: ${(e as Error).message}` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: 'is not a regular file (expected a text file)' };
    if (stat.size > MAX_FILE_BYTES) {
      return {
        problem: `is ${megabytes(stat.size)}, more than the ${megabytes(MAX_FILE_BYTES)} a content file may hold (an advisory is a few kilobytes; link to long material instead)`,
      };
    }
    return { text: readFileSync(fd, 'utf8') };
  } catch (e) {
    return { problem: `cannot read the file: ${(e as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

export function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
