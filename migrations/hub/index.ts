import { InitialHub1795313491084 } from './1795313491084-initial-hub';

export const HUB_MIGRATIONS = [InitialHub1795313491084];
