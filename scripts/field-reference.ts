/** npm run docs:fields: src/commands/field-reference.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/field-reference.ts';

await runScript(run);
