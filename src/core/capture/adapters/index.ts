// The site adapters, chosen by the page's host name. One file per site; add new ones here.
import type { SiteAdapter } from './types';
import { ashby } from './ashby';
import { greenhouse } from './greenhouse';
import { indeed } from './indeed';
import { lever } from './lever';
import { linkedin } from './linkedin';
import { seek } from './seek';
import { smartrecruiters } from './smartrecruiters';
import { workday } from './workday';

export type { AdapterCapture, SiteAdapter } from './types';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  linkedin,
  indeed,
  greenhouse,
  lever,
  workday,
  seek,
  ashby,
  smartrecruiters,
];

/** The adapter for the page's host, or undefined for other sites (and for URLs that do not parse). */
export function adapterForUrl(url: string): SiteAdapter | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  return SITE_ADAPTERS.find((a) => a.hosts.test(host));
}
