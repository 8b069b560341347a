import { Descriptions, Table, Tag } from 'antd';
import { Section } from '../components/Section';
import { at, problemAt, Val } from '../components/Val';
import { formatAmount, formatDate, formatPercent, REGISTRATION_STATUS_TEXT, text } from '../format';
import { FreezeTable, freezeSelection } from './freezes';
import { ReferenceValue, REFERENCE_VALUE_SELECTION } from './reference-value';
import type { PanelProps } from './registry';
import type { MarketRegistration, Shareholding } from './types';

export const MARKET_SELECTION = `marketRegistration { name status registeredAddress legalRepresentative { name idNumber phone address }
    registeredCapital establishedOn businessScope registrationAuthority }
  shareholdings { targetName targetCreditCode sharePercent subscribedCapital ${REFERENCE_VALUE_SELECTION} ${freezeSelection(false)} }`;

const STATUS_COLOR: Record<string, string> = { EXISTING: 'green', REVOKED: 'red', CANCELLED: 'default' };

/** Market supervision (市场监管): an enterprise's registration, and the equity (股权) the subject holds, with its freezes. */
export function MarketPanel({ subject, place }: PanelProps) {
  const reg = subject.marketRegistration as MarketRegistration | null;
  const holdings = subject.shareholdings as Shareholding[] | null;
  const p = at(place, 'marketRegistration');
  const list = at(place, 'shareholdings');
  const rep = reg?.legalRepresentative;
  return (
    <>
      {subject.kind === 'ENTERPRISE' && (
        <div className="source-section">
          {problemAt(p) ??
            (reg ? (
              <Descriptions size="small" bordered column={2} title="登记信息">
                <Descriptions.Item label="登记状态">
                  <Val
                    place={at(p, 'status')}
                    value={reg.status}
                    format={(v: string) => <Tag color={STATUS_COLOR[v]}>{text(REGISTRATION_STATUS_TEXT, v)}</Tag>}
                  />
                </Descriptions.Item>
                <Descriptions.Item label="登记机关">
                  <Val place={at(p, 'registrationAuthority')} value={reg.registrationAuthority} />
                </Descriptions.Item>
                <Descriptions.Item label="住所" span={2}>
                  <Val place={at(p, 'registeredAddress')} value={reg.registeredAddress} />
                </Descriptions.Item>
                <Descriptions.Item label="法定代表人" span={2}>
                  {problemAt(at(p, 'legalRepresentative')) ??
                    (rep ? (
                      <span>
                        <Val place={at(p, 'legalRepresentative', 'name')} value={rep.name} />
                        ，身份证号 <Val place={at(p, 'legalRepresentative', 'idNumber')} value={rep.idNumber} />
                      </span>
                    ) : (
                      '—'
                    ))}
                </Descriptions.Item>
                <Descriptions.Item label="注册资本">
                  <Val place={at(p, 'registeredCapital')} value={reg.registeredCapital} format={formatAmount} />
                </Descriptions.Item>
                <Descriptions.Item label="成立日期">
                  <Val place={at(p, 'establishedOn')} value={reg.establishedOn} format={formatDate} />
                </Descriptions.Item>
                <Descriptions.Item label="经营范围" span={2}>
                  <Val place={at(p, 'businessScope')} value={reg.businessScope} />
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <span className="empty-value">市场监管部门无该企业的登记信息</span>
            ))}
        </div>
      )}
      <Section title="对外投资（股权）" place={list} value={holdings} empty="市场监管部门未登记该主体持有的股权">
        <Table<Shareholding>
          size="small"
          pagination={false}
          className="shareholdings"
          rowKey={(r, i) => r.targetCreditCode ?? String(i)}
          dataSource={holdings ?? []}
          expandable={{
            defaultExpandAllRows: true,
            expandedRowRender: (r, i) => <FreezeTable rows={r.freezes} place={at(list, i, 'freezes')} withAmount={false} empty="该股权无冻结" />,
          }}
          columns={[
            {
              title: '投资企业',
              render: (_, r, i) => (
                <span>
                  <Val place={at(list, i, 'targetName')} value={r.targetName} />
                  {r.targetCreditCode && <div className="secondary">{r.targetCreditCode}</div>}
                </span>
              ),
            },
            { title: '持股比例', render: (_, r, i) => <Val place={at(list, i, 'sharePercent')} value={r.sharePercent} format={formatPercent} /> },
            {
              title: '认缴出资额',
              render: (_, r, i) => <Val place={at(list, i, 'subscribedCapital')} value={r.subscribedCapital} format={formatAmount} />,
            },
            { title: '参考价', render: (_, r, i) => <ReferenceValue row={r} place={at(list, i)} /> },
            { title: '冻结', render: (_, r) => `${r.freezes?.filter((f) => !f.releasedOn).length ?? 0} 项` },
          ]}
        />
      </Section>
    </>
  );
}
