import { currentToken } from '../auth/session';

export interface GraphQLError {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; source?: string; state?: string; argument?: string; reason?: string; retryAfterSeconds?: number; field?: string };
}

export interface GraphQLResult<T> {
  data: T | null;
  errors: GraphQLError[];
}

/** Thrown when there is no answer at all (network down, HTTP error without a GraphQL body). */
export class TransportError extends Error {}

/** POSTs one operation to the hub's public API with the signed-in user's token; nothing else is ever called. */
export async function graphql<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> {
  const token = currentToken();
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new TransportError('无法连接府院通服务，请检查网络后重试。');
  }
  let body: { data?: T | null; errors?: GraphQLError[] };
  try {
    body = await response.json();
  } catch {
    throw new TransportError(`府院通服务返回了无法识别的应答（HTTP ${response.status}）。`);
  }
  const errors = body.errors ?? [];
  if (errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) window.dispatchEvent(new Event('fuyuantong:unauthenticated'));
  return { data: body.data ?? null, errors };
}
