/**
 * A failed or crashed build leaves no previous output behind, renamed or not: the build renames
 * the old output to `<out>.old-<pid>` and deletes it while it runs (src/commands/build.ts).
 * On a refused or failed build neither `<out>` nor any `<out>.old-*` remains; on success only
 * the new output does; an interrupted build (SIGTERM, SIGINT) removes both before it exits;
 * and what a build killed outright left behind is removed by the next one.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildSite, cleanEnv, makeBareContentRoot } from '../support/build-site.ts';
import { copyProject } from '../support/project-copy.ts';

const parents: string[] = [];
afterAll(() => parents.forEach((p) => rmSync(p, { recursive: true, force: true })));

/** `<parent>/dist`, a previous build of this site, beside what a killed build left. */
function previousOutput(): { parent: string; out: string } {
  const parent = mkdtempSync(join(tmpdir(), 'oex-trust-out-'));
  parents.push(parent);
  const out = join(parent, 'dist');
  for (const dir of [out, join(parent, 'dist.old-99999999')]) {
    mkdirSync(dir);
    for (const name of ['index.html', 'sitemap-index.xml']) writeFileSync(join(dir, name), '<p>the previous site</p>');
  }
  // Not a build's leftover: a name the build must not touch.
  mkdirSync(join(parent, 'dist.old-keep'));
  return { parent, out };
}

const valid = (title: string) => `---
id: OEA-2026-401
title: ${title}
summary: A summary of the flaw.
publish_at: "2026-11-02T14:00:00Z"
notice:
  components: [openedx/openedx-platform]
  severity: low
affected:
  - repository: openedx/openedx-platform
---

## Impact

Some impact.
`;
const AT = '2026-12-01T00:00:00Z';

describe('the output folder after a build', () => {
  it('a build refused for its content leaves neither the output nor any old copy', () => {
    const { parent, out } = previousOutput();
    const root = makeBareContentRoot({ 'advisories/2026/OEA-2026-401.md': valid('A title').replace('publish_at', 'publish_at_typo') });
    const r = buildSite(root, AT, { outDir: out });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('build refused');
    expect(readdirSync(parent).sort()).toEqual(['dist.old-keep']);
  });

  it('a build failed by the leak scan leaves neither the output nor any old copy', () => {
    const { parent, out } = previousOutput();
    const hidden = valid('Hidden zarquendal title').replace('2026-11-02T14:00:00Z', '2027-02-02T14:00:00Z');
    const root = makeBareContentRoot({ 'advisories/2027/OEA-2027-401.md': hidden.replace('OEA-2026-401', 'OEA-2027-401') });
    const leaky = `---\nimport { readFileSync } from 'node:fs';\nconst raw = readFileSync(process.env.CONTENT_ROOT + '/content/advisories/2027/OEA-2027-401.md', 'utf8');\n---\n<html lang="en"><head><title>x</title></head><body><p>{raw.match(/^title: (.*)$/m)?.[1]}</p></body></html>\n`;
    const r = buildSite(root, AT, { outDir: out, projectRoot: copyProject({ 'src/pages/leaky.astro': leaky }) });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('LEAK leaky/index.html: OEA-2027-401 title');
    expect(readdirSync(parent).sort()).toEqual(['dist.old-keep']);
  });

  it('a successful build leaves only its own output', () => {
    const { parent, out } = previousOutput();
    const root = makeBareContentRoot({ 'advisories/2026/OEA-2026-401.md': valid('A title') });
    const r = buildSite(root, AT, { outDir: out });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(parent).sort()).toEqual(['dist', 'dist.old-keep']);
    expect(readdirSync(out)).toContain('index.html');
  });

  // In a project copy with a temporary folder of its own, so that what other builds of the
  // suite stage meanwhile cannot be mistaken for what this one left. The build interrupts
  // itself once Astro has made its stage (tests/support/interrupt-on-output.ts): a parent
  // signalling on what it reads could be too late on a loaded machine, when the build is done.
  // CI's environment asks for colour (FORCE_COLOR, CI), which would split the marker; it is
  // set here too, so that what cleanEnv does against it is tested on every machine.
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ])(
    'a build interrupted while it runs (%s) leaves neither the output, nor any old copy, nor anything it staged',
    async (signal, expected) => {
      const { parent, out } = previousOutput();
      const root = makeBareContentRoot({ 'advisories/2026/OEA-2026-401.md': valid('A title') });
      const project = copyProject();
      const temp = mkdtempSync(join(tmpdir(), 'oex-trust-tmp-'));
      parents.push(project, temp);
      const preload = join(import.meta.dirname, '../support/interrupt-on-output.ts');
      vi.stubEnv('FORCE_COLOR', '1');
      vi.stubEnv('CI', 'true');
      const env = cleanEnv({
        BUILD_AT: '',
        CONTENT_ROOT: root,
        TMPDIR: temp,
        INTERRUPT_ON_OUTPUT: '[build] directory:',
        INTERRUPT_SIGNAL: signal,
      });
      vi.unstubAllEnvs();
      const child = spawn(process.execPath, ['--import', preload, 'scripts/build.ts', '--at', AT, '--out', out], {
        cwd: project,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
      // 'close', not 'exit': by then all the output has been read.
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      expect(code, output).toBe(expected);
      expect(output).toContain('[build] directory:');
      expect(output).not.toContain('site built in');
      expect(output).not.toContain('\u001b[');
      expect(readdirSync(parent).sort()).toEqual(['dist.old-keep']);
      expect(readdirSync(join(project, '.astro')).filter((name) => /^(build|exports|search-index)-/.test(name))).toEqual([]);
      expect(readdirSync(temp)).toEqual([]);
    },
  );
});
