import { Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ORG_KIND_TEXT, text } from '../../format';
import type { OrganisationRecord } from '../../api/results';
import { SOURCES } from '../../sources/registry';
import { useQuery } from '../../useQuery';
import { CheckPurposesForm, type PurposeOption, type PurposesDraft } from './CheckPurposesForm';
import { ManagedList } from './ManagedList';
import { Operation } from './Operation';

const FIELDS = 'code name kind disabled source declaredPurposes';
const PURPOSES = `query CheckPurposeOptions { checkPurposes { purpose label } }`;
const KIND_OPTIONS = Object.entries(ORG_KIND_TEXT).map(([value, label]) => ({ value, label }));
/** The source an agency answers for: which assistance requests, claim notices and credit-repair requests reach it. */
const SOURCE_OPTIONS = SOURCES.map((s) => ({ value: s.name, label: s.agency }));
const sourceText = (name: string) => SOURCE_OPTIONS.find((o) => o.value === name)?.label ?? name;
const LIST = `query ManagedOrganisations($first: Int!, $after: String, $search: String, $kind: OrganisationKind) {
  managedOrganisations(first: $first, after: $after, search: $search, kind: $kind) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } } }`;

export function Organisations() {
  const [refresh, setRefresh] = useState(0);
  const done = () => setRefresh((n) => n + 1);
  const purposes = useQuery<{ checkPurposes: PurposeOption[] | null }>(PURPOSES, {});
  const options = purposes.data?.checkPurposes ?? [];
  const labelOf = (p: string) => options.find((o) => o.purpose === p)?.label ?? p;
  const [draft, setDraft] = useState<PurposesDraft | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Operation
        title="登记机构"
        fields={[
          { name: 'code', label: '机构代码', placeholder: '如 皖1525 或 AF-3415-009' },
          { name: 'name', label: '名称', placeholder: '如 霍山县人民法院', width: 220 },
          { name: 'kind', label: '类别', options: KIND_OPTIONS },
          { name: 'source', label: '对接数据源', options: SOURCE_OPTIONS, optional: true, width: 200, when: (v) => v.kind === 'AGENCY' },
        ]}
        mutation={`mutation CreateOrganisation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${FIELDS} } }`}
        toVariables={(v) => ({
          input: { code: v.code.trim(), name: v.name.trim(), kind: v.kind, ...(v.kind === 'AGENCY' && v.source ? { source: v.source } : {}) },
        })}
        onDone={done}
      />
      <Operation
        title="停用机构"
        danger
        fields={[{ name: 'code', label: '机构代码' }]}
        mutation={`mutation DisableOrganisation($code: String!) { disableOrganisation(code: $code) { ${FIELDS} } }`}
        toVariables={(v) => ({ code: v.code.trim() })}
        onDone={done}
      />
      <CheckPurposesForm options={options} draft={draft} onDone={done} />
      <ManagedList<OrganisationRecord>
        title="机构"
        query={LIST}
        field="managedOrganisations"
        rowKey="code"
        unit="个"
        refresh={refresh}
        searchPlaceholder="按机构代码或名称查找，回车搜索"
        filter={{ name: 'kind', label: '类别', options: KIND_OPTIONS }}
        emptyText="没有机构"
        columns={[
          { title: '机构代码', dataIndex: 'code' },
          { title: '名称', dataIndex: 'name' },
          { title: '类别', render: (_, r) => text(ORG_KIND_TEXT, r.kind) },
          {
            title: '对接数据源',
            render: (_, r) =>
              r.kind !== 'AGENCY' ? '—' : r.source ? sourceText(r.source) : <Typography.Text type="secondary">未对接</Typography.Text>,
          },
          { title: '状态', render: (_, r) => (r.disabled ? <Tag>已停用</Tag> : <Tag color="green">启用</Tag>) },
          {
            title: '核查用途',
            render: (_, r) =>
              r.kind !== 'AGENCY' ? (
                '—'
              ) : (
                <Space size={[0, 4]} wrap>
                  {r.declaredPurposes.length === 0 ? (
                    <Typography.Text type="secondary">未申报</Typography.Text>
                  ) : (
                    r.declaredPurposes.map((p) => <Tag key={p}>{labelOf(p)}</Tag>)
                  )}
                  <Button size="small" type="link" onClick={() => setDraft({ code: r.code, purposes: [...r.declaredPurposes] })}>
                    修改
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </Space>
  );
}
