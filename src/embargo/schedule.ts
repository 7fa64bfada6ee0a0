/**
 * The schedule of the public site: every instant at which some output changes, and the
 * *state time* a build renders at.
 *
 * Between two consecutive transitions nothing public changes, so a build renders everything
 * (feeds' build dates, calendar stamps, security.txt's Expires, "supported" labels) at the
 * latest transition at or before its clock, never at the clock itself: two builds at any two
 * clocks between the same transitions are byte-identical, and the deploy schedule cannot miss
 * a change, because every change is a transition.
 *
 * Transitions (docs/embargo.md):
 *   announce, publish     an advisory's announce_at and publish_at (drafts have none)
 *   revise, withdraw      a published advisory's revision dates and withdrawal
 *   release, end support  a named release's `released` day and the day after `end_of_support`,
 *                         at 00:00 UTC (date-only fields name whole UTC days)
 *   renew                 00:00 UTC on the first day of every month, when security.txt's
 *                         Expires moves forward, so it is always more than 90 days ahead
 */
import type { AdvisoryData } from '../schemas/advisory.ts';
import type { Release } from '../schemas/release.ts';

export type TransitionKind = 'announce' | 'publish' | 'revise' | 'withdraw' | 'release' | 'end-support' | 'renew';
export type Transition = { at: Date; kind: TransitionKind; /** The advisory id or release name, when there is one. */ subject?: string };

type Dated = Pick<AdvisoryData, 'id' | 'draft' | 'announce_at' | 'publish_at' | 'withdrawn' | 'revisions'>;
type Sources = { advisories: readonly Dated[]; releases: readonly Pick<Release, 'name' | 'released' | 'end_of_support'>[] };

const DAY = 86_400_000;
const midnight = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The first day of the month of `t` (UTC), 00:00, and of the next month. */
const monthStart = (t: number, offset = 0) => {
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
};

/** Every transition the content names, in no particular order (the renewals are unbounded; see `renewalsAround`). */
export function contentTransitions(sources: Sources): Transition[] {
  const out: Transition[] = [];
  const add = (t: number, kind: TransitionKind, subject?: string) => out.push({ at: new Date(t), kind, ...(subject ? { subject } : {}) });
  for (const a of sources.advisories) {
    if (a.draft) continue;
    if (a.announce_at) add(Date.parse(a.announce_at), 'announce', a.id);
    add(Date.parse(a.publish_at), 'publish', a.id);
    for (const r of a.revisions ?? []) add(Date.parse(r.date), 'revise', a.id);
    if (a.withdrawn) add(Date.parse(a.withdrawn.at), 'withdraw', a.id);
  }
  for (const r of sources.releases) {
    add(midnight(r.released), 'release', r.name);
    add(midnight(r.end_of_support) + DAY, 'end-support', r.name);
  }
  return out;
}

/** The latest transition at or before `clock`: the instant every clock-dependent output is rendered at. */
export function stateTime(sources: Sources, clock: Date): Date {
  const t = clock.getTime();
  let latest = monthStart(t);
  for (const x of contentTransitions(sources)) {
    const at = x.at.getTime();
    if (at <= t && at > latest) latest = at;
  }
  return new Date(latest);
}

/**
 * The transitions at the first instant after `clock` at which any output changes (several may
 * share it). There always is one: the monthly renewal.
 */
export function nextTransitions(sources: Sources, clock: Date): Transition[] {
  const t = clock.getTime();
  const renewal: Transition = { at: new Date(monthStart(t, 1)), kind: 'renew' };
  let next = [renewal];
  for (const x of contentTransitions(sources)) {
    const at = x.at.getTime();
    if (at <= t) continue;
    if (at < next[0]!.at.getTime()) next = [x];
    else if (at === next[0]!.at.getTime()) next.push(x);
  }
  return next.sort((a, b) => describeTransition(a).localeCompare(describeTransition(b)));
}

/** "publish OEA-2026-007", "end-support verawood", "renew": for logs and commit messages. */
export function describeTransition(x: Transition): string {
  return x.subject ? `${x.kind} ${x.subject}` : x.kind;
}
