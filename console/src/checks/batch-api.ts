import { currentToken } from '../auth/session';
import type { GraphQLError } from '../api/graphql';

export interface CheckBatch {
  id: string;
  state: 'QUEUED' | 'RUNNING' | 'DONE';
  total: number;
  done: number;
  hits: number;
  errors: number;
  resultUrl: string;
}

const auth = (): Record<string, string> => {
  const token = currentToken();
  return token ? { authorization: `Bearer ${token}` } : {};
};

/** Uploads the file itself as the body (streamed by the hub, never held whole): the batch, or the hub's error. */
export async function uploadBatch(
  file: File,
  purpose: string,
  applicationNo: string,
): Promise<{ batch: CheckBatch | null; error: GraphQLError | null }> {
  const query = new URLSearchParams({ purpose, applicationNo });
  const response = await fetch(`/dishonest-checks/batch?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', ...auth() },
    body: file,
  });
  const body = (await response.json().catch(() => ({}))) as { data?: { dishonestCheckBatch: CheckBatch }; errors?: GraphQLError[] };
  if (response.status === 401) window.dispatchEvent(new Event('fuyuantong:unauthenticated'));
  return { batch: body.data?.dishonestCheckBatch ?? null, error: body.errors?.[0] ?? (response.ok ? null : { message: `HTTP ${response.status}` }) };
}

/** Fetches the result CSV with the token and hands it to the browser as a download. */
export async function downloadResult(batch: CheckBatch): Promise<boolean> {
  const response = await fetch(batch.resultUrl, { headers: auth() });
  if (!response.ok) return false;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `失信核查结果-${batch.id.slice(0, 8)}.csv`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
