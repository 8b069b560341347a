const DAY_MS = 86_400_000;

/**
 * The agencies' answer deadline: a request sent to an agency (the approval that queued its delivery) is due within
 * `deadlineDays` calendar days; unanswered after that moment, it is overdue (DESIGN.md "Deadlines").
 */
export function answerDueAt(sentAt: Date, deadlineDays: number): Date {
  return new Date(sentAt.getTime() + deadlineDays * DAY_MS);
}

/** Answered in time: an answer at or before the due moment. Unanswered: overdue once `now` is past it. */
export function answeredInTime(sentAt: Date, answeredAt: Date | null, now: Date, deadlineDays: number): boolean {
  const due = answerDueAt(sentAt, deadlineDays).getTime();
  return answeredAt ? answeredAt.getTime() <= due : now.getTime() <= due;
}
