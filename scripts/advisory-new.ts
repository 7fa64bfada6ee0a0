/**
 * npm run advisory:new [-- --title T --summary S --component owner/repo|package … --release name …
 *                         --severity level --cvss vector --publish-at instant --announce-at instant
 *                         --days N --year YYYY --id OEA-YYYY-NNN --content-root dir --dry-run]
 *
 * Starts content/advisories/<year>/<id>.md with the next free id of the year and every field
 * present. What a person must still decide is FILL-IN with a hint, and `npm run check` refuses
 * the file until none is left. Prints the new file's path, then what to fill in. Never
 * replaces an existing file.
 */
import { parseArgs } from 'node:util';
import { parseInstant } from '../src/build/clock.ts';
import { readReleases, readSite } from '../src/content/read-content.ts';
import { CONTROL_CHARACTER, noticePeriodProblem } from '../src/content/lint.ts';
import { checkCommand, RefusedError, rootFrom, shown, writeNewFile } from '../src/commands/cli.ts';
import { newAdvisory, OptionError } from '../src/tools/new-advisory.ts';
import { advisoryPath, nextId } from '../src/tools/next-id.ts';
import { findPlaceholders } from '../src/tools/placeholders.ts';
import { announceFor, isoInstant, LEAD_DAYS, proposeDates } from '../src/tools/schedule.ts';

const USAGE =
  'usage: npm run advisory:new -- [--title T] [--component owner/repo|package]… [--release name]… [--cvss vector] [--severity level] [--publish-at instant] [--year YYYY] [--dry-run]';

function main(): void {
  const { values } = parseArgs({
    options: {
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
      // The clock the default dates count from; for reproducible runs and tests.
      now: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  // Titles and summaries are single lines of text in the file; refuse now what check would refuse later.
  for (const key of ['title', 'summary'] as const) {
    const text = values[key];
    if (text !== undefined && (!text.trim() || /[\r\n]/.test(text) || CONTROL_CHARACTER.test(text))) {
      throw new OptionError(
        `--${key}`,
        `expected one line of text, without line breaks or control characters (found ${JSON.stringify(text)})`,
      );
    }
  }
  const root = rootFrom(values['content-root']);
  const site = readSite(root, []);
  const noticeHours = site?.notice_hours ?? 48;
  const known = (readReleases(root, []) ?? []).map((r) => r.name);
  for (const name of values.release ?? []) {
    if (!known.includes(name))
      throw new OptionError(
        '--release',
        `unknown named release (expected one of ${known.join(', ')} from content/releases.yaml, found "${name}")`,
      );
  }

  const now = values.now ? parseInstant(values.now, '--now') : new Date();
  const days = values.days === undefined ? LEAD_DAYS : Number(values.days);
  if (!Number.isInteger(days) || days < 0) throw new OptionError('--days', `expected a whole number of days (found "${values.days}")`);
  let dates = proposeDates(now, noticeHours, days);
  if (values['publish-at']) {
    const publish = parseInstant(values['publish-at'], '--publish-at');
    dates = { publishAt: values['publish-at'], announceAt: isoInstant(announceFor(publish, noticeHours)) };
  }
  if (values['announce-at']) {
    parseInstant(values['announce-at'], '--announce-at');
    const problem = noticePeriodProblem(values['announce-at'], dates.publishAt, noticeHours);
    if (problem) throw new OptionError('--announce-at', problem);
    dates = { ...dates, announceAt: values['announce-at'] };
  }

  if (values.year && !/^\d{4}$/.test(values.year)) throw new OptionError('--year', `expected a year like 2026 (found "${values.year}")`);
  const id = values.id ?? nextId(root, Number(values.year ?? dates.publishAt.slice(0, 4)));
  const rel = advisoryPath(id);
  if (values.year && values.id && rel.split('/')[2] !== values.year) throw new OptionError('--id', `${id} is not an id of ${values.year}`);

  const { data, body, text } = newAdvisory({
    id,
    title: values.title,
    summary: values.summary,
    components: values.component ?? [],
    releases: values.release ?? [],
    severity: values.severity,
    cvss: values.cvss,
    ...dates,
  });

  if (values['dry-run']) {
    process.stdout.write(text);
  } else {
    console.log(shown(writeNewFile(root, rel, text)));
  }
  const todo = findPlaceholders(data, body);
  console.error(`\n${todo.length} FILL-IN placeholder(s) to replace before \`${checkCommand(root, rel)}\` passes:`);
  for (const p of todo) console.error(`  ${p.field}: ${p.hint}`);
  console.error(`Proposed dates: pre-announcement ${dates.announceAt}, publication ${dates.publishAt}; change them to the agreed times.`);
  if (Date.parse(dates.publishAt) <= now.getTime()) {
    console.error(
      `Note: ${dates.publishAt} is not in the future, so the next build publishes this advisory in full as soon as check passes.`,
    );
  }
}

try {
  main();
} catch (e) {
  // Usage mistakes (unknown flag, bad value) exit 2; a refused write exits 1.
  const usage = Boolean((e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) || (e as Error).message.startsWith('--');
  if (!usage && !(e instanceof RefusedError)) throw e;
  console.error(`advisory:new: ${(e as Error).message}`);
  if (usage) console.error(USAGE);
  process.exit(usage ? 2 : 1);
}
