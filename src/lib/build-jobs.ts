/**
 * The background work of a production build: the search index (Pagefind, in its own process)
 * and the build worker (a thread that writes the per-advisory exports, works out the leak
 * scan's secrets and scans half of the output). Both need only the checked corpus and the
 * clock, so `npm run build` starts them right after the content check, before Astro itself
 * loads: they get the second core for the seconds Astro spends starting up. The integrations
 * collect them at the end, or start them when Astro is run on its own.
 *
 * The jobs are kept on globalThis because Astro loads the integrations through Vite, as
 * module instances separate from the ones scripts/build.ts imported.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScanRequest, WorkerJob, WorkerMessage } from './build-worker.ts';
import type { Corpus } from './content.ts';
import type { Leak, Secret } from './leak-scan.ts';
import { modelFromCorpus } from './model-from-corpus.ts';
import { writeSearchIndex } from './search-index.ts';
import { searchRecords } from './search-records.ts';

/** A job writing into its own staging folder; `done` settles with the number of items. */
export type BackgroundJob = { dir: string; done: Promise<number> };
export type BuildJobs = { exports: BackgroundJob; searchIndex: BackgroundJob; worker: BuildWorker };

type Started = { corpus: Corpus; at: number; jobs: BuildJobs };
const KEY = Symbol.for('openedx-security.build-jobs');
const slot = globalThis as Record<symbol, Started | undefined>;

/**
 * The jobs for this corpus and clock, started on the first call. Staging folders sit under
 * the project's .astro/, on the output's file system, so moving the results in is a rename.
 */
export function buildJobs(corpus: Corpus, now: Date, projectRoot: string): BuildJobs {
  const started = slot[KEY];
  if (started && started.corpus === corpus && started.at === now.getTime()) return started.jobs;
  const staging = join(projectRoot, '.astro');
  mkdirSync(staging, { recursive: true });
  // The worker first: it starts while this thread projects the corpus for the index.
  const exportsDir = mkdtempSync(join(staging, 'exports-'));
  const worker = new BuildWorker(corpus, now, exportsDir);
  const indexDir = mkdtempSync(join(staging, 'search-index-'));
  const jobs: BuildJobs = {
    exports: { dir: exportsDir, done: worker.exports },
    searchIndex: { dir: indexDir, done: settleLater(() => writeSearchIndex(searchRecords(modelFromCorpus(corpus, now)), indexDir)) },
    worker,
  };
  slot[KEY] = { corpus, at: now.getTime(), jobs };
  return jobs;
}

/** Stops the worker and removes whatever the jobs left in their staging folders. */
export function discardBuildJobs(): void {
  const started = slot[KEY];
  if (!started) return;
  void started.jobs.worker.stop();
  for (const job of [started.jobs.exports, started.jobs.searchIndex]) rmSync(job.dir, { recursive: true, force: true });
  slot[KEY] = undefined;
}

/** Collected at the end of the build; until then a failure must not surface as unhandled. */
function settleLater<T>(start: () => Promise<T>): Promise<T> {
  let done: Promise<T>;
  try {
    done = start();
  } catch (e) {
    done = Promise.reject(e);
  }
  done.catch(() => {});
  return done;
}

/** The main thread's side of src/lib/build-worker.ts. */
export class BuildWorker {
  readonly exports: Promise<number>;
  readonly secrets: Promise<Secret[]>;
  private readonly thread: Worker;
  private readonly pending = new Map<number, { resolve: (leaks: Leak[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(corpus: Corpus, now: Date, exportsDir: string) {
    // Line lookups are functions, which cannot cross to a worker; the worker never needs them.
    const advisories = corpus.advisories.map(({ lineOf: _, ...entry }) => entry);
    const job: WorkerJob = { corpus: { ...corpus, advisories }, now: now.toISOString(), exportsDir };
    const exports = deferred<number>();
    const secrets = deferred<Secret[]>();
    this.exports = exports.promise;
    this.secrets = secrets.promise;
    this.thread = new Worker(new URL('./build-worker.ts', import.meta.url), { workerData: job });
    this.thread.on('message', (m: WorkerMessage) => {
      if (m.type === 'exports') exports.resolve(m.count);
      else if (m.type === 'secrets') secrets.resolve(m.secrets);
      else if (m.type === 'scanned') this.settle(m.id, m.leaks);
      else {
        const error = new Error(`build worker, ${m.step}: ${m.message}`);
        if (m.step === 'exports') exports.reject(error);
        else if (m.step === 'secrets') secrets.reject(error);
        else this.settle(m.id!, error);
      }
    });
    const fail = (error: Error) => {
      this.failure ??= error;
      exports.reject(error);
      secrets.reject(error);
      for (const id of [...this.pending.keys()]) this.settle(id, error);
    };
    this.thread.on('error', fail);
    this.thread.on('exit', (code) => fail(new Error(`build worker: stopped (exit code ${code})`)));
    // The thread keeps the process alive only while an answer is awaited: a build that fails
    // elsewhere must still be able to exit.
    void Promise.allSettled([exports.promise, secrets.promise]).then(() => this.idleUnlessPending());
  }

  /** Scans `files` (relative to `dir`) on the worker thread. */
  scan(dir: string, files: string[]): Promise<Leak[]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const request: ScanRequest = { type: 'scan', id, dir, files };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.thread.ref();
      this.thread.postMessage(request);
    });
  }

  stop(): Promise<number> {
    return this.thread.terminate();
  }

  private settle(id: number, result: Leak[] | Error): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    this.idleUnlessPending();
    if (result instanceof Error) waiting.reject(result);
    else waiting.resolve(result);
  }

  private idleUnlessPending(): void {
    if (this.pending.size === 0) this.thread.unref();
  }
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => {}); // collected later, or never when an earlier step failed
  return { promise, resolve, reject };
}
