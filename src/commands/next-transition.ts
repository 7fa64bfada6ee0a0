/**
 * npm run next-transition [-- --at <instant>] [--json]
 *
 * The next instant at which the public site changes (an advisory is announced, published,
 * revised or withdrawn, a named release starts or ends support, security.txt is renewed:
 * src/embargo/schedule.ts), and what changes then, so a scheduler can rebuild at that
 * instant. There always is one: the monthly renewal. Content is read as the build reads it;
 * invalid content is an error, never a silent "nothing scheduled".
 *
 * The output is for the private deploy pipeline only: it reveals that something embargoed
 * exists, so it must never be written into the site.
 */
import { describeClock } from '../build/clock.ts';
import { contentRoot } from '../content/content-root.ts';
import { describeTransition, nextTransitions } from '../embargo/schedule.ts';
import { checkedCorpus, clockFrom, guarded, parseFlags, type Io } from './cli.ts';

export const USAGE = 'usage: npm run next-transition -- [--at <instant with offset>] [--json]';

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, () => {
    const { flags } = parseFlags(argv, { at: { type: 'string' }, json: { type: 'boolean' } });
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    const clock = clockFrom(flags.at);
    const corpus = checkedCorpus(contentRoot(io.env));
    const changes = nextTransitions({ advisories: corpus.advisories.map((a) => a.data), releases: corpus.releases }, clock.now);
    const next = changes[0]!.at.toISOString();
    const what = changes.map(describeTransition);
    if (flags.json) {
      io.out(JSON.stringify({ now: clock.now.toISOString(), next, changes: what }));
    } else {
      io.out(describeClock(clock));
      io.out(`next change of the public site: ${next} (${what.join(', ')})`);
    }
    return 0;
  });
}
