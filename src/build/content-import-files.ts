/**
 * Astro's content sync ends by writing two files into the project's `.astro/` folder, shared
 * by every build of the project, through one fixed temporary name (`<file>.tmp`, then a
 * rename). Two builds syncing at once (the test suite runs several; an author may build while
 * the dev server runs) can rename each other's temporary file away, and the loser fails with
 * an UnknownFilesystemError that has no message (withastro/astro#12992, #15671, still so in
 * Astro 7.4).
 *
 * Astro skips the write when the file already holds what it would write. Our advisories
 * import no images and no modules, so both files always hold Astro's empty form: the build
 * puts it in place first, through a temporary name of its own, and Astro then writes nothing.
 * The content loader keeps the files clean too: it never marks them changed (content-loader.ts).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What Astro writes for a content layer without asset or module imports. */
export const EMPTY_IMPORTS = 'export default new Map();';

export const CONTENT_IMPORT_FILES = ['content-assets.mjs', 'content-modules.mjs'] as const;

/** Puts Astro's empty import files in `<projectRoot>/.astro/` unless they hold it already. */
export function settleContentImportFiles(projectRoot: string): void {
  const dir = join(projectRoot, '.astro');
  mkdirSync(dir, { recursive: true });
  for (const name of CONTENT_IMPORT_FILES) {
    const file = join(dir, name);
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === EMPTY_IMPORTS) continue;
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, EMPTY_IMPORTS);
    renameSync(temporary, file);
  }
}
