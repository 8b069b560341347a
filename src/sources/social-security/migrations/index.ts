import { InitialSocialSecurity1795313499684 } from './1795313499684-initial-social-security';
import { SocialSecurityBankruptcyInbox1796150001000 } from './1796150001000-social-security-bankruptcy-inbox';

export const SOCIAL_SECURITY_MIGRATIONS = [InitialSocialSecurity1795313499684, SocialSecurityBankruptcyInbox1796150001000];
