/**
 * Builds the fixture site once, at its clock, with the real production build, and checks what
 * a visitor (or a scraper) can find: a page for every published or withdrawn advisory, none
 * for the announced, hidden or draft ones, and no canary string of theirs in any output byte.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOutput } from '../../src/embargo/leak-scan.ts';
import { paths } from '../../src/model/urls.ts';
import { FIXTURES, type BuildResult } from '../support/build-site.ts';
import { sharedBuild } from '../support/shared-build.ts';
import {
  CANARIES,
  canaryStrings,
  FIXTURE_CLOCK,
  FIXTURE_EMBARGOED_IDS,
  FIXTURE_IDS,
  FIXTURE_PUBLIC_IDS,
} from '../fixtures/site/canaries.ts';

const SITE = join(FIXTURES, 'site');

let result: BuildResult;
/** Every output file, decompressed, keyed by its path relative to the output folder. */
let files: Map<string, string>;

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

const pageFile = (id: string) => join(result.outDir, paths.advisory(id), 'index.html');
const filesContaining = (needle: string) =>
  [...files].filter(([file, text]) => `${file}\n${text}`.toLowerCase().includes(needle.toLowerCase())).map(([file]) => file);

beforeAll(() => {
  result = sharedBuild(SITE, FIXTURE_CLOCK);
  files = new Map();
  if (result.code === 0) {
    for (const path of walk(result.outDir)) files.set(relative(result.outDir, path), readOutput(path));
  }
});

describe(`fixture site built at ${FIXTURE_CLOCK}`, () => {
  it('builds', () => {
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(files.size).toBeGreaterThan(0);
  });

  it.each(FIXTURE_PUBLIC_IDS)('has a page for %s', (id) => {
    expect(existsSync(pageFile(id)), pageFile(id)).toBe(true);
    expect(readFileSync(pageFile(id), 'utf8')).toContain(id);
  });

  it.each(FIXTURE_EMBARGOED_IDS)('has no page for %s', (id) => {
    expect(existsSync(join(result.outDir, paths.advisory(id)))).toBe(false);
  });

  it('lists the withdrawn advisory among the published ones', () => {
    expect(existsSync(pageFile(FIXTURE_IDS.withdrawn))).toBe(true);
    expect(readFileSync(join(result.outDir, 'advisories/index.html'), 'utf8')).toContain(FIXTURE_IDS.withdrawn);
  });

  it('renders the non-ASCII names of the revised advisory intact', () => {
    const html = readFileSync(pageFile(FIXTURE_IDS.revised), 'utf8');
    expect(html).toContain('Zoë Ångström');
    expect(html).toContain('李雷');
  });

  it('mentions the announced advisory id (its notice is public)', () => {
    expect(filesContaining(CANARIES.announced.id).length).toBeGreaterThan(0);
  });

  it.each([CANARIES.hidden.id, CANARIES.draft.id])('mentions %s nowhere', (id) => {
    expect(filesContaining(id)).toEqual([]);
  });

  describe.each(Object.entries(CANARIES))('canaries of the %s advisory', (_role, canary) => {
    it.each(canaryStrings(canary))('"%s" appears in no output file', (needle) => {
      expect(filesContaining(needle)).toEqual([]);
    });
  });
});

describe('fixture canaries', () => {
  // A canary that is not in its source would make the scans above pass vacuously.
  const sources = Object.fromEntries(
    [...walk(join(SITE, 'content/advisories'))].map((path) => [relative(SITE, path), readFileSync(path, 'utf8')]),
  );
  it.each(Object.entries(CANARIES))('each %s canary occurs in its own advisory file and no other', (_role, canary) => {
    const own = Object.keys(sources).find((f) => f.endsWith(`/${canary.id}.md`));
    expect(own).toBeDefined();
    for (const needle of canaryStrings(canary)) {
      const holders = Object.entries(sources)
        .filter(([, text]) => text.includes(needle))
        .map(([f]) => f);
      expect(holders, needle).toEqual([own]);
    }
  });
});
