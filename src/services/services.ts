import { SubjectReadLimiter } from '../auth/subject-read-limiter';
import { createAdminServices, type AdminServices } from './admin/admin-services';
import type { ControlRuntime } from '../control/control-runtime';
import { AssistanceService } from './assistance.service';
import { AuditService } from './audit.service';
import { ControlOrderService } from './control-order.service';
import { NotificationService } from './notification.service';
import { BankruptcyCaseService } from './bankruptcy-case.service';
import { BankruptcyCoordinationService } from '../bankruptcy/bankruptcy.service';
import { ExecutionCaseService } from './execution-case.service';

/** Stateless services shared by all requests; each call takes the request context first. */
export interface Services {
  executionCases: ExecutionCaseService;
  bankruptcyCases: BankruptcyCaseService;
  audit: AuditService;
  admin: AdminServices;
  controlOrders: ControlOrderService;
  assistance: AssistanceService;
  notifications: NotificationService;
  /** Bankruptcy coordination: suspensions, release tasks, transfers (src/bankruptcy). */
  bankruptcy: BankruptcyCoordinationService;
  /** Per-user subject-read limit (process-wide state, the one exception to "stateless"). */
  subjectReads: SubjectReadLimiter;
}

export interface ServicesOptions {
  /** Subject reads per user per minute; 0 turns the limit off. */
  subjectReadsPerMinute?: number;
  /** The control machinery (databases, clock, settings); services that need it are created with it. */
  control?: ControlRuntime;
}

export function createServices(options: ServicesOptions = {}): Services {
  return {
    executionCases: new ExecutionCaseService(),
    bankruptcyCases: new BankruptcyCaseService(),
    audit: new AuditService(),
    admin: createAdminServices(),
    controlOrders: new ControlOrderService(options.control!),
    assistance: new AssistanceService(options.control!),
    notifications: new NotificationService(),
    bankruptcy: new BankruptcyCoordinationService(options.control!),
    subjectReads: new SubjectReadLimiter(options.subjectReadsPerMinute ?? 0),
  };
}
