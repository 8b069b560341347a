import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context';
import { LinkedPerson } from '../../schema/records.type';
import { fromSource } from '../from-source';
import { SocialSecurity } from './social-security.type';

type SocialSecurityParent = SocialSecurity & { subjectIdNumber: string; subjectKind: string };

@Resolver(() => SocialSecurity)
export class SocialSecurityResolver {
  @FieldResolver(() => [LinkedPerson], {
    nullable: true,
    description: 'Enterprises: insured employees (at most 50), e.g. for wage claims in bankruptcy.',
  })
  async employees(@Root() ss: SocialSecurityParent, @Ctx() ctx: RequestContext): Promise<LinkedPerson[]> {
    if (ss.subjectKind !== 'ENTERPRISE') return [];
    const employees = await fromSource(ctx, 'employees', ss.subjectIdNumber);
    return employees.map((p) => ({ name: p.name, idNumber: p.idNumber, phone: p.phone, address: p.address }));
  }
}
