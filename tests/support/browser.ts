/**
 * Finds and launches the system Chromium for playwright-core (npm cannot download browsers
 * on our machines). CHROMIUM_PATH overrides the search.
 *
 * Debian's headless shell comes first: the same Blink as the full browser without its
 * browser UI, and what Playwright itself runs headless. The page checks cost about a third
 * less CPU in it than in the full `chromium` (docs/performance.md).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
];

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return CANDIDATES.find((p) => existsSync(p));
}

export const NO_BROWSER =
  'No Chromium found (looked at CHROMIUM_PATH and ' +
  CANDIDATES.join(', ') +
  '). ' +
  'Install it with `sudo apt-get install chromium-headless-shell` (or run `sh scripts/test-tools.sh`), or set CHROMIUM_PATH.';

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(NO_BROWSER);
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
