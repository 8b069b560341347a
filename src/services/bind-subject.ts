import type { CaseBinding } from '../auth/case-binding';
import type { Subject } from '../entities/hub/subject.entity';
import { SubjectView } from '../schema/subject.type';

/** Attaches the legal basis to a case party; the only way a Subject enters the graph. */
export function bindSubject(subject: Subject, binding: CaseBinding): SubjectView {
  return Object.assign(new SubjectView(), {
    id: subject.id,
    kind: subject.kind,
    name: subject.name,
    idNumber: subject.idNumber,
    binding,
  });
}
