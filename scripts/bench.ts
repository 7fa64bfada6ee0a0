/**
 * npm run bench [-- --sizes 100,1000,10000] [--no-browser] [--json <file>]
 *
 * Generates synthetic archives in temporary folders (never touching content/), then for each
 * size runs `check` and the full production build as separate processes, measuring wall time
 * and peak memory. Then it weighs the pages of a real build and a first search query at the
 * largest size, checks budgets and targets, prints a table and writes the figures as JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { findChromium } from '../tests/support/browser.ts';
import { generateContentRoot } from './bench/synthetic.ts';
import { samplePages, weighPage, type PageWeight } from './bench/page-weight.ts';
import { groupFiles, weighFirstSearch, type SearchWeight } from './bench/search-weight.ts';
import { hugoReference, type HugoReference } from './bench/hugo-reference.ts';

const ROOT = resolve(import.meta.dirname, '..');
const CLOCK = '2026-11-25T12:00:00Z';
const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const sizes = (flag('--sizes') ?? '100,1000,10000').split(',').map(Number);
const jsonOut = resolve(flag('--json') ?? join(ROOT, 'bench-results/latest.json'));
const useBrowser = !argv.includes('--no-browser');

type Step = { seconds: number; peakMb: number; userS: number | undefined; sysS: number | undefined; ok: boolean };

/**
 * CPU seconds (user, system) used so far by this process's finished children and theirs, from
 * /proc (Linux; undefined elsewhere). It covers the whole tree of a measured step, Pagefind
 * included. High system time is how a slow file system shows (see docs/performance.md).
 */
function childCpu(): { user: number; sys: number } | undefined {
  try {
    // Fields after the command name; cutime and cstime are the 14th and 15th, in clock ticks.
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    const TICKS = 100; // USER_HZ, 100 on every Linux architecture Node supports
    return { user: Number(fields[13]) / TICKS, sys: Number(fields[14]) / TICKS };
  } catch {
    return undefined;
  }
}
type SizeResult = {
  advisories: number;
  check: Step;
  build: Step;
  pages: number;
  files: number;
  bytes: number;
  hugo: HugoReference | undefined;
};

function measure(args: string[], env: NodeJS.ProcessEnv): Step & { stdout: string; stderr: string } {
  const usageDir = mkdtempSync(join(tmpdir(), 'oex-bench-usage-'));
  const usageFile = join(usageDir, 'usage.json');
  const cpuBefore = childCpu();
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ['--import', join(ROOT, 'scripts/bench/report-usage.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, BENCH_USAGE_FILE: usageFile },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpuAfter = childCpu();
  const userS = cpuBefore && cpuAfter ? cpuAfter.user - cpuBefore.user : undefined;
  const sysS = cpuBefore && cpuAfter ? cpuAfter.sys - cpuBefore.sys : undefined;
  let peakMb = 0;
  try {
    peakMb = JSON.parse(readFileSync(usageFile, 'utf8')).maxRssKb / 1024;
  } catch {
    /* the process died before reporting */
  }
  rmSync(usageDir, { recursive: true, force: true });
  return { seconds, peakMb, userS, sysS, ok: run.status === 0, stdout: run.stdout, stderr: run.stderr };
}

function tree(dir: string): { pages: number; files: number; bytes: number } {
  let pages = 0,
    files = 0,
    bytes = 0;
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(join(e.parentPath, e.name)).size;
    if (e.name.endsWith('.html')) pages++;
  }
  return { pages, files, bytes };
}

const fmt = (n: number, digits = 2) => n.toFixed(digits);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

console.log(
  `benchmark on ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
);
const results: SizeResult[] = [];
let largestDist: string | undefined;
// Everything generated is deleted at the very end, not between steps: on a file system
// without a journal (this VM's ext4), creating files within seconds of deleting tens of
// thousands is several times slower, because the inode allocator steps over every recently
// freed inode. Deleting one size's output made the next size's build slower.
const leftovers: string[] = [];
const roots = new Map<number, string>();
for (const n of sizes) {
  const root = generateContentRoot(n, new Date(CLOCK), ROOT);
  const out = mkdtempSync(join(tmpdir(), `oex-bench-dist-${n}-`));
  const env = { CONTENT_ROOT: root, BUILD_AT: '' };
  const check = measure(['scripts/check.ts'], env);
  const build = measure(['scripts/build.ts', '--at', CLOCK, '--out', out], env);
  if (!check.ok || !build.ok) {
    console.error(`size ${n}: ${!check.ok ? 'check' : 'build'} failed\n${(check.ok ? build : check).stderr.slice(-4000)}`);
    process.exit(1);
  }
  results.push({ advisories: n, check, build, ...tree(out), hugo: undefined });
  console.log(`  ${n} advisories: check ${fmt(check.seconds)} s, build ${fmt(build.seconds)} s`);
  leftovers.push(root, out);
  roots.set(n, root);
  largestDist = out;
}

// Page weight from the real build of the project's own content.
const realDist = mkdtempSync(join(tmpdir(), 'oex-bench-real-'));
const real = measure(['scripts/build.ts', '--at', CLOCK, '--out', realDist], { CONTENT_ROOT: ROOT, BUILD_AT: '' });
if (!real.ok) {
  console.error(`build of content/ failed\n${real.stderr.slice(-4000)}`);
  process.exit(1);
}
const weights: PageWeight[] = samplePages(realDist).map(([type, path]) => weighPage(realDist, type, path));

let search: SearchWeight | undefined;
let searchNote = '';
if (useBrowser && largestDist && findChromium()) {
  try {
    search = await weighFirstSearch(largestDist, 'authorization');
  } catch (e) {
    searchNote = `search weight not measured: ${(e as Error).message.split('\n')[0]}`;
  }
} else {
  searchNote = 'search weight not measured: no browser (install chromium or drop --no-browser)';
}

// The side-by-side reference of the targets, when Hugo is installed: the same Markdown, bare
// pages. Last, so that its temporary sites do not slow the builds above.
for (const r of results) {
  r.hugo = hugoReference(roots.get(r.advisories)!);
  if (r.hugo) console.log(`  ${r.advisories} advisories: ${r.hugo.version} bare pages ${fmt(r.hugo.seconds)} s`);
}

// Budgets and targets from the performance issue.
const at = (n: number) => results.find((r) => r.advisories === n);
const checks: Array<{ what: string; ok: boolean | undefined; figure: string }> = [];
const advisoryPage = weights.find((w) => w.type === 'advisory');
if (advisoryPage)
  checks.push({
    what: 'advisory page < 14 KB gzip HTML+CSS',
    ok: advisoryPage.html + advisoryPage.css < 14 * 1024,
    figure: kb(advisoryPage.html + advisoryPage.css),
  });
if (advisoryPage) checks.push({ what: 'advisory page ships 0 B of JavaScript', ok: advisoryPage.js === 0, figure: `${advisoryPage.js} B` });
// Search needs its UI; the upcoming page's local-time note and the SECURITY.md copy button are
// small optional enhancements the pages issue allows. Every other page must ship none.
const ENHANCED = new Set(['search', 'upcoming', 'SECURITY.md']);
const jsElsewhere = weights.filter((w) => !ENHANCED.has(w.type) && w.js > 0);
checks.push({
  what: 'pages other than search (and two small enhancements) ship 0 B of JavaScript',
  ok: jsElsewhere.length === 0,
  figure: jsElsewhere.map((w) => `${w.type} ${w.js} B`).join(', ') || '0 B',
});
if (search)
  checks.push({
    what: `first search query < 150 KB (at ${results.at(-1)!.advisories})`,
    ok: search.bytes < 150 * 1024,
    figure: kb(search.bytes),
  });
if (at(10000))
  checks.push({ what: 'check of 10,000 files < 2 s', ok: at(10000)!.check.seconds < 2, figure: `${fmt(at(10000)!.check.seconds)} s` });
if (at(1000))
  checks.push({ what: 'build of 1,000 advisories < 6 s', ok: at(1000)!.build.seconds < 6, figure: `${fmt(at(1000)!.build.seconds)} s` });
if (at(10000))
  checks.push({
    what: 'build of 10,000 advisories < 27 s',
    ok: at(10000)!.build.seconds < 27,
    figure: `${fmt(at(10000)!.build.seconds)} s`,
  });
if (at(1000) && at(10000)) {
  const growth = at(10000)!.build.seconds / at(1000)!.build.seconds;
  checks.push({ what: 'build growth 1,000 → 10,000 no worse than linear (≤ 10×)', ok: growth <= 10, figure: `${fmt(growth, 1)}×` });
}

const cpu = (s: Step) => (s.userS === undefined ? 'n/a' : `${fmt(s.userS, 1)} + ${fmt(s.sysS!, 1)}`);
console.log(
  '\n| advisories | check s | check peak MB | build s | build CPU s (user + system) | build peak MB | pages | files | output MB |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(
    `| ${r.advisories} | ${fmt(r.check.seconds)} | ${fmt(r.check.peakMb, 0)} | ${fmt(r.build.seconds)} | ${cpu(r.build)} | ${fmt(r.build.peakMb, 0)} | ${r.pages} | ${r.files} | ${fmt(r.bytes / 2 ** 20, 1)} |`,
  );
}
const hugoRows = results.filter((r) => r.hugo);
if (hugoRows.length > 0) {
  console.log(
    `\nreference: ${hugoRows[0]!.hugo!.version} rendering the same Markdown into bare pages (title and body; no feeds, lists, exports, search or leak scan)`,
  );
  console.log('| advisories | hugo s | hugo pages | this build s | ratio |');
  console.log('| ---: | ---: | ---: | ---: | ---: |');
  for (const r of hugoRows)
    console.log(
      `| ${r.advisories} | ${fmt(r.hugo!.seconds)} | ${r.hugo!.pages} | ${fmt(r.build.seconds)} | ${fmt(r.build.seconds / r.hugo!.seconds, 1)}× |`,
    );
} else {
  console.log('\nreference: hugo is not installed (apt-get install hugo), so the side-by-side figures were skipped');
}
console.log('\n| page type | path | HTML gzip | CSS gzip | JS gzip |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const w of weights) console.log(`| ${w.type} | ${w.path} | ${kb(w.html)} | ${kb(w.css)} | ${kb(w.js)} |`);
if (search)
  console.log(
    `\nfirst search query "${search.query}" at ${results.at(-1)!.advisories} advisories: ${kb(search.bytes)} in ${search.requests} requests, ${search.results} results shown`,
  );
if (search) {
  console.log('\n| file | requests | bytes (gzip) |');
  console.log('| --- | ---: | ---: |');
  for (const g of groupFiles(search.files)) console.log(`| ${g.what} | ${g.count} | ${kb(g.bytes)} |`);
}
if (searchNote) console.log(`\n${searchNote}`);
console.log('\n| budget or target | figure | result |');
console.log('| --- | ---: | --- |');
for (const c of checks) console.log(`| ${c.what} | ${c.figure} | ${c.ok ? 'met' : 'MISSED'} |`);

mkdirSync(dirname(jsonOut), { recursive: true });
writeFileSync(
  jsonOut,
  `${JSON.stringify({ machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, clock: CLOCK, sizes: results.map(({ check, build, ...r }) => ({ ...r, check: { seconds: check.seconds, peakMb: check.peakMb, userS: check.userS, sysS: check.sysS }, build: { seconds: build.seconds, peakMb: build.peakMb, userS: build.userS, sysS: build.sysS } })), pageWeights: weights, search, checks }, null, 2)}\n`,
);
console.log(`\nfigures written to ${jsonOut}`);
for (const dir of [realDist, ...leftovers]) rmSync(dir, { recursive: true, force: true });
