/**
 * npm run announce -- <id> [--at <instant>] [--format discourse|email|text]
 *
 * The text the working group posts about an advisory, from the site as it stands at the clock
 * (`--at`, else the real time; src/model/site-model.ts): from `announce_at`, the
 * pre-announcement, which holds nothing the notice does not; from `publish_at`, the
 * publication. Before `announce_at`, or while the advisory is a draft, there is nothing to
 * announce and the command refuses (exit 1), so no pre-announcement exists before its time.
 */
import { describeClock } from '../build/clock.ts';
import { siteAt } from '../model/site-model.ts';
import { FORMATS, renderAnnouncement, type Format } from '../tools/announce/announcement.ts';
import { preAnnouncement } from '../tools/announce/pre-announcement.ts';
import { publication } from '../tools/announce/publication.ts';
import { ADVISORY_ID_PATTERN } from '../schemas/advisory.ts';
import { checkedCorpus, clockFrom, guarded, parseFlags, RefusedError, rootFrom, UsageError, type Io } from './cli.ts';

export const USAGE = 'usage: npm run announce -- <OEA-YYYY-NNN> [--at <instant with offset>] [--format discourse|email|text]';

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, () => {
    const { flags, positionals } = parseFlags(argv, { at: { type: 'string' }, format: { type: 'string' } }, true);
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    const id = positionals[0];
    if (positionals.length !== 1 || !id || !ADVISORY_ID_PATTERN.test(id))
      throw new UsageError(`expected one advisory id like OEA-2026-007 (found ${positionals.map((p) => `"${p}"`).join(' ') || 'none'})`);
    const format = (flags.format ?? 'text') as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format: expected ${FORMATS.join(', ')} (found "${format}")`);
    const clock = clockFrom(flags.at);
    const corpus = checkedCorpus(rootFrom(undefined, io.env));
    const entry = corpus.advisories.find((a) => a.data.id === id);
    if (!entry) throw new RefusedError(`${id}: no such advisory in content/advisories/ (check the id)`);

    // The site at the clock decides, through the visibility gate: this command compares no dates.
    const { model } = siteAt(corpus, clock.now);
    const notice = model.announced.find((n) => n.id === id);
    const published = model.published.find((p) => p.id === id);
    if (notice) io.out(renderAnnouncement(preAnnouncement(notice, model), format).replace(/\n$/, ''));
    else if (published) io.out(renderAnnouncement(publication(published, model), format).replace(/\n$/, ''));
    else throw new RefusedError(`${id} is not public at ${describeClock(clock)}: ${whyHidden(entry.data)}. Nothing to announce yet.`);
    return 0;
  });
}

/** Why the gate keeps an advisory hidden, from its fields (the gate itself has decided that it is). */
function whyHidden(a: { draft: boolean; announce_at?: string | undefined; publish_at: string }): string {
  if (a.draft) return 'it is a draft (draft: true)';
  if (a.announce_at) return `its pre-announcement is due at announce_at ${a.announce_at}`;
  return `it has no pre-announcement (no announce_at) and is published at publish_at ${a.publish_at}`;
}
