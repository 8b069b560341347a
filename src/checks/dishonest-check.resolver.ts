import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import {
  CheckDishonestInput,
  CheckOutcomeEnum,
  CheckPurposeDefinitionType,
  CheckPurposeEnum,
  DishonestCheckBatchType,
  DishonestCheckOutcomeType,
  DishonestCheckType,
  OrganisationPurposesType,
} from './dishonest-check.type';

@Resolver()
export class DishonestCheckResolver {
  @Mutation(() => DishonestCheckType, {
    nullable: true,
    description: 'An agency checks up to 100 subjects against the dishonest-debtor list, for a declared purpose and its own application number.',
  })
  checkDishonest(@Ctx() ctx: RequestContext, @Arg('input', () => CheckDishonestInput) input: CheckDishonestInput) {
    return ctx.services.checks.check(ctx, input);
  }

  @Mutation(() => DishonestCheckOutcomeType, {
    nullable: true,
    description:
      'What the agency did about a subject of its check: INTERCEPTED (a subject found on the list) or ALLOWED, with a reason; once per subject. `subjectId` may be left out only for a check of one subject.',
  })
  reportCheckOutcome(
    @Ctx() ctx: RequestContext,
    @Arg('checkId', () => ID) checkId: string,
    @Arg('outcome', () => CheckOutcomeEnum) outcome: string,
    @Arg('reason') reason: string,
    @Arg('subjectId', () => String, {
      nullable: true,
      description: 'The resident ID or credit code of the subject, as checked; required when the check has more than one subject.',
    })
    subjectId?: string | null,
  ) {
    return ctx.services.checks.reportOutcome(ctx, { checkId, subjectId, outcome, reason });
  }

  @Query(() => DishonestCheckBatchType, { nullable: true, description: "A batch check's progress (the uploading agency only)." })
  dishonestCheckBatch(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return ctx.services.checks.batchStatus(ctx.viewer, id);
  }

  @Query(() => [CheckPurposeDefinitionType], {
    nullable: true,
    description: 'The purposes of list checks with the restrictions of the joint punishment memorandum for each, and their basis.',
  })
  checkPurposes(@Ctx() ctx: RequestContext) {
    return ctx.services.checks.purposes(ctx);
  }

  @Mutation(() => OrganisationPurposesType, { nullable: true, description: 'The operator sets the purposes an agency may check the list for.' })
  declareCheckPurposes(
    @Ctx() ctx: RequestContext,
    @Arg('organisationCode') organisationCode: string,
    @Arg('purposes', () => [CheckPurposeEnum]) purposes: string[],
  ) {
    return ctx.services.checks.declarePurposes(ctx, organisationCode, purposes);
  }
}
