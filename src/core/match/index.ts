// Candidate mode's public surface: what the popup, the profile page and the CLI import.
// One posting: `const m = matchSkills(profile, result)` (result: the extraction result, its details
// say each skill's section); `m.summary` is the line to show ("7 of 12 required skills · 58 %"),
// `m.chips` the scored skills ({value, matched, importance: 'required' | 'niceToHave'}), and
// `chipFor(m, value)` marks any of the posting's values (another spelling, a phrase around a
// scored skill) or says it is not scored. Many postings: `rankOrder(scores)`, best first.
export {
  matchSkills,
  missingAsText,
  chipFor,
  rankOrder,
  type MatchResult,
  type SkillChip,
  type SkillImportance,
  type SkillTally,
  type MatchablePosting,
} from './match';
export { skillConcepts } from './phrases';
export {
  ProfileSchema,
  PROFILE_VERSION,
  emptyProfile,
  parseProfile,
  exportProfile,
  addSkills,
  removeSkill,
  parseSkillList,
  profileFromEntities,
  mergeProfiles,
  type Profile,
  type MatchProfile,
  type ProfileParse,
} from './profile';
export { yearsFromExperience, degreeLevels, DEGREE_LEVELS } from './degrees';
export { skillKey, sameSkill, canonicalName } from './normalize';
export { SKILL_SYNONYMS } from './synonyms';
