/**
 * Writing a public tree to a folder, and reading one back. An export folder is marked, so a
 * later export may replace it whole and nothing else is ever emptied by mistake.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { isWithin } from '../../content/path-within.ts';
import type { Tree } from './export.ts';

/** The file that marks a folder as written by export-public. */
export const EXPORT_MARKER = '.public-export';
const MARKER_TEXT = 'Written by npm run export-public: the public projection of content/. The next export replaces this folder.\n';

/** Why `out` may not receive an export of the content root `root`, or undefined when it may. */
export function exportDirProblem(out: string, root: string): string | undefined {
  const target = resolve(out);
  const content = join(resolve(root), 'content');
  if (isWithin(content, target))
    return `${target} is inside the content folder ${content}: the export would be read as private content (choose a folder outside it)`;
  if (isWithin(target, content))
    return `${target} holds the content folder ${content}: the export would replace it (choose a folder of its own)`;
  if (!existsSync(target)) return undefined;
  if (!statSync(target).isDirectory()) return `${target} is not a folder`;
  const entries = readdirSync(target);
  if (entries.length === 0 || entries.includes(EXPORT_MARKER)) return undefined;
  return `${target} is not empty and holds no earlier export (no ${EXPORT_MARKER} file; found ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}): choose an empty folder, or one an earlier export-public wrote`;
}

/** Writes `tree` as the whole of `out` (an empty folder or an earlier export), with its marker. */
export function writeExport(out: string, tree: Tree): void {
  mkdirSync(out, { recursive: true });
  rmSync(join(out, 'content'), { recursive: true, force: true });
  writeTree(out, tree);
  writeFileSync(join(out, EXPORT_MARKER), MARKER_TEXT);
}

/** Writes every file of `tree` under `dir`. */
export function writeTree(dir: string, tree: Tree): void {
  for (const [path, bytes] of tree) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
}

/** Every file under `dir`/`folder` as a tree (paths relative to `dir`), skipping `.git`. */
export function readTree(dir: string, folder = ''): Tree {
  const tree: Tree = new Map();
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git') walk(path);
      } else if (e.isFile()) tree.set(relative(dir, path).split(sep).join('/'), readFileSync(path));
    }
  };
  walk(join(dir, folder));
  return new Map([...tree].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
