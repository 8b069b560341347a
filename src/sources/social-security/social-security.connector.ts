import { InsuredEmployer, InsuredPerson } from './entities';
import { EntityReader } from '../entity-reader';
import { SourceConnector } from '../source-connector';

export interface SocialSecurityBundle {
  person: InsuredPerson | null;
  employer: InsuredEmployer | null;
}

const reader = new EntityReader('socialSecurity');

export class SocialSecurityConnector extends SourceConnector<SocialSecurityBundle> {
  protected empty(): SocialSecurityBundle {
    return { person: null, employer: null };
  }

  protected async fetch(idNumbers: readonly string[]): Promise<Map<string, SocialSecurityBundle>> {
    const ds = this.db.dataSource;
    const [persons, employers] = await reader.readAll(ds, idNumbers, [
      { entity: InsuredPerson, by: 'idNumber', order: [] },
      { entity: InsuredEmployer, by: 'idNumber', order: [] },
    ]);
    const result = new Map<string, SocialSecurityBundle>();
    for (const p of persons) result.set(p.idNumber, { person: p, employer: null });
    for (const e of employers) result.set(e.idNumber, { person: null, employer: e });
    return result;
  }
}

/** The insured employees of enterprises, capped per enterprise: one statement for any number of enterprises. */
export class EmployeeConnector extends SourceConnector<InsuredPerson[]> {
  static readonly LIMIT = 50;

  protected empty(): InsuredPerson[] {
    return [];
  }

  protected async fetch(employerIds: readonly string[]): Promise<Map<string, InsuredPerson[]>> {
    const rows: Array<Record<string, unknown>> = await this.db.dataSource.query(
      `SELECT id_number, name, phone, address, employer_id_number FROM (
         SELECT p.*, row_number() OVER (PARTITION BY employer_id_number ORDER BY id_number) AS n
         FROM insured_person p WHERE employer_id_number = ANY($1)
       ) ranked WHERE n <= $2`,
      [[...employerIds], EmployeeConnector.LIMIT],
    );
    const result = new Map<string, InsuredPerson[]>();
    for (const row of rows) {
      const person = Object.assign(new InsuredPerson(), {
        idNumber: row.id_number,
        name: row.name,
        phone: row.phone,
        address: row.address,
        employerIdNumber: row.employer_id_number,
      });
      const list = result.get(person.employerIdNumber!) ?? [];
      list.push(person);
      result.set(person.employerIdNumber!, list);
    }
    return result;
  }
}
