import type { DataSource } from 'typeorm';
import { User, type Role } from '../entities/hub/user.entity';
import type { OrganisationKind } from '../entities/hub/organisation.entity';

/** The authenticated user a request acts for. */
export interface Viewer {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationCode: string;
  organisationName: string;
  organisationKind: OrganisationKind;
}

/** The enabled user of an enabled organisation, or null. */
export async function loadViewer(hub: DataSource, username: string): Promise<Viewer | null> {
  // One statement: findOne() with a relation sends two (a DISTINCT id query, then the rows), on every request.
  const user = await hub
    .getRepository(User)
    .createQueryBuilder('u')
    .innerJoinAndSelect('u.organisation', 'o')
    .where('u.username = :username', { username })
    .andWhere('u.disabled_at IS NULL')
    .andWhere('o.disabled_at IS NULL')
    .getOne();
  if (!user || !user.organisation) return null;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    organisationId: user.organisationId,
    organisationCode: user.organisation.code,
    organisationName: user.organisation.name,
    organisationKind: user.organisation.kind,
  };
}
