/**
 * prepare (src/deploy/prepare.ts) on a simulated clock: a reveal is built before its instant
 * and handed over at the instant, never before; a push while it waits is rebuilt for the same
 * instant; a build whose next transition passed before it could go live is built again; a
 * deploy "now" goes at once.
 */
import { describe, expect, it } from 'vitest';
import { CHECK_EVERY_MS, prepare, type Preparation } from '../../src/deploy/prepare.ts';

const T = Date.parse('2026-12-02T14:00:00Z');
const MIN = 60_000;

/** Effects over a fake clock: each build takes `buildMs`, the branch moves at the given times. */
type Simulation = { start: number; buildMs?: number; moves?: number[]; until?: (clock: number) => number };

function simulate({ start, buildMs = 90_000, moves = [], until = (clock) => clock + 7 * 24 * 60 * MIN }: Simulation) {
  let now = start;
  let head = 0;
  let built = 0;
  const builds: Array<{ clock: number; head: number; at: number }> = [];
  const fx: Preparation = {
    now: () => new Date(now),
    async build(clock) {
      now += buildMs;
      builds.push({ clock: clock.getTime(), head, at: now });
      built = head;
      return new Date(until(clock.getTime()));
    },
    async sleep(ms) {
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBeLessThanOrEqual(CHECK_EVERY_MS);
      now += ms;
    },
    async moved() {
      head = moves.filter((t) => t <= now).length;
      return head !== built;
    },
    async update() {
      now += 30_000;
    },
    log: () => {},
  };
  return { fx, builds, now: () => now };
}

describe('prepare', () => {
  it('builds a reveal ahead, waits, and hands it over exactly at the instant', async () => {
    const sim = simulate({ start: T - 100 * MIN });
    const state = await prepare(new Date(T), sim.fx);
    expect(state).toEqual({ at: new Date(T).toISOString(), until: new Date(T + 7 * 24 * 60 * MIN).toISOString() });
    expect(sim.now()).toBe(T);
    expect(sim.builds).toEqual([{ clock: T, head: 0, at: T - 100 * MIN + 90_000 }]);
  });

  it('rebuilds for the same instant when the branch moves during the wait', async () => {
    const sim = simulate({ start: T - 100 * MIN, moves: [T - 60 * MIN] });
    const state = await prepare(new Date(T), sim.fx);
    expect(sim.builds.map((b) => [b.clock, b.head])).toEqual([
      [T, 0],
      [T, 1],
    ]);
    expect(state.at).toBe(new Date(T).toISOString());
    expect(sim.now()).toBe(T);
  });

  it('hands a reveal over at once when its build ends after the instant, and builds at the real clock when told to build now', async () => {
    const late = simulate({ start: T - 30_000 });
    const state = await prepare(new Date(T), late.fx);
    expect(late.builds.map((b) => b.clock)).toEqual([T]);
    expect(state.at).toBe(new Date(T).toISOString());
    expect(late.now()).toBe(T + 60_000);

    const now = simulate({ start: T + 1234 });
    expect((await prepare(null, now.fx)).at).toBe(new Date(T + 1000).toISOString());
  });

  it('builds again when the next transition passes before the build can go live', async () => {
    // The first build is for T, whose next transition is 10 s later: over once the build is done.
    const sim = simulate({ start: T - 5_000, buildMs: 20_000, until: (clock) => (clock === T ? T + 10_000 : clock + 3_600_000) });
    const state = await prepare(new Date(T), sim.fx);
    expect(sim.builds.map((b) => b.clock)).toEqual([T, T + 15_000]);
    expect(state).toEqual({ at: new Date(T + 15_000).toISOString(), until: new Date(T + 15_000 + 3_600_000).toISOString() });
  });

  it('gives up after five builds that never become current', async () => {
    const sim = simulate({ start: T, until: (clock) => clock + 1_000 });
    await expect(prepare(null, sim.fx)).rejects.toThrow(/no build could go live after 5 builds/);
    expect(sim.builds).toHaveLength(5);
  });
});
