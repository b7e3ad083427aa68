import { Invalid } from '../errors';

/** A potential victim's safeguarding plan, as far as its dates go. */
export interface PlanDates {
  readonly nextReviewOn: string;
}

/** A plan's next review is set for today or later: a review date already past is no plan. */
export function checkNextReview(nextReviewOn: string, today: string): void {
  if (nextReviewOn < today)
    throw new Invalid('The next review cannot be in the past', [
      { path: 'nextReviewOn', message: 'Set the next review for today or later', reason: 'date_before_today' },
    ]);
}

/** A plan whose review date has passed without a review. */
export function reviewOverdue(plan: PlanDates, today: string): boolean {
  return plan.nextReviewOn < today;
}
