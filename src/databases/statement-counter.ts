import type { Logger, QueryRunner } from 'typeorm';

/** TypeORM logger that counts the SQL statements a DataSource sends (for tests and benchmarks) and logs nothing. */
export class StatementCounter implements Logger {
  count = 0;
  constructor(private readonly onError?: (message: string) => void) {}
  logQuery(_query: string, _parameters?: unknown[], _runner?: QueryRunner): void {
    this.count += 1;
  }
  logQueryError(error: string | Error): void {
    this.onError?.(typeof error === 'string' ? error : error.message);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
