/**
 * npm run advisory:new [-- --title T --summary S --component owner/repo ... --release name ...
 *                         --severity level --cvss vector --publish-at instant --year YYYY
 *                         --id OEA-YYYY-NNN --dry-run]
 *
 * Creates content/advisories/<year>/<id>.md with the next free id and every field present;
 * FILL-IN marks what a person must still write, and `npm run check` refuses the file until
 * none is left. Prints the path. Never overwrites a file.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseInstant } from '../src/lib/clock.ts';
import { readSite } from '../src/lib/content.ts';
import { contentRoot } from '../src/lib/content-root.ts';
import { nextId } from '../src/tools/next-id.ts';
import { defaultDates, newAdvisoryText } from '../src/tools/new-advisory.ts';

const argv = process.argv.slice(2);
const values = (flag: string) => argv.flatMap((a, i) => (a === flag && argv[i + 1] ? [argv[i + 1]!] : []));
const value = (flag: string) => values(flag).at(-1);

function fail(message: string): never {
  console.error(`advisory:new: ${message}`);
  process.exit(1);
}

const root = contentRoot();
const site = readSite(root, []);
const now = new Date();
let dates = defaultDates(now, site?.notice_hours ?? 48);
const publishAt = value('--publish-at');
if (publishAt) {
  try {
    const publish = parseInstant(publishAt, '--publish-at');
    const announce = new Date(publish.getTime() - (site?.notice_hours ?? 48) * 3_600_000);
    dates = { publishAt, announceAt: announce.toISOString().replace('.000Z', 'Z') };
  } catch (e) {
    fail((e as Error).message);
  }
}
const year = Number(value('--year') ?? new Date(dates.publishAt).getUTCFullYear());
if (!Number.isInteger(year) || year < 2000) fail(`--year: expected a year like 2026 (found "${value('--year')}")`);
const id = value('--id') ?? nextId(root, year);
const file = join(root, 'content/advisories', id.slice(4, 8), `${id}.md`);
if (existsSync(file)) fail(`${relative(process.cwd(), file)} already exists; choose another --id`);

const text = newAdvisoryText({
  id,
  title: value('--title'),
  summary: value('--summary'),
  components: values('--component'),
  releases: values('--release'),
  severity: value('--severity'),
  cvss: value('--cvss'),
  ...dates,
});

if (argv.includes('--dry-run')) {
  process.stdout.write(text);
} else {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, { flag: 'wx' });
  console.log(relative(process.cwd(), file) || file);
  console.log('Fill in every FILL-IN, then run: npm run check -- ' + relative(process.cwd(), file));
}
