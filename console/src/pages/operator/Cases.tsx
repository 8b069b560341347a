import { Space, Tag } from 'antd';
import { useState } from 'react';
import { CASE_STATUS_TEXT, formatAmount, formatDate, SUBJECT_KIND_TEXT, text } from '../../format';
import type { BankruptcyCaseRecord, ExecutionCaseRecord, Party } from '../../api/results';
import { ManagedList } from './ManagedList';
import { Operation } from './Operation';
import { parseParties } from './parties';

export const EXECUTION_FIELDS = 'caseNo status filedOn amountDue court { name } respondents { kind name } clerks { username displayName }';
export const BANKRUPTCY_FIELDS =
  'caseNo status acceptedOn acceptanceRulingNo court { name } debtor { kind name } appointments { firm { code name } decisionNo validFrom validTo ended }';

const EXECUTION_LIST = `query ManagedExecutionCases($first: Int!, $after: String, $search: String, $status: ExecutionCaseStatus) {
  managedExecutionCases(first: $first, after: $after, search: $search, status: $status) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${EXECUTION_FIELDS} } } } }`;
const BANKRUPTCY_LIST = `query ManagedBankruptcyCases($first: Int!, $after: String, $search: String, $status: BankruptcyCaseStatus) {
  managedBankruptcyCases(first: $first, after: $after, search: $search, status: $status) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${BANKRUPTCY_FIELDS} } } } }`;

const statusOptions = (statuses: string[]) => statuses.map((value) => ({ value, label: text(CASE_STATUS_TEXT, value) }));
const parties = (list: Party[]) => list.map((p) => `${p.name}（${text(SUBJECT_KIND_TEXT, p.kind)}）`).join('、');

export function Cases() {
  const [refresh, setRefresh] = useState(0);
  const done = () => setRefresh((n) => n + 1);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Operation
        title="立案（执行案件）"
        fields={[
          { name: 'caseNo', label: '案号', placeholder: '(2024)皖1524执130号', width: 200 },
          { name: 'filedOn', label: '立案日期', placeholder: '2024-06-03', width: 120 },
          { name: 'amountDue', label: '执行标的（元）', placeholder: '52000.00', width: 130 },
          { name: 'respondents', label: '被执行人', textarea: true, placeholder: '每行一个：证件号 名称，如\n341524198604123508 郑丽' },
        ]}
        mutation={`mutation CreateExecutionCase($input: CreateExecutionCaseInput!) { createExecutionCase(input: $input) { ${EXECUTION_FIELDS} } }`}
        toVariables={(v) => ({
          input: { caseNo: v.caseNo.trim(), filedOn: v.filedOn.trim(), amountDue: v.amountDue.trim(), respondents: parseParties(v.respondents) },
        })}
        onDone={done}
      />
      <Operation
        title="结案（执行案件）"
        danger
        fields={[{ name: 'caseNo', label: '案号', width: 220 }]}
        mutation={`mutation CloseExecutionCase($caseNo: String!) { closeExecutionCase(caseNo: $caseNo) { ${EXECUTION_FIELDS} } }`}
        toVariables={(v) => ({ caseNo: v.caseNo.trim() })}
        onDone={done}
      />
      <Operation
        title="受理破产案件"
        fields={[
          { name: 'caseNo', label: '案号', placeholder: '(2024)皖1524破8号', width: 190 },
          { name: 'acceptedOn', label: '受理日期', placeholder: '2024-05-06', width: 120 },
          { name: 'acceptanceRulingNo', label: '受理裁定书', placeholder: '(2024)皖1524破申8号', width: 200 },
          { name: 'debtorId', label: '债务人信用代码', width: 200 },
          { name: 'debtorName', label: '债务人名称', width: 220 },
        ]}
        mutation={`mutation CreateBankruptcyCase($input: CreateBankruptcyCaseInput!) { createBankruptcyCase(input: $input) { ${BANKRUPTCY_FIELDS} } }`}
        toVariables={(v) => ({
          input: {
            caseNo: v.caseNo.trim(),
            acceptedOn: v.acceptedOn.trim(),
            acceptanceRulingNo: v.acceptanceRulingNo.trim(),
            debtor: { idNumber: v.debtorId.trim(), name: v.debtorName.trim() },
          },
        })}
        onDone={done}
      />
      <Operation
        title="终结（破产案件）"
        danger
        fields={[
          { name: 'caseNo', label: '案号', width: 220 },
          {
            name: 'outcome',
            label: '结果',
            width: 170,
            options: [
              { value: 'DISMISSED', label: '驳回破产申请（恢复执行）' },
              { value: 'WITHDRAWN', label: '准许撤回申请（恢复执行）' },
              { value: 'CONCLUDED', label: '终结破产程序（终结执行）' },
            ],
          },
          { name: 'rulingNo', label: '裁定书', placeholder: '(2024)皖1524破8号之三', width: 210 },
          { name: 'date', label: '裁定日期', placeholder: '2025-06-30', width: 120 },
        ]}
        mutation={`mutation CloseBankruptcyCase($caseNo: String!, $input: CloseBankruptcyCaseInput!) { closeBankruptcyCase(caseNo: $caseNo, input: $input) { ${BANKRUPTCY_FIELDS} } }`}
        toVariables={(v) => ({ caseNo: v.caseNo.trim(), input: { outcome: v.outcome, rulingNo: v.rulingNo.trim(), date: v.date.trim() } })}
        onDone={done}
      />
      <ExecutionCaseList refresh={refresh} />
      <BankruptcyCaseList refresh={refresh} />
    </Space>
  );
}

/** Execution cases with their respondents as filed and their clerks; search by case number, court or respondent. */
export function ExecutionCaseList({ refresh }: { refresh: number }) {
  return (
    <ManagedList<ExecutionCaseRecord>
      title="执行案件"
      query={EXECUTION_LIST}
      field="managedExecutionCases"
      rowKey="caseNo"
      unit="件"
      refresh={refresh}
      searchPlaceholder="按案号、法院或被执行人名称查找，回车搜索"
      filter={{ name: 'status', label: '状态', options: statusOptions(['ACTIVE', 'CLOSED']) }}
      emptyText="没有执行案件"
      columns={[
        { title: '案号', dataIndex: 'caseNo' },
        { title: '法院', render: (_, r) => r.court.name },
        { title: '立案日期', render: (_, r) => formatDate(r.filedOn) },
        { title: '执行标的', align: 'right', render: (_, r) => formatAmount(r.amountDue) },
        { title: '被执行人', render: (_, r) => parties(r.respondents) },
        { title: '承办书记员', render: (_, r) => r.clerks.map((c) => `${c.displayName}（${c.username}）`).join('、') || '—' },
        { title: '状态', render: (_, r) => <Tag>{text(CASE_STATUS_TEXT, r.status)}</Tag> },
      ]}
    />
  );
}

/** Bankruptcy cases with the debtor as filed and every appointment; search by case or ruling number, court or debtor. */
export function BankruptcyCaseList({ refresh }: { refresh: number }) {
  return (
    <ManagedList<BankruptcyCaseRecord>
      title="破产案件"
      query={BANKRUPTCY_LIST}
      field="managedBankruptcyCases"
      rowKey="caseNo"
      unit="件"
      refresh={refresh}
      searchPlaceholder="按案号、裁定书号、法院或债务人名称查找，回车搜索"
      filter={{ name: 'status', label: '状态', options: statusOptions(['ACCEPTED', 'REORGANISATION', 'LIQUIDATION', 'CLOSED']) }}
      emptyText="没有破产案件"
      columns={[
        { title: '案号', dataIndex: 'caseNo' },
        { title: '法院', render: (_, r) => r.court.name },
        { title: '受理日期', render: (_, r) => formatDate(r.acceptedOn) },
        { title: '受理裁定书', render: (_, r) => r.acceptanceRulingNo ?? '—' },
        { title: '债务人', render: (_, r) => r.debtor.name },
        {
          title: '管理人指定',
          render: (_, r) =>
            r.appointments.length === 0
              ? '—'
              : r.appointments.map((a) => (
                  <div key={`${a.firm.code}-${a.validFrom}`}>
                    {a.firm.name}（{a.firm.code}）{a.decisionNo ? ` ${a.decisionNo}` : ''}，{formatDate(a.validFrom)} 至{' '}
                    {a.validTo ? formatDate(a.validTo) : '程序终结'} {a.ended ? <Tag>已终止</Tag> : <Tag color="green">有效</Tag>}
                  </div>
                )),
        },
        { title: '状态', render: (_, r) => <Tag>{text(CASE_STATUS_TEXT, r.status)}</Tag> },
      ]}
    />
  );
}
