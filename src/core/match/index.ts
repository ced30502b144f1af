// Candidate mode's public surface: what the popup, the profile page and the CLI import.
export { matchSkills, missingAsText, chipFor, rankOrder, type MatchResult, type SkillChip, type SkillImportance, type SkillTally, type MatchablePosting } from './match';
export { skillConcepts } from './phrases';
export { ProfileSchema, PROFILE_VERSION, emptyProfile, parseProfile, exportProfile, addSkills, removeSkill, parseSkillList, profileFromEntities, mergeProfiles, type Profile, type MatchProfile, type ProfileParse } from './profile';
export { yearsFromExperience, degreeLevels, DEGREE_LEVELS } from './degrees';
export { skillKey, sameSkill, canonicalName } from './normalize';
export { SKILL_SYNONYMS } from './synonyms';
