// Capture on the project's own invented pages (test/fixtures/pages): every strategy, every site
// adapter and every "not a posting" case, without ../shared.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureHtml, parseHtmlDocument } from '../../src/cli/dom';
import { adapterForUrl, SITE_ADAPTERS } from '../../src/core/capture/adapters/index';
import { htmlToText, normalizeLines } from '../../src/core/capture/html-text';
import { capturePosting, NO_POSTING_MESSAGE, splitTitleBySite } from '../../src/core/capture/index';
import { findJobPostingObjects, readJobPostingJsonLd } from '../../src/core/capture/jsonld';
import { captureLargestBlock } from '../../src/core/capture/largest-block';
import { captureWithReadability } from '../../src/core/capture/readability';
import { ExtractionError } from '../../src/core/errors';
import { PostingSchema, type Posting } from '../../src/core/posting';
import { fixturePath } from '../shared';

const page = (name: string): string => readFileSync(fixturePath('pages', name), 'utf8');
const capture = (name: string, url: string, selection?: string): Posting =>
  PostingSchema.parse(captureHtml(page(name), url, selection));
const lines = (p: Posting): string[] => p.text.split('\n');

function expectNoPosting(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractionError);
    expect((err as ExtractionError).code).toBe('no_posting');
    expect((err as ExtractionError).message).toBe(NO_POSTING_MESSAGE);
    return;
  }
  throw new Error('expected no_posting, but a posting was captured');
}

describe('htmlToText', () => {
  const doc = parseHtmlDocument('<html><body></body></html>');

  it('puts paragraphs, list items, headings and <br> on their own lines and decodes entities', () => {
    const html =
      '<h2>About &amp; us</h2><p>We build <b>tools</b>.<br>Really&nbsp;good ones.</p><ul><li>Go</li><li>C&#43;&#43; &lt;17&gt;</li></ul><table><tr><td>a</td><td>b</td></tr></table>';
    expect(htmlToText(html, doc)).toBe('About & us\nWe build tools.\nReally good ones.\nGo\nC++ <17>\na b');
  });

  it('drops scripts, styles, templates, form controls and hidden elements', () => {
    const html =
      '<div>Keep<script>var x = "script"</script><style>.a{}</style><template>tpl</template><button>Apply</button><span hidden>h1</span><span aria-hidden="true">h2</span><span style="display: none">h3</span> this</div>';
    expect(htmlToText(html, doc)).toBe('Keep this');
  });

  it('unescapes HTML that was escaped once more (JSON-LD) and keeps plain text line breaks', () => {
    expect(htmlToText('&lt;p&gt;One&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Two &amp;amp; three&lt;/li&gt;&lt;/ul&gt;', doc)).toBe(
      'One\nTwo & three',
    );
    expect(htmlToText('First line\n\n  Second   line &amp; more\n', doc)).toBe('First line\nSecond line & more');
  });

  it('works on a DOM node and without any DOM at all (string fallback)', () => {
    const el = parseHtmlDocument('<div id="x"><p>A</p><p>B</p></div>').querySelector('#x')!;
    expect(htmlToText(el)).toBe('A\nB');
    // No ownerDoc and no global document in Node: the regex fallback must give the same lines.
    expect(htmlToText('<p>A &amp; B</p><script>x()</script><ul><li>C</li></ul>')).toBe('A & B\nC');
  });

  it('plain text with inline links keeps its line breaks', () => {
    expect(htmlToText('We build <a href="https://x.example">Derby</a>.\n\nJoin us.', doc)).toBe(
      'We build Derby.\nJoin us.',
    );
  });

  it('normalizeLines collapses white space and removes invisible characters', () => {
    expect(normalizeLines('  a \u200b b \r\n\n\t c\u00a0 ')).toBe('a b\nc');
  });
});

describe('JSON-LD', () => {
  it('finds a JobPosting inside @graph and decodes an HTML-escaped description', () => {
    const p = capture('jsonld-graph.html', 'https://careers.quillfeather.example/jobs/data-engineer');
    expect(p).toMatchObject({
      source: 'jsonld',
      title: 'Data Engineer',
      company: 'Quillfeather Analytics',
      location: 'Leeds, West Yorkshire, United Kingdom',
    });
    expect(p.site).toBeUndefined();
    expect(lines(p)).toEqual([
      'Quillfeather turns library catalogues into searchable graphs.',
      'What you will do',
      'Build batch pipelines in Python and SQL',
      'Own the Airflow deployment',
      'Requirements',
      '3+ years of experience with data warehouses',
      'A degree in computer science or statistics',
      'Salary & benefits: 45k–55k, 30 days holiday.',
    ]);
  });

  it('finds a JobPosting in a top-level array, with an @type array, several places and extra fields', () => {
    const p = capture('jsonld-array.html', 'https://jobs.harbourside.example/night-shift-nurse');
    expect(p).toMatchObject({
      source: 'jsonld',
      title: 'Night Shift Nurse',
      company: 'Harbourside Clinic',
      location: 'Cork, IE | Galway, IE',
    });
    expect(lines(p)).toEqual([
      'Join our night team caring for up to 12 patients.',
      'Responsibilities:',
      'Administer medication',
      'Monitor vital signs',
      'Registered nurse (BSc Nursing)',
      '2 years of ward experience',
      'Valid NMBI registration',
    ]);
  });

  it('a list of postings is not a posting, unless one of them is the page itself', () => {
    const doc = parseHtmlDocument(page('jsonld-list.html'));
    expect(findJobPostingObjects(doc)).toHaveLength(2);
    expect(readJobPostingJsonLd(doc, 'https://pebblestack.example/jobs')).toBeNull();
    expectNoPosting(() => capturePosting(doc, { url: 'https://pebblestack.example/jobs' }));
    const one = capturePosting(doc, { url: 'https://pebblestack.example/jobs/product-designer/' });
    expect(one).toMatchObject({ source: 'jsonld', title: 'Product Designer', company: 'Pebblestack' });
  });

  it('reads sloppy JSON-LD (raw line breaks in strings, CDATA, comments)', () => {
    const html = `<html><head><script type="application/ld+json">//<![CDATA[
      {"@type":"JobPosting","title":"Baker","hiringOrganization":"Crust","description":"<p>Bake bread every morning for our three shops in town.</p>
      <p>Requirements: 2 years of experience in a bakery, food hygiene level 2, and good skills with sourdough starters and a deck oven.</p><p>Benefits: free bread.</p>"}
    //]]></script></head><body></body></html>`;
    const p = captureHtml(html, 'https://crust.example/jobs/baker');
    expect(p).toMatchObject({ source: 'jsonld', title: 'Baker', company: 'Crust' });
    expect(lines(p)[0]).toBe('Bake bread every morning for our three shops in town.');
  });

  it('a short JSON-LD teaser gives way to the page text, and stands when the page shows nothing better', () => {
    const ld = JSON.stringify({
      '@type': 'JobPosting',
      title: 'Gardener',
      hiringOrganization: 'Green Acre Parks',
      description: 'Seasonal gardener for our city parks, April to October. Apply online.',
    });
    const head = `<html><head><script type="application/ld+json">${ld}</script></head>`;
    const article = `<article><h1>Gardener</h1><p>Green Acre Parks looks after nine city parks and needs a seasonal gardener from April to October, working in a crew of four.</p>
      <p>Responsibilities: mowing, planting bedding displays, pruning shrubs and keeping paths clear. Requirements: one year of experience in horticulture and a driving licence.</p>
      <p>Benefits: paid overtime, boots and uniform, and a salary of 24,000 pounds pro rata.</p></article>`;
    const full = captureHtml(`${head}<body>${article}</body></html>`, 'https://greenacre.example/jobs/gardener');
    expect(full).toMatchObject({ source: 'readability', title: 'Gardener', company: 'Green Acre Parks' });
    expect(full.text).toContain('a driving licence');
    const teaser = captureHtml(
      `${head}<body><div id="app"></div></body></html>`,
      'https://greenacre.example/jobs/gardener',
    );
    expect(teaser).toMatchObject({
      source: 'jsonld',
      text: 'Seasonal gardener for our city parks, April to October. Apply online.',
    });
  });

  it('prefers the page when JSON-LD holds only part of what the page shows', () => {
    const intro =
      '<div class="intro"><h2>About Fjordline</h2><p>Fjordline Maps publishes nautical charts for forty ports along the Norwegian coast, used by pilots, ferries and fishing boats.</p></div>';
    const role =
      '<h2>About the role</h2><p>You will turn survey data into chart updates, automate QA checks on every release and work with the hydrographers who collect the soundings.</p><ul><li>3+ years of experience with QGIS or ArcGIS</li><li>A degree in geomatics or geography</li></ul>';
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Geospatial Analyst',
      hiringOrganization: { name: 'Fjordline Maps' },
      description: role,
    });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><nav><a href="/">Home</a></nav><div id="content">${intro}${role}</div><footer>© Fjordline</footer></body></html>`;
    const p = captureHtml(html, 'https://careers.fjordline.example/jobs/1');
    expect(p.source).toBe('jsonld');
    expect(p.text.startsWith('About Fjordline\nFjordline Maps publishes')).toBe(true);
    expect(p.text).toContain('A degree in geomatics or geography');
    expect(p.text).not.toContain('Home');
  });
});

// Each adapter: the layout it names, with navigation, buttons and "similar jobs" that must stay out.
const ADAPTER_CASES: {
  file: string;
  url: string;
  site: string;
  title: string;
  company: string;
  location: string;
  first: string;
  last: string;
  absent: string[];
}[] = [
  {
    file: 'linkedin-guest-jobview.html',
    url: 'https://nl.linkedin.com/jobs/view/firmware-engineer-at-marigold-robotics-4100000001',
    site: 'linkedin',
    title: 'Firmware Engineer',
    company: 'Marigold Robotics',
    location: 'Eindhoven, North Brabant, Netherlands',
    first: 'About us',
    last: '5+ years of experience with RTOS (FreeRTOS or Zephyr)',
    absent: ['Show more', 'Similar jobs', 'Seniority level', 'Sign in', 'Over 200 applicants'],
  },
  {
    file: 'linkedin-guest-search-pane.html',
    url: 'https://www.linkedin.com/jobs/search?keywords=firmware',
    site: 'linkedin',
    title: 'Firmware Engineer',
    company: 'Marigold Robotics',
    location: 'Eindhoven, North Brabant, Netherlands',
    first: 'Description',
    last: '5+ years of experience with FreeRTOS',
    absent: ['Embedded Developer', 'Tulip Devices', '47 applicants'],
  },
  {
    file: 'linkedin-logged-in-pane.html',
    url: 'https://www.linkedin.com/jobs/search/?currentJobId=5550001',
    site: 'linkedin',
    title: 'Site Reliability Engineer',
    company: 'Fernhill Software',
    location: 'Lisbon, Portugal',
    first: 'About the job',
    last: 'Terraform and Prometheus',
    absent: ['Easy Apply', 'See more', '12 applicants'],
  },
  {
    file: 'linkedin-2026.html',
    url: 'https://www.linkedin.com/jobs/view/4400000001/',
    site: 'linkedin',
    title: 'Platform Engineer',
    company: 'Oakleaf Health',
    location: '',
    first: 'Oakleaf Health builds the patient record used by 300 Norwegian clinics.',
    last: '4 years of experience with Go or Python',
    absent: ['About the company', 'hospital software company', 'More jobs', 'My Network', '… more'],
  },
  {
    file: 'indeed-viewjob.html',
    url: 'https://uk.indeed.com/viewjob?jk=0000000000000001',
    site: 'indeed',
    title: 'Pastry Chef',
    company: 'Crumb & Co',
    location: 'Bristol BS1',
    first: 'About Crumb & Co',
    last: 'Job Types: Full-time, Permanent',
    absent: ['SCRIPT TEXT', 'Apply now', '£28,000'],
  },
  {
    file: 'indeed-search-pane.html',
    url: 'https://uk.indeed.com/jobs?q=pastry&l=Bristol&vjk=0000000000000001',
    site: 'indeed',
    title: 'Pastry Chef',
    company: 'Crumb & Co',
    location: 'Bristol BS1',
    first: 'We are a family bakery with two cafés.',
    last: '2 years of experience in a pastry section',
    absent: ['Harbour Loaf', 'sourdough', 'Laminated doughs'],
  },
  {
    file: 'greenhouse-legacy.html',
    url: 'https://boards.greenhouse.io/fjordline/jobs/4000001',
    site: 'greenhouse',
    title: 'Geospatial Analyst',
    company: 'Fjordline Maps',
    location: 'Bergen, Norway',
    first: 'About Fjordline',
    last: 'Fjordline is an equal opportunity employer.',
    absent: ['First Name', 'Submit Application'],
  },
  {
    file: 'greenhouse-job-boards.html',
    url: 'https://job-boards.greenhouse.io/brightwater/jobs/5000001',
    site: 'greenhouse',
    title: 'Tax Accountant',
    company: 'Brightwater Energy',
    location: 'Denver, CO',
    first: 'Who we are',
    last: '$80,000—$95,000 USD',
    absent: ['Apply for this job', 'Submit application'],
  },
  {
    file: 'lever.html',
    url: 'https://jobs.lever.co/saltmarsh/00000000-0000-4000-8000-000000001234',
    site: 'lever',
    title: 'Community Manager',
    company: 'Saltmarsh',
    location: 'Glasgow, Scotland',
    first: 'Saltmarsh makes an app for birdwatchers with 200,000 monthly users.',
    last: 'We offer a four-day week and a field-guide budget.',
    absent: ['Apply for this job', 'powered by Lever', 'Home Page', 'Marketing'],
  },
  {
    file: 'workday-rendered.html',
    url: 'https://kadeport.wd3.myworkdayjobs.com/en-US/External/job/Rotterdam/Maintenance-Planner_R-0042',
    site: 'workday',
    title: 'Maintenance Planner',
    company: 'Kadeport',
    location: 'Rotterdam, Netherlands',
    first: 'Your role',
    last: '3 years of experience as a maintenance planner',
    absent: ['Similar Jobs', 'Crane Technician', 'Search for Jobs', 'Apply'],
  },
  {
    file: 'seek.html',
    url: 'https://www.seek.com.au/job/80000001',
    site: 'seek',
    title: 'Graduate Civil Engineer',
    company: 'Gumtree Consulting Engineers',
    location: 'Brisbane QLD',
    first: 'Gumtree designs stormwater and road projects for councils across Queensland.',
    last: 'Eligible for Engineers Australia graduate membership',
    absent: ['Fraudulent', 'Quick apply', 'Company reviews', 'Privacy'],
  },
  {
    file: 'ashby.html',
    url: 'https://jobs.ashbyhq.com/tessellate/00000000-0000-4000-8000-000000000001',
    site: 'ashby',
    title: 'Analytics Engineer',
    company: 'Tessellate GmbH',
    location: 'Berlin',
    first: 'Tessellate builds pricing software for bicycle shops.',
    last: 'A degree in a quantitative field',
    absent: ['Overview', 'Apply for this Job', 'Employment Type'],
  },
  {
    file: 'ashby-appdata.html',
    url: 'https://jobs.ashbyhq.com/tessellate/00000000-0000-4000-8000-000000000001',
    site: 'ashby',
    title: 'Analytics Engineer',
    company: 'Tessellate GmbH',
    location: 'Berlin',
    first: 'Tessellate builds pricing software for bicycle shops.',
    last: 'A degree in a quantitative field',
    absent: ['enable JavaScript', '__appData'],
  },
  {
    file: 'smartrecruiters.html',
    url: 'https://jobs.smartrecruiters.com/VindalenHotels/744000000000001-sommelier',
    site: 'smartrecruiters',
    title: 'Sommelier',
    company: 'Vindalen Hotels',
    location: 'Bergen, Vestland, Norway',
    first: 'Company Description',
    last: 'Staff housing is available.',
    absent: ["I'm interested", 'Powered by SmartRecruiters', 'Privacy Policy'],
  },
];

describe('site adapters', () => {
  for (const c of ADAPTER_CASES) {
    it(`${c.site}: ${c.file}`, () => {
      const p = capture(c.file, c.url);
      expect(p).toMatchObject({
        url: c.url,
        source: 'adapter',
        site: c.site,
        title: c.title,
        company: c.company,
        location: c.location,
      });
      expect(lines(p)[0]).toBe(c.first);
      expect(lines(p).at(-1)).toBe(c.last);
      for (const noise of c.absent) expect(p.text).not.toContain(noise);
    });
  }

  it('Workday: the description in JSON-LD wins over an empty rendered page', () => {
    const p = capture(
      'workday-jsonld.html',
      'https://kadeport.wd3.myworkdayjobs.com/en-US/External/job/Rotterdam/Maintenance-Planner_R-0042',
    );
    expect(p).toMatchObject({
      source: 'jsonld',
      site: 'workday',
      title: 'Maintenance Planner',
      company: 'Kadeport Terminals B.V.',
      location: 'Rotterdam, Netherlands',
    });
    expect(lines(p)).toHaveLength(4);
    expect(lines(p)[3]).toMatch(/^An HBO degree in Mechanical Engineering/);
  });

  it('each registered adapter answers for its own hosts only', () => {
    const hosts: Record<string, string[]> = {
      linkedin: ['https://www.linkedin.com/jobs/view/1/', 'https://au.linkedin.com/jobs/view/x-1'],
      indeed: [
        'https://www.indeed.com/viewjob?jk=1',
        'https://au.indeed.com/viewjob?jk=1',
        'https://uk.indeed.com/jobs?q=x',
        'https://www.indeed.co.in/viewjob?jk=1',
      ],
      greenhouse: [
        'https://boards.greenhouse.io/a/jobs/1',
        'https://job-boards.greenhouse.io/a/jobs/1',
        'https://job-boards.eu.greenhouse.io/a/jobs/1',
      ],
      lever: ['https://jobs.lever.co/a/1', 'https://jobs.eu.lever.co/a/1'],
      workday: ['https://a.wd1.myworkdayjobs.com/en-US/Ext/job/x', 'https://wd3.myworkdaysite.com/recruiting/a/x'],
      seek: [
        'https://www.seek.com.au/job/1',
        'https://au.seek.com/job/1',
        'https://www.seek.co.nz/job/1',
        'https://nz.seek.com/job/1',
      ],
      ashby: ['https://jobs.ashbyhq.com/a/1'],
      smartrecruiters: ['https://jobs.smartrecruiters.com/A/1-x', 'https://careers.smartrecruiters.com/A'],
    };
    expect(SITE_ADAPTERS.map((a) => a.name).sort()).toEqual(Object.keys(hosts).sort());
    for (const [name, urls] of Object.entries(hosts))
      for (const url of urls) expect(adapterForUrl(url)?.name, url).toBe(name);
    for (const url of [
      'https://notlinkedin.com/jobs/1',
      'https://example.com/',
      'https://lever.co.evil.example/',
      'not a url',
    ])
      expect(adapterForUrl(url), url).toBeUndefined();
  });
});

describe('generic strategies', () => {
  it('Readability takes the article of a blog-like posting, without navigation, sidebar, footer or scripts', () => {
    const p = capture('readability-blog.html', 'https://blog.lanternworks.example/2026/03/hiring-support-engineer');
    expect(p).toMatchObject({
      source: 'readability',
      title: "We're hiring: Support Engineer",
      company: 'The Lantern Works Blog',
      location: '',
    });
    expect(p.text).toContain('What you will do\nYou will answer tickets');
    expect(p.text).toContain('Two years of experience in a customer-facing technical role\nComfortable reading SQL');
    for (const noise of ['SCRIPT TEXT', 'Recent posts', 'Pricing', 'Privacy', 'Release notes'])
      expect(p.text).not.toContain(noise);
  });

  it('Readability works on a clone: the page is left as it was', () => {
    const doc = parseHtmlDocument(page('readability-blog.html'));
    const before = doc.documentElement.outerHTML;
    expect(captureWithReadability(doc)).not.toBeNull();
    capturePosting(doc, { url: 'https://blog.lanternworks.example/2026/03/hiring-support-engineer' });
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('the largest text block wins when Readability returns a list of links', () => {
    const p = capture('largest-block.html', 'https://boxwood.example/careers/team-lead');
    expect(p.source).toBe('largest-block');
    expect(lines(p)[0]).toBe('Warehouse Team Lead');
    expect(lines(p).at(-1)).toBe('To apply call the site office or ask at the gate');
    expect(p.text).not.toContain('Forklift Driver');
    const block = captureLargestBlock(parseHtmlDocument(page('largest-block.html')));
    expect(block?.element.getAttribute('id')).toBe('job');
  });

  it('a description repeated inside scripts is captured once, from the visible page', () => {
    const p = capture('script-duplicate.html', 'https://careers.orbitly.example/o/head-of-customer-success');
    expect(p).toMatchObject({ title: 'Head of Customer Success', company: 'Orbitly' });
    expect(p.text.match(/You will lead a team of eight/g)).toHaveLength(1);
    expect(p.text).not.toContain('__STATE__');
  });

  it('splits "Title – Site" when the suffix is the site in the address', () => {
    expect(splitTitleBySite('Application Security Engineer – Vercel', 'https://vercel.com/careers/x')).toEqual({
      title: 'Application Security Engineer',
      company: 'Vercel',
    });
    expect(splitTitleBySite('Application Security Engineer – Vercel', 'https://example.com/x')).toEqual({
      title: 'Application Security Engineer – Vercel',
      company: '',
    });
    expect(splitTitleBySite('Plain title', 'https://vercel.com/')).toEqual({ title: 'Plain title', company: '' });
  });
});

describe('posting signals', () => {
  const posting = (extra: string) =>
    `<html><head><title>Barista</title></head><body><nav><a href="/">Home</a></nav><div class="post"><h1>Barista</h1>
    <p>Our roastery café in Ghent is looking for a barista for weekend shifts, from opening at seven until the lunch rush is over.</p>
    <p>Requirements: one year of experience behind an espresso machine, latte art skills, and a friendly manner with regulars and tourists alike.</p>
    <p>Benefits: free coffee, a training budget for SCA courses, and a salary above the sector minimum.</p>${extra}</div></body></html>`;

  it('a posting whose apply form carries a captcha is still a posting', () => {
    const p = captureHtml(
      posting('<form><div class="g-recaptcha" data-sitekey="x"></div><button>Apply</button></form>'),
      'https://roastery.example/jobs/barista',
    );
    expect(p.source).toBe('readability');
    expect(p.text).toContain('latte art skills');
  });

  it('postings in other languages read like postings (Japanese)', () => {
    const html = `<html><head><title>バックエンドエンジニア募集</title></head><body><article><h1>バックエンドエンジニア</h1>
      <p>当社は物流向けのクラウドサービスを開発しています。新しいチームメンバーとして、APIの設計と開発、運用改善を担当していただきます。</p>
      <h2>業務内容</h2><ul><li>Go言語によるマイクロサービスの開発と保守、およびコードレビュー</li><li>データベース設計とパフォーマンスチューニング</li></ul>
      <h2>応募資格</h2><ul><li>Webアプリケーション開発の経験3年以上（必須）</li><li>AWSでの運用経験（歓迎）</li><li>チーム開発のスキルとコミュニケーション能力</li></ul>
      <p>勤務地は東京都渋谷区です。リモートワークも可能です。給与は経験と能力に応じて決定します。ご応募をお待ちしております。</p></article></body></html>`;
    const p = captureHtml(html, 'https://recruit.example.jp/jobs/backend');
    expect(['readability', 'largest-block']).toContain(p.source);
    expect(p.text).toContain('業務内容');
  });
});

describe('selection', () => {
  const sel = '  Senior Baker\n\n We need someone with 5 years of experience in artisan bread.  \n Apply by Friday. ';

  it('the user selection wins over every other strategy and keeps its lines', () => {
    const p = capture('indeed-viewjob.html', 'https://uk.indeed.com/viewjob?jk=0000000000000001', sel);
    expect(p).toMatchObject({ source: 'selection', site: 'indeed', title: 'Pastry Chef', company: 'Crumb & Co' });
    expect(p.text).toBe('Senior Baker\nWe need someone with 5 years of experience in artisan bread.\nApply by Friday.');
  });

  it('a selection works even on a page that holds no posting itself', () => {
    expect(capture('captcha.html', 'https://jobs.example.com/1', sel).source).toBe('selection');
  });

  it('a trivial selection (a word or two) is ignored', () => {
    expect(capture('indeed-viewjob.html', 'https://uk.indeed.com/viewjob?jk=1', 'Pastry Chef').source).toBe('adapter');
    expect(capture('indeed-viewjob.html', 'https://uk.indeed.com/viewjob?jk=1', '   ').source).toBe('adapter');
  });
});

describe('pages with no posting', () => {
  const cases: [string, string][] = [
    ['captcha.html', 'https://jobs.example.com/job/1'],
    ['job-list.html', 'https://findwork.example/jobs/porto'],
    ['empty.html', 'https://careers.example.com/'],
    ['tiny.html', 'https://careers.example.com/job/9'],
    ['jsonld-list.html', 'https://pebblestack.example/jobs'],
    ['linkedin-search-list.html', 'https://www.linkedin.com/jobs/search?keywords=firmware'],
    ['linkedin-search-list.html', 'https://findwork.example/jobs/firmware'],
  ];
  for (const [file, url] of cases) {
    it(`${file} at ${new URL(url).host} -> no_posting`, () => expectNoPosting(() => captureHtml(page(file), url)));
  }

  it('a fragment with no text and a page without a body', () => {
    expectNoPosting(() => captureHtml('', 'https://example.com/'));
    expectNoPosting(() => captureHtml('<p>Hi</p>', 'https://example.com/'));
    expectNoPosting(() => captureHtml('<html><head><title>Job</title></head></html>', 'https://example.com/'));
  });

  it('a known site whose page has no description is not a posting either', () => {
    expectNoPosting(() =>
      captureHtml(
        '<html><body><nav><a href="/">Home</a></nav><h1>Sign in to see this job</h1></body></html>',
        'https://www.linkedin.com/jobs/view/1/',
      ),
    );
  });
});
