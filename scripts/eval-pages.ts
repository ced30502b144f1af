// Measures the offline extractor on whole real postings: the saved career pages in
// ../shared/pages, captured with the project's own capture as a user's browser would (linkedom,
// src/cli/dom.ts), extracted with scope focused and whole, and scored leniently against the gold
// entities in test/fixtures/gold-pages/*.json (written by reading each page: what the job asks of
// the candidate, never benefits, places, pay, legal text or the employer's name).
// Usage: npm run eval:pages [-- --json] [--verbose] [--gold DIR]
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { captureHtml } from '../src/cli/dom';
import { EntitiesSchema, pickEntities, type Entities } from '../src/core/entities';
import { extractPosting } from '../src/core/extract';
import { formatLenient, lenientMatch, scoreLenient, type LenientScores } from '../src/core/lenient-score';
import type { Posting } from '../src/core/posting';
import { ScopeSchema, type Scope } from '../src/core/sections';
import { defaultSettings } from '../src/core/settings';
import { renderLeverPage, type LeverPosting } from '../test/lever-page';
import { fail, option } from './local-corpus';

const GoldPageSchema = z.object({
  /** A file in ../shared/pages. */
  file: z.string(),
  /** For the Lever API response: the posting's id. */
  posting: z.string().optional(),
  entities: EntitiesSchema,
});
type GoldPage = z.infer<typeof GoldPageSchema> & { name: string };

const shared = resolve(process.env.JOB_ENTITIES_SHARED ?? '../shared');
const goldDir = resolve(option('gold', 'test/fixtures/gold-pages'));
const verbose = process.argv.includes('--verbose');

function readGold(): GoldPage[] {
  let names: string[];
  try {
    names = readdirSync(goldDir)
      .filter((n) => n.endsWith('.json'))
      .sort();
  } catch {
    fail(`Cannot read the gold labels in ${goldDir}. Pass --gold DIR.`);
  }
  return names.map((n) => {
    const parsed = GoldPageSchema.safeParse(JSON.parse(readFileSync(join(goldDir, n), 'utf8')));
    if (!parsed.success)
      fail(`${join(goldDir, n)}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    return { ...parsed.data, name: n.replace(/\.json$/, '') };
  });
}

function capture(g: GoldPage): Posting {
  const pagesDir = join(shared, 'pages');
  const read = (f: string): string => readFileSync(join(pagesDir, f), 'utf8');
  try {
    read('pages.json');
  } catch {
    fail(`Cannot read ${pagesDir}/pages.json: the saved pages live in ../shared (set JOB_ENTITIES_SHARED).`);
  }
  if (g.posting) {
    const all = JSON.parse(read(g.file)) as LeverPosting[];
    const p = all.find((x) => x.id === g.posting);
    if (!p) fail(`${g.name}: no posting ${g.posting} in ${g.file}`);
    return captureHtml(renderLeverPage(p), p.hostedUrl);
  }
  const entry = (JSON.parse(read('pages.json')) as Array<{ file: string; url: string }>).find((e) => e.file === g.file);
  if (!entry) fail(`${g.name}: ${g.file} is not listed in pages.json`);
  return captureHtml(read(g.file), entry.url);
}

const gold = readGold();
const postings = gold.map(capture);
const rows: Array<{ name: string; scores: LenientScores }> = [];
const json: Record<string, unknown> = {};
for (const scope of ScopeSchema.options as Scope[]) {
  // extractPosting reads what the scope asks for (focusPosting), as the extension and the CLI do.
  const settings = { ...defaultSettings(), provider: 'local' as const, scope };
  const predicted: Entities[] = [];
  const started = Date.now();
  for (const p of postings) predicted.push(pickEntities(await extractPosting(p, settings)));
  const ms = Date.now() - started;
  const scores = scoreLenient(
    gold.map((g) => g.entities),
    predicted,
  );
  rows.push({ name: `${scope} (${gold.length} postings)`, scores });
  json[scope] = { ...scores, ms };
  if (verbose) {
    console.log(`\n## scope ${scope}: shown values matching no gold value of any type`);
    gold.forEach((g, i) => {
      const all = Object.values(g.entities).flat();
      const junk = Object.entries(predicted[i]).flatMap(([t, vs]) =>
        [...new Set(vs)].filter((v) => !all.some((x) => lenientMatch(v, x))).map((v) => `${t}:${v}`),
      );
      if (junk.length) console.log(`${g.name}: ${junk.join(' | ')}`);
    });
  }
}
if (process.argv.includes('--json')) console.log(JSON.stringify(json));
else {
  console.log(`Whole postings: ${gold.length} pages from ${shared}/pages, gold in ${goldDir}; lenient matching.\n`);
  console.log(formatLenient(rows));
}
