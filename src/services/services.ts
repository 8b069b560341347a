import { SubjectReadLimiter } from '../auth/subject-read-limiter';
import type { ViewerCache } from '../auth/viewer-cache';
import { BankruptcyInboxService } from '../bankruptcy/bankruptcy-inbox.service';
import { ClaimService } from '../bankruptcy/claims/claim.service';
import { CreditRepairService } from '../bankruptcy/credit-repair/credit-repair.service';
import { createAdminServices, type AdminServices } from './admin/admin-services';
import type { ControlRuntime } from '../control/control-runtime';
import type { ChecksConfig } from '../config';
import { DishonestCheckService } from '../checks/dishonest-check.service';
import { AssistanceService } from './assistance.service';
import { AuditService } from './audit.service';
import { ControlOrderService } from './control-order.service';
import { NotificationService } from './notification.service';
import { BankruptcyCaseService } from './bankruptcy-case.service';
import { BankruptcyCoordinationService } from '../bankruptcy/bankruptcy.service';
import { ExecutionCaseService } from './execution-case.service';
import { StatisticsService } from '../supervision/statistics.service';
import { SupervisionService } from '../supervision/supervision.service';

/** Stateless services shared by all requests; each call takes the request context first. */
export interface Services {
  executionCases: ExecutionCaseService;
  bankruptcyCases: BankruptcyCaseService;
  audit: AuditService;
  admin: AdminServices;
  controlOrders: ControlOrderService;
  assistance: AssistanceService;
  notifications: NotificationService;
  supervision: SupervisionService;
  statistics: StatisticsService;
  /** Dishonest-list checks by agencies (src/checks/). */
  checks: DishonestCheckService;
  claims: ClaimService;
  creditRepair: CreditRepairService;
  bankruptcyInbox: BankruptcyInboxService;
  /** Bankruptcy coordination: suspensions, release tasks, transfers (src/bankruptcy). */
  bankruptcy: BankruptcyCoordinationService;
  /** Per-user subject-read limit (process-wide state, as is the cache of users below). */
  subjectReads: SubjectReadLimiter;
  /** The users requests act for, kept while every change to them is heard; the admin services empty it on a change. */
  viewers: ViewerCache;
}

export interface ServicesOptions {
  viewers: ViewerCache;
  /** Subject reads per user per minute; 0 turns the limit off. */
  subjectReadsPerMinute?: number;
  /** The control machinery (databases, clock, settings); services that need it are created with it. */
  control?: ControlRuntime;
  /** Rate limits and batch size of the list checks. */
  checks?: ChecksConfig;
}

export function createServices(options: ServicesOptions): Services {
  return {
    executionCases: new ExecutionCaseService(),
    bankruptcyCases: new BankruptcyCaseService(),
    audit: new AuditService(),
    admin: createAdminServices(options.control?.config.bankruptcy),
    controlOrders: new ControlOrderService(options.control!),
    assistance: new AssistanceService(options.control!),
    notifications: new NotificationService(),
    supervision: new SupervisionService(options.control!),
    statistics: new StatisticsService(options.control!),
    checks: new DishonestCheckService(options.control!, options.checks ?? { perMinute: 0, batchesPerHour: 0, batchMaxLines: 100_000 }),
    claims: new ClaimService(options.control!),
    creditRepair: new CreditRepairService(options.control!),
    bankruptcyInbox: new BankruptcyInboxService(options.control!),
    bankruptcy: new BankruptcyCoordinationService(options.control!),
    subjectReads: new SubjectReadLimiter(options.subjectReadsPerMinute ?? 0),
    viewers: options.viewers,
  };
}
