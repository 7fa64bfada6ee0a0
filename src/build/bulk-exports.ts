/**
 * Writes the per-advisory exports (OSV records, CSAF documents and their hashes) of a
 * production build. They are written on a worker thread into a staging folder from the start
 * of the build (src/build/jobs.ts), beside Astro's rendering, and merged into the output when the pages are done.
 * The endpoints under src/pages serve the same files in the dev server and return no routes in
 * a build. Runs before the leak guard, which scans these files like any other output.
 */
import type { AstroIntegration } from 'astro';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startJobs, type BackgroundJob } from './jobs.ts';
import { currentSession } from './session.ts';
import { mergeInto } from './move-dir.ts';

export function bulkExports(): AstroIntegration {
  let exporting: BackgroundJob | undefined;
  return {
    name: 'bulk-exports',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        // Already running when npm run build started it; started here when Astro runs alone.
        exporting = startJobs(currentSession(), fileURLToPath(config.root)).exports;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!exporting) throw new Error('per-advisory exports: the build never started them');
        try {
          const count = await exporting.done;
          mergeInto(exporting.dir, fileURLToPath(dir));
          logger.info(`${count} per-advisory export files written`);
        } finally {
          rmSync(exporting.dir, { recursive: true, force: true });
        }
      },
    },
  };
}
