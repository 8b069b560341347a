import { InitialHub1795313491084 } from './1795313491084-initial-hub';
import { AuditLog1795314315484 } from './1795314315484-audit-log';
import { AuditEntryCommitment1795400000000 } from './1795400000000-audit-entry-commitment';
import { ControlOrders1795500000000 } from './1795500000000-control-orders';
import { BankruptcyCoordination1795600000000 } from './1795600000000-bankruptcy-coordination';

export const HUB_MIGRATIONS = [
  InitialHub1795313491084,
  AuditLog1795314315484,
  AuditEntryCommitment1795400000000,
  ControlOrders1795500000000,
  BankruptcyCoordination1795600000000,
];
