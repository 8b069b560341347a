import { InitialProperty1795313493311 } from './1795313493311-initial-property';
import { AddReferenceValue1796133454423 } from './1796133454423-add-reference-value';
import { PropertyAssistance1796140001000 } from './1796140001000-property-assistance';

export const PROPERTY_MIGRATIONS = [InitialProperty1795313493311, AddReferenceValue1796133454423, PropertyAssistance1796140001000];
