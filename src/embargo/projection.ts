/**
 * The public projection: what the public site may hold of each advisory at an instant. The
 * content loader stores it, and the site model (src/model/site-model.ts) is built from it, so
 * no page, feed, export or search record can reach embargoed text even by mistake.
 */
import type { PublicEntry } from '../schemas/public-entry.ts';
import type { AdvisoryEntry, Corpus, NoticeOnlyEntry } from '../content/read-content.ts';
import { renderMarkdown } from '../content/markdown.ts';
import { noticeView, publicView, visibilityOf } from './visibility.ts';

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

/** A notice-only advisory is shown as its notice while announced, like a full one (never in full: it has nothing more). */
export const toNoticeEntry = (entry: NoticeOnlyEntry, now: Date): PublicEntry | null => noticeView(entry.data, now);

const idOf = (e: PublicEntry) => (e.visibility === 'announced' ? e.id : e.advisory.id);

/** The public entries of a corpus at `now`, full and notice-only, by id (hidden advisories have none). */
export function projectCorpus(corpus: Pick<Corpus, 'advisories' | 'notices'>, now: Date, options: EntryOptions = {}): PublicEntry[] {
  const full = corpus.advisories.flatMap((entry) => toPublicEntry(entry, now, options) ?? []);
  const notices = corpus.notices.flatMap((entry) => toNoticeEntry(entry, now) ?? []);
  return notices.length === 0 ? full : [...full, ...notices].sort((a, b) => idOf(a).localeCompare(idOf(b)));
}
