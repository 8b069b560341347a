import { InitialProperty1795313493311 } from './1795313493311-initial-property';

export const PROPERTY_MIGRATIONS = [InitialProperty1795313493311];
