/** The legal basis of a read: the case through which a subject was reached. Only case services create one. */
export interface CaseBinding {
  kind: 'EXECUTION' | 'BANKRUPTCY';
  caseId: string;
  caseNo: string;
}
