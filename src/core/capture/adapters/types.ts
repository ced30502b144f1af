// The contract for one career-site adapter: one file per site, registered in ./index.ts.
import type { Posting } from '../../posting';

/** What an adapter read from the page; `text` is the description with line breaks. */
export type AdapterCapture = Partial<Pick<Posting, 'title' | 'company' | 'location'>> & { text: string };

export interface SiteAdapter {
  /** Short id, reported as the posting's `site`. */
  name: string;
  /** Host names the adapter is for (matched against the page URL's host). */
  hosts: RegExp;
  /** The posting on this page, or null when this page of the site holds none (a list, a sign-in page). */
  capture(doc: Document, url: string): AdapterCapture | null;
}
