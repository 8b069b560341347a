import { credit } from './credit';
import { deposit } from './deposit';
import { housingFund } from './housing-fund';
import { marketSupervision } from './market-supervision';
import { property } from './property';
import { socialSecurity } from './social-security';
import { tax } from './tax';
import { vehicle } from './vehicle';

/**
 * The agency sources, each defined in its own folder (src/sources/<source>/index.ts). Everything else — the
 * GraphQL SourceName enum and Subject fields, the loaders, the databases and their env vars, migrations, the
 * policy, the demo and synthetic seeders, the benchmark floor — is derived from this list, in this order.
 */
export const SOURCES = [property, vehicle, tax, socialSecurity, credit, deposit, housingFund, marketSupervision] as const;
