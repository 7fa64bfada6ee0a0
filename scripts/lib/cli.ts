/** What every command-line tool starts with: its flags, its clock and the checked content, or a clear exit. */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { resolveClock, type BuildClock } from '../../src/build/clock.ts';
import { readCorpus, type Corpus } from '../../src/content/read-content.ts';
import { contentRoot } from '../../src/content/content-root.ts';
import { formatProblem } from '../../src/content/problems.ts';

/**
 * The command's flags, parsed strictly: `--help` prints `usage` and exits 0; an unknown flag,
 * a stray argument or a flag without its value prints the reason and `usage` and exits 2, so
 * that a mistyped flag never runs the command with defaults.
 */
export function flagsOrExit(
  argv: readonly string[],
  options: ParseArgsOptionsConfig,
  usage: string,
): Record<string, string | boolean | undefined> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    return values as Record<string, string | boolean | undefined>;
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    process.exit(2);
  }
}

/** `--at` / BUILD_AT / the real time; a malformed instant exits 2 with the reason. */
export function clockOrExit(argv: readonly string[]): BuildClock {
  try {
    return resolveClock(argv);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}

/** All content, validated; any problem is printed and exits 1. */
export function corpusOrExit(): Corpus {
  const { corpus, problems } = readCorpus(contentRoot());
  if (!corpus || problems.length > 0) {
    for (const p of problems) console.error(formatProblem(p));
    process.exit(1);
  }
  return corpus;
}
