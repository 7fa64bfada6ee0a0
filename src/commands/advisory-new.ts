/**
 * npm run advisory:new [-- --title T --summary S --component owner/repo|pypi:name|npm:name …
 *                         --release name … --severity level --cvss vector --publish-at instant
 *                         --announce-at instant --days N --year YYYY --id OEA-YYYY-NNN
 *                         --at instant --content-root dir --dry-run]
 *
 * Starts content/advisories/<year>/<id>.md with the next free id of the year and every field
 * present. What a person must still decide is FILL-IN with a hint, and `npm run check` refuses
 * the file until none is left. Prints the new file's path, then what to fill in. Refuses a
 * folder that is not a content root, an id already in use, and never replaces a file.
 * `--at` is the clock the proposed dates count from (default: the real time).
 */
import { parseInstant } from '../build/clock.ts';
import { CONTROL_CHARACTER, noticePeriodProblem } from '../content/lint.ts';
import { readReleases, readSite } from '../content/read-content.ts';
import { visibilityOf } from '../embargo/visibility.ts';
import { newAdvisory } from '../tools/new-advisory.ts';
import { advisoryPath, idsInUse, nextId } from '../tools/next-id.ts';
import { findPlaceholders } from '../tools/placeholders.ts';
import { announceFor, isoInstant, LEAD_DAYS, proposeDates, type Dates } from '../tools/schedule.ts';
import {
  asUsage,
  checkCommand,
  clockFrom,
  guarded,
  parseFlags,
  RefusedError,
  requireContentRoot,
  rootFrom,
  shown,
  UsageError,
  writeNewFile,
  type Flags,
  type Io,
} from './cli.ts';

export const USAGE =
  'usage: npm run advisory:new -- [--title T] [--summary S] [--component owner/repo|pypi:name|npm:name]… [--release name]… [--cvss vector] [--severity level] [--publish-at instant] [--announce-at instant] [--days N] [--year YYYY | --id OEA-YYYY-NNN] [--at instant] [--content-root dir] [--dry-run]';

const OPTIONS = {
  title: { type: 'string' },
  summary: { type: 'string' },
  component: { type: 'string', multiple: true },
  release: { type: 'string', multiple: true },
  severity: { type: 'string' },
  cvss: { type: 'string' },
  'publish-at': { type: 'string' },
  'announce-at': { type: 'string' },
  days: { type: 'string' },
  year: { type: 'string' },
  id: { type: 'string' },
  'content-root': { type: 'string' },
  at: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

const str = (flags: Flags, key: string) => flags[key] as string | undefined;
const list = (flags: Flags, key: string) => (flags[key] as string[] | undefined) ?? [];

/** Titles and summaries are single lines of text in the file; refuse now what check would refuse later. */
function oneLine(flags: Flags): void {
  for (const key of ['title', 'summary']) {
    const text = str(flags, key);
    if (text !== undefined && (!text.trim() || /[\r\n]/.test(text) || CONTROL_CHARACTER.test(text))) {
      throw new UsageError(
        `--${key}: expected one line of text, without line breaks or control characters (found ${JSON.stringify(text)})`,
      );
    }
  }
}

function datesFrom(flags: Flags, now: Date, noticeHours: number): Dates {
  const days = flags.days === undefined ? LEAD_DAYS : Number(flags.days);
  if (!Number.isInteger(days) || days < 0) throw new UsageError(`--days: expected a whole number of days (found "${flags.days}")`);
  let dates = proposeDates(now, noticeHours, days);
  const publishAt = str(flags, 'publish-at');
  if (publishAt) {
    const publish = asUsage(() => parseInstant(publishAt, '--publish-at'));
    dates = { publishAt, announceAt: isoInstant(announceFor(publish, noticeHours)) };
  }
  const announceAt = str(flags, 'announce-at');
  if (announceAt) {
    asUsage(() => parseInstant(announceAt, '--announce-at'));
    const problem = noticePeriodProblem(announceAt, dates.publishAt, noticeHours);
    if (problem) throw new UsageError(`--announce-at: ${problem}`);
    dates = { ...dates, announceAt };
  }
  return dates;
}

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, () => {
    const { flags } = parseFlags(argv, OPTIONS);
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    oneLine(flags);
    const year = str(flags, 'year');
    if (year && !/^\d{4}$/.test(year)) throw new UsageError(`--year: expected a year like 2026 (found "${year}")`);
    const now = clockFrom(flags.at).now;
    const root = requireContentRoot(rootFrom(str(flags, 'content-root'), io.env));

    const noticeHours = readSite(root, [])?.notice_hours ?? 48;
    const known = (readReleases(root, []) ?? []).map((r) => r.name);
    for (const name of list(flags, 'release')) {
      if (!known.includes(name))
        throw new UsageError(
          `--release: unknown named release (expected one of ${known.join(', ')} from content/releases.yaml, found "${name}")`,
        );
    }
    const dates = datesFrom(flags, now, noticeHours);

    const inUse = idsInUse(root);
    const id = str(flags, 'id') ?? nextId(root, Number(year ?? dates.publishAt.slice(0, 4)), inUse);
    const rel = asUsage(() => advisoryPath(id));
    if (year && rel.split('/')[2] !== year) throw new UsageError(`--id: ${id} is not an id of ${year}`);
    const user = inUse.get(id);
    if (user) throw new RefusedError(`${id} is already used by ${user}; nothing was written (leave --id out to get the next free id)`);

    const draft = asUsage(() =>
      newAdvisory({
        id,
        title: str(flags, 'title'),
        summary: str(flags, 'summary'),
        components: list(flags, 'component'),
        releases: list(flags, 'release'),
        severity: str(flags, 'severity'),
        cvss: str(flags, 'cvss'),
        ...dates,
      }),
    );

    if (flags['dry-run']) io.out(draft.text.replace(/\n$/, ''));
    else io.out(shown(writeNewFile(root, rel, draft.text), io.env));
    const todo = findPlaceholders(draft.data, draft.body);
    io.err(`\n${todo.length} FILL-IN placeholder(s) to replace before \`${checkCommand(root, rel, io.env)}\` passes:`);
    for (const p of todo) io.err(`  ${p.field}: ${p.hint}`);
    for (const note of draft.notes) io.err(note);
    io.err(`Proposed dates: pre-announcement ${dates.announceAt}, publication ${dates.publishAt}; change them to the agreed times.`);
    // Asked of the visibility gate, as a build would: a backfilled advisory is public at once.
    const phase = visibilityOf({ draft: false, announce_at: dates.announceAt, publish_at: dates.publishAt }, now);
    if (phase !== 'hidden') {
      io.err(
        phase === 'announced'
          ? `Note: ${dates.announceAt} is not in the future, so the next build pre-announces this advisory as soon as check passes.`
          : `Note: ${dates.publishAt} is not in the future, so the next build publishes this advisory in full as soon as check passes.`,
      );
    }
    return 0;
  });
}
