// Node-only: an HTML string -> a DOM Document (linkedom), so the pure core's capture runs in the CLI.
// linkedom never runs the page's scripts or loads its resources.
import { parseHTML } from 'linkedom';
import { capturePosting } from '../core/capture/index';
import type { Posting } from '../core/posting';

/**
 * Parse a saved page or a fragment. A fragment without <html>/<body> (e.g. a copied detail pane) is
 * wrapped in a full document: Readability and body-based strategies need <html> and <body>.
 */
export function parseHtmlDocument(html: string): Document {
  const source = html.replace(/^\uFEFF/, '');
  const full =
    /<html[\s>]/i.test(source) || /<body[\s>]/i.test(source)
      ? source
      : `<!DOCTYPE html><html><head></head><body>${source}</body></html>`;
  const { document } = parseHTML(full);
  return document as unknown as Document;
}

/** Capture the posting in an HTML string as if it had been served from `url`. Throws ExtractionError('no_posting'). */
export function captureHtml(html: string, url: string, selection?: string): Posting {
  return capturePosting(parseHtmlDocument(html), { url, selection });
}
