import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { SOURCES } from '../sources/registry';

/** PROPERTY: 'property', …, one value per registered source. */
export const SourceNameEnum = Object.fromEntries(SOURCES.map((s) => [s.enumKey, s.name]));
registerEnumType(SourceNameEnum, { name: 'SourceName' });

export const SourceStateEnum = { OK: 'OK', TIMEOUT: 'TIMEOUT', ERROR: 'ERROR', OPEN: 'OPEN' } as const;
registerEnumType(SourceStateEnum, {
  name: 'SourceState',
  valuesConfig: {
    OK: { description: 'The source answered.' },
    TIMEOUT: { description: 'The source did not answer within the source timeout.' },
    ERROR: { description: 'The source failed or could not be reached.' },
    OPEN: { description: 'Not asked: the source failed repeatedly and is skipped until its cool-down ends (circuit breaker open).' },
  },
});

@ObjectType({ description: 'How one agency source answered for this subject.' })
export class SourceStatus {
  @Field(() => SourceNameEnum)
  source!: string;

  @Field(() => SourceStateEnum)
  state!: string;

  @Field({ description: 'Milliseconds the source took (the whole batch this lookup was part of).' })
  latencyMs!: number;
}
