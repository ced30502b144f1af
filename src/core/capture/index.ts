// Capture a job posting from a DOM Document. The same code runs in the content script (the live
// page) and in Node (linkedom). Strategies in order of trust: the user's selection, schema.org
// JobPosting JSON-LD, the site's adapter, Readability, the largest text block. A page with no
// posting throws `no_posting` rather than returning the page's navigation. Every strategy's text
// comes with its lines marked (headings, bold lines, list items): the posting keeps its sections.
import { ExtractionError } from '../errors';
import type { Posting } from '../posting';
import { lineFromPlainText, sectionsFromLines, type SectionLine } from '../section-split';
import type { Section } from '../sections';
import { adapterForUrl, type AdapterCapture, type SiteAdapter } from './adapters/index';
import { normalizeLines, nodeToText, stripMarks, unmarkText } from './html-text';
import { fullerPageText, readJobPostingJsonLd, type JsonLdPosting } from './jsonld';
import { captureLargestBlock } from './largest-block';
import { readPageMeta, type PageMeta } from './page-meta';
import { captureWithReadability } from './readability';
import { looksLikeBotCheck, MAX_LINK_DENSITY, MIN_SELECTION_CHARS, readsLikePosting } from './signals';

export interface CaptureOptions {
  url: string;
  /** The user's selected text, if any: it wins when it is more than a few words. */
  selection?: string;
}

export const NO_POSTING_MESSAGE =
  'No job posting found on this page. Open a single job posting (or select its text) and try again.';

/** A JSON-LD description shorter than this, or cut off, is a teaser: the page text is preferred. */
const MIN_JSONLD_CHARS = 200;

function noPosting(): ExtractionError {
  return new ExtractionError('no_posting', NO_POSTING_MESSAGE);
}

function isTruncated(text: string): boolean {
  return /(\.\.\.|…)\s*$/.test(text);
}

function firstNonEmpty(...values: (string | undefined)[]): string {
  for (const v of values) {
    const s = v?.replace(/\s+/g, ' ').trim();
    if (s) return s;
  }
  return '';
}

/** The page's title without the site's suffix ("Title – Vercel", "Title | Company"). */
function stripSiteSuffix(title: string, siteName: string): string {
  if (!title) return '';
  if (siteName) {
    const re = new RegExp(`\\s+[-–—|:·]\\s+${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'i');
    const stripped = title.replace(re, '');
    if (stripped) return stripped;
  }
  return title;
}

/**
 * "Application Security Engineer – Vercel" on vercel.com: a short suffix that is the site's own
 * name (it appears in the host) is the company, the rest is the title.
 */
export function splitTitleBySite(title: string, url: string): { title: string; company: string } {
  const m = /^(.+?)\s+[-–—|·]\s+([^-–—|·]{2,40})$/.exec(title);
  if (!m) return { title, company: '' };
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/[^a-z0-9.]/g, '');
  } catch {
    return { title, company: '' };
  }
  const name = m[2].trim();
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return key.length >= 2 && host.includes(key) ? { title: m[1].trim(), company: name } : { title, company: '' };
}

/**
 * Marked text (see LINE_MARKS) -> the posting's text and its sections. Lines the markup said
 * nothing about are read as plain text is (markdown headings, bullets); a hidden heading (a JSON-LD
 * field's name) heads a section but is not part of the text.
 */
export function structureText(marked: string): { text: string; sections: Section[] } {
  const { text, lines } = unmarkText(marked);
  const sectionLines: SectionLine[] = lines.map((l) => {
    const line: SectionLine =
      l.mark || l.item ? { text: l.text, mark: l.mark, item: l.item } : lineFromPlainText(l.text);
    if (l.gap) line.gap = true;
    return line;
  });
  return { text, sections: sectionsFromLines(sectionLines) };
}

/** What the page says of the posting besides its text: metadata, JSON-LD and the site adapter's capture. */
interface PageSources {
  url: string;
  adapter: SiteAdapter | undefined;
  meta: PageMeta;
  jsonld: JsonLdPosting | null;
  fromAdapter: AdapterCapture | null;
}

function readPageSources(doc: Document, url: string): PageSources {
  const adapter = adapterForUrl(url);
  const meta = readPageMeta(doc);
  let jsonld: JsonLdPosting | null;
  try {
    jsonld = readJobPostingJsonLd(doc, url);
  } catch {
    jsonld = null;
  }
  let fromAdapter: AdapterCapture | null = null;
  if (adapter) {
    try {
      fromAdapter = adapter.capture(doc, url);
    } catch {
      // A site that changed its layout must not break capture: the generic strategies follow.
      fromAdapter = null;
    }
  }
  return { url, adapter, meta, jsonld, fromAdapter };
}

/** The posting from the winning strategy's text: that strategy also gives the first say on title, company and place. */
function buildPosting(
  page: PageSources,
  marked: string,
  source: Posting['source'],
  extra?: { title?: string; company?: string },
): Posting {
  const { url, adapter, meta, jsonld, fromAdapter } = page;
  const { text, sections } = structureText(marked);
  const structured = source === 'adapter' ? [fromAdapter, jsonld] : [jsonld, fromAdapter];
  const pageTitle = splitTitleBySite(stripSiteSuffix(meta.title || meta.documentTitle, meta.siteName), url);
  const posting: Posting = {
    url,
    title: firstNonEmpty(
      ...structured.map((s) => s?.title),
      pageTitle.title,
      extra?.title && splitTitleBySite(stripSiteSuffix(extra.title, meta.siteName), url).title,
      meta.h1,
    ),
    company: firstNonEmpty(...structured.map((s) => s?.company), extra?.company, pageTitle.company, meta.siteName),
    location: firstNonEmpty(...structured.map((s) => s?.location)),
    text,
    source,
  };
  if (adapter) posting.site = adapter.name;
  posting.sections = sections;
  return posting;
}

export function capturePosting(doc: Document, opts: CaptureOptions): Posting {
  const page = readPageSources(doc, opts.url);
  const { jsonld, fromAdapter } = page;
  const build = (marked: string, source: Posting['source'], extra?: { title?: string; company?: string }) =>
    buildPosting(page, marked, source, extra);

  // 1. The user's selection: they know what the posting is.
  const selection = opts.selection ? normalizeLines(opts.selection) : '';
  if (selection.length >= MIN_SELECTION_CHARS && selection.split(/\s+/).length >= 5)
    return build(selection, 'selection');

  // 2. JSON-LD, unless it only holds a teaser of what the page shows.
  const adapterText = fromAdapter ? stripMarks(fromAdapter.text) : '';
  if (
    jsonld &&
    jsonld.text.length >= MIN_JSONLD_CHARS &&
    !(isTruncated(jsonld.text) && adapterText.length > jsonld.text.length)
  ) {
    if (!(adapterText.length > jsonld.text.length * 1.5 && adapterText.length - jsonld.text.length > 500)) {
      // Where no adapter knows the page, the element showing the JSON-LD text may hold the whole posting.
      const fuller = adapterText ? null : fullerPageText(doc, jsonld.text);
      return build(fuller ?? jsonld.marked, 'jsonld');
    }
  }

  // 3. The site's adapter.
  if (adapterText.length >= 50 && fromAdapter) return build(fromAdapter.text, 'adapter');

  // 4-5. Generic strategies: only when the page reads like a posting and is not a bot check.
  const bodyText = doc.body ? nodeToText(doc.body) : '';
  if (bodyText.length >= 50 && !looksLikeBotCheck(doc, bodyText)) {
    const article = captureWithReadability(doc);
    if (article && !article.isList && article.linkDensity <= MAX_LINK_DENSITY && readsLikePosting(article.text)) {
      return build(article.marked, 'readability', { title: article.title, company: article.siteName });
    }
    const block = captureLargestBlock(doc);
    if (block && !block.isList && block.linkDensity <= MAX_LINK_DENSITY && readsLikePosting(block.text))
      return build(block.marked, 'largest-block');
  }

  // A JSON-LD posting with a short description is still a posting when the page shows nothing better.
  if (jsonld && jsonld.text.length >= 50) return build(jsonld.marked, 'jsonld');
  throw noPosting();
}

export { htmlToText } from './html-text';
export { SITE_ADAPTERS, adapterForUrl } from './adapters/index';
