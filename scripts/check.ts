/**
 * npm run check [-- <files or folders…>] [--changed [--base <ref>]] [--format human|github]
 *                 [--content-root <dir>]
 *
 * Validates content/ without building: schema, policy rules, cross-file rules. Prints every
 * problem as `file: field: message`, then exits 1 if there was any (2 for a usage mistake).
 * `--changed` checks only the advisories changed against the base branch (`--base`, else the
 * pull request's target, else origin/main or main). `--format github` (automatic under
 * GitHub Actions) prints workflow annotations that show on the PR's lines.
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
