// HTML -> plain text that keeps a posting's structure: block elements, list items and <br> become
// line breaks, entities are decoded, scripts/styles/hidden elements and form controls are dropped.
// Works on any DOM (browser page, content script, linkedom in Node); a string is parsed into an
// inert document so that nothing in it loads or runs.
import { decodeEntities } from './html-entities';
import { BLOCK_TAGS, BOLD_TAGS, CELL_TAGS, HEADING_TAGS, SKIPPED_TAGS } from './html-tags';
import { markLine, type MarkedLine } from './line-marks';

export { decodeEntities } from './html-entities';
export { LINE_MARKS, stripMarks, unmarkText, type MarkedLine } from './line-marks';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;

function tagOf(el: Element): string {
  return (el.localName || el.nodeName || '').toLowerCase();
}

/** Elements a reader cannot see: their text is not part of the posting. */
export function isHiddenElement(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Collapse white space on each line, drop empty lines and invisible characters. */
export function normalizeLines(text: string): string {
  return text
    .replace(/[\u0001-\u0005\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .split(/\r?\n|\r|\u2028|\u2029/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}

/** One line of text (titles, names): all white space collapsed. */
export function inlineText(node: Node | null | undefined): string {
  if (!node) return '';
  // <title> is skipped inside bodies of text, but asked for directly it is the document's title.
  const text =
    node.nodeType === ELEMENT_NODE && tagOf(node as Element) === 'title' ? (node.textContent ?? '') : nodeToText(node);
  return text.replace(/\s+/g, ' ').trim();
}

interface Walk {
  lines: MarkedLine[];
  parts: string[];
  /** Visible characters on the current line in a heading, in bold, and in neither. */
  heading: number;
  bold: number;
  plain: number;
  item: boolean;
  /** A blank line was seen since the last line of text. */
  gap: boolean;
}

interface Context {
  heading: boolean;
  bold: boolean;
  item: boolean;
}

function endLine(w: Walk, blank = false): void {
  const text = w.parts
    .join('')
    .replace(/[\u0001-\u0005\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text) {
    const line: MarkedLine = { text };
    if (w.plain === 0 && w.heading > 0) line.mark = 'h';
    else if (w.plain === 0 && w.bold > 0) line.mark = 'b';
    if (w.item) line.item = true;
    if (w.gap && w.lines.length > 0) line.gap = true;
    w.gap = false;
    w.lines.push(line);
  } else if (blank) w.gap = true;
  w.parts = [];
  w.heading = w.bold = w.plain = 0;
  w.item = false;
}

function isBoldStyle(el: Element): boolean {
  const style = el.getAttribute('style');
  return !!style && /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(style);
}

function walk(node: Node, w: Walk, ctx: Context): void {
  const type = node.nodeType;
  if (type === TEXT_NODE) {
    const text = (node.nodeValue ?? '').replace(/\s+/g, ' ');
    w.parts.push(text);
    const visible = text.replace(/[\s\u200b-\u200d\u2060\ufeff\u00ad]/g, '').length;
    if (visible) {
      if (ctx.heading) w.heading += visible;
      else if (ctx.bold) w.bold += visible;
      else w.plain += visible;
      if (ctx.item) w.item = true;
    }
    return;
  }
  if (type !== ELEMENT_NODE && type !== DOCUMENT_NODE && type !== FRAGMENT_NODE) return;
  let tag = '';
  let inner = ctx;
  if (type === ELEMENT_NODE) {
    const el = node as Element;
    tag = tagOf(el);
    if (SKIPPED_TAGS.has(tag) || isHiddenElement(el)) return;
    if (tag === 'br') {
      // A line break ending an empty line is a blank line (`<p><br></p>`, `<br><br>`).
      endLine(w, true);
      return;
    }
    const heading = HEADING_TAGS.has(tag) || el.getAttribute('role') === 'heading';
    const bold = BOLD_TAGS.has(tag) || isBoldStyle(el);
    const item = tag === 'li';
    if (heading || bold || item)
      inner = { heading: ctx.heading || heading, bold: ctx.bold || bold, item: ctx.item || item };
  }
  const block = BLOCK_TAGS.has(tag);
  const cell = CELL_TAGS.has(tag);
  if (block) endLine(w);
  else if (cell) w.parts.push(' ');
  for (let child = node.firstChild; child; child = child.nextSibling) walk(child, w, inner);
  if (block) endLine(w);
  else if (cell) w.parts.push(' ');
}

/** The visible lines of a DOM node, each with what its markup says (heading, bold, list item). */
export function nodeToLines(node: Node): MarkedLine[] {
  const w: Walk = { lines: [], parts: [], heading: 0, bold: 0, plain: 0, item: false, gap: false };
  walk(node, w, { heading: false, bold: false, item: false });
  endLine(w);
  return w.lines;
}

/** Lines with their marks, one string (see LINE_MARKS). */
export function nodeToMarkedText(node: Node): string {
  return nodeToLines(node).map(markLine).join('\n');
}

/** The visible text of a DOM node, structured by lines. */
export function nodeToText(node: Node): string {
  return nodeToLines(node)
    .map((l) => l.text)
    .join('\n');
}

/**
 * An inert container for parsing HTML strings: a fresh HTML document where the platform has one
 * (browsers), else a <template> (linkedom, content scripts); both keep images from loading and
 * scripts from running.
 */
export function parseHtmlFragment(html: string, ownerDoc?: Document): Node | null {
  const doc = ownerDoc ?? (typeof document !== 'undefined' ? document : undefined);
  if (!doc) return null;
  const impl = (doc as Partial<Document>).implementation;
  if (impl && typeof impl.createHTMLDocument === 'function') {
    const fresh = impl.createHTMLDocument('');
    fresh.body.innerHTML = html;
    return fresh.body;
  }
  const template = doc.createElement('template') as HTMLTemplateElement;
  template.innerHTML = html;
  return template.content ?? template;
}

const TAG_RE = /<\/?([a-z][a-z0-9]*)\b[^>]*>/gi;

/** DOM-less fallback (e.g. a service worker): block tags -> line breaks, other tags dropped. */
function htmlStringToTextWithoutDom(html: string): string {
  const stripped = html
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(TAG_RE, (_m, tag: string) => {
      const t = tag.toLowerCase();
      return t === 'br' || BLOCK_TAGS.has(t) ? '\n' : CELL_TAGS.has(t) ? ' ' : '';
    });
  return normalizeLines(decodeEntities(stripped));
}

/** True when a string holds HTML markup (as opposed to plain text with line breaks). */
export function looksLikeHtml(text: string): boolean {
  return /<\/?(p|br|div|li|ul|ol|span|strong|b|i|em|h[1-6]|section|article|table|a)\b[^>]*>/i.test(text);
}

/** True when a whole input is an HTML page or fragment (it opens with a tag), not text quoting some markup. */
export function looksLikeHtmlPage(text: string): boolean {
  return (
    /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) || (/^\s*</.test(text) && looksLikeHtml(text))
  );
}

/**
 * HTML (a string or a DOM node) -> text with paragraphs and list items on their own lines.
 * A string that is HTML escaped once more (`&lt;p&gt;`, common in JSON-LD) is unescaped first.
 * Plain text (no tags) keeps its own line breaks.
 */
export function htmlToText(input: string | Node, ownerDoc?: Document): string {
  return htmlToTextWith(input, ownerDoc, nodeToText);
}

/** htmlToText with the lines marked (see LINE_MARKS): what capture's strategies pass around. */
export function htmlToMarkedText(input: string | Node, ownerDoc?: Document): string {
  return htmlToTextWith(input, ownerDoc, nodeToMarkedText);
}

function htmlToTextWith(input: string | Node, ownerDoc: Document | undefined, toText: (node: Node) => string): string {
  if (typeof input !== 'string') return toText(input);
  let html = input;
  if (!looksLikeHtml(html) && /&lt;\/?[a-z]/i.test(html)) html = decodeEntities(html);
  if (!looksLikeHtml(html)) return normalizeLines(decodeEntities(html));
  // Inline-only markup in text that separates paragraphs with line breaks (links in a plain description).
  if (!/<\/?(p|br|div|li|ul|ol|h[1-6]|table|tr|section|article|pre|blockquote)\b/i.test(html))
    html = html.replace(/\r?\n/g, '<br>');
  const root = parseHtmlFragment(html, ownerDoc);
  return root ? toText(root) : htmlStringToTextWithoutDom(html);
}
