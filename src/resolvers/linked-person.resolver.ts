import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { LinkedPerson } from '../schema/records.type';
import { fromSource } from '../sources/from-source';

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
    return (await fromSource(ctx, 'socialSecurity', p.idNumber)).person;
  }
}
