/**
 * Gets a build ready to go live: built (and staged on the host) for an instant ahead of time,
 * waited for, and rebuilt when the build stops being the right one before it goes live,
 * because the branch moved (someone pushed while a reveal waited) or another transition
 * passed. The deploy workflow (scripts/deploy-build.ts) and the reveal drill run this with
 * their own effects; the decision when to go live is plan.ts's `liveWindow`.
 */
import { liveWindow, type BuiltState } from './plan.ts';

export type Preparation = {
  now: () => Date;
  /** Builds (and stages) the site at `clock`; resolves to the next transition after it. */
  build: (clock: Date) => Promise<Date>;
  sleep: (ms: number) => Promise<void>;
  /** Whether the branch has moved past the commit built; `update` then checks its head out. */
  moved: () => Promise<boolean>;
  update: () => Promise<void>;
  log: (line: string) => void;
};

/** While waiting, how often to look at the branch: a push is rebuilt well before the instant. */
export const CHECK_EVERY_MS = 5 * 60_000;
/** Builds before giving up: the branch keeps moving, or transitions follow each other. */
const MAX_BUILDS = 5;

const wholeSecond = (t: Date) => new Date(Math.floor(t.getTime() / 1000) * 1000);

/**
 * Builds for `at` (or the real clock when `at` is null or past), waits until it, and returns
 * the state that may go live now. Throws after MAX_BUILDS builds.
 */
export async function prepare(at: Date | null, fx: Preparation): Promise<BuiltState> {
  for (let builds = 0; builds < MAX_BUILDS;) {
    const now = fx.now();
    const clock = at && at > now ? at : wholeSecond(now);
    fx.log(`building for ${clock.toISOString()}`);
    const state = { at: clock.toISOString(), until: (await fx.build(clock)).toISOString() };
    builds++;
    let rebuild = false;
    while (!rebuild && liveWindow(state, fx.now()) === 'early') {
      await fx.sleep(Math.min(Date.parse(state.at) - fx.now().getTime(), CHECK_EVERY_MS));
      rebuild = await fx.moved();
    }
    if (rebuild || (await fx.moved())) {
      fx.log('the branch moved: building its new head');
      await fx.update();
      continue;
    }
    if (liveWindow(state, fx.now()) === 'live') return state;
    fx.log(`the next transition (${state.until}) passed before this build went live: building again`);
  }
  throw new Error(
    `no build could go live after ${MAX_BUILDS} builds: the branch keeps moving or transitions follow each other too closely`,
  );
}
