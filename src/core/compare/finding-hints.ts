/**
 * One line after the findings for each kind that has an explanation a user would not guess: the
 * comparators that want a value renewed by an import, and counts that differ because the two
 * files come from different Sentry versions.
 */
import type { ComparatorFinding } from './comparator-findings.js';

export interface HintContext {
  /** Whether the compare ran with --across-versions. */
  readonly acrossVersions: boolean;
  /** Models of the findings that the registry does not know, or knows as removed. */
  readonly notInThisVersion: ReadonlySet<string>;
}

export function findingHints(findings: readonly ComparatorFinding[], context: HintContext): string[] {
  const kinds = new Set(findings.map((finding) => finding.kind));
  const hints: string[] = [];
  if (kinds.has('UUID4Comparator') || kinds.has('SubscriptionIDComparator')) {
    hints.push('Hint: UUID4Comparator and SubscriptionIDComparator expect a value an import renews (Sentry gives monitors, incidents and subscriptions new ones): compare an export with the export of its import, not with itself.');
  }
  const counts = findings.filter((finding) => finding.kind === 'UnequalCounts');
  if (!context.acrossVersions && counts.length > 0) {
    const versioned = counts.filter((finding) => context.notInThisVersion.has(finding.on.model));
    if (versioned.length > 0) {
      hints.push(`Hint: ${versioned.map((finding) => finding.on.model).join(', ')} ${versioned.length === 1 ? 'is a model' : 'are models'} one side's Sentry version has and the other's does not: add --across-versions to leave such models and fields out.`);
    } else {
      hints.push('Hint: the counts differ; if the files come from different Sentry versions, add --across-versions.');
    }
  }
  return hints;
}
