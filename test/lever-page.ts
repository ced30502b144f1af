// The Lever postings API response (../shared/pages/lever-api-1-leverdemo.json) rendered into the
// page jobs.lever.co serves, so capture (and the page evaluation) read it as a user's browser would.
export interface LeverPosting {
  id: string;
  text: string;
  description?: string;
  additional?: string;
  lists: { text: string; content: string }[];
  hostedUrl: string;
  categories: { team?: string; location?: string; commitment?: string };
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The API's description fields are HTML whose paragraphs are separated by blank lines (as Lever renders them). */
const paragraphs = (s: string): string =>
  s
    .split(/\n\s*\n/)
    .map((p) => `<div>${p.replace(/\n/g, '<br>')}</div>`)
    .join('<div><br></div>');

/**
 * The Lever postings API response (lever-api-1-leverdemo.json) is not a page: each posting is rendered
 * into the layout jobs.lever.co serves (headline, categories, one section per part, the apply
 * section and footer), then captured from there.
 */
export function renderLeverPage(p: LeverPosting): string {
  const lists = p.lists
    .map(
      (l) =>
        `<div class="section page-centered"><h3>${escapeHtml(l.text)}</h3><ul class="posting-requirements plain-list"><ul>${l.content}</ul></ul></div>`,
    )
    .join('');
  return `<!DOCTYPE html><html><head><title>Leverdemo - ${escapeHtml(p.text)}</title><script>window.__lever = {"posting":"${p.id}"};</script></head><body>
<div class="main-header page-full-width section-wrapper"><div class="main-header-content page-centered"><a class="main-header-logo" href="https://jobs.lever.co/leverdemo"><img alt="Leverdemo logo"></a></div></div>
<div class="content-wrapper posting-page"><div class="posting-header"><div class="posting-headline"><h2>${escapeHtml(p.text)}</h2>
<div class="posting-categories"><div class="posting-category location">${escapeHtml(p.categories.location ?? '')}</div><div class="posting-category department">${escapeHtml(p.categories.team ?? '')}</div><div class="posting-category commitment">${escapeHtml(p.categories.commitment ?? '')}</div></div></div>
<div class="postings-btn-wrapper"><a class="postings-btn template-btn-submit" href="${p.hostedUrl}/apply">Apply for this job</a></div></div>
<div class="content"><div class="section-wrapper page-full-width">
<div class="section page-centered" data-qa="job-description">${paragraphs(p.description ?? '')}</div>
${lists}
<div class="section page-centered" data-qa="closing-description">${paragraphs(p.additional ?? '')}</div>
<div class="section page-centered last-section-apply" data-qa="btn-apply-bottom"><a class="postings-btn template-btn-submit" href="${p.hostedUrl}/apply">Apply for this job</a></div>
</div></div></div>
<div class="main-footer page-full-width"><div class="main-footer-text page-centered"><p><a href="https://jobs.lever.co/leverdemo">Leverdemo Home Page</a></p><a href="https://lever.co/">Jobs powered by Lever</a></div></div>
</body></html>`;
}

/** What a reader sees of the posting, independent of the capture code: tags removed, entities decoded. */
export function leverExpectedText(p: LeverPosting): string {
  const html = [p.description ?? '', ...p.lists.flatMap((l) => [l.text, l.content]), p.additional ?? ''].join(' ');
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}
