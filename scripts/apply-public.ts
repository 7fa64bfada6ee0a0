/** npm run apply-public: src/commands/apply-public.ts. */
import { runScript } from '../src/commands/cli.ts';
import { run } from '../src/commands/apply-public.ts';

await runScript(run);
