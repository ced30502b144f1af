// `job-entities capture FILE.html --url URL`: the posting the extension would capture from that page.
import { ExtractionError } from '../../core/errors';
import { parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { captureHtml } from '../dom';
import { readTextFile } from '../files';
import { streamInputs } from '../input';

const HELP = `Usage: job-entities capture FILE.html --url URL [--selection TEXT]
       job-entities capture PAGES.jsonl

Capture the job posting in a saved page, as the browser extension does on the live page, and print
it as one JSON object: {"url","title","company","location","text","source","site"?,"sections"}.
"sections" is the posting's structure in page order: [{"heading","kind","text"}], kind one of
requirements, nice-to-have, responsibilities, company, benefits, legal, process, other (the
extractor reads the first three unless --scope whole).

  FILE.html          a saved page or a copied fragment of one (- reads stdin); its scripts never run
  --url URL          the address the page was served from: it picks the site adapter (LinkedIn,
                     Indeed, Greenhouse, Lever, Workday, SEEK, Ashby, SmartRecruiters)
  --selection TEXT   use this text as the posting (as if the user had selected it on the page)
  PAGES.jsonl        many saved pages, one {"url": ..., "html": ...} per line (an "id" is echoed):
                     one JSON line per page, in input order, written as each page is captured;
                     a page without a posting (or a broken line) gets {"error": {code, message}}
  --debug            print stack traces on errors
  -h, --help         show this help

"source" tells which strategy found the text: selection, jsonld (schema.org JobPosting), adapter,
readability or largest-block.

Exit codes: 0 captured; 1 no posting found on the page or the file cannot be read; 2 wrong usage.
Example: job-entities capture saved-job.html --url https://boards.greenhouse.io/acme/jobs/123
`;

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--url takes the page's full address (https://...), got "${url}"`);
  }
  if (!/^(https?|file):$/.test(parsed.protocol)) throw new UsageError(`--url takes an http(s) address, got "${url}"`);
}

/** Saved pages from JSONL, line by line: each captured posting is written when its line is read. */
async function captureLines(file: string, io: CliIO): Promise<number> {
  const { records } = await streamInputs({ input: file }, io);
  let total = 0;
  let failed = 0;
  for await (const r of records) {
    total++;
    const out: Record<string, unknown> = r.posting
      ? { ...r.posting }
      : { error: r.error ?? { code: 'invalid_input', message: 'empty record' } };
    if (!r.posting) failed++;
    if (r.id !== undefined) out.id = r.id;
    if (!io.stdout.write(JSON.stringify(out) + '\n'))
      await new Promise<void>((ok) => io.stdout.once('drain', () => ok()));
  }
  if (total > 0 && failed === total)
    throw new ExtractionError(
      'no_posting',
      `no posting was captured from the ${total} line(s) of ${file}; see "error" on each line`,
    );
  if (failed)
    io.stderr.write(`job-entities capture: ${failed} of ${total} pages failed (see "error" on their lines)\n`);
  return 0;
}

export const captureCommand: Command = {
  name: 'capture',
  summary: 'Capture the job posting in a saved HTML page and print it as JSON',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, { url: { type: 'string' }, selection: { type: 'string' } });
    if (positionals.length === 0) throw new UsageError('give the saved page: job-entities capture FILE.html --url URL');
    if (positionals.length > 1) throw new UsageError(`one page at a time, got ${positionals.length} files`);
    if (/\.(jsonl|ndjson)$/i.test(positionals[0])) {
      if (values.url !== undefined || values.selection !== undefined)
        throw new UsageError(
          'with a .jsonl file each line carries its own "url"; --url and --selection are for one page',
        );
      return captureLines(positionals[0], io);
    }
    if (!values.url) throw new UsageError('--url URL is required (the address the page was served from)');
    checkUrl(values.url);
    const html = await readTextFile(positionals[0], io, 'Give the path of a saved HTML page.');
    const posting = captureHtml(html, values.url, values.selection);
    io.stdout.write(JSON.stringify(posting) + '\n');
    return 0;
  },
};
