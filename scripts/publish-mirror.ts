/** npm run publish-mirror: src/commands/publish-mirror.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/publish-mirror.ts';

await runScript(run);
