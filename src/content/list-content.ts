/**
 * Which files content/ holds. Symbolic links are reported, never followed: a linked folder
 * would list a tree outside the repository (and a link back up would loop), a linked file
 * would publish whatever it points at. Names starting with a dot (editor lock and swap files,
 * .DS_Store) are not content and are skipped.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isLink, linkProblem } from './read-file.ts';
import type { Problem } from './problems.ts';

export const ADVISORIES_DIR = 'content/advisories';
export const PAGES_DIR = 'content/pages';

export type Listing = { files: string[]; problems: Problem[] };

const rel = (root: string, path: string) => relative(root, path).split(sep).join('/');
const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Every file under `folder` (relative to `root`), any extension, so stray .mdx or .txt files
 * are reported by whoever reads them. A folder that does not exist lists nothing.
 */
export function listFolder(root: string, folder: string): Listing {
  const files: string[] = [];
  const problems: Problem[] = [];
  const refuse = (path: string, message: string) => problems.push({ file: rel(root, path), field: '(file)', message });
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      // File types come with the listing: no stat per file (a large archive lists 10,000).
      entries = readdirSync(dir, { withFileTypes: true }).sort(byName);
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isSymbolicLink()) refuse(path, linkProblem(path));
      else if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(rel(root, path));
      else refuse(path, 'is not a regular file (expected a text file)');
    }
  };
  const top = join(root, folder);
  if (isLink(top)) refuse(top, linkProblem(top));
  else walk(top);
  return { files, problems };
}

/** The advisory files, with a problem for each link or odd entry among them. */
export const listAdvisories = (root: string): Listing => listFolder(root, ADVISORIES_DIR);

/** The advisory files only (tools that read what is there; `check` reports the rest). */
export const listAdvisoryFiles = (root: string): string[] => listAdvisories(root).files;
