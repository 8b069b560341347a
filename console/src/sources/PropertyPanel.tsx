import { Table } from 'antd';
import { Section } from '../components/Section';
import { at, Val } from '../components/Val';
import { formatArea, formatDate } from '../format';
import { EncumbranceTable, ENCUMBRANCE_SELECTION, type Encumbrance } from './encumbrances';
import { ReferenceValue, REFERENCE_VALUE_SELECTION } from './reference-value';
import { ControlButton } from '../control/ControlButton';
import type { PanelProps } from './registry';
import type { ReferenceValued } from './types';

export const PROPERTY_SELECTION = `realEstate { certificateNo unitCode location use area registeredOn ${REFERENCE_VALUE_SELECTION} ${ENCUMBRANCE_SELECTION} }`;

interface RealEstateUnit extends ReferenceValued {
  certificateNo: string | null;
  unitCode: string | null;
  location: string | null;
  use: string | null;
  area: string | null;
  registeredOn: string | null;
  encumbrances: Encumbrance[] | null;
}

export function PropertyPanel({ subject, place }: PanelProps) {
  const list = at(place, 'realEstate');
  const units = subject.realEstate as RealEstateUnit[] | null;
  return (
    <Section title="不动产权利" place={list} value={units} empty="不动产登记中心未登记该主体名下的不动产">
      <Table
        size="small"
        pagination={false}
        rowKey={(r, i) => r.certificateNo ?? String(i)}
        dataSource={units ?? []}
        expandable={{
          defaultExpandAllRows: true,
          expandedRowRender: (r, i) => <EncumbranceTable rows={r.encumbrances} place={at(list, i, 'encumbrances')} />,
        }}
        columns={[
          { title: '不动产权证号', render: (_, r, i) => <Val place={at(list, i, 'certificateNo')} value={r.certificateNo} /> },
          { title: '不动产单元号', render: (_, r, i) => <Val place={at(list, i, 'unitCode')} value={r.unitCode} /> },
          { title: '坐落', render: (_, r, i) => <Val place={at(list, i, 'location')} value={r.location} /> },
          { title: '用途', render: (_, r, i) => <Val place={at(list, i, 'use')} value={r.use} /> },
          { title: '面积', render: (_, r, i) => <Val place={at(list, i, 'area')} value={r.area} format={formatArea} /> },
          { title: '登记日期', render: (_, r) => formatDate(r.registeredOn) },
          { title: '参考价', render: (_, r, i) => <ReferenceValue row={r} place={at(list, i)} /> },
          { title: '抵押 / 查封', render: (_, r) => `${r.encumbrances?.length ?? 0} 项` },
          ...ControlButton.column<RealEstateUnit>((r) =>
            r.unitCode ? { source: 'PROPERTY', assetKey: r.unitCode, label: r.certificateNo ?? r.unitCode, kind: 'SEIZE' } : null,
          ),
        ]}
      />
    </Section>
  );
}
