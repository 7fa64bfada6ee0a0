/**
 * npm run check [-- <files…>] [--changed [--base <ref>]] [--format human|github]
 *
 * Validates content/ without building: schema, policy rules, cross-file rules. Prints every
 * problem, then exits 1 if there was any. `--format github` (automatic under GitHub Actions)
 * prints workflow annotations that show on the PR's lines.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { readCorpus } from '../src/lib/content.ts';
import { contentRoot } from '../src/lib/content-root.ts';
import { formatAnnotation, formatProblem } from '../src/lib/problems.ts';

const args = process.argv.slice(2);
// CONTENT_ROOT checks another content tree (fixtures, the benchmark archive), like the build.
const root = process.env.CONTENT_ROOT ? contentRoot() : resolve(import.meta.dirname, '..');
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args.splice(i, 2)[1] : undefined;
};
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? Boolean(args.splice(i, 1)) : false;
};

const format = option('--format') ?? (process.env.GITHUB_ACTIONS === 'true' ? 'github' : 'human');
const base = option('--base') ?? (process.env.GITHUB_BASE_REF ? `origin/${process.env.GITHUB_BASE_REF}` : 'main');
const changed = flag('--changed');

function changedFiles(): string[] {
  const git = (...a: string[]) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
  const files = new Set([
    ...git('diff', '--name-only', '--diff-filter=ACMR', `${base}...HEAD`),
    ...git('diff', '--name-only', '--diff-filter=ACMR', 'HEAD'),
    ...git('ls-files', '--others', '--exclude-standard'),
  ]);
  return [...files].filter((f) => f.startsWith('content/advisories/'));
}

let only: string[] | undefined;
if (changed) only = changedFiles();
else if (args.length > 0) only = args.map((f) => resolve(f).slice(root.length + 1).split('\\').join('/'));

const started = performance.now();
const { corpus, problems } = readCorpus(root, only);
const ms = Math.round(performance.now() - started);

if (problems.length > 0) {
  for (const p of problems) console.log(format === 'github' ? formatAnnotation(p) : formatProblem(p));
  const files = new Set(problems.map((p) => p.file)).size;
  console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}. Fix them and run npm run check again; CONTRIBUTING.md explains each field.`);
  process.exit(1);
}
const count = only ? `${only.length} advisory file(s)` : `${corpus!.advisories.length} advisories, ${corpus!.releases.length} named releases`;
console.log(`content OK: ${count} checked in ${ms} ms`);
