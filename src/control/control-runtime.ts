import type { DataSource } from 'typeorm';
import type { AuditLog } from '../audit/audit-log';
import type { ControlConfig } from '../config';
import type { SourceDatabase } from '../databases/source-database';
import { SOURCES } from '../sources/registry';
import type { SourceName } from '../sources/source-name';
import type { Clock } from './clock';
import type { SourceControl } from './source-control';

/** What the control machinery works with: the hub database, the agencies' databases, the log, the clock, settings. */
export interface ControlRuntime {
  hub: DataSource;
  sourceDatabases: Record<SourceName, SourceDatabase>;
  audit: AuditLog | null;
  clock: Clock;
  config: ControlConfig;
}

/** The sources that declare `control` (src/sources/<source>/index.ts), by name. */
export const CONTROLLABLE: Partial<Record<SourceName, SourceControl>> = Object.fromEntries(
  SOURCES.filter((s) => 'control' in s && s.control).map((s) => [s.name, (s as { control: SourceControl }).control]),
);

export function controlOf(source: string): SourceControl | undefined {
  return CONTROLLABLE[source as SourceName];
}
