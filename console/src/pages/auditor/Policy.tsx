import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { QueryProblem } from '../../components/QueryProblem';
import { downloadCsv } from '../../csv';
import { POLICY_OUTCOME_TEXT, ROLE_TEXT, text } from '../../format';
import type { PolicyRow } from '../../api/results';
import { useQuery } from '../../useQuery';

const QUERY = `query AccessPolicy { accessPolicy { role field outcome reason mask subjectData } }`;
const COLOR: Record<string, string> = { ALLOW: 'green', MASK: 'orange', DENY: 'red' };

export function Policy() {
  const q = useQuery<{ accessPolicy: PolicyRow[] }>(QUERY, {});
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<string | undefined>();
  const rows = useMemo(() => {
    const s = search.trim().toLowerCase();
    return (q.data?.accessPolicy ?? []).filter(
      (r) =>
        (!role || r.role === role) &&
        (!outcome || r.outcome === outcome) &&
        (!s || r.field.toLowerCase().includes(s) || r.reason.toLowerCase().includes(s)),
    );
  }, [q.data, search, role, outcome]);
  const exportCsv = () =>
    downloadCsv(
      '访问策略.csv',
      ['角色', '字段', '结果', '脱敏方式', '主体数据', '理由'],
      rows.map((r) => [text(ROLE_TEXT, r.role), r.field, text(POLICY_OUTCOME_TEXT, r.outcome), r.mask, r.subjectData ? '是' : '否', r.reason]),
    );
  return (
    <Card
      title="访问策略"
      extra={
        <Button icon={<DownloadOutlined />} onClick={exportCsv} disabled={!rows.length}>
          导出 CSV
        </Button>
      }
    >
      <Space className="toolbar" wrap>
        <Input.Search allowClear placeholder="搜索字段或理由，如 Subject.phone" style={{ width: 300 }} onChange={(e) => setSearch(e.target.value)} />
        <Select
          allowClear
          placeholder="全部角色"
          style={{ width: 140 }}
          onChange={setRole}
          options={Object.entries(ROLE_TEXT).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="全部结果"
          style={{ width: 120 }}
          onChange={setOutcome}
          options={Object.entries(POLICY_OUTCOME_TEXT).map(([value, label]) => ({ value, label }))}
        />
        <span>共 {rows.length} 条规则；未列出的字段一律拒绝。</span>
      </Space>
      <QueryProblem q={q} field="accessPolicy" subject="访问策略" />
      <Table
        loading={q.loading}
        size="small"
        rowKey={(r) => `${r.role}-${r.field}`}
        dataSource={rows}
        pagination={{ pageSize: 15, showSizeChanger: false }}
        locale={{ emptyText: '没有符合条件的规则' }}
        columns={[
          { title: '角色', render: (_, r) => text(ROLE_TEXT, r.role), width: 110 },
          { title: '字段', dataIndex: 'field', width: 260 },
          {
            title: '结果',
            render: (_, r) => (
              <Tag color={COLOR[r.outcome]}>
                {text(POLICY_OUTCOME_TEXT, r.outcome)}
                {r.mask ? `（${r.mask}）` : ''}
              </Tag>
            ),
            width: 140,
          },
          { title: '主体数据', render: (_, r) => (r.subjectData ? '是' : '否'), width: 80 },
          { title: '理由', dataIndex: 'reason' },
        ]}
      />
    </Card>
  );
}
