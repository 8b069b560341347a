import { InitialHub1795313491084 } from './1795313491084-initial-hub';
import { AuditLog1795314315484 } from './1795314315484-audit-log';
import { AuditEntryCommitment1795400000000 } from './1795400000000-audit-entry-commitment';
import { ControlOrders1795500000000 } from './1795500000000-control-orders';
import { ControlOrderLinks1795510000000 } from './1795510000000-control-order-links';
import { BankruptcyCoordination1795600000000 } from './1795600000000-bankruptcy-coordination';
import { BankruptcyClaimsCreditRepair1795700000000 } from './1795700000000-bankruptcy-claims-credit-repair';
import { DishonestChecks1795800000000 } from './1795800000000-dishonest-checks';
import { AuditEntryStatisticsIndex1795900000000 } from './1795900000000-audit-entry-statistics-index';
import { WorkingCalendar1795990000000 } from './1795990000000-working-calendar';
import { BankruptcyCaseClosing1796400000000 } from './1796400000000-bankruptcy-case-closing';
import { CheckOutcomesPerSubject1796500000000 } from './1796500000000-check-outcomes-per-subject';
import { CheckRateWindows1796510000000 } from './1796510000000-check-rate-windows';
import { AuditEntryStoredForm1796600000000 } from './1796600000000-audit-entry-stored-form';
import { AuditFieldLists1796700000000 } from './1796700000000-audit-field-lists';
import { ViewerChangeNotices1796800000000 } from './1796800000000-viewer-change-notices';

export const HUB_MIGRATIONS = [
  InitialHub1795313491084,
  AuditLog1795314315484,
  AuditEntryCommitment1795400000000,
  ControlOrders1795500000000,
  ControlOrderLinks1795510000000,
  BankruptcyCoordination1795600000000,
  BankruptcyClaimsCreditRepair1795700000000,
  DishonestChecks1795800000000,
  AuditEntryStatisticsIndex1795900000000,
  WorkingCalendar1795990000000,
  BankruptcyCaseClosing1796400000000,
  CheckOutcomesPerSubject1796500000000,
  CheckRateWindows1796510000000,
  AuditEntryStoredForm1796600000000,
  AuditFieldLists1796700000000,
  ViewerChangeNotices1796800000000,
];
