// `job-entities match`: how a candidate's skills fit each posting, best match first. Extraction is
// extract's (same inputs, provider flags and concurrency); the comparison and the ranking are the
// core's (matchSkills, rankOrder), as in the popup.
import { ExtractionError } from '../../core/errors';
import { matchSkills, rankOrder, type SkillImportance } from '../../core/match/match';
import { parseProfile, parseSkillList, type MatchProfile } from '../../core/match/profile';
import { parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { streamInputs } from '../input';
import { PROVIDER_FLAGS_HELP, PROVIDER_OPTIONS, settingsFromFlags } from '../settings-from-flags';
import { concurrencyFlag, DEFAULT_CONCURRENCY } from '../extract-flags';
import { writeOutcomes, type RecordOutcome } from '../extract-records';
import { readTextFile } from '../files';

const HELP = `Usage: job-entities match (--skills "a, b, c" | --profile FILE) [--input FILE|-] [--url URL] [provider flags]

Compare your skills with job postings: extracts each posting's entities (as \`extract\` does), then
prints one JSON line per posting, the best match first:
  {"rank":1,"score":0.625,"summary":"2 of 3 required skills, 1 of 2 nice-to-have · 63 %",
   "matched":["c #","kubernetes"],"missing":["java"],"niceToHave":{"matched":["go"],"missing":["rust"]},
   "extra":["Python"],"line":2,"title":"Backend Engineer"}
rank        1 for the best match (highest score; ties and failed postings keep input order)
score       (required skills you have + half the nice-to-have ones you have)
            / (required skills + half the nice-to-have ones); 0..1, 0 when no skill is asked
summary     the score in words
matched     the required skills you have, as extracted; missing: those you lack
niceToHave  the nice-to-have skills (from a "Preferred", "Bonus", "Nice to have" section), apart
extra       your skills the posting does not ask for
line        the posting's place in the input (its JSONL line); id, title and url when known
Required skills come from the requirements and responsibilities sections; skills seen only in the
company blurb, the benefits or the legal text are not scored (--details lists them as "ignored").
When the posting has no such sections, every skill counts as required.
Spellings of one skill count as one: C# = c #, Node.js = nodejs, REST APIs = REST API, HTML5 = HTML,
React = ReactJS, JS = JavaScript, k8s = Kubernetes; a phrase counts as its skill ("running
Kubernetes" = Kubernetes, "maintaining CI/CD pipelines" = CI/CD); Java, JavaScript, C, C++, C#, R,
React, Go and Google stay apart.

Candidate (one of):
  --skills "a, b; c"       your skills: commas, semicolons or line breaks between them
  --profile FILE           a profile exported from the extension (JSON: {"version":1,"skills":[...],
                           "years":3,"diplomas":["BSc"],"majors":["Computer Science"]})

Input: as \`job-entities extract\` (--input FILE.jsonl|.html|.txt, - for stdin, --url URL); a JSONL
line is a posting's "text" or a captured page ("url" and "html").
  --order rank|input       best match first (default), or input order as each posting finishes
  --concurrency N          requests in flight (default ${DEFAULT_CONCURRENCY})
  -q, --quiet              no progress bar (drawn only when stderr is a terminal anyway)
  --details                also print "asked", "required", "niceToHaveCount", "formula", "skills"
                           (each scored skill: value, matched, importance, section), "ignored",
                           "experience", "diploma" and "major"

${PROVIDER_FLAGS_HELP}

  --debug                  print stack traces on errors
  -h, --help               show this help

Exit codes: 0 done (a posting that failed gets {"error": {code, message}} on its line, ranked
last); 1 a fatal error or a bad profile; 2 wrong usage.

Examples:
  job-entities match --skills "python, sql, docker" --provider local --input job.txt
  job-entities match --profile me.json --model ft:davinci-002:acme:jobs:abc123 --input postings.jsonl
`;

async function readProfile(path: string, io: CliIO): Promise<MatchProfile> {
  const text = await readTextFile(
    path,
    io,
    'Export it from the extension\'s profile page, or pass --skills "a, b, c".',
    'the profile',
  );
  const parsed = parseProfile(text);
  if (!parsed.ok)
    throw new ExtractionError('invalid_input', `${path}: ${parsed.error.replace(/ Nothing was changed\.$/, '')}`);
  return parsed.profile;
}

/** Four decimals: enough to rank, short to read. */
function roundScore(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

/** The JSON line for one posting (without its rank). */
export function toMatchLine(outcome: RecordOutcome, profile: MatchProfile, details: boolean): Record<string, unknown> {
  let out: Record<string, unknown>;
  if (!outcome.result) {
    out = { error: { code: outcome.error?.code ?? 'unknown', message: outcome.error?.message ?? 'failed' } };
  } else {
    const m = matchSkills(profile, outcome.result);
    const names = (importance: SkillImportance, matched: boolean) =>
      m.chips.filter((c) => c.importance === importance && c.matched === matched).map((c) => c.value);
    out = {
      score: roundScore(m.score),
      summary: m.summary,
      matched: names('required', true),
      missing: names('required', false),
      niceToHave: { matched: names('niceToHave', true), missing: names('niceToHave', false) },
      extra: m.extra,
    };
    if (details) {
      Object.assign(out, {
        asked: m.asked,
        required: m.required,
        niceToHaveCount: m.niceToHave,
        formula: m.formula,
        skills: m.chips,
        ignored: m.ignored,
        experience: m.experience,
        diploma: m.diploma,
        major: m.major,
      });
    }
  }
  out.line = outcome.record.line;
  if (outcome.record.id !== undefined) out.id = outcome.record.id;
  const posting = outcome.record.posting;
  if (posting?.title) out.title = posting.title;
  if (posting?.url) out.url = posting.url;
  return out;
}

/** The lines in rank order, each with its rank (1 = best) first. */
export function rankLines(lines: Record<string, unknown>[]): Record<string, unknown>[] {
  return rankOrder(lines.map((l) => (typeof l.score === 'number' ? l.score : undefined))).map((i, r) => ({
    rank: r + 1,
    ...lines[i],
  }));
}

const MATCH_OPTIONS = {
  ...PROVIDER_OPTIONS,
  skills: { type: 'string', short: 's' },
  profile: { type: 'string', short: 'p' },
  input: { type: 'string', short: 'i' },
  url: { type: 'string' },
  concurrency: { type: 'string', short: 'c' },
  details: { type: 'boolean' },
  order: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

type MatchValues = ReturnType<typeof parseCommandArgs<typeof MATCH_OPTIONS>>['values'];

/** What the postings are compared with: the --skills list, or the profile file. */
async function profileFrom(values: MatchValues, io: CliIO): Promise<MatchProfile> {
  if (values.skills === undefined) return readProfile(values.profile as string, io);
  const skills = parseSkillList(values.skills);
  if (skills.length === 0)
    throw new UsageError('--skills is empty: list your skills, e.g. --skills "python, sql, docker"');
  return { skills };
}

function parseMatchArgs(argv: string[]): { values: MatchValues; order: 'rank' | 'input'; concurrency: number } {
  const { values, positionals } = parseCommandArgs(argv, MATCH_OPTIONS);
  if (positionals.length)
    throw new UsageError(`unexpected argument "${positionals[0]}" (give files with --input FILE)`);
  if (values.skills !== undefined && values.profile !== undefined)
    throw new UsageError('give --skills or --profile, not both');
  if (values.skills === undefined && values.profile === undefined)
    throw new UsageError('say what you know: --skills "a, b, c" or --profile FILE');
  const order = values.order ?? 'rank';
  if (order !== 'rank' && order !== 'input')
    throw new UsageError(`--order takes "rank" (best match first) or "input", got "${order}"`);
  return { values, order, concurrency: concurrencyFlag(values.concurrency) };
}

export const matchCommand: Command = {
  name: 'match',
  summary: 'Compare your skills with job postings, best match first: score, matched, missing',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, order, concurrency } = parseMatchArgs(argv);
    const profile = await profileFrom(values, io);
    const settings = settingsFromFlags(values, io.env);
    const input = await streamInputs({ input: values.input, url: values.url }, io, {
      count: Boolean(io.stderr.isTTY) && !values.quiet,
    });

    const details = values.details === true;
    const print = (line: Record<string, unknown>) => io.stdout.write(JSON.stringify(line) + '\n');
    // Ranking needs every score: lines are held until the last posting is done.
    const held: Record<string, unknown>[] = [];
    return writeOutcomes(input, settings, io, {
      command: 'match',
      noun: 'postings',
      concurrency,
      quiet: values.quiet,
      write: (o) =>
        order === 'input' ? print(toMatchLine(o, profile, details)) : held.push(toMatchLine(o, profile, details)),
      end: () => rankLines(held).forEach(print),
    });
  },
};
