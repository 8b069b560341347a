import { RealEstateEncumbrance } from './real-estate-encumbrance.entity';
import { RealEstateUnit } from './real-estate-unit.entity';

export { RealEstateEncumbrance, RealEstateUnit };
export const PROPERTY_ENTITIES = [RealEstateUnit, RealEstateEncumbrance];
