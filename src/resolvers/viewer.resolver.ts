import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { ViewerType } from '../schema/viewer.type';

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { description: 'The authenticated user.' })
  async me(@Ctx() ctx: RequestContext): Promise<ViewerType> {
    const v = ctx.viewer;
    const [org] = (await ctx.hub.query(`SELECT source FROM organisation WHERE id = $1`, [v.organisationId])) as Array<{ source: string | null }>;
    return {
      username: v.username,
      displayName: v.displayName,
      role: v.role,
      organisation: { code: v.organisationCode, name: v.organisationName, kind: v.organisationKind },
      source: v.organisationKind === 'AGENCY' ? (org?.source ?? null) : null,
    };
  }
}
