/** npm run dev, npm run dev:embargoed: src/commands/dev.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/dev.ts';

await runScript(run);
