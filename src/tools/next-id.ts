/**
 * Advisory ids and where their files go. The next id of a year is one more than the highest
 * sequence among the files in `content/advisories/<year>/`: ids are never reused, so a gap
 * left by a deleted draft stays a gap.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADVISORIES_DIR } from '../content/read-content.ts';
import { ADVISORY_ID_PATTERN } from '../schemas/advisory.ts';

export function nextId(root: string, year: number): string {
  let highest = 0;
  let names: string[] = [];
  try {
    names = readdirSync(join(root, ADVISORIES_DIR, String(year)));
  } catch {
    /* a year without advisories yet: its first id */
  }
  for (const name of names) {
    const m = ADVISORY_ID_PATTERN.exec(name.replace(/\.[^.]+$/, ''));
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
