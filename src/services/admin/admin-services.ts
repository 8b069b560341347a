import { AdminListService } from './admin-lists.service';
import { BankruptcyCaseAdminService } from './bankruptcy-case-admin.service';
import { ExecutionCaseAdminService } from './execution-case-admin.service';
import { OrganisationAdminService } from './organisation-admin.service';
import { UserAdminService } from './user-admin.service';
import { WorkingCalendarAdminService } from './working-calendar-admin.service';
import type { BankruptcyConfig } from '../../config';

/** The hub operator's operations and lists (ADMIN only); none of them returns agency records. */
export interface AdminServices {
  organisations: OrganisationAdminService;
  users: UserAdminService;
  executionCases: ExecutionCaseAdminService;
  bankruptcyCases: BankruptcyCaseAdminService;
  lists: AdminListService;
  /** The courts' working calendar behind release-task due dates. */
  calendar: WorkingCalendarAdminService;
}

/** `calendar`: the environment's HOLIDAYS and MAKEUP_WORKDAYS, shown beside the operator's days. */
export function createAdminServices(
  calendar: Pick<BankruptcyConfig, 'holidays' | 'makeupWorkdays'> = { holidays: [], makeupWorkdays: [] },
): AdminServices {
  return {
    organisations: new OrganisationAdminService(),
    users: new UserAdminService(),
    executionCases: new ExecutionCaseAdminService(),
    bankruptcyCases: new BankruptcyCaseAdminService(),
    lists: new AdminListService(),
    calendar: new WorkingCalendarAdminService(calendar),
  };
}
