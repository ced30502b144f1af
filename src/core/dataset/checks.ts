// The dataset checker's named checks: each reads the shared context (check.ts builds it once) and
// returns its warnings, so each can be read, tested and changed on its own.
import type { Check } from './check-context';
import {
  checkCommonPrefix,
  checkEndingInCompletion,
  checkEndingInconsistent,
  checkEndingMissing,
  checkLeadingSpace,
  checkSeparator,
  checkSeparatorLong,
} from './checks-boundaries';
import {
  checkCompletionFormat,
  checkDuplicates,
  checkEmptyCompletion,
  checkExtraKeys,
  checkKeyCase,
  checkMixedFormats,
  checkNegatives,
  checkSize,
  checkTooLong,
  checkUpperCase,
  checkValuesInPrompt,
} from './checks-content';

export {
  isBlank,
  isCompletion,
  MINIMUM_EXAMPLES,
  pushTo,
  RECOMMENDED_EXAMPLES,
  type Check,
  type CheckContext,
} from './check-context';

/** Every check the dataset goes through; the report lists their warnings in CHECK_IDS order. */
export const CHECKS: Readonly<Record<string, Check>> = {
  keyCase: checkKeyCase,
  extraKeys: checkExtraKeys,
  mixedFormats: checkMixedFormats,
  emptyCompletion: checkEmptyCompletion,
  completionFormat: checkCompletionFormat,
  duplicates: checkDuplicates,
  tooLong: checkTooLong,
  upperCase: checkUpperCase,
  separator: checkSeparator,
  separatorLong: checkSeparatorLong,
  commonPrefix: checkCommonPrefix,
  endingMissing: checkEndingMissing,
  endingInconsistent: checkEndingInconsistent,
  endingInCompletion: checkEndingInCompletion,
  leadingSpace: checkLeadingSpace,
  negatives: checkNegatives,
  size: checkSize,
  valuesInPrompt: checkValuesInPrompt,
};
