/**
 * npm run verify-live -- <base-url> [--at <instant>]
 *
 * After a deploy: fetch the live site and confirm that every advisory due at the clock is
 * there and nothing embargoed is. Pass the same --at the deployed build used; a transition
 * between build and check would otherwise be reported as missing. What it fetches:
 * src/verify/verify-live.ts and docs/embargo.md. Exit 1: a problem found, or the site could
 * not be fetched; exit 2: bad arguments.
 */
import { describeClock } from '../build/clock.ts';
import { verifyLive, type Fetcher } from '../verify/verify-live.ts';
import { checkedCorpus, clockFrom, guarded, parseFlags, RefusedError, rootFrom, UsageError, type Io } from './cli.ts';

export const USAGE = 'usage: npm run verify-live -- <base-url> [--at <instant>]';

const TIMEOUT_SECONDS = 30;

/** A request that got no answer (the host is unknown or down, or the network is): one line, exit 1. */
const fetcher: Fetcher = async (url) => {
  try {
    // Bypass caches between us and the origin: we want what visitors get now.
    const res = await fetch(url, {
      headers: { 'cache-control': 'no-cache' },
      redirect: 'follow',
      signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000),
    });
    return { status: res.status, text: await res.text() };
  } catch (e) {
    // fetch() says only "fetch failed"; the reason (refused, unknown host, reset) is its cause.
    const error = e as Error & { cause?: Error & { code?: string } };
    const why =
      error.name === 'TimeoutError' ? `no answer within ${TIMEOUT_SECONDS} s` : error.cause?.message || error.cause?.code || error.message;
    throw new RefusedError(
      `verify-live: cannot fetch ${url} (${why}); check the URL and that the site is deployed and reachable from here`,
    );
  }
};

export function run(argv: string[], io: Io): Promise<number> {
  return guarded(io, USAGE, async () => {
    const { flags, positionals } = parseFlags(argv, { at: { type: 'string' } }, true);
    if (flags.help) {
      io.out(USAGE);
      return 0;
    }
    const base = positionals[0];
    if (positionals.length !== 1 || !base || !/^https?:\/\//.test(base) || !URL.canParse(base))
      throw new UsageError(`expected one http(s) URL of the deployed site (found ${positionals.map((p) => `"${p}"`).join(' ') || 'none'})`);
    const clock = clockFrom(flags.at);
    const corpus = checkedCorpus(rootFrom(undefined, io.env));

    io.out(`verifying ${base} at ${describeClock(clock)}`);
    const report = await verifyLive(base, corpus, clock.now, fetcher);
    for (const f of report.findings) io.err(`${f.url}: ${f.problem}`);
    if (report.findings.length > 0) {
      io.err(`\nverify-live: ${report.findings.length} problem(s) in ${report.fetched} URLs`);
      return 1;
    }
    io.out(`verify-live: ok, ${report.fetched} URLs checked`);
    return 0;
  });
}
