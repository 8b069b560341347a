import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { buildBaseSchema } from '../../src/schema/build-schema';

describe('checked-in schema', () => {
  it('matches the schema the code builds (run `npm run schema:emit` after changing the API)', async () => {
    const emitted = `${printSchema(await buildBaseSchema())}\n`;
    const committed = fs.readFileSync(path.join(__dirname, '../../src/schema/schema.graphql'), 'utf8');
    expect(committed).toBe(emitted);
  });

  it('has no root field that returns a subject directly', async () => {
    const schema = await buildBaseSchema();
    const query = schema.getQueryType()!;
    for (const field of Object.values(query.getFields())) {
      expect(String(field.type)).not.toMatch(/Subject/);
    }
  });
});
