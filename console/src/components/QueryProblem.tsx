import { Alert } from 'antd';
import { errorText } from '../api/errors';
import type { QueryState } from '../useQuery';

/** The whole request failed (no connection) or its top field was refused: one plain sentence. */
export function QueryProblem({ q, field, subject }: { q: QueryState<unknown>; field: string; subject?: string }) {
  if (q.failure) return <Alert type="error" showIcon message={q.failure} />;
  const top = q.errors.find((e) => e.path?.length === 1 && e.path[0] === field) ?? (q.data === null ? q.errors[0] : undefined);
  if (!top) return null;
  return <Alert type="error" showIcon message={errorText(top, subject)} className="refusal" />;
}
