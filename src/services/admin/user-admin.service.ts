import type { RequestContext } from '../../context';
import { Organisation, User } from '../../entities/hub';
import { ROLE_ORGANISATIONS } from '../../entities/hub/user.entity';
import type { CreateUserInput } from '../../schema/admin/admin.input';
import type { ManagedUserType } from '../../schema/admin/managed.type';
import { badUserInput, notFound } from '../../schema/error-codes';
import { managedUser } from './managed-views';
import { organisationCodeArgument } from './organisation-admin.service';
import { requireOperation } from './require-operation';
import { textArgument } from './text-argument';
import { isUniqueViolation } from './unique-violation';

const USERNAME: [RegExp, string] = [/^[a-z0-9][a-z0-9._-]{2,63}$/, 'lower-case letters, digits, dot, dash and underscore, 3 to 64 characters'];

export function usernameArgument(argument: string, raw: string): string {
  return textArgument(argument, raw, { max: 64, pattern: USERNAME });
}

export class UserAdminService {
  async create(ctx: RequestContext, input: CreateUserInput): Promise<ManagedUserType> {
    requireOperation(ctx, 'Mutation.createUser');
    const username = usernameArgument('input.username', input.username);
    const displayName = textArgument('input.displayName', input.displayName, { max: 100 });
    const organisationCode = organisationCodeArgument('input.organisationCode', input.organisationCode);
    try {
      return await ctx.hub.transaction(async (m) => {
        const org = await m.getRepository(Organisation).findOneBy({ code: organisationCode });
        if (!org) throw notFound(`No organisation with code ${organisationCode}`);
        if (org.disabledAt) throw badUserInput('input.organisationCode', `organisation ${organisationCode} is disabled`);
        if (!(ROLE_ORGANISATIONS[input.role] as readonly string[]).includes(org.kind)) {
          throw badUserInput('input.role', `a ${input.role} must belong to a ${ROLE_ORGANISATIONS[input.role].join(' or ')}, not a ${org.kind}`);
        }
        if (await m.getRepository(User).existsBy({ username })) throw duplicate(username);
        const saved = await m
          .getRepository(User)
          .save(m.create(User, { username, displayName, role: input.role, organisationId: org.id, disabledAt: null }));
        return managedUser(Object.assign(saved, { organisation: org }));
      });
    } catch (error) {
      throw isUniqueViolation(error) ? duplicate(username) : error;
    }
  }

  /** A disabled user's tokens stop working at once: the users kept between requests are forgotten once it is committed. */
  async disable(ctx: RequestContext, rawUsername: string): Promise<ManagedUserType> {
    requireOperation(ctx, 'Mutation.disableUser');
    const username = usernameArgument('username', rawUsername);
    const disabled = await ctx.hub.transaction(async (m) => {
      const user = await m.getRepository(User).findOne({ where: { username }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound(`No user ${username}`);
      if (user.id === ctx.viewer.userId) throw badUserInput('username', 'you cannot disable your own account');
      if (user.disabledAt) throw badUserInput('username', `user ${username} is already disabled`);
      user.disabledAt = new Date();
      const saved = await m.getRepository(User).save(user);
      return managedUser(Object.assign(saved, { organisation: await m.getRepository(Organisation).findOneByOrFail({ id: user.organisationId }) }));
    });
    ctx.services.viewers.forget();
    return disabled;
  }
}

function duplicate(username: string) {
  return badUserInput('input.username', `a user named ${username} already exists`);
}
