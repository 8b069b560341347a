import { AdministratorAppointment } from './administrator-appointment.entity';
import { AuditCheckpoint } from './audit-checkpoint.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditFieldList } from './audit-field-list.entity';
import { AuditHead } from './audit-head.entity';
import { BankruptcyCase } from './bankruptcy-case.entity';
import { ExecutionCaseClerk } from './execution-case-clerk.entity';
import { ExecutionCase } from './execution-case.entity';
import { Organisation } from './organisation.entity';
import { Subject } from './subject.entity';
import { User } from './user.entity';

export { AuditCheckpoint, AuditEntry, AuditFieldList, AuditHead };
export { AdministratorAppointment, BankruptcyCase, ExecutionCase, ExecutionCaseClerk, Organisation, Subject, User };
export const HUB_ENTITIES = [
  Organisation,
  User,
  Subject,
  ExecutionCase,
  ExecutionCaseClerk,
  BankruptcyCase,
  AdministratorAppointment,
  AuditEntry,
  AuditHead,
  AuditCheckpoint,
  AuditFieldList,
];
