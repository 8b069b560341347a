import { defineSource } from '../source-definition';
import { PROPERTY_CONTROL } from './property.control';
import { PROPERTY_ENTITIES, RealEstateEncumbrance, RealEstateUnit } from './entities';
import { fromSource } from '../from-source';
import { PROPERTY_MIGRATIONS } from './migrations';
import { PropertyConnector } from './property.connector';
import { seedPropertyDemo } from './property.demo';
import { PROPERTY_POLICY } from './property.policy';
import { RealEstate } from './property.type';
import { propertySynthetic } from './property.synthetic';

/** 不动产登记: real-estate units by owner, with their mortgages and seizures. */
export const property = defineSource({
  name: 'property',
  entities: PROPERTY_ENTITIES,
  migrations: PROPERTY_MIGRATIONS,
  connectors: { property: PropertyConnector },
  subject: {
    records: {
      realEstate: {
        type: () => [RealEstate],
        description: 'Real estate (不动产登记).',
        resolve: (s, ctx): Promise<unknown> => fromSource(ctx, 'property', s.idNumber),
      },
    },
  },
  control: PROPERTY_CONTROL,
  policy: PROPERTY_POLICY,
  demo: { sentinel: RealEstateUnit, seed: seedPropertyDemo },
  synthetic: { units: RealEstateUnit, encumbrances: RealEstateEncumbrance },
  generate: propertySynthetic,
  floor: [
    `SELECT u.*, e.id AS e_id, e.kind AS e_kind, e.holder AS e_holder, e.case_no AS e_case_no, e.amount AS e_amount,
       e.registered_on AS e_registered_on, e.expires_on AS e_expires_on, e.released_on AS e_released_on
     FROM real_estate_unit u LEFT JOIN real_estate_encumbrance e ON e.unit_id = u.id
     WHERE u.owner_id_number = ANY($1) ORDER BY u.registered_on, e.registered_on`,
  ],
});
