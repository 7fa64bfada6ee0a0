/**
 * npm run verify-live -- <base-url> [--at <instant>]
 *
 * After a deploy: fetch the live site and confirm that every advisory due at the clock is
 * there and nothing embargoed is. Pass the same --at (or BUILD_AT) the deployed build used;
 * a transition between build and check would otherwise be reported as missing. What it
 * fetches: src/verify/verify-live.ts and docs/embargo.md. Exit 1: a problem found, or the site
 * could not be fetched; exit 2: bad arguments.
 */
import { describeClock } from '../src/build/clock.ts';
import { clockOrExit, corpusOrExit } from './lib/cli.ts';
import { verifyLive, type Fetcher, type Report } from '../src/verify/verify-live.ts';

const argv = process.argv.slice(2);
const base = argv.find((a, i) => /^https?:\/\//.test(a) && argv[i - 1] !== '--at');
if (!base || !URL.canParse(base)) {
  console.error('usage: npm run verify-live -- <base-url> [--at <instant>]');
  process.exit(2);
}

const clock = clockOrExit(argv);
const corpus = corpusOrExit();

/** A request that got no answer: the host is unknown or down, or the network is. */
class Unreachable extends Error {}

const TIMEOUT_SECONDS = 30;

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
    throw new Unreachable(`verify-live: cannot fetch ${url} (${why}); check the URL and that the site is deployed and reachable from here`);
  }
};

console.log(`verifying ${base} at ${describeClock(clock)}`);
let report: Report;
try {
  report = await verifyLive(base, corpus, clock.now, fetcher);
} catch (e) {
  if (!(e instanceof Unreachable)) throw e;
  console.error(e.message);
  process.exit(1);
}
for (const f of report.findings) console.error(`${f.url}: ${f.problem}`);
if (report.findings.length > 0) {
  console.error(`\nverify-live: ${report.findings.length} problem(s) in ${report.fetched} URLs`);
  process.exit(1);
}
console.log(`verify-live: ok, ${report.fetched} URLs checked`);
