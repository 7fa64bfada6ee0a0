/**
 * The folders of src/ are the pipeline's stages, and each imports only from the stages below
 * it (docs/architecture.md): the schema imports nothing of the code that uses it, the embargo
 * core knows nothing of pages, outputs nothing of the build. A new upward import fails here,
 * naming the file and the import, before it becomes a cycle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build-site.ts';

/** Lowest first; a folder may import from its own rank or any lower one. */
const STAGES: Record<string, number> = {
  schemas: 0,
  content: 1,
  embargo: 2,
  model: 3,
  outputs: 4,
  build: 5,
  verify: 6,
  tools: 6,
  commands: 7,
  deploy: 7,
  components: 8,
  layouts: 8,
  pages: 8,
  styles: 8,
  'content.config.ts': 9,
};

const SRC = join(PROJECT_ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : /\.(ts|astro|mjs)$/.test(e.name) ? [path] : [];
  });
}

const stageOf = (file: string) => relative(SRC, file).split(sep)[0]!;
const IMPORT = /(?:from\s+|import\s*\(\s*|import\s+|new URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

describe('the layout of src/', () => {
  const files = sources(SRC);

  it('knows the stage of every folder', () => {
    expect([...new Set(files.map(stageOf))].filter((s) => !(s in STAGES))).toEqual([]);
  });

  it('has no import from a higher stage', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = stageOf(file);
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const target = resolve(dirname(file), m[1]!);
        if (!target.startsWith(SRC + sep)) continue;
        const to = stageOf(target);
        if (STAGES[to]! > STAGES[from]!) upward.push(`${relative(PROJECT_ROOT, file)} imports ${m[1]} (${from} -> ${to})`);
      }
    }
    expect(upward).toEqual([]);
  });
});
