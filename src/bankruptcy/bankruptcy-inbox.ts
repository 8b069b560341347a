import type { DataSource, EntityManager } from 'typeorm';

/** What the hub sends an agency about a bankruptcy case: a claim notice (债权申报通知) or a credit-repair request. */
export type BankruptcyRequestKind = 'CLAIM_NOTICE' | 'CREDIT_REPAIR';

/** A request as delivered into an agency's `bankruptcy_inbox` (its id is the hub's claim or delivery id). */
export interface BankruptcyInboxRequest {
  requestId: string;
  kind: BankruptcyRequestKind;
  court: string;
  caseNo: string;
  subjectIdNumber: string;
  subjectName: string;
  /** Claims: the acceptance date the claim is computed as of; credit repair: the date of the plan's approval. */
  asOf: string;
  rulingNo: string | null;
  rulingDate: string | null;
  content: Record<string, unknown>;
}

export interface BankruptcyReceipt {
  requestId: string;
  /** FILED (a claim, possibly of nothing), GRANTED or REFUSED (credit repair). */
  decision: 'FILED' | 'GRANTED' | 'REFUSED';
  answer: Record<string, unknown>;
  reason: string | null;
  answeredBy: string;
  answeredAt: Date;
}

export type BankruptcyAnswer = Pick<BankruptcyReceipt, 'decision' | 'answer' | 'reason'>;

/** Delivery keyed by the request id: a retried delivery inserts nothing. Returns whether this call inserted it. */
export async function deliverToBankruptcyInbox(db: DataSource, r: BankruptcyInboxRequest): Promise<boolean> {
  const inserted: unknown[] = await db.query(
    `INSERT INTO bankruptcy_inbox (request_id, kind, court, case_no, subject_id_number, subject_name, as_of, ruling_no, ruling_date, content)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb) ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
    [r.requestId, r.kind, r.court, r.caseNo, r.subjectIdNumber, r.subjectName, r.asOf, r.rulingNo, r.rulingDate, JSON.stringify(r.content)],
  );
  return inserted.length > 0;
}

export async function readBankruptcyReceipt(db: DataSource | EntityManager, requestId: string): Promise<BankruptcyReceipt | null> {
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT request_id, decision, answer, reason, answered_by, answered_at FROM bankruptcy_receipt WHERE request_id = $1`,
    [requestId],
  );
  return rows[0] ? receiptOf(rows[0]) : null;
}

const receiptOf = (row: Record<string, unknown>): BankruptcyReceipt => ({
  requestId: String(row.request_id),
  decision: row.decision as BankruptcyReceipt['decision'],
  answer: (row.answer as Record<string, unknown>) ?? {},
  reason: (row.reason as string | null) ?? null,
  answeredBy: String(row.answered_by),
  answeredAt: new Date(row.answered_at as string),
});

export interface InboxRow {
  request_id: string;
  kind: BankruptcyRequestKind;
  court: string;
  case_no: string;
  subject_id_number: string;
  subject_name: string;
  as_of: string;
  ruling_no: string | null;
  ruling_date: string | null;
  content: Record<string, unknown>;
}

/**
 * Answers one request in ONE transaction of the agency's database: the request locked, `decide` reads and writes the
 * agency's registry (computing a claim, registering a repair), the receipt written. A request answered before is
 * left as it was (`written: false`). Null when no such request was delivered.
 */
export async function answerBankruptcyRequest(
  db: DataSource,
  requestId: string,
  answeredBy: string,
  decide: (m: EntityManager, request: InboxRow) => Promise<BankruptcyAnswer>,
): Promise<{ receipt: BankruptcyReceipt; written: boolean } | null> {
  return db.transaction(async (m) => {
    const [request] = (await m.query(
      `SELECT request_id, kind, court, case_no, subject_id_number, subject_name, as_of::text AS as_of, ruling_no, ruling_date::text AS ruling_date, content
         FROM bankruptcy_inbox WHERE request_id = $1 FOR UPDATE`,
      [requestId],
    )) as InboxRow[];
    if (!request) return null;
    const existing = await readBankruptcyReceipt(m, requestId);
    if (existing) return { receipt: existing, written: false };
    const outcome = await decide(m, request);
    const [row] = (await m.query(
      `INSERT INTO bankruptcy_receipt (request_id, decision, answer, reason, answered_by) VALUES ($1, $2, $3::jsonb, $4, $5)
       RETURNING request_id, decision, answer, reason, answered_by, answered_at`,
      [requestId, outcome.decision, JSON.stringify(outcome.answer), outcome.reason?.slice(0, 300) ?? null, answeredBy],
    )) as Array<Record<string, unknown>>;
    return { receipt: receiptOf(row), written: true };
  });
}
