/**
 * Policy rules the schema cannot express alone: file naming, date order, CVSS consistency,
 * references to named releases, untrusted Markdown. Pure functions over parsed content.
 */
import { componentName, type AdvisoryData } from '../schemas/advisory.ts';
import { idYear } from '../schemas/advisory-facts.ts';
import type { Release } from '../schemas/release.ts';
import { cvssVectorProblem, scoreCvss } from '../schemas/cvss.ts';
import { findBodyProblems } from './markdown.ts';
import type { Problem } from './problems.ts';

/** Text the tools leave for a human to replace; check refuses it anywhere. */
export const PLACEHOLDER = 'FILL-IN';

type Where = { file: string; lineOf: (path: ReadonlyArray<PropertyKey>) => number | undefined; bodyLine: number };

export function lintAdvisory(a: AdvisoryData, body: string, releases: readonly Release[], where: Where): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PropertyKey[], message: string) =>
    problems.push({ file: where.file, field: fieldOf(path), message, line: where.lineOf(path) });

  const base = where.file.split('/').pop()!.replace(/\.md$/, '');
  if (base !== a.id) add(['id'], `must equal the file name (expected "${base}", found "${a.id}")`);
  const dir = where.file.split('/').slice(-2, -1)[0];
  const year = idYear(a.id);
  if (dir !== year) add(['id'], `the file must sit in the folder of its year (expected advisories/${year}/, found advisories/${dir}/)`);

  const t = (iso: string | undefined) => (iso ? Date.parse(iso) : undefined);
  if (a.announce_at && t(a.announce_at)! >= t(a.publish_at)!) {
    add(['announce_at'], `must be before publish_at (found ${a.announce_at}, publish_at ${a.publish_at})`);
  }
  if (a.reported_at && a.triaged_at && t(a.triaged_at)! < t(a.reported_at)!) {
    add(['triaged_at'], `must not be before reported_at (found ${a.triaged_at}, reported_at ${a.reported_at})`);
  }
  for (const key of ['reported_at', 'triaged_at'] as const) {
    if (a[key] && t(a[key])! > t(a.publish_at)!) add([key], `must not be after publish_at (found ${a[key]}, publish_at ${a.publish_at})`);
  }
  let previous = t(a.publish_at)!;
  a.revisions.forEach((r, i) => {
    if (t(r.date)! < previous) {
      add(['revisions', i, 'date'], `revisions must be in order and not before publish_at (found ${r.date})`);
    }
    previous = Math.max(previous, t(r.date)!);
  });
  if (a.withdrawn && t(a.withdrawn.at)! < t(a.publish_at)!) {
    add(['withdrawn', 'at'], `must not be before publish_at (found ${a.withdrawn.at}, publish_at ${a.publish_at}); cancel an unpublished advisory with draft: true`);
  }

  // Scores are computed, so the only thing a human writes is the level, and it must agree.
  const vectors = [['cvss_v3', '3.1'], ['cvss_v4', '4.0']] as const;
  const levels: string[] = [];
  for (const [key, version] of vectors) {
    const vector = a.severity?.[key];
    if (!vector) continue;
    const problem = cvssVectorProblem(vector, version);
    if (problem) add(['severity', key], `not a valid CVSS ${version} vector: ${problem}`);
    else levels.push(scoreCvss(vector, version).level);
  }
  const computed = levels[0];
  if (computed && computed !== a.notice.severity) {
    add(['notice', 'severity'], `must match the level computed from the CVSS vector (expected "${computed}", found "${a.notice.severity}")`);
  }

  const known = new Set(releases.map((r) => r.name));
  const unknown = (name: string) => `unknown named release (expected one of ${[...known].join(', ')} from content/releases.yaml, found "${name}")`;
  a.notice.releases.forEach((name, i) => {
    if (!known.has(name)) add(['notice', 'releases', i], unknown(name));
  });
  a.affected.forEach((entry, i) =>
    entry.releases.forEach((r, j) => {
      if (!known.has(r.release)) add(['affected', i, 'releases', j, 'release'], unknown(r.release));
    }),
  );

  const names = a.affected.map(componentName);
  a.notice.components.forEach((c, i) => {
    if (!names.includes(c)) add(['notice', 'components', i], `must name a component listed in affected (expected one of ${names.join(', ')}, found "${c}")`);
  });
  names.forEach((name, i) => {
    if (!a.notice.components.includes(name)) add(['affected', i], `"${name}" is missing from notice.components (the pre-announcement must name every affected component)`);
  });

  const seenAliases = new Set<string>();
  a.aliases.forEach((alias, i) => {
    if (seenAliases.has(alias)) add(['aliases', i], `duplicate alias (found "${alias}" twice)`);
    seenAliases.add(alias);
  });

  for (const { path, placeholder, control } of stringFindings(a)) {
    if (placeholder) add(path, `still holds a ${PLACEHOLDER} placeholder (replace it with the real value)`);
    if (control) add(path, controlMessage(control));
  }

  problems.push(...lintBody(body, where));
  return problems;
}

/**
 * The body's own rules. They need nothing from the frontmatter, so `check` reports them even
 * when the frontmatter is refused: a new file's problems come in one run, not two.
 */
export function lintBody(body: string, where: Pick<Where, 'file' | 'bodyLine'>): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number, message: string) => problems.push({ file: where.file, field: `(body) line ${line}`, message, line });
  if (body.trim() === '') problems.push({ file: where.file, field: '(body)', message: 'the Markdown body is empty (expected Impact, Patches, Workarounds and References sections)' });
  // Located by `check` itself, which knows the file's text (src/commands/check.ts).
  if (body.includes(PLACEHOLDER)) problems.push({ file: where.file, field: '(body)', message: `still holds a ${PLACEHOLDER} placeholder (replace it with the real text)` });
  const control = CONTROL_CHARACTER.exec(body);
  if (control) at(lineAt(body, control.index, where.bodyLine), controlMessage(control[0]));
  for (const f of findBodyProblems(body)) at(f.line + where.bodyLine - 1, f.message);
  return problems;
}

/** The file's line number of `index` in a body that starts on line `bodyLine`. */
const lineAt = (body: string, index: number, bodyLine: number) => body.slice(0, index).split('\n').length + bodyLine - 1;

function fieldOf(path: PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join('');
}

/**
 * Control characters other than tab and line breaks (C0, DEL, C1). XML 1.0 cannot carry most
 * of them, so one in a title would make the RSS feed unreadable; they come in with pasted or
 * imported text and are never meant.
 */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const controlMessage = (char: string) =>
  `contains the control character U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} (remove it: feeds are XML, which cannot carry it)`;

type StringFinding = { path: PropertyKey[]; placeholder: boolean; control: string | undefined };

/** The string fields holding a placeholder or a control character; one walk, a path copied only on a find. */
function stringFindings(value: unknown): StringFinding[] {
  const found: StringFinding[] = [];
  const path: PropertyKey[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string') {
      const placeholder = v.includes(PLACEHOLDER);
      const control = CONTROL_CHARACTER.exec(v)?.[0];
      if (placeholder || control) found.push({ path: [...path], placeholder, control });
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
  visit(value);
  return found;
}

/**
 * The notice period the site promises (site.yaml `notice_hours`, quoted on the policy, operators,
 * upcoming and subscribe pages): why `announce_at` is too close to `publish_at`, or undefined.
 * A flaw already public elsewhere has no pre-announcement at all (no announce_at).
 */
export function noticePeriodProblem(announceAt: string, publishAt: string, noticeHours: number): string | undefined {
  const hours = (Date.parse(publishAt) - Date.parse(announceAt)) / 3_600_000;
  if (hours >= noticeHours) return undefined;
  return `must be at least ${noticeHours} hours before publish_at, the notice the site promises (site.yaml notice_hours; found ${Number(hours.toFixed(2))} hours). For a flaw already public elsewhere, leave announce_at out`;
}

/** The notice period over the archive; an announce_at not before publish_at is lintAdvisory's problem. */
export function lintNoticePeriod(entries: ReadonlyArray<{ file: string; data: AdvisoryData; lineOf: Where['lineOf'] }>, noticeHours: number): Problem[] {
  const problems: Problem[] = [];
  for (const { file, data, lineOf } of entries) {
    if (!data.announce_at || Date.parse(data.announce_at) >= Date.parse(data.publish_at)) continue;
    const message = noticePeriodProblem(data.announce_at, data.publish_at, noticeHours);
    if (message) problems.push({ file, field: 'announce_at', message, line: lineOf(['announce_at']) });
  }
  return problems;
}

/** Cross-file rules: unique ids and aliases across the whole archive. */
export function lintCorpus(entries: ReadonlyArray<{ file: string; data: AdvisoryData; lineOf: Where['lineOf'] }>): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  const aliases = new Map<string, string>();
  for (const { file, data, lineOf } of entries) {
    const other = ids.get(data.id);
    if (other) problems.push({ file, field: 'id', message: `duplicate id (expected a unique id, found "${data.id}", also used by ${other})`, line: lineOf(['id']) });
    else ids.set(data.id, file);
    data.aliases.forEach((alias, i) => {
      const owner = aliases.get(alias);
      if (owner && owner !== file) problems.push({ file, field: `aliases[${i}]`, message: `alias already belongs to another advisory (found "${alias}", also in ${owner})`, line: lineOf(['aliases', i]) });
      else aliases.set(alias, file);
    });
  }
  return problems;
}
