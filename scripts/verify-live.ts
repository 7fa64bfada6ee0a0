/**
 * npm run verify-live -- <base-url> [--at <instant>]
 *
 * After a deploy: fetch the live site and confirm that every advisory due at the clock is
 * there and nothing embargoed is. Pass the same --at (or BUILD_AT) the deployed build used;
 * a transition between build and check would otherwise be reported as missing.
 */
import { describeClock } from '../src/lib/clock.ts';
import { clockOrExit, corpusOrExit } from './lib/cli.ts';
import { verifyLive, type Fetcher } from '../src/lib/verify-live.ts';

const argv = process.argv.slice(2);
const base = argv.find((a, i) => /^https?:\/\//.test(a) && argv[i - 1] !== '--at');
if (!base) {
  console.error('usage: npm run verify-live -- <base-url> [--at <instant>]');
  process.exit(2);
}

const clock = clockOrExit(argv);
const corpus = corpusOrExit();

const fetcher: Fetcher = async (url) => {
  // Bypass caches between us and the origin: we want what visitors get now.
  const res = await fetch(url, { headers: { 'cache-control': 'no-cache' }, redirect: 'follow' });
  return { status: res.status, text: await res.text() };
};

console.log(`verifying ${base} at ${describeClock(clock)}`);
const findings = await verifyLive(base, corpus.advisories, clock.now, fetcher);
for (const f of findings) console.error(`${f.url}: ${f.problem}`);
if (findings.length > 0) {
  console.error(`\nverify-live: ${findings.length} problem(s)`);
  process.exit(1);
}
console.log("verify-live: ok");
