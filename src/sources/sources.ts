import type DataLoader from 'dataloader';
import type { CountedDataSource } from '../databases/data-sources';
import type { InsuredPerson } from '../entities/social-security';
import type { RealEstateUnit } from '../entities/property';
import type { Vehicle } from '../entities/vehicle';
import { CreditConnector, type CreditBundle } from './credit.connector';
import { PropertyConnector } from './property.connector';
import { EmployeeConnector, SocialSecurityConnector, type SocialSecurityBundle } from './social-security.connector';
import type { SourceConnector, SourceOutcome } from './source-connector';
import { SOURCE_NAMES, type SourceName } from './source-name';
import { TaxConnector, type TaxBundle } from './tax.connector';
import { VehicleConnector } from './vehicle.connector';

export interface Sources {
  property: PropertyConnector;
  vehicle: VehicleConnector;
  tax: TaxConnector;
  socialSecurity: SocialSecurityConnector;
  credit: CreditConnector;
  /** Employees of an enterprise, from the social-security database. */
  employees: EmployeeConnector;
}

export function createSources(dbs: Record<SourceName, CountedDataSource>, timeoutMs: number): Sources {
  return {
    property: new PropertyConnector('property', dbs.property, timeoutMs),
    vehicle: new VehicleConnector('vehicle', dbs.vehicle, timeoutMs),
    tax: new TaxConnector('tax', dbs.tax, timeoutMs),
    socialSecurity: new SocialSecurityConnector('socialSecurity', dbs.socialSecurity, timeoutMs),
    credit: new CreditConnector('credit', dbs.credit, timeoutMs),
    employees: new EmployeeConnector('socialSecurity', dbs.socialSecurity, timeoutMs),
  };
}

export function sourceConnectors(sources: Sources): Array<SourceConnector<unknown>> {
  return SOURCE_NAMES.map((name) => sources[name] as SourceConnector<unknown>);
}

export interface SourceLoaders {
  property: DataLoader<string, SourceOutcome<RealEstateUnit[]>>;
  vehicle: DataLoader<string, SourceOutcome<Vehicle[]>>;
  tax: DataLoader<string, SourceOutcome<TaxBundle>>;
  socialSecurity: DataLoader<string, SourceOutcome<SocialSecurityBundle>>;
  credit: DataLoader<string, SourceOutcome<CreditBundle>>;
  employees: DataLoader<string, SourceOutcome<InsuredPerson[]>>;
}

/** Fresh loaders for one request, so batches and caches never cross requests or viewers. */
export function createLoaders(sources: Sources): SourceLoaders {
  return {
    property: sources.property.createLoader(),
    vehicle: sources.vehicle.createLoader(),
    tax: sources.tax.createLoader(),
    socialSecurity: sources.socialSecurity.createLoader(),
    credit: sources.credit.createLoader(),
    employees: sources.employees.createLoader(),
  };
}
