/** npm run verify-live: src/commands/verify-live.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/verify-live.ts';

await runScript(run);
