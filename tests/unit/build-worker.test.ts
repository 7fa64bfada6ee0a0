/**
 * The build worker (src/build/worker.ts) through its main-thread side, BuildWorker: the
 * exports it writes, the secrets it works out, and the scans it answers, on a real thread.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildWorker } from '../../src/build/jobs.ts';
import { readCorpus } from '../../src/content/read-content.ts';
import { collectSecrets } from '../../src/embargo/leak-scan.ts';
import { CANARIES, FIXTURE_CLOCK, FIXTURE_IDS } from '../fixtures/site/canaries.ts';
import { FIXTURE_SITE } from '../support/fixture-model.ts';

const { corpus } = readCorpus(FIXTURE_SITE);
const now = new Date(FIXTURE_CLOCK);
const scratch = mkdtempSync(join(tmpdir(), 'oex-build-worker-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('BuildWorker', () => {
  const exportsDir = mkdtempSync(join(scratch, 'exports-'));
  const worker = new BuildWorker(corpus!, now, exportsDir);
  afterAll(() => worker.stop());

  it('writes the per-advisory exports of published advisories only', async () => {
    const count = await worker.exports;
    const osv = readdirSync(join(exportsDir, 'osv'));
    expect(count).toBeGreaterThan(0);
    expect(osv).toContain(`${FIXTURE_IDS.backported}.json`);
    expect(osv.join(' ')).not.toContain(FIXTURE_IDS.hidden);
    expect(osv.join(' ')).not.toContain(FIXTURE_IDS.announced);
  });

  it('works out the same secrets as the main thread would', async () => {
    const expected = collectSecrets(corpus!.advisories, now);
    expect(await worker.secrets).toEqual(expected);
  });

  it('finds a planted leak in the files it is given, compressed or not, and only there', async () => {
    const dir = mkdtempSync(join(scratch, 'out-'));
    writeFileSync(join(dir, 'clean.html'), '<p>Nothing embargoed here.</p>');
    writeFileSync(join(dir, 'page.html'), `<p>Thanks to ${CANARIES.hidden.names[0]}.</p>`);
    writeFileSync(join(dir, 'frag.pf_fragment'), gzipSync(JSON.stringify({ content: `see ${CANARIES.announced.aliases[0]}` })));
    const leaks = await worker.scan(dir, ['clean.html', 'page.html', 'frag.pf_fragment']);
    expect(leaks.map((l) => [l.file, l.advisory])).toEqual([
      ['frag.pf_fragment', FIXTURE_IDS.announced],
      ['page.html', FIXTURE_IDS.hidden],
    ]);
    expect(await worker.scan(dir, ['clean.html'])).toEqual([]);
  });

  it('rejects a scan it cannot finish (a missing file) instead of reporting it clean', async () => {
    await expect(worker.scan(scratch, ['no-such-file.html'])).rejects.toThrow(/no-such-file\.html/);
  });
});

describe('a build worker that stops', () => {
  it('rejects what is still awaited, so the build fails instead of hanging', async () => {
    const worker = new BuildWorker(corpus!, now, mkdtempSync(join(scratch, 'exports-')));
    await worker.exports;
    await worker.stop();
    await expect(worker.scan(scratch, ['anything.html'])).rejects.toThrow(/build worker/);
  });

  it('reports an export failure (an unwritable staging folder) as a rejection', async () => {
    const blocked = join(scratch, 'a-file');
    writeFileSync(blocked, '');
    const worker = new BuildWorker(corpus!, now, blocked);
    try {
      await expect(worker.exports).rejects.toThrow(/exports/);
      expect(existsSync(join(blocked, 'osv'))).toBe(false);
    } finally {
      await worker.stop();
    }
  });
});
