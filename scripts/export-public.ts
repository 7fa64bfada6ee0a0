/** npm run export-public: src/commands/export-public.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/export-public.ts';

await runScript(run);
