import type { ComponentType } from 'react';
import { CreditPanel, CREDIT_SELECTION } from './CreditPanel';
import { PropertyPanel, PROPERTY_SELECTION } from './PropertyPanel';
import { SocialSecurityPanel, SOCIAL_SECURITY_SELECTION } from './SocialSecurityPanel';
import { TaxPanel, TAX_SELECTION } from './TaxPanel';
import { VehiclePanel, VEHICLE_SELECTION } from './VehiclePanel';
import type { Place } from '../components/Val';
import type { SubjectAnswer } from '../api/results';

export interface PanelProps {
  /** The subject as answered (its kind, name and this source's field). */
  subject: SubjectAnswer;
  /** The subject's place in the answer; the panel looks up the errors beneath it. */
  place: Place;
}

/**
 * One entry per agency source. Adding a source to the console is one panel component and one entry here: the
 * inquiry asks for every `selection`, and shows a tab for every source the hub reports in `sourceStatus`.
 */
export interface SourceDefinition {
  /** As in the API's SourceName enum and `sourceStatus.source`. */
  name: string;
  /** Tab title. */
  label: string;
  /** The agency, for "不动产登记中心未响应（超时）". */
  agency: string;
  /** The Subject field(s) this source answers. */
  fields: string[];
  /** GraphQL selection on Subject. */
  selection: string;
  Panel: ComponentType<PanelProps>;
}

export const SOURCES: SourceDefinition[] = [
  { name: 'PROPERTY', label: '不动产', agency: '不动产登记中心', fields: ['realEstate'], selection: PROPERTY_SELECTION, Panel: PropertyPanel },
  { name: 'VEHICLE', label: '车辆', agency: '公安车管部门', fields: ['vehicles'], selection: VEHICLE_SELECTION, Panel: VehiclePanel },
  { name: 'TAX', label: '税务', agency: '税务部门', fields: ['tax'], selection: TAX_SELECTION, Panel: TaxPanel },
  { name: 'SOCIAL_SECURITY', label: '社保', agency: '人力资源和社会保障部门', fields: ['socialSecurity'], selection: SOCIAL_SECURITY_SELECTION, Panel: SocialSecurityPanel },
  { name: 'CREDIT', label: '信用', agency: '信用信息平台', fields: ['credit'], selection: CREDIT_SELECTION, Panel: CreditPanel },
];

/** `sourceStatus.source` is upper case, error extensions name the source in camel case (socialSecurity). */
export function sourceByName(name: string | undefined | null): SourceDefinition | undefined {
  if (!name) return undefined;
  const key = name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  return SOURCES.find((s) => s.name === key);
}

/** Every source's selection on Subject, with the statuses. */
export const SUBJECT_SOURCES_SELECTION = `${SOURCES.map((s) => s.selection).join('\n')}\nsourceStatus { source state latencyMs }`;
