// Last resort: the element holding the most paragraph text. Each block with its own text gives its
// length to its parent and half to its grandparent (as Readability's scoring does), so the winner is
// the container of the paragraphs, not <body>. Text inside links does not count: it is navigation.
import { isHiddenElement, nodeToMarkedText, stripMarks } from './html-text';
import { linkDensity, looksLikeList, MAX_LINK_DENSITY, type GenericCapture } from './signals';

const IGNORED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'iframe',
  'head',
]);
const BLOCKS = new Set([
  'p',
  'li',
  'div',
  'section',
  'article',
  'main',
  'td',
  'dd',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'span',
  'font',
]);

export interface LargestBlockCapture extends GenericCapture {
  element: Element;
}

/** Length of the text directly in `el` (its text nodes and inline children), links excluded. */
function ownTextLength(el: Element): number {
  let n = 0;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) n += (child.nodeValue ?? '').replace(/\s+/g, ' ').trim().length;
    else if (child.nodeType === 1) {
      const tag = (child as Element).localName?.toLowerCase() ?? '';
      if (['b', 'strong', 'i', 'em', 'u', 'code', 'small', 'sup', 'sub', 'mark'].includes(tag))
        n += ((child as Element).textContent ?? '').replace(/\s+/g, ' ').trim().length;
    }
  }
  return n;
}

export function captureLargestBlock(doc: Document): LargestBlockCapture | null {
  const body = doc.body;
  if (!body) return null;
  const scores = new Map<Element, number>();
  const visit = (el: Element): void => {
    const tag = el.localName?.toLowerCase() ?? '';
    if (IGNORED.has(tag) || isHiddenElement(el) || el.getAttribute('role') === 'navigation') return;
    if (BLOCKS.has(tag)) {
      const own = ownTextLength(el);
      if (own >= 25) {
        const parent = el.parentElement;
        if (parent) scores.set(parent, (scores.get(parent) ?? 0) + own);
        const grand = parent?.parentElement;
        if (grand) scores.set(grand, (scores.get(grand) ?? 0) + own / 2);
        // A block that is all text (no child blocks) also counts as its own container.
        scores.set(el, (scores.get(el) ?? 0) + own);
      }
    }
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) visit(child);
  };
  visit(body);
  // The best-scoring candidate that is not a list of links (a "more jobs" column next to the posting
  // can outscore it when their common parent collects both).
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15);
  let fallback: LargestBlockCapture | null = null;
  for (const [element] of ranked) {
    const marked = nodeToMarkedText(element);
    const text = stripMarks(marked);
    const candidate = {
      element,
      text,
      marked,
      linkDensity: linkDensity(element),
      isList: looksLikeList(element, text),
    };
    if (!candidate.isList && candidate.linkDensity <= MAX_LINK_DENSITY) return candidate;
    fallback ??= candidate;
  }
  return fallback;
}
