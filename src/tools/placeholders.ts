/**
 * Placeholders: what the tools write where only a person can decide. Each is the marker
 * `FILL-IN` followed by a hint, e.g. `FILL-IN: one public line, no detail of the flaw`.
 *
 * `check` refuses any string holding the marker (lint for fields the schema accepts, the
 * problem mapper for fields it does not, such as dates and enums), so an advisory cannot be
 * published half-written. The same scan lists, after `advisory:new` or `advisory:import`,
 * what is left to do.
 */
import { PLACEHOLDER } from '../content/lint.ts';
import { fieldPath } from '../content/problems.ts';

export { PLACEHOLDER };

/** A placeholder carrying a hint for the person who replaces it. */
export const fillIn = (hint: string): string => `${PLACEHOLDER}: ${hint}`;

/** Hints shared by `advisory:new` and `advisory:import`, so both templates read alike. */
export const HINTS = {
  title: fillIn('one line naming the flaw and the component, in plain words'),
  summary: fillIn('one plain-text paragraph: who is affected and what an attacker could do'),
  noticeText: fillIn('one public line for the pre-announcement, with no detail of the flaw'),
  noticeReleases: fillIn('the named releases that get a patch (from content/releases.yaml), or []'),
  severityLevel: fillIn('none, low, medium, high or critical (the level the CVSS vector computes)'),
  cvss: fillIn('a complete CVSS:3.1/… vector (or put a CVSS:4.0/… vector under cvss_v4)'),
  repository: fillIn('owner/repository, like openedx/openedx-platform'),
  masterFix: fillIn('the full 40-character SHA of the fix on master'),
  release: fillIn('a named release from content/releases.yaml'),
  releaseStatus: fillIn('fixed, affected, not_affected or wont_fix'),
  introducedVersion: fillIn('the first affected version, or 0'),
  fixedVersion: fillIn('the first fixed version'),
  impact: fillIn('who is affected, under which configuration, and what an attacker could do.'),
  patches: fillIn('where the fix is: the master commit, each named release, each package version.'),
  workarounds: fillIn('what an operator can do before patching, or "None known."'),
  references: fillIn('links for further reading (advisories, fix commits), one per line.'),
} as const;

/** A fixed named release names its backport commit and/or the first tag that holds it. */
export const releaseCommitHint = (release: string) =>
  fillIn(
    `the full SHA of the backport on ${/^[a-z]/.test(release) ? `open-release/${release}.master` : 'the release branch'} (a fixed release needs this, its tag, or both)`,
  );
export const releaseTagHint = (release: string) =>
  fillIn(`the first tag with the fix, like open-release/${/^[a-z]/.test(release) ? release : '<release>'}.N`);

/** Dates the tool can only propose: the working group agrees them with the fix's release. */
export const proposedDate = (what: string, proposal: string) => fillIn(`${what}; proposed: ${proposal}`);

export type Placeholder = { field: string; hint: string };

/** Every placeholder in the frontmatter and the body, with the field it sits in. */
export function findPlaceholders(data: unknown, body = ''): Placeholder[] {
  const found: Placeholder[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === 'string') {
      if (value.includes(PLACEHOLDER)) found.push({ field: fieldPath(path), hint: hintOf(value) });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i]));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(data, []);
  let section = '(body)';
  for (const line of body.split('\n')) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) section = `(body) ${heading[1]!.trim()}`;
    else if (line.includes(PLACEHOLDER)) found.push({ field: section, hint: hintOf(line) });
  }
  return found;
}

/** The hint after `FILL-IN:`, or a generic one for a bare marker. */
function hintOf(text: string): string {
  const after = text
    .slice(text.indexOf(PLACEHOLDER) + PLACEHOLDER.length)
    .replace(/^[:\s]+/, '')
    .trim();
  return after || 'replace with the real value';
}

/**
 * Replaces every placeholder with what `fill` returns for its field (`undefined` removes the
 * field or list item). For scripts that complete many files at once, and for tests.
 */
export function replacePlaceholders(
  data: Record<string, unknown>,
  body: string,
  fill: (field: string, hint: string) => unknown,
): { data: Record<string, unknown>; body: string } {
  const walk = (value: unknown, path: PropertyKey[]): unknown => {
    if (typeof value === 'string') return value.includes(PLACEHOLDER) ? fill(fieldPath(path), hintOf(value)) : value;
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i])).filter((v) => v !== undefined);
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        const replaced = walk(v, [...path, k]);
        if (replaced !== undefined) out[k] = replaced;
      }
      return out;
    }
    return value;
  };
  let section = '(body)';
  const lines = body.split('\n').flatMap((line) => {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) section = `(body) ${heading[1]!.trim()}`;
    if (heading || !line.includes(PLACEHOLDER)) return [line];
    const replaced = fill(section, hintOf(line));
    return replaced === undefined ? [] : [String(replaced)];
  });
  return { data: walk(data, []) as Record<string, unknown>, body: lines.join('\n') };
}
