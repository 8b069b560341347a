import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { ViewerType } from '../schema/viewer.type';

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { description: 'The authenticated user.' })
  me(@Ctx() ctx: RequestContext): ViewerType {
    const v = ctx.viewer;
    return {
      username: v.username,
      displayName: v.displayName,
      role: v.role,
      organisation: { code: v.organisationCode, name: v.organisationName, kind: v.organisationKind },
      source: v.organisationKind === 'AGENCY' ? v.organisationSource : null,
    };
  }
}
