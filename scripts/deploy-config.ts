/** npm run deploy-config: src/commands/deploy-config.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/deploy-config.ts';

await runScript(run);
