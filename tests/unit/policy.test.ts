import { isObjectType } from 'graphql';
import { POLICY } from '../../src/auth/policy';
import { ROLES } from '../../src/entities/hub/user.entity';
import { buildBaseSchema } from '../../src/schema/build-schema';

async function schemaFields(): Promise<string[]> {
  const schema = await buildBaseSchema();
  return Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((t) => !t.name.startsWith('__'))
    .flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`))
    .sort();
}

describe('access policy table', () => {
  it('has a rule for every field of every type for every role', async () => {
    const missing = (await schemaFields()).filter((f) => !POLICY[f] || ROLES.some((r) => !POLICY[f].outcomes[r]));
    expect(missing).toEqual([]);
  });

  it('names no field the schema does not have', async () => {
    const fields = new Set(await schemaFields());
    expect(Object.keys(POLICY).filter((f) => !fields.has(f))).toEqual([]);
  });

  it('gives every rule a reason and every MASK a mask', () => {
    for (const [field, rule] of Object.entries(POLICY)) {
      expect(rule.reason.length).toBeGreaterThan(5);
      if (Object.values(rule.outcomes).includes('MASK')) expect({ field, mask: rule.mask }).toEqual({ field, mask: expect.any(String) });
    }
  });

  it('denies every subject field to auditors and admins', () => {
    const leaks = Object.entries(POLICY)
      .filter(([, r]) => r.subjectData && (r.outcomes.AUDITOR !== 'DENY' || r.outcomes.ADMIN !== 'DENY'))
      .map(([f]) => f);
    expect(leaks).toEqual([]);
  });

  // A diff in this snapshot changes who can see what: review it as a permission change, not a snapshot refresh.
  it('matches the reviewed role × field matrix', () => {
    const matrix = Object.keys(POLICY)
      .sort()
      .map((f) => `${f.padEnd(44)} ${ROLES.map((r) => `${r}=${POLICY[f].outcomes[r]}`).join(' ')}`);
    expect(matrix.join('\n')).toMatchSnapshot();
  });
});
