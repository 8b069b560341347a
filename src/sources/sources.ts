import type DataLoader from 'dataloader';
import type { SourceDatabase } from '../databases/source-database';
import type { Logger } from '../observability/logger';
import { setBreakerState } from '../observability/metrics';
import type { InsuredPerson } from '../entities/social-security';
import type { RealEstateUnit } from '../entities/property';
import type { Vehicle } from '../entities/vehicle';
import { CircuitBreaker, type BreakerOptions } from './circuit-breaker';
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

export interface SourcesOptions {
  timeoutMs: number;
  breaker: Pick<BreakerOptions, 'failureThreshold' | 'cooldownMs'>;
}

/** One connector per agency, one circuit breaker per source database (employees share social security's). */
export function createSources(dbs: Record<SourceName, SourceDatabase>, options: SourcesOptions): Sources {
  const breaker = (source: SourceName) => {
    setBreakerState(source, 'CLOSED');
    return new CircuitBreaker({ ...options.breaker, onChange: (state) => setBreakerState(source, state) });
  };
  const breakers = Object.fromEntries(SOURCE_NAMES.map((s) => [s, breaker(s)])) as Record<SourceName, CircuitBreaker>;
  const t = options.timeoutMs;
  return {
    property: new PropertyConnector('property', dbs.property, t, breakers.property),
    vehicle: new VehicleConnector('vehicle', dbs.vehicle, t, breakers.vehicle),
    tax: new TaxConnector('tax', dbs.tax, t, breakers.tax),
    socialSecurity: new SocialSecurityConnector('socialSecurity', dbs.socialSecurity, t, breakers.socialSecurity),
    credit: new CreditConnector('credit', dbs.credit, t, breakers.credit),
    employees: new EmployeeConnector('socialSecurity', dbs.socialSecurity, t, breakers.socialSecurity),
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

/** Fresh loaders for one request, so batches and caches never cross requests or viewers; `log` is the request's logger. */
export function createLoaders(sources: Sources, log?: Logger): SourceLoaders {
  return {
    property: sources.property.createLoader(log),
    vehicle: sources.vehicle.createLoader(log),
    tax: sources.tax.createLoader(log),
    socialSecurity: sources.socialSecurity.createLoader(log),
    credit: sources.credit.createLoader(log),
    employees: sources.employees.createLoader(log),
  };
}
