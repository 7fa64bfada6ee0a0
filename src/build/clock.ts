/**
 * The build clock: the one "now" a build, a check or a preview uses.
 *
 * Real time by default; every command's `--at <instant>` overrides it for reproducible builds,
 * previews of a future date, and tests. BUILD_AT carries that clock to an Astro process the
 * commands start (astro dev), where no command line is parsed. Either must carry an explicit
 * offset, like content dates.
 */
import { InstantSchema } from '../schemas/common.ts';

export const CLOCK_ENV = 'BUILD_AT';

export type BuildClock = { now: Date; source: 'real time' | '--at' | typeof CLOCK_ENV };

export function parseInstant(text: string, what: string): Date {
  const result = InstantSchema.safeParse(text);
  if (!result.success) {
    throw new Error(`${what}: ${result.error.issues[0]?.message} (found "${text}")`);
  }
  return new Date(text);
}

/**
 * BUILD_AT, else the real time. Commands parse `--at` themselves (src/commands/cli.ts) and hand
 * the build session its clock; this is for a session opened without one (astro dev, astro check).
 */
export function resolveClock(env: NodeJS.ProcessEnv = process.env): BuildClock {
  const fromEnv = env[CLOCK_ENV];
  if (fromEnv) return { now: parseInstant(fromEnv, CLOCK_ENV), source: CLOCK_ENV };
  // Whole seconds: sub-second noise would make two builds of the same minute differ.
  return { now: new Date(Math.floor(Date.now() / 1000) * 1000), source: 'real time' };
}

export function describeClock(clock: BuildClock): string {
  return `build clock ${clock.now.toISOString()} (${clock.source})`;
}
