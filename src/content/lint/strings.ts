/**
 * Rules over every string of the file as written, refused fields included: a placeholder left
 * for a human, or a character no output can carry, is reported wherever it is.
 */
import { forbiddenCharacter } from './characters.ts';
import type { Finding } from './rule.ts';

/** Text the tools leave for a human to replace; check refuses it anywhere. */
export const PLACEHOLDER = 'FILL-IN';

export const placeholderMessage = `still holds a ${PLACEHOLDER} placeholder (replace it with the real value)`;

/** One walk over the frontmatter as written; a path is copied only on a find. */
export function stringRules(input: unknown): Finding[] {
  const found: Finding[] = [];
  const path: PropertyKey[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.includes(PLACEHOLDER)) found.push({ path: [...path], message: placeholderMessage });
      const forbidden = forbiddenCharacter(v);
      if (forbidden) found.push({ path: [...path], message: forbidden.message });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        visit(v[i]);
        path.pop();
      }
    } else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        path.push(k);
        visit(child);
        path.pop();
      }
    }
  };
  visit(input);
  return found;
}
