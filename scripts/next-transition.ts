/**
 * npm run next-transition [-- --at <instant>] [--json]
 *
 * Prints the next instant at which the public site changes (an advisory is announced,
 * published, revised or withdrawn, a named release starts or ends support, security.txt is
 * renewed: src/embargo/schedule.ts), and what changes then, so a scheduler can rebuild at
 * that instant. There is always a next change: the monthly renewal. Reads content the same
 * way the build does; invalid content is an error, never a silent "nothing scheduled".
 *
 * This output is for the private deploy pipeline only: it reveals that something embargoed
 * exists, so it must never be written into the site.
 */
import { describeClock } from '../src/build/clock.ts';
import { clockOrExit, corpusOrExit, flagsOrExit } from './lib/cli.ts';
import { describeTransition, nextTransitions } from '../src/embargo/schedule.ts';

const USAGE = 'usage: npm run next-transition -- [--at <instant with offset>] [--json]';
const argv = process.argv.slice(2);
const json = flagsOrExit(argv, { at: { type: 'string' }, json: { type: 'boolean' } }, USAGE).json === true;

const clock = clockOrExit(argv);

const corpus = corpusOrExit();
const changes = nextTransitions({ advisories: corpus.advisories.map((a) => a.data), releases: corpus.releases }, clock.now);
const next = changes[0]!.at.toISOString();
const what = changes.map(describeTransition);

if (json) {
  console.log(JSON.stringify({ now: clock.now.toISOString(), next, changes: what }));
} else {
  console.log(describeClock(clock));
  console.log(`next change of the public site: ${next} (${what.join(', ')})`);
}
