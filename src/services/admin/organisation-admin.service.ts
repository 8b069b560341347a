import type { RequestContext } from '../../context';
import { Organisation } from '../../entities/hub';
import type { CreateOrganisationInput } from '../../schema/admin/admin.input';
import type { ManagedOrganisationType } from '../../schema/admin/managed.type';
import { badUserInput, notFound, refused } from '../../schema/error-codes';
import { managedOrganisation } from './managed-views';
import { requireOperation } from './require-operation';
import { textArgument } from './text-argument';
import { isUniqueViolation } from './unique-violation';

export const ORGANISATION_CODE: [RegExp, string] = [/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, 'letters, digits, dot, dash and underscore only'];

export function organisationCodeArgument(argument: string, raw: string): string {
  return textArgument(argument, raw, { max: 64, pattern: ORGANISATION_CODE });
}

/** Organisations: courts, administrator firms, procuratorates, agencies (each bound to the source it answers for, if any) and the operator. */
export class OrganisationAdminService {
  async create(ctx: RequestContext, input: CreateOrganisationInput): Promise<ManagedOrganisationType> {
    requireOperation(ctx, 'Mutation.createOrganisation');
    const code = organisationCodeArgument('input.code', input.code);
    const name = textArgument('input.name', input.name, { max: 200 });
    // The enum has already refused a name that is no source; only an agency answers for one.
    const source = input.source ?? null;
    if (source !== null && input.kind !== 'AGENCY') {
      throw refused('SOURCE_ONLY_FOR_AGENCY', `Only an AGENCY answers for a source, not a ${input.kind}`, 'input.source');
    }
    try {
      return await ctx.hub.transaction(async (m) => {
        if (await m.getRepository(Organisation).existsBy({ code })) throw duplicate(code);
        const saved = await m.getRepository(Organisation).save(m.create(Organisation, { code, name, kind: input.kind, source, disabledAt: null }));
        return managedOrganisation(saved);
      });
    } catch (error) {
      throw isUniqueViolation(error) ? duplicate(code) : error;
    }
  }

  /**
   * Disabled organisations' users can no longer sign in, from their next request (the users kept between requests are
   * forgotten once it is committed); their cases and appointments stay on record.
   */
  async disable(ctx: RequestContext, rawCode: string): Promise<ManagedOrganisationType> {
    requireOperation(ctx, 'Mutation.disableOrganisation');
    const code = organisationCodeArgument('code', rawCode);
    const disabled = await ctx.hub.transaction(async (m) => {
      const org = await m.getRepository(Organisation).findOne({ where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw notFound(`No organisation with code ${code}`);
      if (org.id === ctx.viewer.organisationId) throw badUserInput('code', 'you cannot disable your own organisation');
      if (org.disabledAt) throw badUserInput('code', `organisation ${code} is already disabled`);
      org.disabledAt = new Date();
      return managedOrganisation(await m.getRepository(Organisation).save(org));
    });
    ctx.services.viewers.forget();
    return disabled;
  }
}

function duplicate(code: string) {
  return badUserInput('input.code', `an organisation with code ${code} already exists`);
}
