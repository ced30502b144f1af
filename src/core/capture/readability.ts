// Mozilla Readability (Firefox's reader view) as the generic strategy for pages no adapter knows.
// It mutates the document it is given, so it always works on a clone.
import { Readability } from '@mozilla/readability';
import { nodeToMarkedText, parseHtmlFragment, stripMarks } from './html-text';
import { linkDensity, looksLikeList, type GenericCapture } from './signals';

export interface ReadabilityCapture extends GenericCapture {
  title: string;
  siteName: string;
}

export function captureWithReadability(doc: Document): ReadabilityCapture | null {
  if (!doc.documentElement || !doc.body) return null;
  const clone = doc.cloneNode(true) as Document;
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(clone, { charThreshold: 300 }).parse();
  } catch {
    return null;
  }
  if (!article?.content) return null;
  const root = parseHtmlFragment(article.content, doc);
  if (!root) return null;
  const container = root.nodeType === 1 ? (root as Element) : (root as DocumentFragment).firstElementChild;
  const marked = nodeToMarkedText(root);
  const text = stripMarks(marked);
  return {
    title: (article.title ?? '').trim(),
    siteName: (article.siteName ?? '').trim(),
    text,
    marked,
    linkDensity: container ? linkDensity(container) : 0,
    isList: container ? looksLikeList(container, text) : false,
  };
}
