// The heading phrases of every section kind, one file per kind.
import type { SectionKind } from '../sections';
import { REQUIREMENTS_HEADINGS } from './requirements';
import { NICE_TO_HAVE_HEADINGS } from './nice-to-have';
import { RESPONSIBILITIES_HEADINGS } from './responsibilities';
import { COMPANY_HEADINGS } from './company';
import { BENEFITS_HEADINGS } from './benefits';
import { LEGAL_HEADINGS } from './legal';
import { PROCESS_HEADINGS } from './process';
import { OTHER_HEADINGS } from './other';

/**
 * Heading phrases per kind. A phrase matches when its words occur in the heading as whole words;
 * the longest matching phrase wins ("preferred qualifications" over "qualifications", "pay
 * transparency" over "pay"). A leading "^" anchors the phrase at the start of the heading; a
 * leading "=" asks for the whole heading.
 */
export const HEADING_PHRASES: Record<SectionKind, readonly string[]> = {
  requirements: REQUIREMENTS_HEADINGS,
  'nice-to-have': NICE_TO_HAVE_HEADINGS,
  responsibilities: RESPONSIBILITIES_HEADINGS,
  company: COMPANY_HEADINGS,
  benefits: BENEFITS_HEADINGS,
  legal: LEGAL_HEADINGS,
  process: PROCESS_HEADINGS,
  other: OTHER_HEADINGS,
};
