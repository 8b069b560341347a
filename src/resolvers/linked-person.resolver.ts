import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { LinkedPerson, SocialSecurity } from '../schema/records.type';
import { fromSource } from './from-source';

type SocialSecurityParent = SocialSecurity & { subjectIdNumber: string; subjectKind: string };

@Resolver(() => SocialSecurity)
export class SocialSecurityResolver {
  @FieldResolver(() => [LinkedPerson], {
    nullable: true,
    description: 'Enterprises: insured employees (at most 50), e.g. for wage claims in bankruptcy.',
  })
  async employees(@Root() ss: SocialSecurityParent, @Ctx() ctx: RequestContext): Promise<LinkedPerson[]> {
    if (ss.subjectKind !== 'ENTERPRISE') return [];
    const employees = await fromSource(ctx, ctx.loaders.employees, ss.subjectIdNumber);
    return employees.map((p) => ({ name: p.name, idNumber: p.idNumber, phone: p.phone, address: p.address }));
  }
}

/** Contact details of a linked person not already carried (legal representatives), from social security. */
@Resolver(() => LinkedPerson)
export class LinkedPersonResolver {
  @FieldResolver(() => String, { nullable: true })
  async phone(@Root() p: LinkedPerson, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (p.phone !== undefined) return p.phone;
    return (await this.registered(p, ctx))?.phone ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async address(@Root() p: LinkedPerson, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (p.address !== undefined) return p.address;
    return (await this.registered(p, ctx))?.address ?? null;
  }

  private async registered(p: LinkedPerson, ctx: RequestContext) {
    return (await fromSource(ctx, ctx.loaders.socialSecurity, p.idNumber)).person;
  }
}
