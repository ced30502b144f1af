// Small DOM helpers the site adapters share: selectors in order of preference, text of an element.
// Description text comes with its lines marked (headings, bold lines, list items: see LINE_MARKS in
// ../html-text) so that capture can keep the posting's sections; capture strips the marks.
import { htmlToMarkedText, inlineText } from '../html-text';

/** An element's (or an HTML string's) description text, lines marked. */
export const htmlToText = htmlToMarkedText;

/** The first element matching any selector, trying them in order (the most stable first). */
export function firstElement(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el) return el;
  }
  return null;
}

/** The first non-empty one-line text among the selectors. */
export function firstText(root: ParentNode, selectors: readonly string[]): string {
  for (const selector of selectors) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      const text = inlineText(el) || (el.getAttribute('content') ?? '').trim();
      if (text) return text;
    }
  }
  return '';
}

/** The description text of the first selector whose element holds real text (at least `min` chars). */
export function firstDescription(root: ParentNode, selectors: readonly string[], min = 50): string {
  for (const selector of selectors) {
    for (const el of Array.from(root.querySelectorAll(selector))) {
      const text = htmlToText(el);
      if (text.length >= min) return text;
    }
  }
  return '';
}

/** A heading element (h1-h6 or role=heading) whose text matches. */
export function findHeading(root: ParentNode, re: RegExp): Element | null {
  for (const el of Array.from(root.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]'))) {
    if (re.test(inlineText(el))) return el;
  }
  return null;
}

export { inlineText };
