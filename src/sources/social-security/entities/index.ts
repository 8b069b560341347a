import { ContributionArrear } from './contribution-arrear.entity';
import { InsuredEmployer } from './insured-employer.entity';
import { InsuredPerson } from './insured-person.entity';

export { ContributionArrear, InsuredEmployer, InsuredPerson };
export const SOCIAL_SECURITY_ENTITIES = [InsuredPerson, InsuredEmployer, ContributionArrear];
