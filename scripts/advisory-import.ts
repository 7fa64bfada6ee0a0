/** npm run advisory:import: src/commands/advisory-import.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/advisory-import.ts';

await runScript(run);
