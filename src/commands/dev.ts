/**
 * npm run dev [-- --at <instant>] [--port N] [--host address]
 * npm run dev:embargoed [-- …the same]
 *
 * Astro's dev server over the project, showing the site at `--at` (else the real time), on the
 * port and address asked for. `dev:embargoed` (`--embargoed`) also shows hidden and announced
 * advisories in full, each under an EMBARGOED PREVIEW banner; it is for the author's machine
 * only, and the production build refuses it.
 *
 * The dev server reads content again on every change, through the session's reload
 * (src/build/session.ts), which takes the clock from BUILD_AT when Astro runs on its own: so
 * this command puts `--at` there, for its own process only. It returns once the server
 * listens; the server keeps the process running until it is stopped (Ctrl-C).
 */
import { resolve } from 'node:path';
import { CLOCK_ENV, describeClock } from '../build/clock.ts';
import { PREVIEW_ENV } from '../build/content-loader.ts';
import { openSession } from '../build/session.ts';
import { clockFrom, guarded, parseFlags, rootFrom, UsageError, type Io } from './cli.ts';

export const USAGE = 'usage: npm run dev -- [--at <instant with offset>] [--port N] [--host address]  (dev:embargoed: the same)';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, async () => {
    const { flags } = parseFlags(argv, {
      at: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      embargoed: { type: 'boolean' },
    });
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    const port = flags.port === undefined ? undefined : Number(flags.port);
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
      throw new UsageError(`--port: expected a port number from 1 to 65535 (found "${flags.port}")`);
    const clock = clockFrom(flags.at);
    const previewEmbargoed = flags.embargoed === true || io.env[PREVIEW_ENV] === '1';

    // Checked before Astro starts, so a content problem is reported as check reports it.
    openSession({ root: rootFrom(undefined, io.env), clock, previewEmbargoed });
    if (flags.at) process.env[CLOCK_ENV] = clock.now.toISOString();
    else delete process.env[CLOCK_ENV];
    if (previewEmbargoed) process.env[PREVIEW_ENV] = '1';
    io.out(
      `dev server at ${describeClock(clock)}${previewEmbargoed ? ', EMBARGOED PREVIEW: never deploy or screenshot this as the public site' : ''}`,
    );

    const { dev } = await import('astro');
    await dev({ root: PROJECT_ROOT, server: { ...(port ? { port } : {}), ...(flags.host ? { host: flags.host as string } : {}) } });
    return 0;
  });
}
