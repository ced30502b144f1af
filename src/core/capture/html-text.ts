// HTML -> plain text that keeps a posting's structure: block elements, list items and <br> become
// line breaks, entities are decoded, scripts/styles/hidden elements and form controls are dropped.
// Works on any DOM (browser page, content script, linkedom in Node); a string is parsed into an
// inert document so that nothing in it loads or runs.

const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'head',
  'title',
  'meta',
  'link',
  'video',
  'audio',
  'picture',
  'img',
  'map',
  'dialog',
]);

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'caption',
]);

const CELL_TAGS = new Set(['td', 'th']);

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

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const BOLD_TAGS = new Set(['b', 'strong']);

/** What a line of text is: the markup's say on whether it is a heading or a list item. */
export interface MarkedLine {
  text: string;
  /** 'h': a heading element; 'b': every letter of the line is bold. */
  mark?: 'h' | 'b';
  item?: boolean;
  /** A blank line (an empty paragraph, two line breaks) comes before it. */
  gap?: boolean;
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

// Capture passes text between its strategies as strings; a line may start with these marks so that
// what the markup said of it (heading, bold line, list item) reaches the section splitter. Capture
// strips them before the posting leaves it. A hidden heading names a section that the page does not
// show as text (a JSON-LD field such as `qualifications`): it is dropped from the text.
export const LINE_MARKS = {
  heading: '\u0001',
  bold: '\u0002',
  item: '\u0003',
  hiddenHeading: '\u0004',
  gap: '\u0005',
} as const;
const MARKS_RE = /[\u0001-\u0005]/g;

function markLine(line: MarkedLine): string {
  const prefix =
    (line.mark === 'h' ? LINE_MARKS.heading : line.mark === 'b' ? LINE_MARKS.bold : '') +
    (line.item ? LINE_MARKS.item : '') +
    (line.gap ? LINE_MARKS.gap : '');
  return prefix + line.text;
}

/** Lines with their marks, one string (see LINE_MARKS). */
export function nodeToMarkedText(node: Node): string {
  return nodeToLines(node).map(markLine).join('\n');
}

/** Marked text -> the plain text and its lines (with marks); a hidden heading is a line of its own, kept out of the text. */
export function unmarkText(marked: string): { text: string; lines: (MarkedLine & { hidden?: boolean })[] } {
  const lines: (MarkedLine & { hidden?: boolean })[] = [];
  const shown: string[] = [];
  for (const raw of marked.split('\n')) {
    const m = /^[\u0001-\u0005]+/.exec(raw);
    const marks = m ? m[0] : '';
    const text = raw.slice(marks.length).replace(MARKS_RE, '').trim();
    if (!text) continue;
    const line: MarkedLine & { hidden?: boolean } = { text };
    if (marks.includes(LINE_MARKS.heading) || marks.includes(LINE_MARKS.hiddenHeading)) line.mark = 'h';
    else if (marks.includes(LINE_MARKS.bold)) line.mark = 'b';
    if (marks.includes(LINE_MARKS.item)) line.item = true;
    if (marks.includes(LINE_MARKS.gap)) line.gap = true;
    if (marks.includes(LINE_MARKS.hiddenHeading)) line.hidden = true;
    else shown.push(text);
    lines.push(line);
  }
  return { text: shown.join('\n'), lines };
}

/** Marked text without its marks (hidden headings dropped). */
export function stripMarks(marked: string): string {
  return /[\u0001-\u0005]/.test(marked) ? unmarkText(marked).text : marked;
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

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
};

/** Entity decoding without a DOM (numeric entities and the common named ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? m;
  });
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
