// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { bulkExports } from './src/build/bulk-exports.ts';
import { hostFiles } from './src/build/host-files.ts';
import { leakGuard } from './src/build/leak-guard.ts';
import { currentSession } from './src/build/session.ts';
import { basePath } from './src/model/urls.ts';

// The session (src/build/session.ts) holds the checked content and the clock of this build;
// `npm run build` opened it already, otherwise this opens it from the environment.
const site = currentSession().corpus.site;

export default defineConfig({
  site: site.url,
  // Served under the path of the site's URL (https://openedx.org/security): every link goes
  // through href() (src/model/urls.ts), which reads this base.
  base: basePath(site.url),
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
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Scripts only from the site itself: the search page's bundled module and the small enhancements.
      scriptDirective: { resources: ["'self'"] },
    },
  },
});
