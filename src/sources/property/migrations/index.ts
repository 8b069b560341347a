import { InitialProperty1795313493311 } from './1795313493311-initial-property';
import { PropertyAssistance1795500001000 } from './1795500001000-property-assistance';

export const PROPERTY_MIGRATIONS = [InitialProperty1795313493311, PropertyAssistance1795500001000];
