import { Descriptions, Empty, Tag } from 'antd';
import { Section } from '../components/Section';
import { at, problemAt, Val } from '../components/Val';
import { formatAmount, formatDate, HOUSING_FUND_STATUS_TEXT, text } from '../format';
import { FreezeTable, freezeSelection } from './freezes';
import type { PanelProps } from './registry';
import type { HousingFund } from './types';

export const HOUSING_FUND_SELECTION = `housingFund { registered accountNo status monthlyContribution lastContributionMonth
  employer { name creditCode } balance ${freezeSelection(true)} contributingEmployees arrearsAmount arrearsSince }`;

/** Housing provident fund (公积金): a person's account with its freezes, or an enterprise's unit account. */
export function HousingFundPanel({ subject, place }: PanelProps) {
  const fund = subject.housingFund as HousingFund;
  const p = at(place, 'housingFund');
  if (fund.registered === false) return <Empty description="公积金管理中心无该主体的缴存登记" />;
  const status = (
    <Val
      place={at(p, 'status')}
      value={fund.status}
      format={(v: string) => <Tag color={v === 'NORMAL' ? 'green' : 'default'}>{text(HOUSING_FUND_STATUS_TEXT, v)}</Tag>}
    />
  );
  if (subject.kind === 'ENTERPRISE') {
    return (
      <Descriptions size="small" bordered column={2} title="单位公积金账户">
        <Descriptions.Item label="单位账号">
          <Val place={at(p, 'accountNo')} value={fund.accountNo} />
        </Descriptions.Item>
        <Descriptions.Item label="账户状态">{status}</Descriptions.Item>
        <Descriptions.Item label="缴存职工人数">
          <Val place={at(p, 'contributingEmployees')} value={fund.contributingEmployees} format={(v: number) => `${v} 人`} />
        </Descriptions.Item>
        <Descriptions.Item label="月缴存额">
          <Val place={at(p, 'monthlyContribution')} value={fund.monthlyContribution} format={formatAmount} />
        </Descriptions.Item>
        <Descriptions.Item label="最近缴存月份">
          <Val place={at(p, 'lastContributionMonth')} value={fund.lastContributionMonth} />
        </Descriptions.Item>
        <Descriptions.Item label="欠缴金额">
          <Val place={at(p, 'arrearsAmount')} value={fund.arrearsAmount} format={formatAmount} />
        </Descriptions.Item>
        <Descriptions.Item label="欠缴起始日">
          <Val place={at(p, 'arrearsSince')} value={fund.arrearsSince} format={formatDate} />
        </Descriptions.Item>
      </Descriptions>
    );
  }
  const employer = fund.employer;
  return (
    <>
      <Descriptions size="small" bordered column={2} title="个人公积金账户">
        <Descriptions.Item label="个人账号">
          <Val place={at(p, 'accountNo')} value={fund.accountNo} />
        </Descriptions.Item>
        <Descriptions.Item label="账户状态">{status}</Descriptions.Item>
        <Descriptions.Item label="账户余额">
          <Val place={at(p, 'balance')} value={fund.balance} format={formatAmount} />
        </Descriptions.Item>
        <Descriptions.Item label="月缴存额（单位和个人）">
          <Val place={at(p, 'monthlyContribution')} value={fund.monthlyContribution} format={formatAmount} />
        </Descriptions.Item>
        <Descriptions.Item label="最近缴存月份">
          <Val place={at(p, 'lastContributionMonth')} value={fund.lastContributionMonth} />
        </Descriptions.Item>
        <Descriptions.Item label="缴存单位">
          {problemAt(at(p, 'employer')) ?? (employer ? `${employer.name ?? '—'}（${employer.creditCode ?? '—'}）` : '—')}
        </Descriptions.Item>
      </Descriptions>
      <Section title="冻结" place={at(p, 'freezes')} value={fund.freezes} empty="该公积金账户无冻结">
        <FreezeTable rows={fund.freezes} place={at(p, 'freezes')} withAmount empty="该公积金账户无冻结" />
      </Section>
    </>
  );
}
