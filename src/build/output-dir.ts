/**
 * Where a build may write. The build replaces its output folder wholesale, so a mistyped
 * `--out` must never name a folder holding anything else: the project, the content, or a
 * folder that is not a previous build of this site.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isWithin as within } from '../content/path-within.ts';

/** Files every successful build writes at the top of its output. */
const BUILD_MARKERS = ['index.html', 'sitemap-index.xml'];
/** The project's own folders, which no output may land in. */
const PROJECT_FOLDERS = ['src', 'content', 'scripts', 'public', 'tests', 'docs', 'node_modules', '.git', '.astro'];

/** Why `outDir` must not be the build's output, or undefined when it may be. */
export function outputDirProblem(outDir: string, projectRoot: string, contentRoot: string): string | undefined {
  const out = resolve(outDir);
  if (within(out, projectRoot)) return `${out} is the project folder or holds it`;
  if (within(out, contentRoot)) return `${out} is the content root or holds it`;
  if (within(join(contentRoot, 'content'), out)) return `${out} is inside the content folder`;
  const inProject = PROJECT_FOLDERS.find((name) => within(join(projectRoot, name), out));
  if (inProject) return `${out} is inside the project's ${inProject}/ folder`;
  if (!existsSync(out)) return undefined;
  if (!statSync(out).isDirectory()) return `${out} exists and is not a folder`;
  const entries = readdirSync(out);
  if (entries.length > 0 && !BUILD_MARKERS.every((name) => entries.includes(name))) {
    return `${out} is not empty and is not a previous build of this site (no ${BUILD_MARKERS.join(' and ')}); the build replaces its output folder, so give a new or empty folder, or remove this one yourself`;
  }
  return undefined;
}
