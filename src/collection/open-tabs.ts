// Which open tabs "Add all open job tabs" reads. Without the "tabs" permission a tab's address is
// only visible on sites the extension may read: a tab without one is counted as hidden (a site the
// user has not allowed, or a browser page), never guessed at.

export interface TabLike {
  id?: number;
  url?: string;
}

/** The tabs worth extracting (web pages, not this extension's own), and how many hide their address. */
export function jobTabCandidates<T extends TabLike>(
  tabs: readonly T[],
  ownOrigin: string,
): { readable: T[]; hidden: number } {
  const readable: T[] = [];
  let hidden = 0;
  for (const t of tabs) {
    if (t.id === undefined || t.id < 0) continue;
    if (!t.url) hidden++;
    else if (/^https?:\/\//i.test(t.url) && !t.url.startsWith(ownOrigin)) readable.push(t);
  }
  return { readable, hidden };
}
