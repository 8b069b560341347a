import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { errorAt, sourceUnavailableText } from '../api/errors';
import type { GraphQLError } from '../api/graphql';

/** Where a value sits in the answer, so that its error (a denial, an agency that did not answer) can be found. */
export interface Place {
  errors: GraphQLError[];
  path: Array<string | number>;
}

export function at(place: Place, ...segments: Array<string | number>): Place {
  return { errors: place.errors, path: [...place.path, ...segments] };
}

export function DeniedTag() {
  return (
    <Tooltip title="访问策略不允许您的角色查看此项">
      <Tag className="tag-denied">无权查看</Tag>
    </Tooltip>
  );
}

export function MaskedTag() {
  return (
    <Tooltip title="按访问策略部分隐藏">
      <Tag color="orange" className="tag-masked">
        已脱敏
      </Tag>
    </Tooltip>
  );
}

/** What to show instead of a value that has an error at its place, or null when it has none. */
export function problemAt(place: Place): ReactNode | null {
  const error = errorAt(place.errors, place.path);
  if (!error) return null;
  if (error.extensions?.code === 'FORBIDDEN') return <DeniedTag />;
  if (error.extensions?.code === 'SOURCE_UNAVAILABLE')
    return <Tag color="red">{sourceUnavailableText(error.extensions.source, error.extensions.state)}</Tag>;
  return <Tag color="red">未能获取</Tag>;
}

/** Masked values carry asterisks (3415**********1377, 138****5678, 王**). */
export function isMasked(value: unknown): boolean {
  return typeof value === 'string' && value.includes('*');
}

/** One value: 无权查看 when denied, the value with 已脱敏 when masked, — when empty. */
export function Val<V>({ place, value, format }: { place: Place; value: V | null | undefined; format?: (v: V) => ReactNode }) {
  const problem = problemAt(place);
  if (problem) return <>{problem}</>;
  if (value === null || value === undefined || value === '') return <span className="empty-value">—</span>;
  const shown = format ? format(value) : String(value);
  if (isMasked(value)) {
    return (
      <span>
        {shown} <MaskedTag />
      </span>
    );
  }
  return <>{shown}</>;
}
