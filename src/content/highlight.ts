// The highlight script, injected into the user's tab when they turn on "Highlight in page" (the
// toolbar click's activeTab, or a host they granted). It marks every occurrence of the posting's
// entities with the CSS Custom Highlight API: ranges registered in CSS.highlights and painted by
// the ::highlight() rules the worker inserts with scripting.insertCSS. The page's DOM is never
// changed. It keeps one small state object in the extension's isolated world; a MutationObserver
// finds the values again when the page changes (LinkedIn's detail pane, infinite lists).
import { HIGHLIGHT_GLOBAL } from '../shared/capture-file';
import { findOccurrences } from '../core/occurrences';
import type { HighlightCommand, HighlightEntry, HighlightReport } from '../shared/highlight-contract';

const PREFIX = 'job-entities-';
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'SVG',
  'CANVAS',
  'IFRAME',
]);
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
  'BUTTON',
]);

interface State {
  entries: HighlightEntry[];
  ranges: Map<string, Range[]>;
  names: Set<string>;
  observer?: MutationObserver;
  timer?: ReturnType<typeof setTimeout>;
  cursor: Map<string, number>;
}

let state: State | undefined;

/** The page's visible text as one string, with where each text node starts in it. */
function pageText(root: Node): { text: string; nodes: Text[]; starts: number[] } {
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  let lastBlock: Element | null = null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      for (let el = node.parentElement; el; el = el.parentElement) {
        if (SKIP.has(el.tagName.toUpperCase())) return NodeFilter.FILTER_REJECT;
        if (el.tagName.toUpperCase() === 'BODY') break;
      }
      return node.nodeValue && node.nodeValue.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    let block: Element | null = t.parentElement;
    while (block && !BLOCKS.has(block.tagName.toUpperCase()) && block.tagName.toUpperCase() !== 'BODY')
      block = block.parentElement;
    // Text of two blocks never runs together ("Python</li><li>Java" is not "PythonJava").
    if (text && block !== lastBlock) text += '\n';
    lastBlock = block;
    starts.push(text.length);
    nodes.push(t);
    text += t.nodeValue ?? '';
  }
  return { text, nodes, starts };
}

function locate(nodes: Text[], starts: number[], offset: number, end: boolean): [Text, number] {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] < offset || (!end && starts[mid] === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo];
  return [node, Math.max(0, Math.min(node.length, offset - starts[lo]))];
}

function paint(s: State): void {
  const { text, nodes, starts } = pageText(document.body ?? document.documentElement);
  const byKind = new Map<string, Range[]>();
  s.ranges = new Map();
  for (const entry of s.entries) {
    const ranges: Range[] = [];
    for (const o of findOccurrences(text, entry.value)) {
      const range = document.createRange();
      const [sn, so] = locate(nodes, starts, o.start, false);
      const [en, eo] = locate(nodes, starts, o.end, true);
      range.setStart(sn, so);
      range.setEnd(en, eo);
      ranges.push(range);
    }
    s.ranges.set(entry.key, ranges);
    const list = byKind.get(entry.kind) ?? [];
    list.push(...ranges);
    byKind.set(entry.kind, list);
  }
  for (const name of s.names) if (!byKind.has(name.slice(PREFIX.length))) CSS.highlights.delete(name);
  s.names = new Set();
  for (const [kind, ranges] of byKind) {
    const name = PREFIX + kind;
    CSS.highlights.set(name, new Highlight(...ranges));
    s.names.add(name);
  }
}

function report(s: State | undefined): HighlightReport {
  if (!s) return { on: false, counts: {}, notFound: [] };
  const counts: Record<string, number> = {};
  for (const e of s.entries) counts[e.key] = s.ranges.get(e.key)?.length ?? 0;
  return { on: true, counts, notFound: s.entries.filter((e) => counts[e.key] === 0).map((e) => e.key) };
}

function turnOff(): void {
  if (!state) return;
  state.observer?.disconnect();
  clearTimeout(state.timer);
  for (const name of state.names) CSS.highlights.delete(name);
  CSS.highlights.delete(PREFIX + 'current');
  state = undefined;
}

export function runHighlight(cmd: HighlightCommand): HighlightReport {
  if (typeof CSS === 'undefined' || !('highlights' in CSS))
    throw new Error('This browser cannot highlight text in pages (CSS Custom Highlight API missing).');
  if (cmd.op === 'off') {
    turnOff();
    return report(undefined);
  }
  if (cmd.op === 'status') return report(state);
  if (cmd.op === 'on') {
    turnOff();
    const s: State = { entries: cmd.entries, ranges: new Map(), names: new Set(), cursor: new Map() };
    state = s;
    paint(s);
    // Dynamic pages: find the values again once the page settles after a change.
    s.observer = new MutationObserver(() => {
      clearTimeout(s.timer);
      s.timer = setTimeout(() => state === s && paint(s), 250);
    });
    s.observer.observe(document.body ?? document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    return report(s);
  }
  // reveal: scroll to the next occurrence of one value (the first on the first click).
  if (!state) return { ...report(undefined), total: 0 };
  const ranges = (state.ranges.get(cmd.key) ?? []).filter((r) => r.startContainer.isConnected);
  if (ranges.length === 0) return { ...report(state), total: 0 };
  const previous = state.cursor.get(cmd.key);
  const index = cmd.index ?? (previous === undefined ? 0 : (previous + 1) % ranges.length);
  state.cursor.set(cmd.key, index);
  const range = ranges[index];
  const el = range.startContainer.parentElement;
  el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  CSS.highlights.set(PREFIX + 'current', new Highlight(range));
  return { ...report(state), index, total: ranges.length };
}

// Injected again before every command: the first copy keeps the state (its observer and ranges).
(globalThis as Record<string, unknown>)[HIGHLIGHT_GLOBAL] ??= runHighlight;
