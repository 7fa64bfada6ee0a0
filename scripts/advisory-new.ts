/** npm run advisory:new: src/commands/advisory-new.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/advisory-new.ts';

await runScript(run);
