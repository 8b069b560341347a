import { useCallback, useEffect, useRef, useState } from 'react';
import { graphql, TransportError, type GraphQLError } from './api/graphql';

export interface QueryState<T> {
  loading: boolean;
  data: T | null;
  errors: GraphQLError[];
  /** No answer at all (network), in Chinese. */
  failure: string | null;
  reload: () => void;
}

/** Runs one query when its variables change; keeps the last answer's data and errors together. */
export function useQuery<T = unknown>(query: string, variables: Record<string, unknown> | null): QueryState<T> {
  const [state, setState] = useState<Omit<QueryState<T>, 'reload'>>({ loading: variables !== null, data: null, errors: [], failure: null });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(variables);
  const current = useRef(0);
  useEffect(() => {
    if (variables === null) return;
    const id = ++current.current;
    setState((s) => ({ ...s, loading: true, failure: null }));
    graphql<T>(query, variables)
      .then((r) => id === current.current && setState({ loading: false, data: r.data, errors: r.errors, failure: null }))
      .catch(
        (e) =>
          id === current.current &&
          setState({ loading: false, data: null, errors: [], failure: e instanceof TransportError ? e.message : '请求失败，请重试。' }),
      );
    // `key` stands for `variables`: a new object with the same content must not run the query again.
  }, [query, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
