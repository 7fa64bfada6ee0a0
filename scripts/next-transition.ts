/** npm run next-transition: src/commands/next-transition.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/next-transition.ts';

await runScript(run);
