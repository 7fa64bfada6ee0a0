/** npm run reveal-drill: src/commands/reveal-drill.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/reveal-drill.ts';

await runScript(run);
