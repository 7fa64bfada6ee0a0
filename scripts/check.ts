/**
 * npm run check [-- <files or folders…>] [--changed [--base <ref>]] [--at <instant>]
 *                 [--format human|github] [--content-root <dir>]
 *
 * Validates content/ without building: schema, policy rules, cross-file rules, prose pages.
 * Prints every problem as `file:line: field: message` (warnings marked `warning:`), then exits
 * 1 if there was a problem, 0 with warnings only (2 for a usage mistake). `--changed` checks
 * only the advisories and pages changed against the base branch (`--base`, else the pull
 * request's target, else origin/main or main). `--at` is the clock of the rules that depend
 * on time (default: now). `--format github` (automatic under GitHub Actions) prints workflow
 * annotations that show on the PR's lines.
 */
import { enableCompileCache } from 'node:module';
import { resolve } from 'node:path';

// Authors run this after every edit: Node's compile cache makes the second and later runs
// start faster. It must be on before the modules below are loaded, hence the dynamic import.
enableCompileCache?.();
const { runCheck } = await import('../src/commands/check.ts');

process.exitCode = runCheck(process.argv.slice(2), process.env, resolve(import.meta.dirname, '..'), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
