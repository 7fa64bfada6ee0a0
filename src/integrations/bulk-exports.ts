/**
 * Writes the per-advisory exports (OSV records, CSAF documents and their hashes) of a
 * production build. They are written on a worker thread into a staging folder from the start
 * of the build, beside Astro's rendering, and merged into the output when the pages are done.
 * The endpoints under src/pages serve the same files in the dev server and return no routes in
 * a build. Runs before the leak guard, which scans these files like any other output.
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { resolveClock } from '../lib/clock.ts';
import { checkedCorpusOnce } from '../lib/content.ts';
import { contentRoot } from '../lib/content-root.ts';
import { mergeInto } from '../lib/move-dir.ts';
import type { ExportJob } from '../outputs/export-worker.ts';

function startWorker(job: ExportJob): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../outputs/export-worker.ts', import.meta.url), { workerData: job });
    let count: number | undefined;
    worker.once('message', (n: number) => (count = n));
    worker.once('error', reject);
    worker.once('exit', (code) => (count !== undefined && code === 0 ? resolve(count) : reject(new Error(`per-advisory exports: the worker stopped with code ${code}`))));
  });
}

export function bulkExports(): AstroIntegration {
  let exporting: { dir: string; done: Promise<number> } | undefined;
  return {
    name: 'bulk-exports',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        const corpus = checkedCorpusOnce(contentRoot());
        // Beside the output (under .astro/), so that moving the files in is a rename.
        const parent = join(fileURLToPath(config.root), '.astro');
        mkdirSync(parent, { recursive: true });
        const dir = mkdtempSync(join(parent, 'exports-'));
        // Line lookups are functions, which cannot cross to a worker; exports never need them.
        const advisories = corpus.advisories.map(({ lineOf: _, ...entry }) => entry);
        const done = startWorker({ corpus: { ...corpus, advisories }, now: resolveClock().now.toISOString(), dir });
        done.catch(() => {}); // collected in astro:build:done
        exporting = { dir, done };
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
