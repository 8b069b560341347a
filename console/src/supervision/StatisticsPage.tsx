import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Radio, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { QueryProblem } from '../components/QueryProblem';
import { CONTROL_KIND_TEXT, CONTROL_STATE_TEXT } from '../format';
import { useQuery } from '../useQuery';
import { BarChart } from './BarChart';
import { downloadText, SOURCE_TEXT, type StatisticsRowData } from './supervision-text';

const QUERY = `query Statistics($from: LocalDate!, $to: LocalDate!, $groupBy: StatisticsGroupBy!) {
  statistics(from: $from, to: $to, groupBy: $groupBy) {
    from to groupBy answerDeadlineDays csv
    rows { key label inquiries subjectsRead orders ordersByKindAndOutcome { kind outcome count } sent receipts receiptsWithinDeadline releases releasesOnTime
      listChecks listHits listInterceptions } } }`;

type Answer = {
  statistics: { from: string; to: string; groupBy: string; answerDeadlineDays: number; csv: string; rows: StatisticsRowData[] };
};

const GROUP_TEXT: Record<string, string> = { COURT: '按法院', AGENCY: '按部门', MONTH: '按月份' };

interface Params {
  from: string;
  to: string;
  groupBy: string;
}

/** Counts for the joint meetings: a chart, the table and a CSV export of the same rows. */
export function StatisticsPage() {
  const [params, setParams] = useState<Params>({
    from: dayjs().subtract(11, 'month').startOf('month').format('YYYY-MM-DD'),
    to: dayjs().format('YYYY-MM-DD'),
    groupBy: 'COURT',
  });
  const q = useQuery<Answer>(QUERY, { ...params });
  const s = q.data?.statistics;
  const label = (r: StatisticsRowData) => (params.groupBy === 'AGENCY' && r.label === r.key ? (SOURCE_TEXT[r.key] ?? r.key) : r.label);
  return (
    <Card
      title="统计"
      extra={
        <Button icon={<DownloadOutlined />} disabled={!s} onClick={() => s && downloadText(`统计-${s.groupBy}-${s.from}-${s.to}.csv`, s.csv)}>
          导出 CSV
        </Button>
      }
    >
      <Form<{ range: [Dayjs, Dayjs]; groupBy: string }>
        layout="inline"
        className="filters"
        initialValues={{ range: [dayjs(params.from), dayjs(params.to)], groupBy: params.groupBy }}
        onFinish={(v) => setParams({ from: v.range[0].format('YYYY-MM-DD'), to: v.range[1].format('YYYY-MM-DD'), groupBy: v.groupBy })}
      >
        <Form.Item name="range" label="期间" rules={[{ required: true, message: '请选择期间' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="groupBy" label="分组">
          <Radio.Group optionType="button" options={Object.entries(GROUP_TEXT).map(([value, l]) => ({ value, label: l }))} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            统计
          </Button>
        </Form.Item>
      </Form>
      <QueryProblem q={q} field="statistics" subject="统计" />
      {s ? (
        <>
          <div className="statistics-chart">
            <BarChart
              series={['查询次数', '被查询主体', '控制措施', '期限内回执', '按期解除']}
              groups={s.rows.map((r) => ({
                label: label(r),
                values: [r.inquiries, r.subjectsRead, r.orders, r.receiptsWithinDeadline, r.releasesOnTime],
              }))}
            />
          </div>
          <Table<StatisticsRowData>
            loading={q.loading}
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={s.rows}
            locale={{ emptyText: '该期间没有记录' }}
            columns={[
              { title: GROUP_TEXT[s.groupBy]?.slice(1) ?? '分组', render: (_: unknown, r) => label(r) },
              { title: '查询次数', dataIndex: 'inquiries' },
              { title: '被查询主体', dataIndex: 'subjectsRead' },
              { title: '控制措施', dataIndex: 'orders' },
              { title: '已送达', dataIndex: 'sent' },
              { title: '回执', dataIndex: 'receipts' },
              { title: `期限内回执（${s.answerDeadlineDays} 天）`, dataIndex: 'receiptsWithinDeadline' },
              { title: '解除', dataIndex: 'releases' },
              { title: '按期解除', dataIndex: 'releasesOnTime' },
              { title: '名单核查', dataIndex: 'listChecks' },
              { title: '名单命中', dataIndex: 'listHits' },
              { title: '拦截', dataIndex: 'listInterceptions' },
              {
                title: '措施（种类/结果）',
                render: (_: unknown, r) =>
                  r.ordersByKindAndOutcome
                    .map((o) => `${CONTROL_KIND_TEXT[o.kind] ?? o.kind}·${CONTROL_STATE_TEXT[o.outcome] ?? o.outcome} ${o.count}`)
                    .join('；') || '—',
              },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}
