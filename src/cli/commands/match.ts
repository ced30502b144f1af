// `job-entities match`: how a candidate's skills fit each posting. Extraction is extract's
// (same inputs, provider flags and concurrency); the comparison is the core's matchSkills.
import { ExtractionError } from '../../core/errors';
import { matchSkills } from '../../core/match/match';
import { parseProfile, parseSkillList, type MatchProfile } from '../../core/match/profile';
import { parseCommandArgs, UsageError, type CliIO, type Command } from '../command';
import { streamInputs } from '../input';
import { PROVIDER_FLAGS_HELP, PROVIDER_OPTIONS, settingsFromFlags } from '../settings-from-flags';
import { concurrencyFlag, DEFAULT_CONCURRENCY, writeOutcomes, type RecordOutcome } from './extract';
import { readTextFile } from '../files';

const HELP = `Usage: job-entities match (--skills "a, b, c" | --profile FILE) [--input FILE|-] [--url URL] [provider flags]

Compare your skills with job postings: extracts each posting's entities (as \`extract\` does), then
prints one JSON line per posting, in input order:
  {"score":0.75,"matched":["c #","rest apis"],"missing":["kubernetes"],"extra":["Python"]}
score    the share of the posting's distinct skills you have (0..1; 0 when it lists none)
matched  the posting's skills you have, as extracted
missing  the posting's skills you lack, as extracted
extra    your skills the posting does not ask for
Spellings of one skill count as one: C# = c #, Node.js = nodejs, REST APIs = REST API, HTML5 = HTML,
React = ReactJS, JS = JavaScript, k8s = Kubernetes; Java, JavaScript, C, C++, C#, R, React, Go and
Google stay apart.

Candidate (one of):
  --skills "a, b; c"       your skills: commas, semicolons or line breaks between them
  --profile FILE           a profile exported from the extension (JSON: {"version":1,"skills":[...],
                           "years":3,"diplomas":["BSc"],"majors":["Computer Science"]})

Input: as \`job-entities extract\` (--input FILE.jsonl|.html|.txt, - for stdin, --url URL).
  --concurrency N          requests in flight (default ${DEFAULT_CONCURRENCY})
  -q, --quiet              no progress bar (drawn only when stderr is a terminal anyway)
  --details                also print "asked", "formula", "experience", "diploma" and "major"

${PROVIDER_FLAGS_HELP}

  --debug                  print stack traces on errors
  -h, --help               show this help

Exit codes: 0 done (a posting that failed gets {"error": {code, message}} on its line); 1 a fatal
error or a bad profile; 2 wrong usage.

Examples:
  job-entities match --skills "python, sql, docker" --provider local --input job.txt
  job-entities match --profile me.json --model ft:davinci-002:acme:jobs:abc123 --input postings.jsonl
`;

async function readProfile(path: string, io: CliIO): Promise<MatchProfile> {
  const text = await readTextFile(path, io, 'Export it from the extension\'s profile page, or pass --skills "a, b, c".', 'the profile');
  const parsed = parseProfile(text);
  if (!parsed.ok) throw new ExtractionError('invalid_input', `${path}: ${parsed.error.replace(/ Nothing was changed\.$/, '')}`);
  return parsed.profile;
}

/** Four decimals: enough to rank, short to read. */
function roundScore(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}

/** The JSON line for one posting. */
export function toMatchLine(outcome: RecordOutcome, profile: MatchProfile, details: boolean): Record<string, unknown> {
  let out: Record<string, unknown>;
  if (!outcome.result) {
    out = { error: { code: outcome.error?.code ?? 'unknown', message: outcome.error?.message ?? 'failed' } };
  } else {
    const m = matchSkills(profile, outcome.result);
    out = { score: roundScore(m.score), matched: m.matched, missing: m.missing, extra: m.extra };
    if (details) Object.assign(out, { asked: m.asked, formula: m.formula, experience: m.experience, diploma: m.diploma, major: m.major });
  }
  if (outcome.record.id !== undefined) out.id = outcome.record.id;
  return out;
}

export const matchCommand: Command = {
  name: 'match',
  summary: 'Compare your skills with job postings: score, matched, missing, extra',
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values, positionals } = parseCommandArgs(argv, {
      ...PROVIDER_OPTIONS,
      skills: { type: 'string', short: 's' },
      profile: { type: 'string', short: 'p' },
      input: { type: 'string', short: 'i' },
      url: { type: 'string' },
      concurrency: { type: 'string', short: 'c' },
      details: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
    });
    if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}" (give files with --input FILE)`);
    if (values.skills !== undefined && values.profile !== undefined) throw new UsageError('give --skills or --profile, not both');
    if (values.skills === undefined && values.profile === undefined) throw new UsageError('say what you know: --skills "a, b, c" or --profile FILE');
    const concurrency = concurrencyFlag(values.concurrency);
    let profile: MatchProfile;
    if (values.skills !== undefined) {
      const skills = parseSkillList(values.skills);
      if (skills.length === 0) throw new UsageError('--skills is empty: list your skills, e.g. --skills "python, sql, docker"');
      profile = { skills };
    } else profile = await readProfile(values.profile as string, io);
    const settings = settingsFromFlags(values, io.env);
    const input = await streamInputs({ input: values.input, url: values.url }, io, { count: Boolean(io.stderr.isTTY) && !values.quiet });

    return writeOutcomes(input, settings, io, {
      command: 'match',
      noun: 'postings',
      concurrency,
      quiet: values.quiet,
      write: (o) => io.stdout.write(JSON.stringify(toMatchLine(o, profile, values.details === true)) + '\n'),
    });
  },
};
