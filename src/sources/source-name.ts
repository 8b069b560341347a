import { SOURCES } from './registry';

export type SourceName = (typeof SOURCES)[number]['name'];
export const SOURCE_NAMES: readonly SourceName[] = SOURCES.map((s) => s.name);

/** Environment variable holding each source's connection URL, and the database name used when embedded. */
export const SOURCE_DATABASES = Object.fromEntries(SOURCES.map((s) => [s.name, { envVar: s.envVar, database: s.database }])) as Record<
  SourceName,
  { envVar: string; database: string }
>;
export const HUB_DATABASE = { envVar: 'HUB_DATABASE_URL', database: 'fuyuantong_hub' };
