/**
 * The lint runner: policy rules the schema cannot express alone, one module per concern under
 * src/content/lint/, each a pure function. Rules run on what of a file the schema accepted
 * (src/content/salvage.ts), so one run reports every problem.
 *
 *   ids          id = file name, its year's folder; the id's year against the publication's
 *   dates        announce, report, triage, revisions and withdrawal in order
 *   severity     CVSS vectors and the notice's level
 *   releases     named releases exist; notice and affected name the same components
 *   references   aliases listed once
 *   strings      placeholders and characters no output can carry, in every field
 *   body         plain Markdown (src/content/lint/body.ts)
 *   corpus       ids and aliases unique across files, duplicate_of names one; the notice
 *                period; the release calendar
 *
 * CORPUS_RULES see every file and the clock. Rules that need the visibility gate live beside
 * it (src/embargo/content-rules.ts) and are passed to `readCorpus` by whoever reads content
 * for check or a build.
 */
import { bodyRules } from './lint/body.ts';
import { releaseCalendar } from './lint/calendar.ts';
import { duplicateOf, noticePeriod, uniqueIds } from './lint/corpus.ts';
import type { CorpusFacts, CorpusRule } from './lint/corpus-rule.ts';
import { dateRules } from './lint/dates.ts';
import { idRules } from './lint/ids.ts';
import { referenceRules } from './lint/references.ts';
import { componentRules, releaseRules } from './lint/releases.ts';
import type { AdvisoryRule, FileFacts, Finding, LintAdvisory } from './lint/rule.ts';
import { severityRules } from './lint/severity.ts';
import { PLACEHOLDER, placeholderMessage, stringRules } from './lint/strings.ts';
import { fieldPath, valueAt, type Problem } from './problems.ts';
import type { LineOf } from './yaml.ts';

export { CONTROL_CHARACTER } from './lint/characters.ts';
export { lintDuplicateOf, noticePeriodProblem } from './lint/corpus.ts';
export { PLACEHOLDER };

export const ADVISORY_RULES: readonly AdvisoryRule[] = [idRules, dateRules, severityRules, releaseRules, componentRules, referenceRules];

export const CORPUS_RULES: readonly CorpusRule[] = [uniqueIds, duplicateOf, noticePeriod, releaseCalendar];

export type FileToLint = FileFacts & {
  /** The frontmatter as written (for the string rules, which read refused fields too). */
  input: unknown;
  lineOf: LineOf;
  /** The Markdown body, or undefined for a notice-only file, which has none. */
  body: string | undefined;
  bodyLine: number;
  /** Problems the schema already reported: a placeholder it refused is not said twice. */
  schemaProblems: readonly Problem[];
};

/** Every per-file rule over one advisory, full or notice-only. */
export function lintAdvisory(a: LintAdvisory, file: FileToLint): Problem[] {
  const at = (f: Finding): Problem => ({
    file: file.file,
    field: fieldPath(f.path),
    message: f.message,
    line: file.lineOf(f.path),
    ...(f.severity === 'warning' ? { severity: 'warning' as const } : {}),
  });
  const refusedPlaceholders = new Set(file.schemaProblems.filter((p) => p.message.includes(PLACEHOLDER)).map((p) => p.field));
  const strings = stringRules(file.input).filter((f) => f.message !== placeholderMessage || !refusedPlaceholders.has(fieldPath(f.path)));
  // A value still holding a placeholder is reported as one, not judged by the other rules too.
  const judged = ADVISORY_RULES.flatMap((rule) => rule(a, file)).filter((f) => !holdsPlaceholder(valueAt(file.input, f.path)));
  const problems = [...judged, ...strings].map(at);
  if (file.body !== undefined) problems.push(...bodyRules(file.body, file.bodyLine).map((b) => ({ file: file.file, ...b })));
  return problems;
}

const holdsPlaceholder = (v: unknown): boolean =>
  typeof v === 'string' ? v.includes(PLACEHOLDER) : v !== null && typeof v === 'object' && Object.values(v).some(holdsPlaceholder);

/** Every corpus rule, the content's own and `extra` (src/embargo/content-rules.ts). */
export function lintCorpus(facts: CorpusFacts, extra: readonly CorpusRule[] = []): Problem[] {
  return [...CORPUS_RULES, ...extra].flatMap((rule) => rule(facts));
}
