/**
 * Problems found in content: every check collects them and reports them together, each as
 * `path: field: what is wrong (expected …, found …)`.
 */
import type { z } from 'zod';
// lint.ts imports only a type from this module, so there is no cycle at run time.
import { PLACEHOLDER } from './lint.ts';

export type Problem = {
  /** Path of the file, relative to the project root. */
  file: string;
  /** Dotted field path, e.g. `affected[0].releases[1].commit`; `(file)` for the whole file. */
  field: string;
  message: string;
  /** 1-based line in the file, when known (for editor and CI annotations). */
  line?: number | undefined;
};

/** A failure that stops a build or command; carries every problem found. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field}: ${p.message}`;
}

/**
 * GitHub Actions workflow command: shown as an annotation on the PR's line.
 * `::error file=<path>,line=<n>,title=<field>::<field>: <message>`; property values escape
 * `%`, CR, LF, `:` and `,`, the message escapes `%`, CR and LF
 * (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
 */
export function formatAnnotation(p: Problem): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const props = `file=${property(p.file)}${p.line ? `,line=${p.line}` : ''},title=${property(p.field)}`;
  return `::error ${props}::${data(`${p.field}: ${p.message}`)}`;
}

export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(frontmatter)';
}

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
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

/**
 * Turns zod issues into problems that name the field, the rule and what was found.
 *
 * A placeholder the schema refuses (a FILL-IN date, severity or repository) is reported as a
 * placeholder, and so is every other placeholder in the file: lint, which finds them in valid
 * files, does not run until the schema passes, and an author should see the whole to-do list
 * at once rather than one layer per run.
 */
export function problemsFromZod(
  file: string,
  error: z.ZodError,
  input: unknown,
  lineOf?: (path: ReadonlyArray<PropertyKey>) => number | undefined,
): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const issue of error.issues.flatMap((i) => unionBranchIssues(i, input))) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        problems.push({ file, field: fieldPath(path), message: 'unknown field (not in the schema; check its spelling)', line: lineOf?.(path) });
      }
      continue;
    }
    const found = valueAt(input, issue.path);
    const message = isPlaceholder(found)
      ? `still holds a ${PLACEHOLDER} placeholder (replace it with the real value; the field ${issue.message.replace(/^Invalid input: /, '')})`
      : found === undefined && issue.code === 'invalid_type'
        ? `is required (expected ${issue.expected})`
        : issue.code === 'invalid_type'
          ? `expected ${issue.expected} (found ${describeValue(found)}${quoteHint(issue.expected, found)})`
          : `${issue.message} (found ${describeValue(found)})`;
    reported.add(fieldPath(issue.path));
    problems.push({ file, field: fieldPath(issue.path), message, line: lineOf?.(issue.path) });
  }
  for (const path of placeholderPaths(input)) {
    if (reported.has(fieldPath(path))) continue;
    problems.push({ file, field: fieldPath(path), message: `still holds a ${PLACEHOLDER} placeholder (replace it with the real value)`, line: lineOf?.(path) });
  }
  return problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

function* placeholderPaths(value: unknown, path: PropertyKey[] = []): Generator<PropertyKey[]> {
  if (isPlaceholder(value)) yield path;
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* placeholderPaths(value[i], [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* placeholderPaths(v, [...path, k]);
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
