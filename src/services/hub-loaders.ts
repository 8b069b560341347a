import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Subject } from '../entities/hub/subject.entity';

export interface HubLoaders {
  /** Respondents of execution cases, by case id. */
  respondents: DataLoader<string, Subject[]>;
  /** Subjects by hub id. */
  subjects: DataLoader<string, Subject | null>;
}

export function createHubLoaders(hub: DataSource): HubLoaders {
  return {
    respondents: new DataLoader(async (caseIds) => {
      const rows: Array<{ case_id: string; id: string; kind: Subject['kind']; id_number: string; name: string }> = await hub.query(
        `SELECT r.case_id, s.id, s.kind, s.id_number, s.name
             FROM execution_case_respondent r JOIN subject s ON s.id = r.subject_id
            WHERE r.case_id = ANY($1) ORDER BY s.kind DESC, s.name`,
        [[...caseIds]],
      );
      return caseIds.map((caseId) =>
        rows
          .filter((r) => r.case_id === caseId)
          .map((r) => Object.assign(new Subject(), { id: r.id, kind: r.kind, idNumber: r.id_number, name: r.name })),
      );
    }),
    subjects: new DataLoader(async (ids) => {
      const rows = await hub.getRepository(Subject).findBy({ id: In([...ids]) });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
  };
}
