import { DataSource } from 'typeorm';
import { tablePlan } from '../../src/seed/synthetic-generator';
import { generateChunk } from '../../src/seed/synthetic-rows';
import { SOURCES } from '../../src/sources/registry';

// Entity metadata of a source, built without a connection.
async function metadataOf(entities: (typeof SOURCES)[number]['entities']): Promise<DataSource> {
  const dataSource = new DataSource({ type: 'postgres', entities });
  await (dataSource as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  return dataSource;
}

const rows = generateChunk({ seed: 'columns', persons: 3000, enterprises: 300 }, 0) as unknown as Record<string, Record<string, object[]>>;

describe('synthetic rows and the entity metadata', () => {
  it.each(SOURCES.map((s) => [s.name, s] as const))('%s: every generated value has a column, every required column a value', async (_, source) => {
    const dataSource = await metadataOf(source.entities);
    expect(Object.keys(rows[source.name]).sort()).toEqual(Object.keys(source.synthetic).sort());
    for (const [rowsKey, entity] of Object.entries(source.synthetic)) {
      const meta = dataSource.getMetadata(entity);
      const list = rows[source.name][rowsKey];
      const fields = new Set(list.flatMap((r) => Object.keys(r)));
      const columns = new Set(meta.columns.map((c) => c.propertyName));
      expect([rowsKey, [...fields].filter((f) => !columns.has(f))]).toEqual([rowsKey, []]);
      if (list.length === 0) continue;
      const required = meta.columns.filter((c) => !c.isNullable && c.default === undefined && !c.isGenerated && !c.isCreateDate);
      expect([rowsKey, required.filter((c) => !fields.has(c.propertyName)).map((c) => c.propertyName)]).toEqual([rowsKey, []]);
    }
  });

  it('the writer refuses a value that has no column rather than drop it', async () => {
    const source = SOURCES[0];
    const [rowsKey, entity] = Object.entries(source.synthetic)[0];
    const dataSource = await metadataOf(source.entities);
    const plan = tablePlan(source.name, rowsKey, dataSource.getMetadata(entity), dataSource);
    const row = { ...rows[source.name][rowsKey][0], ownersNickname: 'x' };
    expect(() => plan.write(undefined as never, [row])).toThrow(/has no column for ownersNickname/);
  });
});
