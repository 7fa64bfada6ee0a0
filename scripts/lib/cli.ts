/** What every command-line tool starts with: its clock and the checked content, or a clear exit. */
import { resolveClock, type BuildClock } from '../../src/lib/clock.ts';
import { readCorpus, type Corpus } from '../../src/lib/content.ts';
import { contentRoot } from '../../src/lib/content-root.ts';
import { formatProblem } from '../../src/lib/problems.ts';

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
