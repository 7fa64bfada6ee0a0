/**
 * The public projection: what the public site may hold of each advisory at an instant. The
 * content loader stores it, and the site model (src/model/site-model.ts) is built from it, so
 * no page, feed, export or search record can reach embargoed text even by mistake.
 */
import type { PublicEntry } from '../schemas/public-entry.ts';
import type { AdvisoryEntry, Corpus } from '../content/read-content.ts';
import { renderMarkdown } from '../content/markdown.ts';
import { publicView, visibilityOf } from './visibility.ts';

export type EntryOptions = {
  /** Dev-server preview of embargoed advisories in full. Never set by a production build. */
  previewEmbargoed?: boolean;
};

export function toPublicEntry(entry: AdvisoryEntry, now: Date, options: EntryOptions = {}): PublicEntry | null {
  const full = () => renderMarkdown(entry.body);
  if (options.previewEmbargoed) {
    const phase = visibilityOf(entry.data, now);
    if (phase === 'hidden' || phase === 'announced') {
      return { visibility: 'published', advisory: entry.data, ...full(), embargoed: phase };
    }
  }
  const view = publicView(entry.data, now, full);
  if (!view) return null;
  if (view.visibility === 'announced') return view;
  const { data, visibility, ...rest } = view;
  return { visibility, advisory: data, ...rest };
}

/** The public entries of a corpus at `now`, in corpus order (hidden advisories have none). */
export function projectCorpus(corpus: Pick<Corpus, 'advisories'>, now: Date, options: EntryOptions = {}): PublicEntry[] {
  return corpus.advisories.flatMap((entry) => toPublicEntry(entry, now, options) ?? []);
}
