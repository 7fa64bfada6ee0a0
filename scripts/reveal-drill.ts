/**
 * npm run reveal-drill [-- --ahead <seconds>]
 *
 * Rehearses a publication on this machine with the deploy workflow's own plan, build, wait
 * and publish steps, served by nginx with deploy/nginx.conf (src/deploy/reveal-drill.ts).
 * The last line is `reveal: live N s after publish_at`. Needs nginx (sh scripts/test-tools.sh
 * installs it); exits 1 if anything was served early or verify-live never passed.
 */
import { revealDrill } from '../src/deploy/reveal-drill.ts';
import { flagsOrExit } from './lib/cli.ts';

const USAGE = 'usage: npm run reveal-drill -- [--ahead <seconds, default 40>]';
const flags = flagsOrExit(process.argv.slice(2), { ahead: { type: 'string' } }, USAGE);
const ahead = flags.ahead === undefined ? 40 : Number(flags.ahead);
if (!Number.isInteger(ahead) || ahead < 15 || ahead > 3600) {
  console.error(`--ahead: expected whole seconds from 15 to 3600 (found "${flags.ahead}")\n${USAGE}`);
  process.exit(2);
}
try {
  const seconds = await revealDrill({ aheadSeconds: ahead });
  console.log(`reveal: live ${seconds.toFixed(1)} s after publish_at`);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
