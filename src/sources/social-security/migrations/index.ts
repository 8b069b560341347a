import { InitialSocialSecurity1795313499684 } from './1795313499684-initial-social-security';

export const SOCIAL_SECURITY_MIGRATIONS = [InitialSocialSecurity1795313499684];
