// Title, company and place from the page's own metadata: og: tags, <title>, the first <h1>.
import { inlineText } from './html-text';

export interface PageMeta {
  title: string;
  siteName: string;
  h1: string;
  documentTitle: string;
}

function metaContent(doc: Document, names: readonly string[]): string {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"]`);
    const value = el?.getAttribute('content')?.replace(/\s+/g, ' ').trim();
    if (value) return value;
  }
  return '';
}

export function readPageMeta(doc: Document): PageMeta {
  return {
    title: metaContent(doc, ['og:title', 'twitter:title']),
    siteName: metaContent(doc, ['og:site_name', 'application-name']),
    h1: inlineText(doc.querySelector('h1')),
    documentTitle: inlineText(doc.querySelector('title')),
  };
}
