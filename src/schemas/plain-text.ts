/**
 * Plain text: what one-line fields (titles, summaries, notice text, credit names, revision and
 * withdrawal notes, release titles, member names) must be.
 *
 * These fields reach places where markup is live: an RSS description is HTML inside XML, OSV's
 * `details` is CommonMark, a feed reader or a vulnerability scanner renders them. The outputs
 * escape for their own format, and here the source refuses what could only be meant as
 * markup, so no author's text depends on one escaper being right. Each refusal says what to
 * write instead.
 */

type Rule = { pattern: RegExp; advice: string };

const RULES: Rule[] = [
  // A tag, a closing tag, a comment, a doctype or processing instruction; `a < b` stays text.
  { pattern: /<[a-z/!?][^\s>]*/i, advice: 'name the element in words ("the script tag") instead of writing a tag' },
  // Entities are decoded by HTML readers, numeric ones even without their `;`.
  { pattern: /&(?:#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*;)/i, advice: 'write the character itself, not an HTML entity' },
  { pattern: /!\[/, advice: 'images are not shown here; link to them from the body' },
  { pattern: /\[[^\]\n]*\]\s*[([]/, advice: 'Markdown links are not rendered here; put the link in references or the body' },
  { pattern: /\b(?:java|vb)script\s*:/i, advice: 'one-line fields carry no links, and never script URLs' },
];

/** Every rule needs one of these; most text has none, and is passed by one test. */
const SUSPECT = /[<&[]|script/i;

/** Why `text` is not plain text, or undefined when it is. */
export function markupProblem(text: string): string | undefined {
  if (!SUSPECT.test(text)) return undefined;
  for (const { pattern, advice } of RULES) {
    const found = pattern.exec(text);
    if (found) return `must be plain text: ${JSON.stringify(found[0])} would be read as markup; ${advice}`;
  }
  return undefined;
}
