import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { CreditRecord, RealEstate, SocialSecurity, TaxRecord, Vehicle } from '../schema/records.type';
import { SourceStatus, SubjectView } from '../schema/subject.type';
import { SOURCE_NAMES } from '../sources/source-name';
import { fromSource, sourceOutcome } from './from-source';
import { toCreditRecord, toSocialSecurity, toTaxRecord } from './record-mappers';

@Resolver(() => SubjectView)
export class SubjectResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Persons: registered phone (social security).' })
  async phone(@Root() s: SubjectView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await fromSource(ctx, ctx.loaders.socialSecurity, s.idNumber)).person?.phone ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Persons: registered address (social security).' })
  async address(@Root() s: SubjectView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await fromSource(ctx, ctx.loaders.socialSecurity, s.idNumber)).person?.address ?? null;
  }

  @FieldResolver(() => [RealEstate], { nullable: true, description: 'Real estate (不动产登记).' })
  realEstate(@Root() s: SubjectView, @Ctx() ctx: RequestContext) {
    return fromSource(ctx, ctx.loaders.property, s.idNumber);
  }

  @FieldResolver(() => [Vehicle], { nullable: true, description: 'Vehicles (公安车管).' })
  vehicles(@Root() s: SubjectView, @Ctx() ctx: RequestContext) {
    return fromSource(ctx, ctx.loaders.vehicle, s.idNumber);
  }

  @FieldResolver(() => TaxRecord, { nullable: true })
  async tax(@Root() s: SubjectView, @Ctx() ctx: RequestContext): Promise<TaxRecord> {
    return toTaxRecord(await fromSource(ctx, ctx.loaders.tax, s.idNumber));
  }

  @FieldResolver(() => SocialSecurity, { nullable: true })
  async socialSecurity(@Root() s: SubjectView, @Ctx() ctx: RequestContext): Promise<SocialSecurity> {
    return toSocialSecurity(await fromSource(ctx, ctx.loaders.socialSecurity, s.idNumber), s);
  }

  @FieldResolver(() => CreditRecord, { nullable: true })
  async credit(@Root() s: SubjectView, @Ctx() ctx: RequestContext): Promise<CreditRecord> {
    return toCreditRecord(await fromSource(ctx, ctx.loaders.credit, s.idNumber));
  }

  @FieldResolver(() => [SourceStatus], { description: 'How each source answered for this subject in this request.' })
  async sourceStatus(@Root() s: SubjectView, @Ctx() ctx: RequestContext): Promise<SourceStatus[]> {
    const outcomes = await Promise.all(SOURCE_NAMES.map((name) => sourceOutcome(ctx, ctx.loaders[name] as never, s.idNumber)));
    return outcomes.map((o) => ({ ...o.status }));
  }
}
