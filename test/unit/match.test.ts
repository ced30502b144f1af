import { describe, expect, it } from 'vitest';
import { emptyEntities, type Entities } from '../../src/core/entities';
import {
  degreeLevels,
  checkDiploma,
  checkMajor,
  checkExperience,
  yearsFromExperience,
} from '../../src/core/match/degrees';
import { chipFor, matchSkills, missingAsText, type MatchablePosting } from '../../src/core/match/match';
import { skillConcepts } from '../../src/core/match/phrases';
import type { SectionKind } from '../../src/core/sections';
import { buildSynonymIndex, canonicalName, sameSkill, skillKey, spellingKey } from '../../src/core/match/normalize';
import {
  addSkills,
  exportProfile,
  mergeProfiles,
  parseProfile,
  parseSkillList,
  profileFromEntities,
  removeSkill,
  emptyProfile,
} from '../../src/core/match/profile';
import { parseSynonymTable, SKILL_SYNONYMS } from '../../src/core/match/synonyms';
import { HAS_SHARED, readShared } from '../shared';

function posting(partial: Partial<Entities>): Entities {
  return { ...emptyEntities(), ...partial };
}

// [posting-side spelling, candidate-side spelling]: the same skill.
const SAME: [string, string][] = [
  // case, spacing and tokenizer spaces
  ['c #', 'C#'],
  ['c ++', 'C++'],
  ['c + +', 'c++'],
  ['f #', 'F#'],
  ['objective - c', 'Objective-C'],
  ['objective - c', 'objc'],
  ['  Python ', 'python'],
  ['machine   learning', 'Machine Learning'],
  ['full - stack development', 'full stack development'],
  ['full - stack development', 'fullstack development'],
  // punctuation
  ['node.js', 'nodejs'],
  ['node . js', 'Node.js'],
  ['node.js', 'Node'],
  ['asp . net', 'ASP.NET'],
  ['. net', '.NET'],
  ['.net', 'dotnet'],
  ['ci / cd', 'CI/CD'],
  ['ci/cd', 'cicd'],
  // plural and singular
  ['rest apis', 'REST API'],
  ['rest services', 'REST API'],
  ['restful apis', 'rest'],
  ['nosql databases', 'NoSQL database'],
  ['web services', 'web service'],
  ['technologies', 'technology'],
  ['processes', 'process'],
  ['caches', 'cache'],
  ['gpus', 'GPU'],
  ['kpis', 'KPI'],
  ['llms', 'LLM'],
  // version suffixes
  ['html5', 'html'],
  ['HTML 5', 'HTML'],
  ['css3', 'CSS'],
  ['python 3', 'Python'],
  ['python3', 'python'],
  ['java 8', 'Java'],
  ['java17', 'java'],
  ['sql server 2019', 'SQL Server'],
  ['angular 2+', 'Angular'],
  ['c++11', 'C++'],
  ['c++ 17', 'c++'],
  ['php7', 'PHP'],
  ['python 3.x', 'Python'],
  ['vue 3', 'Vue.js'],
  ['. net 6', '.NET'],
  ['windows server 2019', 'Windows Server'],
  ['oauth2', 'OAuth 2.0'],
  ['e - commerce', 'ecommerce'],
  // the js suffix
  ['react', 'ReactJS'],
  ['react.js', 'React'],
  ['vue', 'Vue.js'],
  ['vuejs', 'vue'],
  ['expressjs', 'Express'],
  ['angularjs', 'Angular'],
  ['next.js', 'nextjs'],
  // abbreviations and other names (the synonym table)
  ['javascript', 'JS'],
  ['js', 'ECMAScript'],
  ['typescript', 'TS'],
  ['postgresql', 'Postgres'],
  ['postgres', 'PostgreSQL'],
  ['kubernetes', 'k8s'],
  ['machine learning', 'ML'],
  ['ai', 'artificial intelligence'],
  ['natural language processing', 'NLP'],
  ['amazon web services', 'AWS'],
  ['microsoft azure', 'Azure'],
  ['gcp', 'Google Cloud Platform'],
  ['go', 'golang'],
  ['go', 'Go lang'],
  ['c #', 'csharp'],
  ['c++', 'cpp'],
  ['sql server', 'MSSQL'],
  ['mongo', 'MongoDB'],
  ['s3', 'Amazon S3'],
  ['ec2', 'AWS EC2'],
  ['scikit - learn', 'sklearn'],
  ['ux', 'user experience'],
  ['qa', 'Quality Assurance'],
  ['oop', 'object - oriented programming'],
  ['r', 'R language'],
  ['excel', 'Microsoft Excel'],
];

// Pairs that only look alike: different skills.
const DIFFERENT: [string, string][] = [
  ['java', 'javascript'],
  ['java', 'JS'],
  ['java script', 'java'],
  ['c', 'c++'],
  ['c', 'c #'],
  ['c++', 'c#'],
  ['c', 'objective - c'],
  ['c', 'csharp'],
  ['r', 'react'],
  ['r', 'ruby'],
  ['r', 'rust'],
  ['go', 'google'],
  ['go', 'Google Cloud'],
  ['css', 'cs'],
  ['css', 'sass'],
  ['aws', 'aw'],
  ['js', 'j'],
  ['pandas', 'panda'],
  ['ios', 'io'],
  ['sas', 'sa'],
  ['s3', 's'],
  ['ec2', 'ec'],
  ['db2', 'db'],
  ['x86', 'x'],
  ['web3', 'web'],
  ['ipv4', 'ipv6'],
  ['sha256', 'sha'],
  ['.net', 'net'],
  ['redis', 'redi'],
  ['kubernetes', 'docker'],
  ['sql', 'nosql'],
  ['sql', 'mysql'],
  ['mysql', 'postgresql'],
  ['typescript', 'javascript'],
  ['machine learning', 'deep learning'],
  ['html', 'xml'],
  ['c #', 'f #'],
  ['swift', 'swiftui'],
  ['scala', 'scalability'],
  ['web 2.0', 'web'],
  ['office 365', 'office'],
  ['industry 4.0', 'industry'],
  ['pl / sql', 'sql'],
  ['t - sql', 'sql'],
  ['c - level', 'c'],
  ['go - to - market', 'go'],
  ['r & d', 'r'],
];

describe('skill canonicalisation: one skill, many spellings', () => {
  it.each(SAME)('%s = %s', (a, b) => {
    expect(skillKey(a)).toBe(skillKey(b));
    expect(sameSkill(a, b)).toBe(true);
  });
});

describe('false friends stay apart', () => {
  it.each(DIFFERENT)('%s != %s', (a, b) => {
    expect(skillKey(a)).not.toBe(skillKey(b));
    expect(sameSkill(a, b)).toBe(false);
  });
});

describe('the synonym table', () => {
  const lines = parseSynonymTable(SKILL_SYNONYMS);

  it('has one concept per line and every name on one line only', () => {
    expect(lines.length).toBeGreaterThan(40);
    const owner = new Map<string, string>();
    for (const line of lines) {
      for (const name of line.names) {
        const key = spellingKey(name);
        expect(key, `"${name}" normalises to nothing`).not.toBe('');
        const prev = owner.get(key);
        expect(
          prev === undefined || prev === line.canonical,
          `"${name}" is on both "${prev}" and "${line.canonical}"`,
        ).toBe(true);
        owner.set(key, line.canonical);
      }
    }
  });

  it('never puts false friends on one line', () => {
    const index = buildSynonymIndex(lines);
    for (const [a, b] of DIFFERENT) expect(skillKey(a, index) === skillKey(b, index), `${a} / ${b}`).toBe(false);
  });

  it('is easy to extend: a new line joins its names', () => {
    const index = buildSynonymIndex(parseSynonymTable(SKILL_SYNONYMS + '\nterraform: tf, hcl\n'));
    expect(skillKey('TF', index)).toBe(skillKey('Terraform', index));
    expect(skillKey('hcl', index)).toBe(skillKey('terraform', index));
    // The shipped table is untouched.
    expect(sameSkill('tf', 'terraform')).toBe(false);
  });

  it('names the concept', () => {
    expect(canonicalName('k8s')).toBe('kubernetes');
    expect(canonicalName('JS')).toBe('javascript');
    expect(canonicalName('frobnicate')).toBeUndefined();
  });

  it('ignores values with no letters or digits', () => {
    expect(skillKey(' - ')).toBe('');
    expect(sameSkill('', '')).toBe(false);
  });
});

describe('matchSkills', () => {
  const post = posting({
    skills: ['java', 'c #', 'rest apis', 'node.js', 'kubernetes', 'sql', 'c #', 'Kubernetes'],
    experience: ['3 + years', '5 + years'],
    diploma: ['ba / bs / ms'],
    diploma_major: ['computer science'],
  });

  it('scores the share of distinct posting skills held, with posting-side values as extracted', () => {
    const r = matchSkills({ skills: ['C#', 'JavaScript', 'REST API', 'k8s', 'Python'] }, post);
    expect(r.asked).toBe(6);
    expect(r.matched).toEqual(['c #', 'rest apis', 'kubernetes']);
    expect(r.missing).toEqual(['java', 'node.js', 'sql']);
    expect(r.extra).toEqual(['JavaScript', 'Python']);
    expect(r.score).toBeCloseTo(0.5);
    expect(r.formula).toBe('score = required skills you have / required skills = 3 / 6 = 50 %');
    expect(r.summary).toBe('3 of 6 required skills · 50 %');
    expect(r.required).toEqual({ matched: 3, total: 6 });
    expect(r.niceToHave).toEqual({ matched: 0, total: 0 });
    expect(r.chips.every((c) => c.importance === 'required')).toBe(true);
    expect(r.chips.map((c) => [c.value, c.matched])).toEqual([
      ['java', false],
      ['c #', true],
      ['rest apis', true],
      ['node.js', false],
      ['kubernetes', true],
      ['sql', false],
    ]);
  });

  it('gives 1 when every skill is held and 0 when none is', () => {
    expect(matchSkills({ skills: ['Java', 'C#', 'REST', 'Node', 'K8s', 'SQL'] }, post).score).toBe(1);
    expect(matchSkills({ skills: ['cooking'] }, post).score).toBe(0);
  });

  it('says so when the posting lists no skills', () => {
    const r = matchSkills({ skills: ['python'] }, posting({}));
    expect(r.score).toBe(0);
    expect(r.asked).toBe(0);
    expect(r.formula).toMatch(/no skills/);
    expect(r.extra).toEqual(['python']);
  });

  it('counts a candidate skill typed twice (two spellings) once', () => {
    const r = matchSkills({ skills: ['JS', 'javascript', 'Java'] }, posting({ skills: ['javascript'] }));
    expect(r.matched).toEqual(['javascript']);
    expect(r.extra).toEqual(['Java']);
  });

  it('compares years, diploma and major', () => {
    const r = matchSkills({ skills: [], years: 4, diplomas: ['MSc'], majors: ['Computer Science'] }, post);
    expect(r.experience).toEqual({ asked: 5, values: ['3 + years', '5 + years'], held: 4, ok: false });
    expect(r.diploma).toEqual({ asked: ['ba / bs / ms'], held: ['MSc'], ok: true });
    expect(r.major.ok).toBe(true);
    const unknown = matchSkills({ skills: [] }, post);
    expect(unknown.experience.ok).toBeNull();
    expect(unknown.diploma.ok).toBeNull();
    expect(unknown.major.ok).toBeNull();
  });

  it('copies the missing skills as a list, in display form', () => {
    const r = matchSkills({ skills: ['java'] }, posting({ skills: ['java', 'c #', 'node.js', 'objective - c'] }));
    expect(missingAsText(r)).toBe('C#\nNode.js\nObjective-C');
    expect(missingAsText(r, 'bullets')).toBe('- C#\n- Node.js\n- Objective-C');
    expect(missingAsText(r, 'comma')).toBe('C#, Node.js, Objective-C');
    expect(missingAsText(matchSkills({ skills: ['java'] }, posting({ skills: ['java'] })))).toBe('');
  });
});

/** A posting whose skills come with the section kind each was found in. */
function sectioned(skills: [string, SectionKind | undefined][]): MatchablePosting {
  return {
    ...emptyEntities(),
    skills: skills.map(([v]) => v),
    details: {
      skills: skills.map(([value, section]) =>
        section ? { value, confidence: 0.9, section } : { value, confidence: 0.9 },
      ),
    },
  };
}

describe('phrase skills match their head skill both ways', () => {
  it('a posting phrase is matched by the head skill', () => {
    const r = matchSkills(
      { skills: ['Kubernetes', 'CI/CD', 'Python', 'Docker'] },
      posting({
        skills: [
          'running kubernetes',
          'maintaining ci / cd pipelines',
          'strong python skills',
          'experience with docker and kubernetes',
        ],
      }),
    );
    expect(r.chips.map((c) => [c.value, c.matched, c.by])).toEqual([
      ['running kubernetes', true, 'Kubernetes'],
      ['maintaining ci / cd pipelines', true, 'CI/CD'],
      ['strong python skills', true, 'Python'],
      ['experience with docker and kubernetes', true, 'Kubernetes'],
    ]);
    expect(r.extra).toEqual([]);
  });

  it('a candidate phrase matches the posting’s head skill', () => {
    const r = matchSkills(
      { skills: ['running Kubernetes clusters', 'Maintaining CI/CD pipelines', 'Go'] },
      posting({ skills: ['kubernetes', 'ci / cd', 'k8s', 'rust'] }),
    );
    expect(r.matched).toEqual(['kubernetes', 'ci / cd']);
    expect(r.missing).toEqual(['rust']);
    expect(r.extra).toEqual(['Go']);
  });

  it('a phrase and its head on one posting are one skill', () => {
    const r = matchSkills(
      { skills: ['Kubernetes'] },
      posting({ skills: ['running kubernetes', 'kubernetes', 'terraform'] }),
    );
    expect(r.asked).toBe(2);
    expect(r.summary).toBe('1 of 2 required skills · 50 %');
    expect(chipFor(r, 'kubernetes')?.value).toBe('running kubernetes');
    expect(chipFor(r, 'K8s')?.matched).toBe(true);
    expect(chipFor(r, 'terraform')?.matched).toBe(false);
    expect(chipFor(r, 'cobol')).toBeUndefined();
  });

  it('a phrase with a word of its own is a skill of its own', () => {
    expect(matchSkills({ skills: ['management'] }, posting({ skills: ['project management'] })).score).toBe(0);
    expect(matchSkills({ skills: ['data'] }, posting({ skills: ['data analysis'] })).score).toBe(0);
    expect(matchSkills({ skills: ['React'] }, posting({ skills: ['react native'] })).score).toBe(0);
    expect(matchSkills({ skills: ['SQL'] }, posting({ skills: ['sql server'] })).score).toBe(0);
    expect(matchSkills({ skills: ['Java'] }, posting({ skills: ['java script development'] })).score).toBe(0);
    expect(skillConcepts('project management', new Set([skillKey('management')]))).toEqual([
      skillKey('project management'),
    ]);
    // Without their hyphens, too: C is not C-level, Go is not go-to-market, R is not R&D.
    expect(matchSkills({ skills: ['C'] }, posting({ skills: ['c level'] })).score).toBe(0);
    expect(matchSkills({ skills: ['Go'] }, posting({ skills: ['go to market strategy'] })).score).toBe(0);
    expect(matchSkills({ skills: ['R'] }, posting({ skills: ['r&d experience'] })).score).toBe(0);
  });

  // The false friends, on their own and inside phrases, either side.
  it.each(DIFFERENT)('%s and %s stay apart in phrases', (a, b) => {
    for (const [p, c] of [
      [a, b],
      [b, a],
    ]) {
      for (const phrase of [p, `experience with ${p}`, `running ${p} in production`]) {
        const r = matchSkills({ skills: [c] }, posting({ skills: [phrase] }));
        expect(r.matched, `posting "${phrase}" / candidate "${c}"`).toEqual([]);
        const back = matchSkills({ skills: [`strong ${c} skills`] }, posting({ skills: [phrase] }));
        expect(back.matched, `posting "${phrase}" / candidate "strong ${c} skills"`).toEqual([]);
      }
    }
  });
});

describe('required and nice-to-have skills', () => {
  const post = sectioned([
    ['python', 'requirements'],
    ['fastapi', 'requirements'],
    ['kubernetes', 'responsibilities'],
    ['terraform', 'nice-to-have'],
    ['golang', 'nice-to-have'],
    ['pto', 'benefits'],
    ['salesforce', 'company'],
    ['python', 'nice-to-have'],
  ]);

  it('scores N of M required, nice-to-have counting half, and leaves out skills found outside what the job asks', () => {
    const r = matchSkills({ skills: ['Python', 'Kubernetes', 'Go', 'Salesforce'] }, post);
    expect(r.required).toEqual({ matched: 2, total: 3 });
    expect(r.niceToHave).toEqual({ matched: 1, total: 2 });
    expect(r.score).toBeCloseTo((2 + 0.5) / (3 + 1));
    expect(r.summary).toBe('2 of 3 required skills, 1 of 2 nice-to-have · 63 %');
    expect(r.formula).toBe(
      'score = (required you have + ½ nice-to-have you have) / (required + ½ nice-to-have) = (2 + 1/2) / (3 + 2/2) = 63 %',
    );
    expect(r.chips.map((c) => [c.value, c.matched, c.importance, c.section])).toEqual([
      ['python', true, 'required', 'requirements'],
      ['fastapi', false, 'required', 'requirements'],
      ['kubernetes', true, 'required', 'responsibilities'],
      ['terraform', false, 'niceToHave', 'nice-to-have'],
      ['golang', true, 'niceToHave', 'nice-to-have'],
    ]);
    expect(r.ignored).toEqual(['pto', 'salesforce']);
    expect(r.matched).toEqual(['python', 'kubernetes', 'golang']);
    expect(r.missing).toEqual(['fastapi', 'terraform']);
    // Salesforce is only the employer's blurb: the posting does not ask for it.
    expect(r.extra).toEqual(['Salesforce']);
    expect(chipFor(r, 'Go')?.importance).toBe('niceToHave');
    expect(chipFor(r, 'pto')).toBeUndefined();
  });

  it('a skill asked as nice-to-have and as required is required', () => {
    const r = matchSkills(
      { skills: [] },
      sectioned([
        ['docker', 'nice-to-have'],
        ['Docker', 'requirements'],
      ]),
    );
    expect(r.chips).toEqual([{ value: 'docker', matched: false, importance: 'required', section: 'requirements' }]);
  });

  it('counts every skill as required when the posting gives no section or no requirement section', () => {
    expect(matchSkills({ skills: ['python'] }, posting({ skills: ['python', 'sql'] })).summary).toBe(
      '1 of 2 required skills · 50 %',
    );
    const untrusted = sectioned([
      ['python', 'other'],
      ['sql', 'company'],
      ['excel', undefined],
    ]);
    const r = matchSkills({ skills: ['python'] }, untrusted);
    expect(r.required).toEqual({ matched: 1, total: 3 });
    expect(r.ignored).toEqual([]);
  });

  it('only nice-to-have skills: the share of those', () => {
    const r = matchSkills(
      { skills: ['Go'] },
      sectioned([
        ['go', 'nice-to-have'],
        ['rust', 'nice-to-have'],
        ['java', 'requirements'],
      ]),
    );
    expect(r.summary).toBe('0 of 1 required skill, 1 of 2 nice-to-have · 25 %');
    expect(matchSkills({ skills: [] }, posting({})).summary).toBe('No skills to compare');
  });

  it('reads details by value when they do not run parallel to the skills', () => {
    const p: MatchablePosting = {
      ...emptyEntities(),
      skills: ['python', 'perl'],
      details: {
        skills: [
          { value: 'perl', confidence: 1, section: 'nice-to-have' },
          { value: 'python', confidence: 1, section: 'requirements' },
        ],
      },
    };
    const r = matchSkills({ skills: ['perl'] }, p);
    expect(r.chips.map((c) => c.importance)).toEqual(['required', 'niceToHave']);
    expect(r.summary).toBe('0 of 1 required skill, 1 of 1 nice-to-have · 33 %');
  });
});

describe('yearsFromExperience', () => {
  it.each([
    ['3 + years', 3],
    ['3+ years', 3],
    ['10+ yrs', 10],
    ['2 - 5 years', 2],
    ['2-5 years', 2],
    ['2 to 4 years', 2],
    ['at least 7 years', 7],
    ['minimum of 1 year', 1],
    ['five ( 5 ) years', 5],
    ['Five years', 5],
    ['6 months', 0.5],
    ['1.5 years', 1.5],
    ['3 or more years', 3],
    ['a year', 1],
  ] as const)('%s -> %s', (text, years) => {
    expect(yearsFromExperience(text)).toBe(years);
  });

  it.each(['relevant work experience', 'industry experience', '', 'years of experience'])('%s -> null', (text) => {
    expect(yearsFromExperience(text)).toBeNull();
  });

  it('asks the largest amount and compares', () => {
    expect(checkExperience(['2 + years', 'industry experience'], 2)).toEqual({
      asked: 2,
      values: ['2 + years', 'industry experience'],
      held: 2,
      ok: true,
    });
    expect(checkExperience(['industry experience'], 2).ok).toBeNull();
    expect(checkExperience([], 2).asked).toBeNull();
  });
});

describe('diplomas and majors', () => {
  it.each([
    ['bs', [2]],
    ['b.s.', [2]],
    ['ba / bs / ms', [2, 3]],
    ["bachelor 's degree", [2]],
    ["Master's", [3]],
    ['phd', [4]],
    ['Ph.D.', [4]],
    ['mba', [3]],
    ['high school diploma', [0]],
    ['associate degree', [1]],
    ['degree', [2]],
    ['advanced degree', [3]],
    ['certificate', []],
    ['constructor', []],
    ['bs constructor', [2]],
  ] as const)('%s -> levels %j', (value, levels) => {
    expect(degreeLevels(value)).toEqual(levels);
  });

  it('meets a level with that level or higher', () => {
    expect(checkDiploma(['bs'], ['MSc']).ok).toBe(true);
    expect(checkDiploma(['ms'], ['BSc']).ok).toBe(false);
    expect(checkDiploma(['bs', 'ms'], ['BA']).ok).toBe(true); // BS required, MS preferred
    expect(checkDiploma(['phd'], ['Master of Science']).ok).toBe(false);
    expect(checkDiploma(['certificate'], ['certificate']).ok).toBe(true);
    expect(checkDiploma(['certificate'], ['license']).ok).toBeNull();
    expect(checkDiploma([], ['BS']).ok).toBeNull();
  });

  it('matches majors by name, abbreviation or containment, ignoring "related field"', () => {
    expect(checkMajor(['computer science'], ['CS']).ok).toBe(true);
    expect(checkMajor(['computer science , engineering or related field'], ['Electrical Engineering']).ok).toBe(true);
    expect(checkMajor(['computer science or related field'], ['Biology']).ok).toBe(false);
    expect(checkMajor(['math / statistics'], ['Stats']).ok).toBe(true);
    expect(checkMajor(['related field'], ['Biology']).ok).toBeNull();
  });
});

describe('profile', () => {
  it('parses pasted lists: commas, semicolons, lines, bullets, numbers, parentheses kept whole', () => {
    expect(parseSkillList('a, b; c\n d')).toEqual(['a', 'b', 'c', 'd']);
    expect(parseSkillList('• Python\n• SQL\n- Docker\n* Go\n1. Rust\n2) C++')).toEqual([
      'Python',
      'SQL',
      'Docker',
      'Go',
      'Rust',
      'C++',
    ]);
    expect(parseSkillList('Python (Django, Flask), Node.js | .NET\tC#')).toEqual([
      'Python (Django, Flask)',
      'Node.js',
      '.NET',
      'C#',
    ]);
    expect(parseSkillList('JS, JavaScript, javascript, Java')).toEqual(['JS', 'Java']);
    expect(parseSkillList('Python.\nSQL:\n\n , ;')).toEqual(['Python', 'SQL']);
    expect(parseSkillList('')).toEqual([]);
  });

  it('round-trips through export and import', () => {
    const p = {
      ...emptyProfile(),
      skills: ['Python', 'SQL'],
      years: 3,
      diplomas: ['BSc'],
      majors: ['Computer Science'],
    };
    const r = parseProfile(exportProfile(p));
    expect(r).toEqual({ ok: true, profile: p });
  });

  it('accepts a hand-made file without a version, and dedupes spellings', () => {
    const r = parseProfile('{"skills": ["JS", "javascript", "Go"]}');
    expect(r).toEqual({ ok: true, profile: { version: 1, skills: ['JS', 'Go'] } });
  });

  it.each([
    ['not json', /not JSON/],
    ['[]', /Not a valid profile/],
    ['{"skills": "python"}', /"skills"/],
    ['{"skills": [""]}', /"skills.0"/],
    ['{"skills": [], "years": -1}', /"years"/],
    ['{"version": 9, "skills": []}', /version/],
  ])('refuses %s', (text, message) => {
    const r = parseProfile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('builds a profile from a résumé’s extracted entities and merges it into the current one', () => {
    const fromResume = profileFromEntities(
      posting({
        skills: ['python', 'sql', 'Python', 'k8s'],
        experience: ['2 years', '6 + years', 'team work'],
        diploma: ['msc', 'bsc'],
        diploma_major: ['statistics'],
      }),
    );
    expect(fromResume).toEqual({
      version: 1,
      skills: ['python', 'sql', 'k8s'],
      years: 6,
      diplomas: ['msc', 'bsc'],
      majors: ['statistics'],
    });
    expect(profileFromEntities(posting({}))).toEqual({ version: 1, skills: [] });
    const merged = mergeProfiles(
      { version: 1, skills: ['Kubernetes', 'Go'], years: 8, majors: ['Statistics'] },
      fromResume,
    );
    expect(merged).toEqual({
      version: 1,
      skills: ['Kubernetes', 'Go', 'python', 'sql'],
      years: 8,
      diplomas: ['msc', 'bsc'],
      majors: ['Statistics'],
    });
    expect(parseProfile(exportProfile(merged))).toEqual({ ok: true, profile: merged });
  });

  it('adds and removes skills by concept', () => {
    let p = addSkills(emptyProfile(), ['JS', ' Python ', '']);
    p = addSkills(p, ['javascript', 'Go']);
    expect(p.skills).toEqual(['JS', 'Python', 'Go']);
    expect(removeSkill(p, 'JavaScript').skills).toEqual(['Python', 'Go']);
  });
});

describe.skipIf(!HAS_SHARED)('the training data’s skills (../shared)', () => {
  // Every distinct skill value the annotator wrote: keys must be non-empty and only spellings of
  // one skill may share a key. Extending the rules must not silently merge two of them.
  const values = new Set<string>();
  if (HAS_SHARED) {
    for (const line of readShared('data', 'training_data.jsonl').split('\n')) {
      if (!line.trim()) continue;
      const list = /skills:\[(.*)\]/.exec(JSON.parse(line).completion as string)?.[1] ?? '';
      for (const m of list.matchAll(/'([^']*)'|"([^"]*)"/g)) values.add(m[1] ?? m[2]);
    }
  }
  const ALLOWED_MERGES = [
    ['ml', 'machine learning'],
    ['development', 'd ev elopment'],
  ].map((g) => g.sort().join(' | '));

  it('merges only spellings of one skill', () => {
    expect(values.size).toBeGreaterThan(150);
    const byKey = new Map<string, string[]>();
    for (const v of values) {
      const key = skillKey(v);
      expect(key, v).not.toBe('');
      byKey.set(key, [...(byKey.get(key) ?? []), v]);
    }
    const merged = [...byKey.values()].filter((g) => g.length > 1).map((g) => g.sort().join(' | '));
    expect(merged.sort()).toEqual(ALLOWED_MERGES.sort());
  });
});
