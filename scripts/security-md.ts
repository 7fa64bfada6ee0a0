/** npm run security-md: src/commands/security-md.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/security-md.ts';

await runScript(run);
