/**
 * The background work of a production build: the search index (Pagefind, in its own process)
 * and the build worker (a thread that writes the per-advisory exports, works out the leak
 * scan's secrets and scans half of the output). Both need only the session's corpus, clock
 * and model, so `npm run build` starts them right after opening the session, before Astro
 * itself loads: they get the second core for the seconds Astro spends starting up. The
 * integrations collect them at the end, or start them when Astro is run on its own.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ScanRequest, WorkerJob, WorkerMessage } from './worker.ts';
import type { Corpus } from '../content/read-content.ts';
import type { Leak, Secret } from '../embargo/leak-scan.ts';
import { stopIndexer, writeSearchIndex } from './search-index.ts';
import { searchRecords } from '../model/search-records.ts';
import type { BuildSession } from './session.ts';

/** A job writing into its own staging folder; `done` settles with the number of items. */
export type BackgroundJob = { dir: string; done: Promise<number> };
export type BuildJobs = { exports: BackgroundJob; searchIndex: BackgroundJob; worker: BuildWorker };

/**
 * The session's jobs, started on the first call. Staging folders sit under the project's
 * .astro/, on the output's file system, so moving the results in is a rename.
 */
export function startJobs(session: BuildSession, projectRoot: string): BuildJobs {
  if (session.jobs) return session.jobs;
  const staging = join(projectRoot, '.astro');
  mkdirSync(staging, { recursive: true });
  // The worker first: it starts while this thread writes the records for the index.
  const exportsDir = mkdtempSync(join(staging, 'exports-'));
  const worker = new BuildWorker(session.corpus, session.clock.now, exportsDir);
  const indexDir = mkdtempSync(join(staging, 'search-index-'));
  session.jobs = {
    exports: { dir: exportsDir, done: worker.exports },
    searchIndex: { dir: indexDir, done: settleLater(() => writeSearchIndex(searchRecords(session.model), indexDir)) },
    worker,
  };
  return session.jobs;
}

/** Stops the worker and the indexer and removes whatever the jobs left in their staging folders. */
export function discardJobs(session: BuildSession | undefined): void {
  const jobs = session?.jobs;
  if (!jobs) return;
  void jobs.worker.stop();
  stopIndexer();
  for (const job of [jobs.exports, jobs.searchIndex]) rmSync(job.dir, { recursive: true, force: true });
  session.jobs = undefined;
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

/** The main thread's side of src/build/worker.ts. */
export class BuildWorker {
  readonly exports: Promise<number>;
  readonly secrets: Promise<Secret[]>;
  private readonly thread: Worker;
  private readonly pending = new Map<number, { resolve: (leaks: Leak[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(corpus: Corpus, clock: Date, exportsDir: string) {
    // Line lookups are functions, which cannot cross to a worker; the worker never needs them.
    const advisories = corpus.advisories.map(({ lineOf: _, ...entry }) => entry);
    const notices = corpus.notices.map(({ lineOf: _, ...entry }) => entry);
    const job: WorkerJob = { corpus: { ...corpus, advisories, notices }, clock: clock.toISOString(), exportsDir };
    const exports = deferred<number>();
    const secrets = deferred<Secret[]>();
    this.exports = exports.promise;
    this.secrets = secrets.promise;
    this.thread = new Worker(new URL('./worker.ts', import.meta.url), { workerData: job });
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
