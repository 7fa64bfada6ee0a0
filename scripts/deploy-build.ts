/** npm run deploy-build: src/commands/deploy-build.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/deploy-build.ts';

await runScript(run);
