/**
 * What a lint rule sees and says. Rules are pure functions: an advisory (as far as the schema
 * accepted it) and the facts of its file in, findings out. The runner (src/content/lint.ts)
 * gives them their file and line.
 */
import type { AdvisoryData } from '../../schemas/advisory.ts';
import type { Release } from '../../schemas/release.ts';

/**
 * A value as far as the schema accepted it (src/content/salvage.ts): a field the schema
 * refused is left out, and an entry of a list it refused is `undefined` in its place, so the
 * rules still run on everything else and name the right index.
 */
export type Checked<T> = T extends readonly (infer E)[]
  ? ReadonlyArray<E | undefined>
  : T extends object
    ? { [K in keyof T]?: Checked<T[K]> }
    : T;

/** An advisory for the rules: complete when it passed the schema, else what of it did. */
export type LintAdvisory = Checked<AdvisoryData>;

export type Severity = 'error' | 'warning';

export type Finding = { path: PropertyKey[]; message: string; severity?: Severity };

/** What a rule may know besides the advisory. */
export type FileFacts = {
  /** Path of the file, relative to the content root, with forward slashes. */
  file: string;
  /** content/releases.yaml; null when it was refused (the rules about release names then say nothing). */
  releases: readonly Release[] | null;
};

export type AdvisoryRule = (a: LintAdvisory, facts: FileFacts) => Finding[];

/** The instant of an ISO date-time the schema accepted. */
export const instant = (iso: string) => Date.parse(iso);
