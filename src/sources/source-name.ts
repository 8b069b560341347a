export const SOURCE_NAMES = ['property', 'vehicle', 'tax', 'socialSecurity', 'credit'] as const;
export type SourceName = (typeof SOURCE_NAMES)[number];

/** Environment variable holding each source's connection URL, and the database name used when embedded. */
export const SOURCE_DATABASES: Record<SourceName, { envVar: string; database: string }> = {
  property: { envVar: 'PROPERTY_DATABASE_URL', database: 'fuyuantong_property' },
  vehicle: { envVar: 'VEHICLE_DATABASE_URL', database: 'fuyuantong_vehicle' },
  tax: { envVar: 'TAX_DATABASE_URL', database: 'fuyuantong_tax' },
  socialSecurity: { envVar: 'SOCIAL_SECURITY_DATABASE_URL', database: 'fuyuantong_social_security' },
  credit: { envVar: 'CREDIT_DATABASE_URL', database: 'fuyuantong_credit' },
};
export const HUB_DATABASE = { envVar: 'HUB_DATABASE_URL', database: 'fuyuantong_hub' };
