import type DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { CreditRecord, RealEstate, SocialSecurity, TaxRecord, Vehicle } from '../schema/records.type';
import { sourceUnavailable } from '../schema/error-codes';
import { SourceStatus, SubjectView } from '../schema/subject.type';
import type { SourceOutcome } from '../sources/source-connector';
import { SOURCE_NAMES } from '../sources/source-name';
import { toCreditRecord, toSocialSecurity, toTaxRecord } from './record-mappers';

/** The source value for a subject, or SOURCE_UNAVAILABLE at this field when that source failed. */
async function fromSource<T>(loader: DataLoader<string, SourceOutcome<T>>, subject: SubjectView): Promise<T> {
  const outcome = await loader.load(subject.idNumber);
  if (outcome.value === null) throw sourceUnavailable(outcome.status.source, outcome.status.state);
  return outcome.value;
}

@Resolver(() => SubjectView)
export class SubjectResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Persons: registered phone (social security).' })
  async phone(@Root() s: SubjectView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await fromSource(ctx.loaders.socialSecurity, s)).person?.phone ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Persons: registered address (social security).' })
  async address(@Root() s: SubjectView, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await fromSource(ctx.loaders.socialSecurity, s)).person?.address ?? null;
  }

  @FieldResolver(() => [RealEstate], { nullable: true, description: 'Real estate (不动产登记).' })
  realEstate(@Root() s: SubjectView, @Ctx() ctx: RequestContext) {
    return fromSource(ctx.loaders.property, s);
  }

  @FieldResolver(() => [Vehicle], { nullable: true, description: 'Vehicles (公安车管).' })
  vehicles(@Root() s: SubjectView, @Ctx() ctx: RequestContext) {
    return fromSource(ctx.loaders.vehicle, s);
  }

  @FieldResolver(() => TaxRecord, { nullable: true })
  async tax(@Root() s: SubjectView, @Ctx() ctx: RequestContext): Promise<TaxRecord> {
    return toTaxRecord(await fromSource(ctx.loaders.tax, s));
  }

  @FieldResolver(() => SocialSecurity, { nullable: true })
  async socialSecurity(@Root() s: SubjectView, @Ctx() ctx: RequestContext): Promise<SocialSecurity> {
    return toSocialSecurity(await fromSource(ctx.loaders.socialSecurity, s), s);
  }

  @FieldResolver(() => CreditRecord, { nullable: true })
  async credit(@Root() s: SubjectView, @Ctx() ctx: RequestContext): Promise<CreditRecord> {
    return toCreditRecord(await fromSource(ctx.loaders.credit, s));
  }

  @FieldResolver(() => [SourceStatus], { description: 'How each source answered for this subject in this request.' })
  async sourceStatus(@Root() s: SubjectView, @Ctx() ctx: RequestContext): Promise<SourceStatus[]> {
    const outcomes = await Promise.all(SOURCE_NAMES.map((name) => ctx.loaders[name].load(s.idNumber)));
    return outcomes.map((o) => ({ ...o.status }));
  }
}
