import { Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { problemAt, type Place } from './Val';

/** A titled part of a source panel (a table or a list): its denial, its empty state, or its content. */
export function Section({
  title,
  place,
  value,
  empty,
  children,
}: {
  title: string;
  place: Place;
  value: unknown[] | null | undefined;
  empty: string;
  children: ReactNode;
}) {
  const problem = problemAt(place);
  return (
    <div className="source-section">
      <Typography.Title level={5}>{title}</Typography.Title>
      {problem ? (
        <div className="section-problem">{problem}</div>
      ) : !value || value.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        children
      )}
    </div>
  );
}
