// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { bulkExports } from './src/integrations/bulk-exports.ts';
import { hostFiles } from './src/build/host-files.ts';
import { leakGuard } from './src/integrations/leak-guard.ts';
import { CLOCK_ENV, resolveClock } from './src/lib/clock.ts';
import { readSite } from './src/lib/content.ts';
import { contentRoot } from './src/lib/content-root.ts';

// One clock per build: resolved here once, then read by the loader, pages and the leak scan.
process.env[CLOCK_ENV] ??= resolveClock().now.toISOString();

const site = readSite(contentRoot(), []);

export default defineConfig({
  site: site?.url ?? 'https://security.openedx.org',
  trailingSlash: 'always',
  build: { format: 'directory', concurrency: 8 },
  devToolbar: { enabled: false },
  // Shiki's inline styles conflict with the CSP; nothing on the site needs highlighting.
  markdown: { syntaxHighlight: false },
  // MDX only for trusted pages under src/; advisories are read by our loader as plain Markdown.
  // hostFiles writes _headers; leakGuard writes the search index and scans all output: it must stay last.
  integrations: [mdx(), sitemap(), bulkExports(), hostFiles(), leakGuard()],
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles its WebAssembly search engine in the browser.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
