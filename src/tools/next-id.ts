/** The next free advisory id of a year: one more than the highest sequence in its folder. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ADVISORY_ID_PATTERN } from '../schemas/advisory.ts';

export function nextId(root: string, year: number): string {
  let highest = 0;
  let names: string[] = [];
  try {
    names = readdirSync(join(root, 'content/advisories', String(year)));
  } catch {
    /* a new year: no folder yet */
  }
  for (const name of names) {
    const m = ADVISORY_ID_PATTERN.exec(name.replace(/\.mdx?$/, ''));
    if (m && Number(m[1]) === year) highest = Math.max(highest, Number(m[2]));
  }
  return `OEA-${year}-${String(highest + 1).padStart(3, '0')}`;
}
