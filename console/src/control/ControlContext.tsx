import { createContext, useContext } from 'react';

/** An asset a court can seize: its source and its key there (不动产单元号, VIN). */
export interface ControlTarget {
  source: string;
  assetKey: string;
  /** What the clerk sees: 皖(2019)金寨县不动产权第0003127号, 皖N·8K265. */
  label: string;
  kind: 'SEIZE' | 'FREEZE';
}

/** Set by the clerk's inquiry around each respondent: the asset rows then offer 查封/冻结. */
export interface ControlActions {
  caseNo: string;
  subjectIdNumber: string;
  subjectName: string;
  onControl: (target: ControlTarget) => void;
}

export const ControlContext = createContext<ControlActions | null>(null);

export const useControl = () => useContext(ControlContext);
