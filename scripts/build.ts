/** npm run build: src/commands/build.ts. A failed Astro build leaves handles open, so the process ends at once on failure. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/build.ts';

await runScript(run, { exitOnFailure: true });
