/**
 * Advisory ids and where their files go. An id is in use when a file under
 * content/advisories/ (in any year folder) is named after it or says it in its `id:` field, so
 * a file filed under the wrong year or renamed by hand still keeps its id. The next id of a
 * year is one more than the highest sequence in use: ids are never reused, so a gap left by a
 * deleted draft stays a gap.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ADVISORIES_DIR, listAdvisoryFiles } from '../content/read-content.ts';
import { ADVISORY_ID_PATTERN } from '../schemas/advisory.ts';

/** `id: OEA-2026-007` in a file's frontmatter, read without parsing the YAML (a broken file still counts). */
const ID_FIELD = /^id:[ \t]*["']?(OEA-\d{4}-\d+)/m;

/** Every id in use under `root`, each with the first file that uses it (relative to the root). */
export function idsInUse(root: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of listAdvisoryFiles(root)) {
    const named = basename(file).replace(/\.[^.]+$/, '');
    if (ADVISORY_ID_PATTERN.test(named) && !ids.has(named)) ids.set(named, file);
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      continue; // unreadable: check reports it; its name still counted above
    }
    const field = ID_FIELD.exec(text)?.[1];
    if (field && !ids.has(field)) ids.set(field, file);
  }
  return ids;
}

export function nextId(root: string, year: number, inUse: ReadonlyMap<string, string> = idsInUse(root)): string {
  let highest = 0;
  for (const id of inUse.keys()) {
    const m = ADVISORY_ID_PATTERN.exec(id);
    if (m && Number(m[1]) === year) highest = Math.max(highest, Number(m[2]));
  }
  return `OEA-${year}-${String(highest + 1).padStart(3, '0')}`;
}

/** `content/advisories/<year>/<id>.md`, relative to the content root. */
export function advisoryPath(id: string): string {
  const m = ADVISORY_ID_PATTERN.exec(id);
  if (!m) throw new Error(`--id: must be an advisory id like "OEA-2026-007" (found "${id}")`);
  return `${ADVISORIES_DIR}/${m[1]}/${id}.md`;
}
