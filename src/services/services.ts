import { SubjectReadLimiter } from '../auth/subject-read-limiter';
import { createAdminServices, type AdminServices } from './admin/admin-services';
import { AuditService } from './audit.service';
import { BankruptcyCaseService } from './bankruptcy-case.service';
import { ExecutionCaseService } from './execution-case.service';

/** Stateless services shared by all requests; each call takes the request context first. */
export interface Services {
  executionCases: ExecutionCaseService;
  bankruptcyCases: BankruptcyCaseService;
  audit: AuditService;
  admin: AdminServices;
  /** Per-user subject-read limit (process-wide state, the one exception to "stateless"). */
  subjectReads: SubjectReadLimiter;
}

export interface ServicesOptions {
  /** Subject reads per user per minute; 0 turns the limit off. */
  subjectReadsPerMinute?: number;
}

export function createServices(options: ServicesOptions = {}): Services {
  return {
    executionCases: new ExecutionCaseService(),
    bankruptcyCases: new BankruptcyCaseService(),
    audit: new AuditService(),
    admin: createAdminServices(),
    subjectReads: new SubjectReadLimiter(options.subjectReadsPerMinute ?? 0),
  };
}
