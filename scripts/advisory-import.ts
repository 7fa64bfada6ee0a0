/**
 * npm run advisory:import -- <record.json | -> [--id OEA-YYYY-NNN] [--dry-run]
 *
 * Turns an OSV record, a GitHub repository security advisory (REST API JSON) or a CVE JSON 5
 * record into a new advisory file, then lists what a person must fill in. A record it cannot
 * read is an error naming the input and the field, and nothing is written.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { readSite } from '../src/lib/content.ts';
import { contentRoot } from '../src/lib/content-root.ts';
import { importRecord } from '../src/tools/import/detect.ts';
import { importedToAdvisory } from '../src/tools/import/to-advisory.ts';
import { defaultDates } from '../src/tools/new-advisory.ts';
import { nextId } from '../src/tools/next-id.ts';

const argv = process.argv.slice(2);
const input = argv.find((a, i) => (a === '-' || !a.startsWith('--')) && argv[i - 1] !== '--id');
const idFlag = argv[argv.indexOf('--id') + 1];
if (!input) {
  console.error('usage: npm run advisory:import -- <record.json | -> [--id OEA-YYYY-NNN] [--dry-run]');
  process.exit(2);
}

try {
  const text = input === '-' ? readFileSync(0, 'utf8') : readFileSync(input, 'utf8');
  const imported = importRecord(text, input === '-' ? '(stdin)' : input);
  const root = contentRoot();
  const dates = defaultDates(new Date(), readSite(root, [])?.notice_hours ?? 48);
  const id = argv.includes('--id') && idFlag ? idFlag : nextId(root, new Date(dates.publishAt).getUTCFullYear());
  const { text: advisory, todo } = importedToAdvisory(imported, id, dates);
  if (argv.includes('--dry-run')) {
    process.stdout.write(advisory);
  } else {
    const file = join(root, 'content/advisories', id.slice(4, 8), `${id}.md`);
    if (existsSync(file)) throw new Error(`${relative(process.cwd(), file)} already exists; choose another --id`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, advisory, { flag: 'wx' });
    console.log(relative(process.cwd(), file) || file);
  }
  console.error(`\nImported ${imported.source}. Still to do (check refuses the file until the FILL-INs are gone):`);
  for (const t of ['summary, notice.text and the body sections: FILL-IN', ...todo]) console.error(`  - ${t}`);
} catch (e) {
  console.error(`advisory:import: ${(e as Error).message}`);
  process.exit(1);
}
