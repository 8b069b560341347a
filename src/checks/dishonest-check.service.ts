import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { maskIdNumber } from '../auth/masking/mask-id-number';
import { may } from '../auth/policy';
import type { Viewer } from '../auth/viewer';
import type { ChecksConfig } from '../config';
import type { RequestContext } from '../context';
import { enqueue } from '../control/control-jobs';
import type { ControlRuntime } from '../control/control-runtime';
import { badUserInput, conflict, forbidden, notFound, refused, sourceUnavailable } from '../schema/error-codes';
import { subjectIdArgument } from '../services/subject-id-argument';
import { readBatchLines, TooManyLines, type BatchLine } from './batch-csv-reader';
import { checkAuditDraft, type CheckActor } from './check-audit';
import { CHECK_PURPOSE_TABLE, CHECK_PURPOSES, isCheckPurpose, type CheckPurpose } from './check-purposes';
import { CheckRateLimiter } from './check-rate-limiter';
import { currentEntries, type ListedEntry } from './dishonest-list';

export const MAX_SUBJECTS_PER_CHECK = 100;
export const CHECK_TASKS = { batch: 'dishonest_check_batch', sweep: 'dishonest_list_exit_sweep' } as const;
/**
 * The two named queues every check job runs in (jobs/job-runner.ts): graphile-worker runs one job of a named queue at
 * a time, so at most two check jobs hold job slots at once and deliveries and receipts keep the others. A batch goes
 * to the queue with fewer check jobs waiting or running; the hourly sweep to the first.
 */
export const CHECK_QUEUES = ['dishonest_checks_1', 'dishonest_checks_2'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSERT_CHUNK = 2000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface BatchStatus {
  id: string;
  state: string;
  purpose: CheckPurpose;
  applicationNo: string;
  total: number;
  done: number;
  hits: number;
  errors: number;
  createdAt: Date;
  resultUrl: string;
}

export interface CheckResult {
  idNumber: string;
  kind: string;
  hit: boolean;
  entries: ListedEntry[];
  restrictions: (typeof CHECK_PURPOSE_TABLE)[CheckPurpose]['restrictions'];
}

/** The agency's own application or case number: 1–64 characters, no control characters, well-formed text. */
export function applicationNoArgument(argument: string, raw: unknown): string {
  if (typeof raw !== 'string') throw badUserInput(argument, 'required');
  const value = raw.trim();
  if (value.length === 0 || value.length > 64) throw badUserInput(argument, 'must be 1 to 64 characters');
  if (/[\u0000-\u001f\u007f]/.test(value) || LONE_SURROGATE.test(value)) throw badUserInput(argument, 'must be printable text');
  return value;
}

export function purposeArgument(argument: string, raw: unknown): CheckPurpose {
  if (!isCheckPurpose(raw)) throw badUserInput(argument, `must be one of ${CHECK_PURPOSES.join(', ')}`);
  return raw;
}

export function actorOf(ctx: RequestContext): CheckActor {
  return {
    requestId: ctx.requestId,
    correlationId: ctx.audit.correlationId,
    username: ctx.viewer.username,
    organisationCode: ctx.viewer.organisationCode,
    role: ctx.viewer.role,
    clientAddress: ctx.clientAddress,
    operationName: ctx.audit.operationName,
  };
}

/** The stored form of a checked ID: in full where it was a hit (the agency is told when it leaves the list), else masked. */
const storedId = (idNumber: string, hit: boolean) => (hit ? idNumber : maskIdNumber(idNumber));

/**
 * List checks by agencies (DESIGN.md "Who uses it": AGENCY): a check of up to 100 subjects for a declared purpose
 * and the agency's own application number, batches of up to `batchMaxLines` from a CSV, outcomes, and the table of
 * purposes and restrictions. The list is read from the credit source's own database; nothing but the current
 * entries' court, case number and listing date leaves it.
 */
export class DishonestCheckService {
  readonly perMinute: CheckRateLimiter;
  readonly batchesPerHour: CheckRateLimiter;

  constructor(
    readonly runtime: ControlRuntime,
    readonly config: ChecksConfig,
  ) {
    const now = () => runtime.clock.now();
    this.perMinute = new CheckRateLimiter(runtime.hub, 'subjects', config.perMinute, 60_000, 'Dishonest-list check', now);
    this.batchesPerHour = new CheckRateLimiter(runtime.hub, 'batches', config.batchesPerHour, 3_600_000, 'Batch check', now);
  }

  async purposes(ctx: RequestContext) {
    const declared = ctx.viewer.role === 'AGENCY' ? await this.declaredPurposes(ctx.viewer.organisationId) : [];
    return CHECK_PURPOSES.map((p) => ({ ...CHECK_PURPOSE_TABLE[p], declared: declared.includes(p) }));
  }

  async declaredPurposes(organisationId: string): Promise<string[]> {
    const [org] = (await this.runtime.hub.query(`SELECT declared_purposes AS purposes FROM organisation WHERE id = $1`, [organisationId])) as Array<{
      purposes: string[];
    }>;
    return org?.purposes ?? [];
  }

  /** The operator sets the purposes an agency may check for. */
  async declarePurposes(ctx: RequestContext, organisationCode: string, purposes: string[]) {
    if (!may(ctx.viewer, 'Mutation.declareCheckPurposes')) throw forbidden('Only the operator declares an agency’s purposes');
    if (typeof organisationCode !== 'string' || organisationCode.length > 64) throw badUserInput('organisationCode', 'at most 64 characters');
    const list = [...new Set(purposes.map((p, i) => purposeArgument(`purposes[${i}]`, p)))];
    const rows: Array<{ code: string; name: string; kind: string; purposes: string[] }> = await ctx.hub.query(
      `SELECT code, name, kind, declared_purposes AS purposes FROM organisation WHERE code = $1`,
      [organisationCode],
    );
    if (rows.length === 0) throw notFound('No such organisation');
    if (rows[0].kind !== 'AGENCY') throw badUserInput('organisationCode', 'only agencies check the dishonest-debtor list');
    await ctx.hub.query(`UPDATE organisation SET declared_purposes = $2 WHERE code = $1`, [organisationCode, list]);
    return { code: rows[0].code, name: rows[0].name, purposes: list };
  }

  /** A purpose the agency has not declared is refused (PURPOSE_NOT_DECLARED), and the refusal written at once. */
  async requireDeclared(
    viewer: Viewer,
    actor: CheckActor,
    purpose: CheckPurpose,
    applicationNo: string,
    operation: 'checkDishonest' | 'dishonestCheckBatch',
  ) {
    const declared = await this.declaredPurposes(viewer.organisationId);
    if (declared.includes(purpose)) return;
    await this.append([
      checkAuditDraft(actor, { checkId: null, operation, purpose, applicationNo, outcome: 'DENIED', detail: { reason: 'PURPOSE_NOT_DECLARED' } }),
    ]);
    throw refused(
      'PURPOSE_NOT_DECLARED',
      `Your organisation has not declared the purpose ${purpose} (declared: ${declared.join(', ') || 'none'})`,
      operation === 'checkDishonest' ? 'input.purpose' : 'purpose',
    );
  }

  async check(ctx: RequestContext, input: { subjects: string[]; purpose: string; applicationNo: string }) {
    if (!may(ctx.viewer, 'Mutation.checkDishonest')) throw forbidden('Only agencies check the dishonest-debtor list');
    const purpose = purposeArgument('input.purpose', input.purpose);
    const applicationNo = applicationNoArgument('input.applicationNo', input.applicationNo);
    if (!Array.isArray(input.subjects) || input.subjects.length < 1 || input.subjects.length > MAX_SUBJECTS_PER_CHECK) {
      throw badUserInput('input.subjects', `between 1 and ${MAX_SUBJECTS_PER_CHECK} IDs (use the batch upload for more)`);
    }
    const subjects = input.subjects.map((raw, i) => subjectIdArgument(`input.subjects[${i}]`, raw));
    const first = new Map<string, number>();
    subjects.forEach((s, i) => {
      const earlier = first.get(s.idNumber);
      if (earlier !== undefined) throw badUserInput(`input.subjects[${i}]`, `repeats input.subjects[${earlier}]`);
      first.set(s.idNumber, i);
    });
    const actor = actorOf(ctx);
    await this.requireDeclared(ctx.viewer, actor, purpose, applicationNo, 'checkDishonest');
    await this.perMinute.take(ctx.viewer.organisationId, subjects.length);
    const ids = subjects.map((s) => s.idNumber);
    const entries = await this.lookup(ids);
    const now = this.runtime.clock.now();
    const checkId = randomUUID();
    const restrictions = CHECK_PURPOSE_TABLE[purpose].restrictions;
    const results: CheckResult[] = subjects.map((s) => {
      const found = entries.get(s.idNumber) ?? [];
      return { idNumber: s.idNumber, kind: s.kind, hit: found.length > 0, entries: found, restrictions: found.length > 0 ? restrictions : [] };
    });
    const hits = results.filter((r) => r.hit).length;
    await this.runtime.hub.transaction(async (m) => {
      await m.query(
        `INSERT INTO dishonest_check (id, organisation_id, user_id, kind, purpose, application_no, state, total, done, hits, errors, created_at, finished_at)
         VALUES ($1, $2, $3, 'SINGLE', $4, $5, 'DONE', $6, $6, $7, 0, $8, $8)`,
        [checkId, ctx.viewer.organisationId, ctx.viewer.userId, purpose, applicationNo, results.length, hits, now],
      );
      await m.query(
        `INSERT INTO dishonest_check_line (check_id, line_no, id_number, subject_kind, hit, entries)
         SELECT $1, n, id, kind, hit, entries FROM unnest($2::int[], $3::varchar[], $4::varchar[], $5::boolean[], $6::jsonb[]) AS t(n, id, kind, hit, entries)`,
        [
          checkId,
          results.map((_, i) => i + 1),
          results.map((r) => storedId(r.idNumber, r.hit)),
          results.map((r) => r.kind),
          results.map((r) => r.hit),
          results.map((r) => (r.hit ? JSON.stringify(r.entries) : null)),
        ],
      );
      // Written before the check commits: a check that cannot be recorded does not happen.
      await this.append(
        results.map((r) =>
          checkAuditDraft(actor, {
            checkId,
            operation: 'checkDishonest',
            purpose,
            applicationNo,
            outcome: 'ALLOWED',
            subject: { idNumber: r.idNumber, kind: r.kind },
          }),
        ),
      );
    });
    return { checkId, purpose, applicationNo, checkedAt: now, results };
  }

  /**
   * What the agency did about one subject of its check: INTERCEPTED (only a subject found on the list) or ALLOWED,
   * once per subject. The subject is named by its ID; only a check of exactly one subject may leave it out. A subject
   * is found among the check's hits by its full ID (the only IDs the hub keeps); the one subject of a check without a
   * hit is found by its masked form.
   */
  async reportOutcome(ctx: RequestContext, input: { checkId: string; subjectId?: string | null; outcome: string; reason: string }) {
    if (!may(ctx.viewer, 'Mutation.reportCheckOutcome')) throw forbidden('Only agencies report the outcome of their checks');
    const { checkId, outcome, reason } = input;
    if (outcome !== 'INTERCEPTED' && outcome !== 'ALLOWED') throw badUserInput('outcome', 'INTERCEPTED or ALLOWED');
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (text.length === 0 || text.length > 500) throw badUserInput('reason', 'must be 1 to 500 characters');
    if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) || LONE_SURROGATE.test(text))
      throw badUserInput('reason', 'must be printable text');
    const subject = input.subjectId == null ? null : subjectIdArgument('subjectId', input.subjectId);
    if (typeof checkId !== 'string' || !UUID.test(checkId)) throw notFound('No such check of your agency');
    return this.runtime.hub.transaction(async (m) => {
      const [check] = (await m.query(`SELECT id, state, total, errors FROM dishonest_check WHERE id = $1 AND organisation_id = $2 FOR UPDATE`, [
        checkId,
        ctx.viewer.organisationId,
      ])) as Array<{ id: string; state: string; total: number; errors: number }>;
      if (!check) throw notFound('No such check of your agency');
      if (check.state !== 'DONE') throw conflict('The check has not finished', check.state);
      type Line = { lineNo: number; idNumber: string; hit: boolean; outcome: string | null };
      const columns = `line_no AS "lineNo", id_number AS "idNumber", hit, outcome`;
      const only = async (): Promise<Line | null> => {
        const lines = (await m.query(`SELECT ${columns} FROM dishonest_check_line WHERE check_id = $1 AND error IS NULL LIMIT 2`, [
          checkId,
        ])) as Line[];
        return lines.length === 1 ? lines[0] : null;
      };
      let line: Line | null;
      if (!subject) {
        line = await only();
        if (!line) {
          throw refused(
            'SUBJECT_REQUIRED',
            `This check has ${check.total - check.errors} subjects: name the subject the outcome is for (subjectId)`,
            'subjectId',
          );
        }
      } else {
        [line = null] = (await m.query(`SELECT ${columns} FROM dishonest_check_line WHERE check_id = $1 AND hit AND id_number = $2 LIMIT 1`, [
          checkId,
          subject.idNumber,
        ])) as Line[];
        if (!line) {
          const single = await only();
          line = single && !single.hit && single.idNumber === maskIdNumber(subject.idNumber) ? single : null;
        }
        if (!line && outcome === 'INTERCEPTED')
          throw refused('NOTHING_TO_INTERCEPT', 'This subject was not found on the list in this check', 'subjectId');
        if (!line) throw refused('NOT_A_HIT', 'No subject of this check found on the list has this ID', 'subjectId');
      }
      if (outcome === 'INTERCEPTED' && !line.hit) throw refused('NOTHING_TO_INTERCEPT', 'No subject of this check is on the list', 'outcome');
      if (line.outcome) throw conflict('The outcome for this subject has already been reported', 'REPORTED');
      const now = this.runtime.clock.now();
      await m.query(
        `UPDATE dishonest_check_line SET outcome = $3, outcome_reason = $4, outcome_at = $5, outcome_by = $6 WHERE check_id = $1 AND line_no = $2`,
        [checkId, line.lineNo, outcome, text, now, ctx.viewer.userId],
      );
      return { checkId, subjectId: subject?.idNumber ?? line.idNumber, outcome, reason: text, reportedAt: now };
    });
  }

  async batchStatus(viewer: Viewer, id: string): Promise<BatchStatus> {
    if (!may(viewer, 'Query.dishonestCheckBatch')) throw forbidden('Only agencies run batch checks');
    if (!UUID.test(id)) throw notFound('No such batch of your agency');
    const [row] = (await this.runtime.hub.query(
      `SELECT id, state, purpose, application_no AS "applicationNo", total, done, hits, errors, created_at AS "createdAt"
         FROM dishonest_check WHERE id = $1 AND organisation_id = $2 AND kind = 'BATCH'`,
      [id, viewer.organisationId],
    )) as Array<Omit<BatchStatus, 'resultUrl'>>;
    if (!row) throw notFound('No such batch of your agency');
    return { ...row, resultUrl: `/dishonest-checks/batch/${row.id}/result` };
  }

  /**
   * Reads an uploaded CSV as it streams in (bounded memory: one line and one chunk of rows at a time), stores each
   * line's ID or error in one transaction, and queues the job that checks them. More than `batchMaxLines` ID lines
   * refuse the whole upload (TOO_MANY_LINES) and nothing is kept.
   */
  async startBatch(viewer: Viewer, actor: CheckActor, rawPurpose: unknown, rawApplicationNo: unknown, body: AsyncIterable<Uint8Array>) {
    if (!may(viewer, 'Mutation.checkDishonest')) throw forbidden('Only agencies check the dishonest-debtor list');
    const purpose = purposeArgument('purpose', rawPurpose);
    const applicationNo = applicationNoArgument('applicationNo', rawApplicationNo);
    await this.requireDeclared(viewer, actor, purpose, applicationNo, 'dishonestCheckBatch');
    await this.batchesPerHour.take(viewer.organisationId, 1);
    const id = randomUUID();
    const runner = this.runtime.hub.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(
        `INSERT INTO dishonest_check (id, organisation_id, user_id, kind, purpose, application_no, state, created_at) VALUES ($1, $2, $3, 'BATCH', $4, $5, 'QUEUED', $6)`,
        [id, viewer.organisationId, viewer.userId, purpose, applicationNo, this.runtime.clock.now()],
      );
      let pending: BatchLine[] = [];
      let total = 0;
      let errors = 0;
      const flush = async () => {
        if (pending.length === 0) return;
        await runner.query(
          `INSERT INTO dishonest_check_line (check_id, line_no, id_number, subject_kind, error)
           SELECT $1, * FROM unnest($2::int[], $3::varchar[], $4::varchar[], $5::varchar[])`,
          [
            id,
            pending.map((l) => l.lineNo),
            pending.map((l) => ('idNumber' in l ? l.idNumber : null)),
            pending.map((l) => ('kind' in l ? l.kind : null)),
            pending.map((l) => ('error' in l ? l.error.slice(0, 200) : null)),
          ],
        );
        pending = [];
      };
      try {
        for await (const line of readBatchLines(body, this.config.batchMaxLines)) {
          total++;
          if ('error' in line) errors++;
          pending.push(line);
          if (pending.length >= INSERT_CHUNK) await flush();
        }
      } catch (error) {
        if (error instanceof TooManyLines) {
          await runner.rollbackTransaction();
          await this.append([
            checkAuditDraft(actor, {
              checkId: null,
              operation: 'dishonestCheckBatch',
              purpose,
              applicationNo,
              outcome: 'DENIED',
              detail: { reason: 'TOO_MANY_LINES' },
            }),
          ]);
          throw Object.assign(refused('TOO_MANY_LINES', `${error.message}; at most ${this.config.batchMaxLines} per batch`), { httpStatus: 413 });
        }
        throw error;
      }
      await flush();
      if (total === 0) {
        await runner.rollbackTransaction();
        throw refused('EMPTY_FILE', 'The file holds no ID line');
      }
      await runner.query(`UPDATE dishonest_check SET total = $2, errors = $3, done = $3 WHERE id = $1`, [id, total, errors]);
      const [lane] = (await runner.query(
        `SELECT q.name FROM unnest($1::text[]) WITH ORDINALITY AS q(name, n)
           LEFT JOIN graphile_worker.jobs j ON j.queue_name = q.name AND j.attempts < j.max_attempts
          GROUP BY q.name, q.n ORDER BY count(j.id), q.n LIMIT 1`,
        [CHECK_QUEUES],
      )) as Array<{ name: string }>;
      await enqueue(runner.manager, CHECK_TASKS.batch, { checkId: id }, `${CHECK_TASKS.batch}:${id}`, null, lane.name);
      await this.append([
        checkAuditDraft(actor, {
          checkId: id,
          operation: 'dishonestCheckBatch',
          purpose,
          applicationNo,
          outcome: 'ALLOWED',
          detail: { lines: total, errors },
        }),
      ]);
      await runner.commitTransaction();
      return this.batchStatus(viewer, id);
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** The result of a finished batch as CSV rows (header first), read in pages; only the uploading agency's. */
  async *resultRows(viewer: Viewer, id: string): AsyncGenerator<string[]> {
    const batch = await this.batchStatus(viewer, id);
    if (batch.state !== 'DONE') throw conflict('The batch has not finished', batch.state);
    const measures = CHECK_PURPOSE_TABLE[batch.purpose].restrictions.map((r) => r.measure).join('；');
    yield ['行号', '证件号码', '核查结果', '执行法院', '执行案号', '发布日期', '适用的惩戒措施', '说明'];
    let after = 0;
    for (;;) {
      const rows: Array<{ lineNo: number; idNumber: string | null; error: string | null; hit: boolean | null; entries: ListedEntry[] | null }> =
        await this.runtime.hub.query(
          `SELECT line_no AS "lineNo", id_number AS "idNumber", error, hit, entries FROM dishonest_check_line
            WHERE check_id = $1 AND line_no > $2 ORDER BY line_no LIMIT 5000`,
          [id, after],
        );
      if (rows.length === 0) return;
      for (const r of rows) {
        const e = r.entries ?? [];
        yield [
          String(r.lineNo),
          r.idNumber ?? '',
          r.error ? '错误' : r.hit ? '命中' : '未命中',
          e.map((x) => x.court).join('；'),
          e.map((x) => x.caseNo).join('；'),
          e.map((x) => x.listedOn).join('；'),
          r.hit ? measures : '',
          r.error ?? '',
        ];
      }
      after = rows[rows.length - 1].lineNo;
    }
  }

  async creditDb(): Promise<DataSource> {
    return this.runtime.sourceDatabases.credit.ready().catch(() => {
      throw sourceUnavailable('credit', 'ERROR');
    });
  }

  async lookup(ids: readonly string[]): Promise<Map<string, ListedEntry[]>> {
    const credit = await this.creditDb();
    try {
      return await currentEntries(credit, ids);
    } catch {
      throw sourceUnavailable('credit', 'ERROR');
    }
  }

  async append(drafts: Parameters<NonNullable<ControlRuntime['audit']>['writer']['append']>[0]): Promise<void> {
    if (this.runtime.audit && drafts.length > 0) await this.runtime.audit.writer.append(drafts);
  }
}
