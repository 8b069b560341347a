import { Button, Space } from 'antd';

/** Keyset paging: previous pages are remembered as the cursors that led to them. */
export function CursorPager({
  stack,
  hasNext,
  endCursor,
  onChange,
  info,
}: {
  stack: Array<string | null>;
  hasNext: boolean;
  endCursor: string | null | undefined;
  onChange: (stack: Array<string | null>) => void;
  info?: string;
}) {
  return (
    <Space className="pager no-print">
      <Button disabled={stack.length <= 1} onClick={() => onChange(stack.slice(0, -1))}>
        上一页
      </Button>
      <span>
        第 {stack.length} 页{info ? `，${info}` : ''}
      </span>
      <Button disabled={!hasNext || !endCursor} onClick={() => onChange([...stack, endCursor!])}>
        下一页
      </Button>
    </Space>
  );
}
