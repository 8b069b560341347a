import type { DataSource } from 'typeorm';

export const ALERT_RULES = [
  'BULK_READS',
  'OFF_HOURS',
  'REPEATED_REFUSALS',
  'SUBJECT_MANY_CASES',
  'CHECKS_WITHOUT_OUTCOME',
  'PURPOSE_NOT_DECLARED',
] as const;
export type AlertRule = (typeof ALERT_RULES)[number];

/** One group of entries a rule found: who or whom, when, how many, and the range of the chain it spans. */
interface AlertRow {
  username?: string | null;
  subject_id_number?: string | null;
  start: Date;
  end: Date;
  n: number;
  cases?: string[] | null;
  first: string | number;
  last: string | number;
}

/** The thresholds, documented in the README ("Alert rules"); a change here changes what auditors are shown. */
export const ALERT_THRESHOLDS = {
  /** Distinct subjects one user read within one clock hour. */
  bulkReadsPerHour: 20,
  /** Working hours in Asia/Shanghai, Monday to Friday; any read outside is flagged (one alert per user and day). */
  workingHours: { timeZone: 'Asia/Shanghai', from: '08:30', to: '18:00' },
  /** Refused requests (DENIED entries of any kind) of one user within one clock hour. */
  refusalsPerHour: 5,
  /** Distinct case numbers under which one subject was read within the queried window. */
  casesPerSubject: 3,
  /** Subjects one user's list checks of one day (UTC+8) found on the dishonest-debtor list with no outcome reported for them. */
  hitsWithoutOutcomePerDay: 10,
} as const;

export interface AuditAlert {
  rule: AlertRule;
  description: string;
  username: string | null;
  subjectIdNumber: string | null;
  windowStart: Date;
  windowEnd: Date;
  count: number;
  threshold: number;
  caseNos: string[];
  firstSeq: string;
  lastSeq: string;
}

const RELEASED = `kind = 'READ' AND outcome IN ('ALLOWED', 'PARTIAL')`;
const T = ALERT_THRESHOLDS;

/** Whether a moment falls outside working hours (Asia/Shanghai, UTC+8 all year, Monday–Friday 08:30–18:00). */
export function isOutsideWorkingHours(at: Date): boolean {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  const day = local.getUTCDay();
  const minutes = local.getUTCHours() * 60 + local.getUTCMinutes();
  return day === 0 || day === 6 || minutes < 8 * 60 + 30 || minutes >= 18 * 60;
}

/** Evaluates every rule over entries in [since, until); the window's size is bounded by the caller. */
export async function findAlerts(db: DataSource, since: Date, until: Date): Promise<AuditAlert[]> {
  const range = [since.toISOString(), until.toISOString()];
  const window = `at >= $1 AND at < $2`;
  const cases = `coalesce((array_agg(DISTINCT case_no) FILTER (WHERE case_no IS NOT NULL))[1:20], '{}')`;
  const [bulk, offHours, refusals, manyCases, unreported, undeclared] = await Promise.all([
    db.query(
      `SELECT username, date_trunc('hour', at) AS start, count(DISTINCT subject_id_number)::int AS n, min(seq) AS first, max(seq) AS last, ${cases} AS cases
       FROM audit_entry WHERE ${RELEASED} AND ${window}
       GROUP BY username, date_trunc('hour', at) HAVING count(DISTINCT subject_id_number) >= $3 ORDER BY start`,
      [...range, T.bulkReadsPerHour],
    ),
    db.query(
      `SELECT username, min(at) AS start, max(at) AS "end", count(*)::int AS n, min(seq) AS first, max(seq) AS last, ${cases} AS cases
       FROM audit_entry
       WHERE ${RELEASED} AND ${window}
         AND (extract(isodow FROM at AT TIME ZONE $3) >= 6 OR (at AT TIME ZONE $3)::time < $4::time OR (at AT TIME ZONE $3)::time >= $5::time)
       GROUP BY username, (at AT TIME ZONE $3)::date ORDER BY start`,
      [...range, T.workingHours.timeZone, T.workingHours.from, T.workingHours.to],
    ),
    db.query(
      `SELECT username, date_trunc('hour', at) AS start, count(*)::int AS n, min(seq) AS first, max(seq) AS last, ${cases} AS cases
       FROM audit_entry WHERE outcome = 'DENIED' AND ${window}
       GROUP BY username, date_trunc('hour', at) HAVING count(*) >= $3 ORDER BY start`,
      [...range, T.refusalsPerHour],
    ),
    db.query(
      `SELECT subject_id_number, min(at) AS start, max(at) AS "end", count(DISTINCT case_no)::int AS n, min(seq) AS first, max(seq) AS last, ${cases} AS cases
       FROM audit_entry WHERE ${RELEASED} AND ${window}
       GROUP BY subject_id_number HAVING count(DISTINCT case_no) >= $3 ORDER BY start`,
      [...range, T.casesPerSubject],
    ),
    // Subjects a user's list checks found on the list (dishonest_check_line, hit) that have no outcome reported by the
    // window's end (reportCheckOutcome, one per subject), by the day the checks were made. The entries linked are all
    // the user's CHECK entries of that day, hits and others alike: the link tells neither which subjects nor which
    // checks found someone on the list (a hit is a value read, not recorded).
    db.query(
      `SELECT x.username, x.start, x."end", x.n, a.first, a.last
       FROM (SELECT u.username, (c.created_at AT TIME ZONE $3)::date AS day, min(c.created_at) AS start, max(c.created_at) AS "end",
                    count(*)::int AS n
               FROM dishonest_check_line l JOIN dishonest_check c ON c.id = l.check_id JOIN hub_user u ON u.id = c.user_id
              WHERE c.created_at >= $1 AND c.created_at < $2 AND l.hit AND (l.outcome IS NULL OR l.outcome_at >= $2)
              GROUP BY 1, 2 HAVING count(*) >= $4) x
       CROSS JOIN LATERAL (
         SELECT min(seq) AS first, max(seq) AS last FROM audit_entry
          WHERE at >= x.day::timestamp AT TIME ZONE $3 AND at < (x.day + 1)::timestamp AT TIME ZONE $3
            AND username = x.username AND kind = 'CHECK' AND subject_id_number IS NOT NULL AND outcome = 'ALLOWED') a
       ORDER BY x.start`,
      [...range, T.workingHours.timeZone, T.hitsWithoutOutcomePerDay],
    ),
    db.query(
      `SELECT username, min(at) AS start, max(at) AS "end", count(*)::int AS n, min(seq) AS first, max(seq) AS last
       FROM audit_entry WHERE ${window} AND kind = 'CHECK' AND outcome = 'DENIED' AND detail->>'reason' = 'PURPOSE_NOT_DECLARED'
       GROUP BY username ORDER BY start`,
      range,
    ),
  ]);
  const hour = (start: Date) => new Date(new Date(start).getTime() + 3_600_000);
  const alert = (rule: AlertRule, row: AlertRow, description: string, threshold: number, end: Date): AuditAlert => ({
    rule,
    description,
    username: row.username ?? null,
    subjectIdNumber: row.subject_id_number ?? null,
    windowStart: new Date(row.start),
    windowEnd: end,
    count: row.n,
    threshold,
    caseNos: row.cases ?? [],
    firstSeq: String(row.first),
    lastSeq: String(row.last),
  });
  return [
    ...bulk.map((r: AlertRow) =>
      alert('BULK_READS', r, `${r.username} read ${r.n} distinct subjects within one hour`, T.bulkReadsPerHour, hour(r.start)),
    ),
    ...offHours.map((r: AlertRow) =>
      alert(
        'OFF_HOURS',
        r,
        `${r.username} read subject data ${r.n} time(s) outside working hours (${T.workingHours.from}–${T.workingHours.to} ${T.workingHours.timeZone}, Mon–Fri)`,
        1,
        new Date(r.end),
      ),
    ),
    ...refusals.map((r: AlertRow) =>
      alert('REPEATED_REFUSALS', r, `${r.username ?? 'an unknown user'} was refused ${r.n} times within one hour`, T.refusalsPerHour, hour(r.start)),
    ),
    ...manyCases.map((r: AlertRow) =>
      alert('SUBJECT_MANY_CASES', r, `one subject was read under ${r.n} different cases`, T.casesPerSubject, new Date(r.end)),
    ),
    ...unreported.map((r: AlertRow) =>
      alert(
        'CHECKS_WITHOUT_OUTCOME',
        r,
        `${r.username} found ${r.n} subjects on the dishonest-debtor list in one day and reported no outcome for them`,
        T.hitsWithoutOutcomePerDay,
        new Date(r.end),
      ),
    ),
    ...undeclared.map((r: AlertRow) =>
      alert('PURPOSE_NOT_DECLARED', r, `${r.username} tried ${r.n} list check(s) for a purpose their agency has not declared`, 1, new Date(r.end)),
    ),
  ].sort((a, b) => a.windowStart.getTime() - b.windowStart.getTime());
}
