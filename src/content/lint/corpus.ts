/**
 * Cross-file rules: ids and aliases are unique across the archive, a withdrawn duplicate names
 * an advisory that exists, and every pre-announcement keeps the notice period the site
 * promises (site.yaml `notice_hours`, quoted on the policy, operators, upcoming and subscribe
 * pages).
 */
import type { AdvisoryData } from '../../schemas/advisory.ts';
import type { Problem } from '../problems.ts';
import type { LineOf } from '../yaml.ts';
import { everyAdvisory, type CorpusRule } from './corpus-rule.ts';

export const duplicateMessage = (id: string, other: string) => `duplicate id (expected a unique id, found "${id}", also used by ${other})`;
export const aliasTakenMessage = (alias: string, other: string) =>
  `alias already belongs to another advisory (found "${alias}", also in ${other})`;

export const uniqueIds: CorpusRule = (facts) => {
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  const aliases = new Map<string, string>();
  for (const { file, data, lineOf } of everyAdvisory(facts)) {
    const other = ids.get(data.id);
    if (other) problems.push({ file, field: 'id', message: duplicateMessage(data.id, other), line: lineOf(['id']) });
    else ids.set(data.id, file);
    if (!('aliases' in data)) continue;
    data.aliases.forEach((alias, i) => {
      const owner = aliases.get(alias);
      if (owner && owner !== file) problems.push({ file, field: `aliases[${i}]`, message: aliasTakenMessage(alias, owner), line: lineOf(['aliases', i]) });
      else aliases.set(alias, file);
    });
  }
  return problems;
};

/** A withdrawn advisory's `duplicate_of` names another advisory of the archive (`ids`: every file's id). */
export function lintDuplicateOf(
  entries: ReadonlyArray<{ file: string; data: Pick<AdvisoryData, 'id' | 'withdrawn'>; lineOf: LineOf }>,
  ids: ReadonlySet<string>,
): Problem[] {
  return entries.flatMap(({ file, data, lineOf }) => {
    const target = data.withdrawn?.duplicate_of;
    if (!target) return [];
    const at = { file, field: 'withdrawn.duplicate_of', line: lineOf(['withdrawn', 'duplicate_of']) };
    if (target === data.id) return [{ ...at, message: `must name another advisory (found its own id "${target}")` }];
    if (!ids.has(target)) {
      return [{ ...at, message: `must name an advisory of the archive (expected the id of a file under content/advisories/, found "${target}")` }];
    }
    return [];
  });
}

export const duplicateOf: CorpusRule = (facts) => lintDuplicateOf(facts.advisories, facts.ids);

/** Why `announce_at` is too close to `publish_at`, or undefined. No announce_at at all: a flaw already public elsewhere. */
export function noticePeriodProblem(announceAt: string, publishAt: string, noticeHours: number): string | undefined {
  const hours = (Date.parse(publishAt) - Date.parse(announceAt)) / 3_600_000;
  if (hours >= noticeHours) return undefined;
  return `must be at least ${noticeHours} hours before publish_at, the notice the site promises (site.yaml notice_hours; found ${Number(hours.toFixed(2))} hours). For a flaw already public elsewhere, leave announce_at out`;
}

/** An announce_at not before publish_at is the date rules' problem (src/content/lint/dates.ts). */
export const noticePeriod: CorpusRule = (facts) => {
  if (!facts.site) return [];
  const problems: Problem[] = [];
  for (const { file, data, lineOf } of everyAdvisory(facts)) {
    if (!data.announce_at || Date.parse(data.announce_at) >= Date.parse(data.publish_at)) continue;
    const message = noticePeriodProblem(data.announce_at, data.publish_at, facts.site.notice_hours);
    if (message) problems.push({ file, field: 'announce_at', message, line: lineOf(['announce_at']) });
  }
  return problems;
};
