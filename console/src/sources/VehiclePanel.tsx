import { Table, Tag } from 'antd';
import { Section } from '../components/Section';
import { at, Val } from '../components/Val';
import { formatDate, text, VEHICLE_STATUS_TEXT } from '../format';
import { EncumbranceTable, ENCUMBRANCE_SELECTION, type Encumbrance } from './encumbrances';
import { ReferenceValue, REFERENCE_VALUE_SELECTION } from './reference-value';
import { ControlButton } from '../control/ControlButton';
import type { PanelProps } from './registry';
import type { ReferenceValued } from './types';

export const VEHICLE_SELECTION = `vehicles { plate vin make model registeredOn status ${REFERENCE_VALUE_SELECTION} ${ENCUMBRANCE_SELECTION} }`;

interface VehicleAnswer extends ReferenceValued {
  plate: string | null;
  vin: string | null;
  make: string | null;
  model: string | null;
  registeredOn: string | null;
  status: string | null;
  encumbrances: Encumbrance[] | null;
}

export function VehiclePanel({ subject, place }: PanelProps) {
  const list = at(place, 'vehicles');
  const vehicles = subject.vehicles as VehicleAnswer[] | null;
  return (
    <Section title="机动车" place={list} value={vehicles} empty="公安车管部门未登记该主体名下的机动车">
      <Table
        size="small"
        pagination={false}
        rowKey={(r, i) => r.vin ?? String(i)}
        dataSource={vehicles ?? []}
        expandable={{
          defaultExpandAllRows: true,
          expandedRowRender: (r, i) => <EncumbranceTable rows={r.encumbrances} place={at(list, i, 'encumbrances')} />,
        }}
        columns={[
          { title: '号牌', render: (_, r, i) => <Val place={at(list, i, 'plate')} value={r.plate} /> },
          { title: '车辆识别代号', render: (_, r, i) => <Val place={at(list, i, 'vin')} value={r.vin} /> },
          { title: '品牌型号', render: (_, r) => [r.make, r.model].filter(Boolean).join(' ') || '—' },
          { title: '登记日期', render: (_, r) => formatDate(r.registeredOn) },
          { title: '参考价', render: (_, r, i) => <ReferenceValue row={r} place={at(list, i)} /> },
          { title: '状态', render: (_, r) => <Tag color={r.status === 'NORMAL' ? 'green' : 'red'}>{text(VEHICLE_STATUS_TEXT, r.status)}</Tag> },
          ...ControlButton.column<VehicleAnswer>((r) =>
            r.vin ? { source: 'VEHICLE', assetKey: r.vin, label: r.plate ?? r.vin, kind: 'SEIZE' } : null,
          ),
        ]}
      />
    </Section>
  );
}
