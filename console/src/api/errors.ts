import { sourceByName } from '../sources/registry';
import type { GraphQLError } from './graphql';
import { inputProblemText, notFoundText } from './input-problems';

const STATE_TEXT: Record<string, string> = {
  TIMEOUT: '超时',
  ERROR: '无法连接',
  OPEN: '连续失败，暂停查询',
};

/** "不动产登记中心未响应（超时）": which agency did not answer, and how. */
export function sourceUnavailableText(source: string | undefined, state: string | undefined): string {
  const agency = sourceByName(source)?.agency ?? '有关部门';
  return `${agency}未响应（${STATE_TEXT[String(state).toUpperCase()] ?? '无法连接'}）`;
}

/** An API error as a sentence a clerk understands. `subject` says what the refusal is about (default: the case). */
export function errorText(error: GraphQLError | undefined, subject = '该案件'): string {
  if (!error) return '';
  const ext = error.extensions ?? {};
  switch (ext.code) {
    case 'UNAUTHENTICATED':
      return '登录已失效，请重新登录。';
    case 'FORBIDDEN':
      if (ext.reason === 'RATE_LIMITED') return `查询过于频繁，已达每分钟查询上限，请在 ${ext.retryAfterSeconds ?? 60} 秒后重试。`;
      return `您无权查看${subject}`;
    case 'BAD_USER_INPUT':
      return inputProblemText(ext.argument, error.message);
    case 'NOT_FOUND':
      return notFoundText(error.message);
    case 'SOURCE_UNAVAILABLE':
      return sourceUnavailableText(ext.source, ext.state);
    case 'QUERY_TOO_COMPLEX':
      return '查询内容过多，请缩小范围后重试。';
    case 'GRAPHQL_VALIDATION_FAILED':
      return '请求格式有误，请刷新页面后重试。';
    default:
      return '服务内部错误，请稍后重试；如持续出现请联系运维中心。';
  }
}

/** Errors exactly at `path` (indices included). */
export function errorAt(errors: GraphQLError[], path: Array<string | number>): GraphQLError | undefined {
  return errors.find((e) => e.path && e.path.length === path.length && e.path.every((p, i) => p === path[i]));
}
