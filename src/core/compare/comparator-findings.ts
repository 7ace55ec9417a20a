/**
 * Sentry's `ComparatorFindingKind` (§7.4), in enum order: the validation rules' kinds, then each
 * comparator's kind and its existence check's. A comparator's class name is its kind.
 */
import type { Finding } from '../findings.js';

export const COMPARATOR_FINDING_KINDS = [
  'Unknown',
  'UnorderedInput',
  'DuplicateCustomOrdinal',
  'UnequalCounts',
  'UnequalJSON',
  'AutoSuffixComparator',
  'AutoSuffixComparatorExistenceCheck',
  'DatetimeEqualityComparator',
  'DatetimeEqualityComparatorExistenceCheck',
  'DateUpdatedComparator',
  'DateUpdatedComparatorExistenceCheck',
  'EmailObfuscatingComparator',
  'EmailObfuscatingComparatorExistenceCheck',
  'EqualOrRemovedComparator',
  'EqualOrRemovedComparatorExistenceCheck',
  'HashObfuscatingComparator',
  'HashObfuscatingComparatorExistenceCheck',
  'ForeignKeyComparator',
  'ForeignKeyComparatorExistenceCheck',
  'IgnoredComparator',
  'SecretHexComparator',
  'SecretHexComparatorExistenceCheck',
  'SubscriptionIDComparator',
  'SubscriptionIDComparatorExistenceCheck',
  'UnorderedListComparator',
  'UnorderedListComparatorExistenceCheck',
  'UUID4Comparator',
  'UUID4ComparatorExistenceCheck',
  'UserPasswordObfuscatingComparator',
  'UserPasswordObfuscatingComparatorExistenceCheck',
  // Newer than Oct 2024.
  'OptionValueComparator',
  'OptionValueComparatorExistenceCheck',
  'DataSourceComparator',
] as const;

export type ComparatorFindingKind = (typeof COMPARATOR_FINDING_KINDS)[number];

export interface ComparatorFinding extends Finding {
  readonly finding: 'ComparatorFinding';
  readonly kind: ComparatorFindingKind;
}
