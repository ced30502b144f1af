// A copy of the live page without what the user cannot see. Only the live page has layout: the
// computed style and boxes say what is rendered, which the core's capture (running on any DOM,
// linkedom in the CLI included) cannot know. Text hidden with display:none, visibility:hidden, the
// hidden attribute, aria-hidden, a zero-size box or an off-screen clip must not reach the model: a
// hostile page hides instructions there.

/** Elements kept whatever their style: the head's metadata and JSON-LD scripts are read, not seen. */
const NOT_RENDERED_ANYWAY = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'base',
]);

/** Whether the user can see `el` (and so its text) in the live page. */
export function isRendered(el: Element, view: Window): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return false;
  const cs = view.getComputedStyle(el);
  if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') return false;
  if (cs.display === 'contents') return true;
  const rect = el.getBoundingClientRect();
  const clips = cs.overflow !== 'visible' || cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
  // A box of (nearly) no size that cuts its content off: the screen-reader-only and zero-size tricks.
  if (clips && (rect.width <= 1 || rect.height <= 1)) return false;
  if (/^rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)$/.test(cs.clip) && cs.position === 'absolute')
    return false;
  if (/inset\(\s*50%/.test(cs.clipPath)) return false;
  // Placed outside the page, where no scrolling reaches it.
  const left = rect.right + view.scrollX;
  const top = rect.bottom + view.scrollY;
  if ((cs.position === 'absolute' || cs.position === 'fixed') && (left <= 0 || top <= 0)) return false;
  return true;
}

/** A deep copy of `doc` with every element the user cannot see removed (the live page untouched). */
export function visibleClone(doc: Document): Document {
  const view = doc.defaultView;
  const clone = doc.cloneNode(true) as Document;
  if (!view || !doc.body || !clone.body) return clone;
  const drop: Element[] = [];
  const visit = (live: Element, copy: Element) => {
    const liveKids = live.children;
    const copyKids = copy.children;
    // The copy was made just now from the same tree: children pair up by position.
    for (let i = 0; i < liveKids.length && i < copyKids.length; i++) {
      const l = liveKids[i];
      const c = copyKids[i];
      const tag = l.localName.toLowerCase();
      if (NOT_RENDERED_ANYWAY.has(tag)) continue;
      if (!isRendered(l, view)) drop.push(c);
      else visit(l, c);
    }
  };
  visit(doc.body, clone.body);
  for (const el of drop) el.remove();
  return clone;
}
