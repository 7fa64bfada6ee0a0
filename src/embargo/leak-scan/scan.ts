/** Reading the output folder and scanning every file of it, its path included, for secrets. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { decodeBytes } from './decode.ts';
import { SecretIndex, type Secret } from './matcher.ts';

export type Leak = { file: string; advisory: string; what: string; text: string };

/** Reads a file the way a client would: decompressed by content, whatever its name, and decoded (decode.ts). */
export function readOutput(path: string): string {
  return decodeBytes(readFileSync(path), path);
}

/** Every file under `dir`, as paths relative to it with forward slashes, in a stable order. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}

/** Scans every file under `dir` (its path included) and returns each leak found. */
export function scanForLeaks(dir: string, secrets: readonly Secret[]): Leak[] {
  return new LeakScanner(secrets).scan(dir, listFiles(dir));
}

/** Leaks in a stable order, whichever thread found them. */
export function sortLeaks(leaks: Leak[]): Leak[] {
  return leaks.sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.advisory.localeCompare(b.advisory) || a.what.localeCompare(b.what) || a.text.localeCompare(b.text),
  );
}

/**
 * The search engine's own code, which Pagefind writes byte for byte the same whatever the
 * content: a date or a word in it (the compiler's build date in the WebAssembly, say) is there
 * without any advisory's contribution, so only quoted values count there (distinctive.ts).
 */
export const ENGINE_FILES = /^pagefind\/(pagefind\.js|wasm\.[\w-]+\.pagefind)$/;

/** The secrets indexed once, then any number of files scanned against them. */
export class LeakScanner {
  private readonly index: SecretIndex | undefined;
  private readonly quoted: SecretIndex;

  constructor(secrets: readonly Secret[]) {
    this.index = secrets.length > 0 ? new SecretIndex(secrets) : undefined;
    this.quoted = new SecretIndex(secrets.filter((s) => (s.kind ?? 'quoted') === 'quoted'));
  }

  /** Scans the given files under `dir` (relative paths, as `listFiles` gives them). */
  scan(dir: string, files: readonly string[]): Leak[] {
    const found: Leak[] = [];
    for (const file of files) this.scanOne(dir, file, found);
    return sortLeaks(found);
  }

  /**
   * The same scan, yielding to the event loop between batches of files, so that work waiting
   * on another process or thread (the search indexer, the build worker) keeps moving.
   */
  async scanAsync(dir: string, files: readonly string[]): Promise<Leak[]> {
    const found: Leak[] = [];
    for (let i = 0; i < files.length; i++) {
      if (i % 32 === 31) await new Promise((resolve) => setImmediate(resolve));
      this.scanOne(dir, files[i]!, found);
    }
    return sortLeaks(found);
  }

  private scanOne(dir: string, file: string, found: Leak[]): void {
    if (!this.index) return;
    const text = decodeBytes(readFileSync(join(dir, file)), file);
    const index = ENGINE_FILES.test(file) ? this.quoted : this.index;
    for (const s of index.find(`${file}\n${text}`)) found.push({ file, advisory: s.advisory, what: s.what, text: s.text });
  }
}
