/**
 * The body's own rules: plain Markdown (src/content/markdown.ts finds raw HTML, images and
 * links that are not https), not empty, no placeholder, no character a feed cannot carry.
 * They need nothing from the frontmatter, so they run whatever the schema said of it.
 */
import { findBodyProblems } from '../markdown.ts';
import { forbiddenCharacter } from './characters.ts';
import { PLACEHOLDER } from './strings.ts';

export type BodyFinding = { field: string; message: string; line?: number };

/** The file's line number of `index` in a body that starts on line `bodyLine`. */
const lineAt = (body: string, index: number, bodyLine: number) => body.slice(0, index).split('\n').length + bodyLine - 1;

export function bodyRules(body: string, bodyLine: number): BodyFinding[] {
  const found: BodyFinding[] = [];
  const at = (line: number, message: string) => found.push({ field: `(body) line ${line}`, message, line });
  if (body.trim() === '') {
    found.push({ field: '(body)', message: 'the Markdown body is empty (expected Impact, Patches, Workarounds and References sections)' });
  }
  const placeholder = body.indexOf(PLACEHOLDER);
  if (placeholder >= 0) {
    const line = lineAt(body, placeholder, bodyLine);
    found.push({ field: '(body)', message: `still holds a ${PLACEHOLDER} placeholder (replace it with the real text)`, line });
  }
  const forbidden = forbiddenCharacter(body);
  if (forbidden) at(lineAt(body, forbidden.index, bodyLine), forbidden.message);
  for (const f of findBodyProblems(body)) at(f.line + bodyLine - 1, f.message);
  return found;
}
