import { AdminListService } from './admin-lists.service';
import { BankruptcyCaseAdminService } from './bankruptcy-case-admin.service';
import { ExecutionCaseAdminService } from './execution-case-admin.service';
import { OrganisationAdminService } from './organisation-admin.service';
import { UserAdminService } from './user-admin.service';

/** The hub operator's operations and lists (ADMIN only); none of them returns agency records. */
export interface AdminServices {
  organisations: OrganisationAdminService;
  users: UserAdminService;
  executionCases: ExecutionCaseAdminService;
  bankruptcyCases: BankruptcyCaseAdminService;
  lists: AdminListService;
}

export function createAdminServices(): AdminServices {
  return {
    organisations: new OrganisationAdminService(),
    users: new UserAdminService(),
    executionCases: new ExecutionCaseAdminService(),
    bankruptcyCases: new BankruptcyCaseAdminService(),
    lists: new AdminListService(),
  };
}
