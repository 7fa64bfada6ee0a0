/** The indexing thread of src/build/search-index.ts: builds the index files and writes them. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { searchIndexFiles } from '../outputs/search-index.ts';
import type { IndexJob } from './search-index.ts';

setPriority(19);
const { records, outputPath } = workerData as IndexJob;
try {
  const files = searchIndexFiles(records);
  for (const [path, text] of files) {
    const target = join(outputPath, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  parentPort!.postMessage({ written: files.size });
} catch (e) {
  parentPort!.postMessage({ error: (e as Error)?.stack ?? String(e) });
}
