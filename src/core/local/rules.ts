// Rules only where they are exact: experience spans, degree mentions, and majors listed after a
// degree. They work on tokens (see tokenize.ts) and return token spans, so their values come out
// in the annotator's form (`5 + years`, never `of experience`).
export { experienceSpans } from './experience-rule';
export { degreeSpans, majorListSpans } from './degree-rules';
