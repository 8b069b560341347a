import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AccessPolicyResolver } from '../resolvers/access-policy.resolver';
import { CaseAdminResolver } from '../resolvers/admin/case-admin.resolver';
import { OrganisationAdminResolver } from '../resolvers/admin/organisation-admin.resolver';
import { AuditResolver } from '../resolvers/audit.resolver';
import { DishonestCheckResolver } from '../checks/dishonest-check.resolver';
import { BankruptcyCaseResolver } from '../resolvers/bankruptcy-case.resolver';
import { BankruptcyClaimsResolver } from '../resolvers/bankruptcy-claims.resolver';
import {
  BankruptcyCaseCoordinationResolver,
  BankruptcyCoordinationResolver,
  ExecutionCaseSuspensionResolver,
} from '../resolvers/bankruptcy-coordination.resolver';
import { ControlOrderResolver, ExecutionCaseControlResolver } from '../resolvers/control-order.resolver';
import { ExecutionCaseResolver } from '../resolvers/execution-case.resolver';
import { LinkedPersonResolver } from '../resolvers/linked-person.resolver';
import { SubjectResolver } from '../resolvers/subject.resolver';
import { ViewerResolver } from '../resolvers/viewer.resolver';
import { SOURCES } from '../sources/registry';
import { SupervisionResolver } from '../supervision/supervision.resolver';
// Imported last, so that the operator's lists and calendar follow the other root fields in the emitted schema.
import { AdminListResolver } from '../resolvers/admin/admin-list.resolver';
import { WorkingCalendarResolver } from '../resolvers/admin/working-calendar.resolver';

export const RESOLVERS = [
  ViewerResolver,
  ExecutionCaseResolver,
  ExecutionCaseControlResolver,
  ControlOrderResolver,
  BankruptcyCaseResolver,
  BankruptcyCaseCoordinationResolver,
  ExecutionCaseSuspensionResolver,
  BankruptcyCoordinationResolver,
  BankruptcyClaimsResolver,
  SubjectResolver,
  ...SOURCES.flatMap((s) => s.resolvers ?? []),
  LinkedPersonResolver,
  DishonestCheckResolver,
  AuditResolver,
  AccessPolicyResolver,
  SupervisionResolver,
  OrganisationAdminResolver,
  CaseAdminResolver,
  AdminListResolver,
  WorkingCalendarResolver,
];

/** The executable schema without authorization; see auth/protect-schema.ts for the enforced one. */
export function buildBaseSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...RESOLVERS] as never, validate: false });
}
