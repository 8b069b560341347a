import { InsuredEmployer } from './insured-employer.entity';
import { InsuredPerson } from './insured-person.entity';

export { InsuredEmployer, InsuredPerson };
export const SOCIAL_SECURITY_ENTITIES = [InsuredPerson, InsuredEmployer];
