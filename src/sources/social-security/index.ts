import { defineSource } from '../source-definition';
import { fromSource } from '../from-source';
import { InsuredEmployer, InsuredPerson, SOCIAL_SECURITY_ENTITIES } from './entities';
import { SOCIAL_SECURITY_MIGRATIONS } from './migrations';
import { EmployeeConnector, SocialSecurityConnector } from './social-security.connector';
import { seedSocialSecurityDemo } from './social-security.demo';
import { SOCIAL_SECURITY_POLICY } from './social-security.policy';
import { toSocialSecurity } from './social-security-record';
import { SocialSecurityResolver } from './social-security.resolver';
import { SocialSecurity } from './social-security.type';
import { socialSecuritySynthetic } from './social-security.synthetic';

/** 人社: insured persons (with the registered phone and address) and employers. */
export const socialSecurity = defineSource({
  name: 'socialSecurity',
  entities: SOCIAL_SECURITY_ENTITIES,
  migrations: SOCIAL_SECURITY_MIGRATIONS,
  // Employees of an enterprise are a second lookup in the same database.
  connectors: { socialSecurity: SocialSecurityConnector, employees: EmployeeConnector },
  subject: {
    contacts: {
      phone: {
        type: () => String,
        description: 'Persons: registered phone (social security).',
        resolve: async (s, ctx): Promise<unknown> => (await fromSource(ctx, 'socialSecurity', s.idNumber)).person?.phone ?? null,
      },
      address: {
        type: () => String,
        description: 'Persons: registered address (social security).',
        resolve: async (s, ctx): Promise<unknown> => (await fromSource(ctx, 'socialSecurity', s.idNumber)).person?.address ?? null,
      },
    },
    records: {
      socialSecurity: {
        type: () => SocialSecurity,
        resolve: async (s, ctx): Promise<unknown> => toSocialSecurity(await fromSource(ctx, 'socialSecurity', s.idNumber), s),
      },
    },
  },
  resolvers: [SocialSecurityResolver],
  policy: SOCIAL_SECURITY_POLICY,
  demo: { sentinel: InsuredPerson, seed: seedSocialSecurityDemo },
  synthetic: { employers: InsuredEmployer, persons: InsuredPerson },
  generate: socialSecuritySynthetic,
  floor: ['SELECT * FROM insured_person WHERE id_number = ANY($1)', 'SELECT * FROM insured_employer WHERE id_number = ANY($1)'],
});
