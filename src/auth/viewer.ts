import type { DataSource } from 'typeorm';
import { preparedStatement, runPrepared } from '../databases/prepared-statement';
import type { Role } from '../entities/hub/user.entity';
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
  /** The source an AGENCY organisation answers for (null for every other organisation). */
  organisationSource: string | null;
}

/**
 * The user with their organisation: one statement, prepared (planned once per connection once PostgreSQL settles on
 * its generic plan), plain rows (no entity hydration on every request).
 */
const VIEWER = preparedStatement(
  'viewer',
  `
  SELECT u.id AS "userId", u.username, u.display_name AS "displayName", u.role, u.organisation_id AS "organisationId",
         o.code AS "organisationCode", o.name AS "organisationName", o.kind AS "organisationKind",
         o.source AS "organisationSource"
    FROM hub_user u JOIN organisation o ON o.id = u.organisation_id
   WHERE u.username = $1 AND u.disabled_at IS NULL AND o.disabled_at IS NULL`,
);

/** The enabled user of an enabled organisation, or null. */
export async function loadViewer(hub: DataSource, username: string): Promise<Viewer | null> {
  const [row] = await runPrepared<Viewer>(hub, VIEWER, [username]);
  if (!row) return null;
  return {
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    organisationId: row.organisationId,
    organisationCode: row.organisationCode,
    organisationName: row.organisationName,
    organisationKind: row.organisationKind,
    organisationSource: row.organisationSource,
  };
}
