import type { RequestContext } from '../context';
import type { AuditFieldRead } from '../entities/hub/audit-entry.entity';
import type { SubjectView } from '../schema/subject.type';
import type { SourceStatusRecord } from '../sources/source-connector';

export type FieldOutcome = AuditFieldRead['outcome'];

const SEVERITY: Record<FieldOutcome, number> = { ALLOW: 0, MASK: 1, FAILED: 2, DENY: 3 };
const STATE_SEVERITY: Record<string, number> = { OK: 0, TIMEOUT: 1, ERROR: 2 };

/** Everything one request read of one subject under one case: field paths with outcomes, sources with states. */
export class SubjectRead {
  readonly fields = new Map<string, FieldOutcome>();
  readonly sources = new Map<string, string>();
  /** Some value reached the viewer (ALLOW or MASK). */
  released = false;
  /** Some field was denied or failed. */
  withheld = false;
  private context?: RequestContext;

  constructor(readonly subject: SubjectView) {}

  field(path: string, outcome: FieldOutcome): void {
    const before = this.fields.get(path);
    // The same path read several times (list items, aliases) keeps its most restrictive outcome.
    if (before === undefined || SEVERITY[outcome] > SEVERITY[before]) this.fields.set(path, outcome);
    if (outcome === 'ALLOW' || outcome === 'MASK') this.released = true;
    else this.withheld = true;
  }

  source(status: SourceStatusRecord): void {
    const before = this.sources.get(status.source);
    if (before === undefined || (STATE_SEVERITY[status.state] ?? 3) > (STATE_SEVERITY[before] ?? 3)) this.sources.set(status.source, status.state);
  }

  /**
   * The context handed to resolvers beneath this subject: the request's own, with loaders that note which
   * source answered each lookup and how, so the entry lists exactly the sources consulted for this subject.
   */
  contextFor(ctx: RequestContext): RequestContext {
    if (!this.context) {
      const loaders = Object.fromEntries(
        Object.entries(ctx.loaders).map(([name, loader]) => [name, recordingLoader(loader as object, (s) => this.source(s))]),
      ) as unknown as RequestContext['loaders'];
      this.context = Object.assign(Object.create(ctx) as RequestContext, { loaders });
    }
    return this.context;
  }
}

function recordingLoader<L extends object>(loader: L, note: (status: SourceStatusRecord) => void): L {
  return new Proxy(loader, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property === 'load') {
        return (key: unknown) =>
          (value as (k: unknown) => Promise<{ status?: SourceStatusRecord }>).call(target, key).then((outcome) => {
            if (outcome?.status) note(outcome.status);
            return outcome;
          });
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
