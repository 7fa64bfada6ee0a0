/**
 * The build's second thread. It receives the checked corpus once, at the start of the build,
 * and at the lowest scheduling priority (the pages, which everything else waits for, come
 * first) it:
 *   1. writes the per-advisory exports into their staging folder;
 *   2. works out the leak scan's secrets (which needs every body's plain text);
 *   3. scans the batches of output files the main thread sends it at the end.
 * Each step answers with a message; see BuildWorker in build-jobs.ts for the other side.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { writeExports } from '../outputs/write-exports.ts';
import type { AdvisoryEntry, Corpus, NoticeOnlyEntry } from '../content/read-content.ts';
import { collectSecrets, LeakScanner, type Leak, type Secret } from '../embargo/leak-scan.ts';
import { siteText } from '../model/always-public-text.ts';
import { siteAt } from '../model/site-model.ts';
import { securityTxt } from '../outputs/security-txt.ts';

/** What crosses to the worker: the checked corpus without its line lookups (functions). */
export type WorkerJob = {
  corpus: Omit<Corpus, 'advisories' | 'notices'> & {
    advisories: Array<Omit<AdvisoryEntry, 'lineOf'>>;
    notices: Array<Omit<NoticeOnlyEntry, 'lineOf'>>;
  };
  /** The build clock; the worker works out the same state time and model as the session. */
  clock: string;
  exportsDir: string;
};

export type ScanRequest = { type: 'scan'; id: number; dir: string; files: string[] };
export type WorkerMessage =
  | { type: 'exports'; count: number }
  | { type: 'secrets'; secrets: Secret[] }
  | { type: 'scanned'; id: number; leaks: Leak[] }
  | { type: 'failed'; step: 'exports' | 'secrets' | 'scan'; id?: number; message: string };

const post = (message: WorkerMessage) => parentPort!.postMessage(message);
const describe = (e: unknown) => (e as Error)?.stack ?? String(e);

setPriority(19);

const { corpus, clock, exportsDir } = workerData as WorkerJob;
const advisories = corpus.advisories.map((entry) => ({ ...entry, lineOf: () => undefined }));
const notices = corpus.notices.map((entry) => ({ ...entry, lineOf: () => undefined }));
const checked: Corpus = { ...corpus, advisories, notices };
// The same function as the session's, over the same corpus and clock: the same model.
const { now, entries, model } = siteAt(checked, new Date(clock));

try {
  post({ type: 'exports', count: writeExports(model, exportsDir) });
} catch (e) {
  post({ type: 'failed', step: 'exports', message: describe(e) });
}

let scanner: LeakScanner | undefined;
try {
  // The projection rendered every public body already; their plain text is reused here.
  const texts = new Map(entries.flatMap((e) => (e.visibility === 'announced' ? [] : [[e.advisory.id, e.text] as const])));
  const secrets = collectSecrets(
    advisories.map((a) => ({ ...a, text: texts.get(a.data.id) })),
    now,
    // security.txt's Expires is a date of the clock's, not of any advisory's.
    [...siteText(checked), securityTxt(model)],
    notices,
  );
  scanner = new LeakScanner(secrets);
  post({ type: 'secrets', secrets });
} catch (e) {
  post({ type: 'failed', step: 'secrets', message: describe(e) });
}

parentPort!.on('message', (request: ScanRequest) => {
  try {
    if (!scanner) throw new Error('no secrets to scan for (working them out failed)');
    post({ type: 'scanned', id: request.id, leaks: scanner.scan(request.dir, request.files) });
  } catch (e) {
    post({ type: 'failed', step: 'scan', id: request.id, message: describe(e) });
  }
});
