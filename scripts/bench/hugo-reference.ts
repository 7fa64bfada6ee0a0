/**
 * The side-by-side reference of the performance targets: Hugo rendering the same advisory
 * Markdown into bare pages (a title and the body, no feeds, lists or search), timed on the same
 * machine. It runs only when a `hugo` binary is on the PATH (Debian: apt-get install hugo);
 * the benchmark reports it as a reference, not as a budget.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type HugoReference = { version: string; seconds: number; pages: number };

/** The Hugo version line, or undefined when Hugo is not installed. */
export function hugoVersion(): string | undefined {
  const run = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim().split(' ').slice(0, 2).join(' ') : undefined;
}

const CONFIG = `baseURL = "https://example.org/"
title = "reference"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
# Our advisories' aliases are CVE and GHSA ids, which Hugo would take for redirect paths.
disableAliases = true
[markup.goldmark.renderer]
unsafe = false
`;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
`;

const LIST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1></main></body></html>
`;

/**
 * Builds the advisories under `contentRoot` with Hugo into a temporary folder and returns the
 * wall time of the build alone (the site is laid out before the clock starts).
 */
export function hugoReference(contentRoot: string): HugoReference | undefined {
  const version = hugoVersion();
  if (!version) return undefined;
  const site = mkdtempSync(join(tmpdir(), 'oex-bench-hugo-'));
  try {
    writeFileSync(join(site, 'hugo.toml'), CONFIG);
    mkdirSync(join(site, 'layouts/_default'), { recursive: true });
    writeFileSync(join(site, 'layouts/_default/single.html'), PAGE);
    writeFileSync(join(site, 'layouts/_default/list.html'), LIST);
    writeFileSync(join(site, 'layouts/index.html'), LIST);
    cpSync(join(contentRoot, 'content/advisories'), join(site, 'content/advisories'), { recursive: true });

    const started = process.hrtime.bigint();
    const run = spawnSync('hugo', ['--quiet', '--source', site, '--destination', join(site, 'public')], { encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`hugo failed: ${(run.stderr || run.stdout).slice(-2000)}`);
    const pages = readdirSync(join(site, 'public'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
    return { version, seconds, pages };
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
}
