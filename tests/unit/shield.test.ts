import { GraphQLError, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildMaskingMiddleware } from '../../src/auth/masking-middleware';
import { POLICY } from '../../src/auth/policy';
import { buildShield } from '../../src/auth/shield';
import { ConfigError, loadConfig } from '../../src/config';
import type { Role } from '../../src/entities/hub/user.entity';
import { buildBaseSchema } from '../../src/schema/build-schema';
import { bindSubject } from '../../src/services/bind-subject';

// The generated shield in process, field by field: what it does when something reaches a field, whatever the path.

const subject = bindSubject(
  { id: '00000000-0000-4000-8000-000000000001', kind: 'PERSON', idNumber: '340102199001011237', name: '王小明' },
  { kind: 'EXECUTION', caseId: '00000000-0000-4000-8000-000000000002', caseNo: '(2024)皖1524执1号' },
);

describe('generated shield', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    const base = await buildBaseSchema();
    schema = applyMiddleware(base, buildShield(base), buildMaskingMiddleware());
  });

  async function resolveAs(role: Role, typeField: string, parent: unknown): Promise<unknown> {
    const [typeName, fieldName] = typeField.split('.');
    const type = schema.getType(typeName) as GraphQLObjectType;
    const field = type.getFields()[fieldName];
    const info = {
      fieldName,
      parentType: type,
      returnType: field.type,
      path: { key: fieldName, prev: undefined },
      schema,
    } as unknown as GraphQLResolveInfo;
    try {
      return await field.resolve!(parent, {}, { viewer: { role } }, info);
    } catch (error) {
      return error;
    }
  }

  it.each(['AUDITOR', 'ADMIN'] as const)('refuses every subject field to %s even when handed a bound subject', async (role) => {
    const answered: string[] = [];
    for (const typeField of Object.keys(POLICY).filter((f) => POLICY[f].subjectData)) {
      const parent = typeField.startsWith('Subject.') ? subject : {};
      const result = await resolveAs(role, typeField, parent);
      if (!(result instanceof GraphQLError) || result.extensions.code !== 'FORBIDDEN') answered.push(typeField);
    }
    expect(answered).toEqual([]);
  });

  it('refuses a subject that did not come through a case, even to a clerk', async () => {
    const unbound = { ...subject, binding: undefined };
    const result = await resolveAs('CLERK', 'Subject.name', unbound);
    expect(result).toBeInstanceOf(GraphQLError);
    expect((result as GraphQLError).extensions.code).toBe('FORBIDDEN');
    expect(await resolveAs('CLERK', 'Subject.name', subject)).toBe('王小明');
  });

  it('masks what the table masks and passes what it allows', async () => {
    const person = { name: '陈静', idNumber: '340102199001011237', phone: '13966231090', address: '安徽省六安市金寨县油坊店乡茶园路3号' };
    expect(await resolveAs('ADMINISTRATOR', 'LinkedPerson.idNumber', person)).toBe('3401**********1237');
    expect(await resolveAs('CLERK', 'LinkedPerson.idNumber', person)).toBe('340102199001011237');
    expect(await resolveAs('ADMINISTRATOR', 'LinkedPerson.name', person)).toBe('陈静');
  });

  it('denies a field the table does not name, through the fallback rule', async () => {
    const saved = POLICY['Viewer.username'];
    delete POLICY['Viewer.username'];
    try {
      const base = await buildBaseSchema();
      const shielded = applyMiddleware(base, buildShield(base));
      const field = (shielded.getType('Viewer') as GraphQLObjectType).getFields().username;
      const info = { fieldName: 'username', parentType: shielded.getType('Viewer') } as unknown as GraphQLResolveInfo;
      const result = await field.resolve!({ username: 'demo-clerk' }, {}, { viewer: { role: 'CLERK' } }, info);
      expect(result).toBeInstanceOf(GraphQLError);
      expect((result as GraphQLError).extensions).toMatchObject({ code: 'FORBIDDEN', field: 'Viewer.username' });
    } finally {
      POLICY['Viewer.username'] = saved;
    }
  });

  it('refuses to serve without the shield in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SHIELD_DISABLED_FOR_BENCHMARK: 'true' })).toThrow(ConfigError);
    expect(loadConfig({ NODE_ENV: 'test', SHIELD_DISABLED_FOR_BENCHMARK: 'true' }).shieldDisabledForBenchmark).toBe(true);
  });
});
