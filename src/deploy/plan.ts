/**
 * What a run of the deploy workflow does, decided from what the last deploy recorded and the
 * clock alone: a pure function, so the workflow's first step runs it with nothing installed,
 * and the reveal drill (`npm run reveal-drill`) runs the very same decision. It imports
 * nothing: keep it so (tests/unit/deploy-plan.test.ts runs it without node_modules).
 *
 * GitHub starts scheduled runs late under load and sometimes not at all, so nothing here
 * relies on a run starting near an instant: the first run that sees a transition within the
 * lead window builds for that instant and waits for it; a run that finds one already past
 * deploys at once.
 */

/** What a successful deploy leaves for the next run (the Actions cache holds it). */
export type DeployRecord = {
  /** The commit the live site was built from. */
  commit: string;
  /** The clock it was built at. */
  at: string;
  /** The next transition after that clock: from then on the live site is out of date. */
  next: string;
};

export type PlanInput = {
  /** GitHub's event name: push, schedule, workflow_dispatch, repository_dispatch. */
  event: string;
  /** The commit this run would build. */
  commit: string;
  record: DeployRecord | null;
  /** Instants other runs of the workflow are waiting to reveal. */
  revealing: readonly string[];
  now: Date;
  /** How long before a transition a run may start waiting for it (default LEAD_HOURS). */
  leadHours?: number;
  /** A person asked for a deploy now (workflow_dispatch's deploy-now). */
  force?: boolean;
};

export type Plan =
  /** Nothing to do until a later run. */
  | { action: 'idle'; why: string }
  /** Build at the real clock and deploy at once. */
  | { action: 'deploy'; why: string }
  /** Build for `at` now, wait until `at`, then deploy. */
  | { action: 'reveal'; at: string; why: string }
  /** Another run is already waiting to reveal `at`. */
  | { action: 'in-flight'; at: string; why: string };

/**
 * Two hours: a scheduled run every hour gets two chances to start inside the window, and the
 * wait a reveal costs stays within a run of GitHub's 6-hour job limit (docs/embargo.md).
 */
export const LEAD_HOURS = 2;
export const MAX_LEAD_HOURS = 5;

const HOUR = 3_600_000;
/** A span for a log line: 40 s, 25 min, 3.5 h. */
const span = (ms: number) =>
  ms < 60_000 ? `${Math.round(ms / 1000)} s` : ms < HOUR ? `${Math.round(ms / 60_000)} min` : `${(ms / HOUR).toFixed(1)} h`;

export function planRun(input: PlanInput): Plan {
  const { event, commit, record, now } = input;
  const asked = input.leadHours;
  const lead = Math.min(asked !== undefined && asked > 0 ? asked : LEAD_HOURS, MAX_LEAD_HOURS) * HOUR;
  if (input.force) return { action: 'deploy', why: 'a deploy was asked for' };
  if (event === 'push') return { action: 'deploy', why: `a push to the deployed branch (${commit.slice(0, 12)})` };
  if (!record) return { action: 'deploy', why: 'no deploy is recorded (first run, or the record expired)' };
  if (record.commit !== commit)
    return {
      action: 'deploy',
      why: `the live site is built from ${record.commit.slice(0, 12)}, not ${commit.slice(0, 12) || "this run's commit"}`,
    };
  const next = Date.parse(record.next);
  if (!(next > 0)) return { action: 'deploy', why: `the record's next transition is not an instant (${JSON.stringify(record.next)})` };
  const ahead = next - now.getTime();
  if (ahead <= 0) return { action: 'deploy', why: `the transition at ${record.next} passed ${span(-ahead)} ago` };
  if (ahead > lead)
    return { action: 'idle', why: `the next transition is at ${record.next}, in ${span(ahead)} (lead window ${span(lead)})` };
  if (input.revealing.some((at) => Date.parse(at) === next))
    return { action: 'in-flight', at: record.next, why: `another run is waiting to reveal ${record.next}` };
  return { action: 'reveal', at: record.next, why: `the transition at ${record.next} is ${span(ahead)} ahead` };
}

/** A build for clock `at` shows the site from `at` until `until` (the next transition after it). */
export type BuiltState = { at: string; until: string };

/**
 * Whether a build may go live at `now`: not before its clock (that would publish early), not
 * once the next transition has passed (it would show a state already over).
 */
export function liveWindow(built: BuiltState, now: Date): 'early' | 'live' | 'over' {
  const t = now.getTime();
  if (t < Date.parse(built.at)) return 'early';
  return t < Date.parse(built.until) ? 'live' : 'over';
}
