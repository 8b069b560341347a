/** Writes the SDL to src/schema/schema.graphql (checked in; a test fails when it is stale). */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { buildBaseSchema } from '../schema/build-schema';

export const SCHEMA_FILE = path.join(__dirname, '..', '..', '..', 'src', 'schema', 'schema.graphql');

buildBaseSchema()
  .then((schema) => {
    fs.writeFileSync(SCHEMA_FILE, `${printSchema(schema)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
