/**
 * npm run next-transition [-- --at <instant>] [--json]
 *
 * Prints the next instant at which the public site changes (an advisory is announced,
 * published or withdrawn), so a scheduler can rebuild at that minute. Reads content the same
 * way the build does; invalid content is an error, never a silent "nothing scheduled".
 *
 * This output is for the private deploy pipeline only: it reveals that something embargoed
 * exists, so it must never be written into the site.
 */
import { describeClock } from '../src/lib/clock.ts';
import { clockOrExit, corpusOrExit, flagsOrExit } from './lib/cli.ts';
import { nextTransition } from '../src/lib/visibility.ts';

const USAGE = 'usage: npm run next-transition -- [--at <instant with offset>] [--json]';
const argv = process.argv.slice(2);
const json = flagsOrExit(argv, { at: { type: 'string' }, json: { type: 'boolean' } }, USAGE).json === true;

const clock = clockOrExit(argv);

const corpus = corpusOrExit();
const next = nextTransition(corpus.advisories.map((a) => a.data), clock.now);

if (json) {
  console.log(JSON.stringify({ now: clock.now.toISOString(), next: next?.toISOString() ?? null }));
} else {
  console.log(describeClock(clock));
  console.log(next ? `next change of the public site: ${next.toISOString()}` : 'no scheduled change of the public site');
}
