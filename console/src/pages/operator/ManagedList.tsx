import { SearchOutlined } from '@ant-design/icons';
import { Card, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { CursorPager } from '../../components/CursorPager';
import { QueryProblem } from '../../components/QueryProblem';
import type { Connection } from '../../api/results';
import { useQuery } from '../../useQuery';

export interface ListFilter {
  /** The query's argument, e.g. `status`. */
  name: string;
  label: string;
  options: Array<{ value: string; label: string }>;
}

/**
 * One of the operator's lists (`managedOrganisations`, `managedUsers`, …): search, an optional filter, keyset paging.
 * `refresh` changes after an operation on this page, so the list shows what the hub now holds.
 */
export function ManagedList<T extends object>({
  title,
  query,
  field,
  rowKey,
  columns,
  searchPlaceholder,
  filter,
  refresh,
  emptyText,
  unit,
}: {
  title: string;
  query: string;
  field: string;
  rowKey: keyof T & string;
  columns: TableColumnsType<T>;
  searchPlaceholder: string;
  filter?: ListFilter;
  refresh?: number;
  emptyText: string;
  /** Counting word, e.g. 件 or 个. */
  unit: string;
}) {
  const [stack, setStack] = useState<Array<string | null>>([null]);
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [filterValue, setFilterValue] = useState<string | null>(null);
  const variables = { first: 20, after: stack[stack.length - 1], search: search || null, ...(filter ? { [filter.name]: filterValue } : {}) };
  const q = useQuery<Record<string, Connection<T> | null>>(query, variables);
  const { reload } = q;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [refresh, reload]);
  const conn = q.data?.[field];
  const apply = (value: string) => {
    setSearch(value.trim());
    setStack([null]);
  };
  return (
    <Card size="small" title={title} className="managed-list">
      <Space className="toolbar" wrap>
        <Input
          allowClear
          style={{ width: 340 }}
          prefix={<SearchOutlined />}
          placeholder={searchPlaceholder}
          aria-label={`搜索${title}`}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            if (!e.target.value) apply('');
          }}
          onPressEnter={() => apply(typed)}
        />
        {filter && (
          <Select
            allowClear
            placeholder={filter.label}
            aria-label={filter.label}
            style={{ width: 150 }}
            value={filterValue ?? undefined}
            options={filter.options}
            onChange={(v) => {
              setFilterValue(v ?? null);
              setStack([null]);
            }}
          />
        )}
      </Space>
      <QueryProblem q={q} field={field} />
      <Table
        size="small"
        loading={q.loading}
        rowKey={rowKey}
        pagination={false}
        dataSource={(conn?.edges ?? []).map((e) => e.node)}
        locale={{ emptyText: search ? `没有与“${search}”相符的记录` : emptyText }}
        columns={columns}
      />
      <CursorPager
        stack={stack}
        hasNext={!!conn?.pageInfo.hasNextPage}
        endCursor={conn?.pageInfo.endCursor}
        onChange={setStack}
        info={conn ? `共 ${conn.totalCount} ${unit}` : undefined}
      />
    </Card>
  );
}
