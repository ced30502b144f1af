// Candidate mode's public surface: what the popup, the profile page and the CLI import.
export { matchSkills, missingAsText, type MatchResult, type SkillChip } from './match';
export { ProfileSchema, PROFILE_VERSION, emptyProfile, parseProfile, exportProfile, addSkills, removeSkill, parseSkillList, profileFromEntities, mergeProfiles, type Profile, type MatchProfile, type ProfileParse } from './profile';
export { yearsFromExperience, degreeLevels, DEGREE_LEVELS } from './degrees';
export { skillKey, sameSkill, canonicalName } from './normalize';
export { SKILL_SYNONYMS } from './synonyms';
