/**
 * npm run advisory:import -- <record.json | -> [--id OEA-YYYY-NNN | --year YYYY] [--dry-run]
 *                             [--content-root dir]
 *
 * Turns an OSV record, a GitHub security advisory (REST API JSON) or a CVE JSON 5 record into
 * a new advisory file with the next free id, then lists what a person must fill in before
 * `npm run check` accepts it. A record it cannot read is an error naming the input and the
 * field; nothing is written then, and an existing file is never replaced.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseInstant } from '../src/build/clock.ts';
import { parseAdvisory, readReleases, readSite } from '../src/content/read-content.ts';
import { PLACEHOLDER } from '../src/content/lint.ts';
import { formatProblem } from '../src/content/problems.ts';
import { checkCommand, RefusedError, rootFrom, shown, userCwd, writeNewFile } from '../src/commands/cli.ts';
import { aliasOwners } from '../src/tools/import/alias-owners.ts';
import { importRecord } from '../src/tools/import/detect.ts';
import { ImportError } from '../src/tools/import/imported.ts';
import { importedToAdvisory } from '../src/tools/import/to-advisory.ts';
import { advisoryPath, nextId } from '../src/tools/next-id.ts';
import { findPlaceholders } from '../src/tools/placeholders.ts';
import { proposeDates } from '../src/tools/schedule.ts';

const USAGE = 'usage: npm run advisory:import -- <record.json | -> [--id OEA-YYYY-NNN | --year YYYY] [--dry-run] [--content-root dir]';

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        id: { type: 'string' },
        year: { type: 'string' },
        'content-root': { type: 'string' },
        // The clock the proposed dates count from; for reproducible runs and tests.
        now: { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1)
    return usage(
      positionals.length === 0 ? 'name one record file, or - for standard input' : `one record at a time (found ${positionals.length})`,
    );
  if (values.year && !/^\d{4}$/.test(values.year)) return usage(`--year: expected a year like 2026 (found "${values.year}")`);

  const input = positionals[0]!;
  const label = input === '-' ? '(standard input)' : input;
  const root = rootFrom(values['content-root']);
  try {
    const now = values.now ? parseInstant(values.now, '--now') : new Date();
    const releases = readReleases(root, []) ?? [];
    const noticeHours = readSite(root, [])?.notice_hours ?? 48;
    const text = input === '-' ? readFileSync(0, 'utf8') : readFileSync(resolve(userCwd(), input), 'utf8');
    const imported = importRecord(
      text,
      label,
      releases.map((r) => r.name),
    );

    // A record already imported: the advisory exists, so it is updated, not created twice.
    const owners = aliasOwners(root, imported.aliases);
    if (owners.length > 0) {
      throw new ImportError(
        label,
        'aliases',
        `${owners.map((o) => `${o.alias} is already in ${o.file}`).join('; ')}; update that advisory instead (nothing was written)`,
      );
    }

    const id = values.id ?? nextId(root, Number(values.year ?? now.getUTCFullYear()));
    const rel = advisoryPath(id);
    const {
      data,
      body,
      text: advisory,
      notes,
    } = importedToAdvisory(imported, { id, proposal: proposeDates(now, noticeHours), noticeHours });

    if (values['dry-run']) process.stdout.write(advisory);
    else console.log(shown(writeNewFile(root, rel, advisory)));

    const todo = findPlaceholders(data, body);
    console.error(
      `\nImported ${imported.source} as ${id}. Fill in these ${todo.length} FILL-IN placeholder(s); \`${checkCommand(root, rel)}\` refuses the file until they are gone:`,
    );
    for (const p of todo) console.error(`  ${p.field}: ${p.hint}`);
    if (notes.length > 0) {
      console.error('\nAlso review:');
      for (const n of notes) console.error(`  - ${n}`);
    }
    // Anything else check would refuse (raw HTML or http links in the record's description…).
    const others = parseAdvisory(rel, advisory, releases).problems.filter((p) => !p.message.includes(PLACEHOLDER));
    if (others.length > 0) {
      console.error('\ncheck also reports:');
      for (const p of others) console.error(`  ${formatProblem(p)}`);
    }
    return 0;
  } catch (e) {
    const error = e as NodeJS.ErrnoException;
    if (error.code === 'ENOENT') return fail(`${label}: (file): no such file`, 1);
    if (error.message.startsWith('--')) return usage(error.message);
    if (e instanceof ImportError || e instanceof RefusedError) return fail(error.message, 1);
    throw e;
  }
}

function fail(message: string, code: number): number {
  console.error(`advisory:import: ${message}`);
  return code;
}

function usage(message: string): number {
  console.error(`advisory:import: ${message}\n${USAGE}`);
  return 2;
}

process.exitCode = main();
