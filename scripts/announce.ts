/** npm run announce: src/commands/announce.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/announce.ts';

await runScript(run);
