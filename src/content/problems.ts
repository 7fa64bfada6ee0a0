/**
 * Problems found in content: every check collects them and reports them together, each as
 * `path:line: field: what is wrong (expected …, found …)`.
 */
import type { z } from 'zod';
import { PLACEHOLDER } from './lint/strings.ts';
import { knownKeysAt } from './salvage.ts';
import { closest, didYouMean } from './suggest.ts';

export type Problem = {
  /** Path of the file, relative to the project root. */
  file: string;
  /** Dotted field path, e.g. `affected[0].releases[1].commit`; `(file)` for the whole file. */
  field: string;
  message: string;
  /** 1-based line in the file, when known (for editor and CI annotations). */
  line?: number | undefined;
  /** A warning is printed and counted but does not fail `check` or the build. */
  severity?: 'error' | 'warning' | undefined;
};

export const isWarning = (p: Problem) => p.severity === 'warning';

/** A failure that stops a build or command; carries every problem found. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** `file:line: field: message`, the form compilers use, so editors and terminals link the line; a warning says so. */
export function formatProblem(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${isWarning(p) ? 'warning: ' : ''}${p.field}: ${p.message}`;
}

/**
 * GitHub Actions workflow command: shown as an annotation on the PR's line.
 * `::error file=<path>,line=<n>,title=<field>::<field>: <message>` (`::warning` for a
 * warning); property values escape `%`, CR, LF, `:` and `,`, the message escapes `%`, CR
 * and LF (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 */
export function formatAnnotation(p: Problem): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const props = `file=${property(p.file)}${p.line ? `,line=${p.line}` : ''},title=${property(p.field)}`;
  return `::${isWarning(p) ? 'warning' : 'error'} ${props}::${data(`${p.field}: ${p.message}`)}`;
}

export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(frontmatter)';
}

/** The value at `path` of a parsed document, or undefined. */
export function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  const text = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

const isPlaceholder = (v: unknown) => typeof v === 'string' && v.includes(PLACEHOLDER);

/** `(not in the schema; did you mean "cwe"?)`, or the names the schema knows there. */
function unknownField(key: string, known: readonly string[]): string {
  const near = closest(key, known);
  if (near) return `unknown field (not in the schema; did you mean "${near}"?)`;
  return known.length > 0 ? `unknown field (not in the schema; the fields here are ${known.join(', ')})` : 'unknown field (not in the schema)';
}

/**
 * Turns zod issues into problems that name the field, the rule and what was found. With the
 * schema, an unknown key is told the nearest field it knows, and a value outside a list of
 * choices the nearest choice.
 *
 * A placeholder the schema refuses (a FILL-IN date, severity or repository) is reported as a
 * placeholder; the others are found by the lint rules (src/content/lint/strings.ts), which run
 * on every file whatever the schema said.
 */
export function problemsFromZod(
  file: string,
  error: z.ZodError,
  input: unknown,
  lineOf?: (path: ReadonlyArray<PropertyKey>) => number | undefined,
  schema?: z.ZodType,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues.flatMap((i) => unionBranchIssues(i, input))) {
    if (issue.code === 'unrecognized_keys') {
      const known = schema ? knownKeysAt(schema, issue.path) : [];
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({ file, field: fieldPath(path), message: unknownField(key, known), line: lineOf?.(path) });
      }
      continue;
    }
    const found = valueAt(input, issue.path);
    const choice = issue.code === 'invalid_value' && typeof found === 'string' ? didYouMean(found, issue.values.map(String)) : '';
    const message = isPlaceholder(found)
      ? `still holds a ${PLACEHOLDER} placeholder (replace it with the real value; the field ${issue.message.replace(/^Invalid input: /, '')})`
      : found === undefined && issue.code === 'invalid_type'
        ? `is required (expected ${issue.expected})`
        : issue.code === 'invalid_type'
          ? `expected ${issue.expected} (found ${describeValue(found)}${quoteHint(issue.expected, found)})`
          : `${issue.message} (found ${describeValue(found)})${choice}`;
    problems.push({ file, field: fieldPath(issue.path), message, line: lineOf?.(issue.path) });
  }
  return problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

/** YAML reads unquoted 0123456, 1e5 or yes/true as numbers and booleans, not text. */
function quoteHint(expected: unknown, found: unknown): string {
  return expected === 'string' && (typeof found === 'number' || typeof found === 'boolean') ? '; put the value in quotes' : '';
}

type Issue = z.ZodError['issues'][number];

/**
 * A union (an `affected` entry is a repository or a package) fails as a whole when every
 * branch fails, which names only the entry. When one branch fits the entry's keys (no unknown
 * key at its level; then, if still ambiguous, no missing key either), its issues say precisely
 * what is wrong, e.g. `affected[0].package.ecosystem` or `affected[0].ranges`.
 */
function unionBranchIssues(issue: Issue, input: unknown): Issue[] {
  if (issue.code !== 'invalid_union' || !('errors' in issue)) return [issue];
  const base = issue.path;
  const unknownKey = (i: Issue) => i.code === 'unrecognized_keys' && i.path.length === 0;
  const missingKey = (i: Issue) => i.code === 'invalid_type' && i.path.length === 1 && valueAt(input, [...base, ...i.path]) === undefined;
  let fits = issue.errors.filter((branch) => !branch.some(unknownKey));
  if (fits.length > 1) fits = fits.filter((branch) => !branch.some(missingKey));
  if (fits.length !== 1) return [issue];
  return fits[0]!.flatMap((i) => unionBranchIssues({ ...i, path: [...base, ...i.path] } as Issue, input));
}
