import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createRoot } from 'react-dom/client';

// Self-hosted GraphiQL: same origin as /graphql, every asset bundled. The token is taken from the console's
// sign-in (same tab) or pasted into the headers pane.
const token = sessionStorage.getItem('fuyuantong.token');
const fetcher = async (params: unknown, options?: { headers?: Record<string, string> }) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(options?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return response.json();
};

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL
    fetcher={fetcher as never}
    defaultHeaders={token ? undefined : JSON.stringify({ authorization: 'Bearer <令牌：npm run token -- demo-clerk>' }, null, 2)}
    defaultQuery={'# 府院通 GraphQL\n{ me { username displayName role organisation { name } } }\n'}
  />,
);
