/**
 * npm run advisory:import -- <record.json | -> [--id OEA-YYYY-NNN | --year YYYY] [--dry-run]
 *                             [--at instant] [--content-root dir]
 *
 * Turns an OSV record, a GitHub security advisory (REST API JSON) or a CVE JSON 5 record into
 * a new advisory file with the next free id, then lists what a person must fill in before
 * `npm run check` accepts it. A record it cannot read is an error naming the input and the
 * field; nothing is written then, nor into a folder that is not a content root, nor under an
 * id already in use, and an existing file is never replaced. `--at` is the clock the
 * proposed dates count from (default: the real time).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PLACEHOLDER } from '../content/lint.ts';
import { formatProblem } from '../content/problems.ts';
import { parseAdvisory, readReleases, readSite } from '../content/read-content.ts';
import { aliasOwners } from '../tools/import/alias-owners.ts';
import { importRecord } from '../tools/import/detect.ts';
import { ImportError } from '../tools/import/imported.ts';
import { importedToAdvisory } from '../tools/import/to-advisory.ts';
import { advisoryPath, idsInUse, nextId } from '../tools/next-id.ts';
import { findPlaceholders } from '../tools/placeholders.ts';
import { proposeDates } from '../tools/schedule.ts';
import {
  checkCommand,
  clockFrom,
  guarded,
  parseFlags,
  RefusedError,
  requireContentRoot,
  rootFrom,
  shown,
  UsageError,
  userCwd,
  writeNewFile,
  type Io,
} from './cli.ts';

export const USAGE =
  'usage: npm run advisory:import -- <record.json | -> [--id OEA-YYYY-NNN | --year YYYY] [--dry-run] [--at instant] [--content-root dir]';

const OPTIONS = {
  id: { type: 'string' },
  year: { type: 'string' },
  'content-root': { type: 'string' },
  at: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

/** The record's text: a file from where the user is, or standard input for `-`. */
async function readRecord(input: string, label: string, io: Io): Promise<string> {
  if (input === '-') return io.stdin();
  try {
    return readFileSync(resolve(userCwd(io.env), input), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new RefusedError(`${label}: (file): no such file`);
    throw e;
  }
}

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, async () => {
    const { flags, positionals } = parseFlags(argv, OPTIONS, true);
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    if (positionals.length !== 1)
      throw new UsageError(
        positionals.length === 0 ? 'name one record file, or - for standard input' : `one record at a time (found ${positionals.length})`,
      );
    const year = flags.year as string | undefined;
    if (year && !/^\d{4}$/.test(year)) throw new UsageError(`--year: expected a year like 2026 (found "${year}")`);
    const given = flags.id as string | undefined;
    let rel: string | undefined;
    try {
      if (given) rel = advisoryPath(given);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const now = clockFrom(flags.at).now;
    const root = requireContentRoot(rootFrom(flags['content-root'] as string | undefined, io.env));

    const input = positionals[0]!;
    const label = input === '-' ? '(standard input)' : input;
    try {
      const releases = readReleases(root, []) ?? [];
      const noticeHours = readSite(root, [])?.notice_hours ?? 48;
      const imported = importRecord(
        await readRecord(input, label, io),
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

      const inUse = idsInUse(root);
      const id = given ?? nextId(root, Number(year ?? now.getUTCFullYear()), inUse);
      rel ??= advisoryPath(id);
      const user = inUse.get(id);
      if (user) throw new RefusedError(`${id} is already used by ${user}; nothing was written (leave --id out to get the next free id)`);
      const { data, body, text, notes } = importedToAdvisory(imported, {
        id,
        proposal: proposeDates(now, noticeHours),
        noticeHours,
        releases: releases.map((r) => r.name),
      });

      if (flags['dry-run']) io.out(text.replace(/\n$/, ''));
      else io.out(shown(writeNewFile(root, rel, text), io.env));

      const todo = findPlaceholders(data, body);
      io.err(
        `\nImported ${imported.source} as ${id}. Fill in these ${todo.length} FILL-IN placeholder(s); \`${checkCommand(root, rel, io.env)}\` refuses the file until they are gone:`,
      );
      for (const p of todo) io.err(`  ${p.field}: ${p.hint}`);
      if (notes.length > 0) {
        io.err('\nAlso review:');
        for (const n of notes) io.err(`  - ${n}`);
      }
      // Anything else check would refuse (raw HTML or http links in the record's description…).
      const others = parseAdvisory(rel, text, releases).problems.filter((p) => !p.message.includes(PLACEHOLDER));
      if (others.length > 0) {
        io.err('\ncheck also reports:');
        for (const p of others) io.err(`  ${formatProblem(p)}`);
      }
      return 0;
    } catch (e) {
      if (e instanceof ImportError) throw new RefusedError(e.message);
      throw e;
    }
  });
}
