import type { GraphQLError } from '../api/graphql';

/** The hub's refusals of a check as sentences. */
export function checkErrorText(error: GraphQLError | undefined): string {
  if (!error) return '核查失败，请稍后重试';
  const ext = error.extensions ?? {};
  if (ext.reason === 'PURPOSE_NOT_DECLARED') return '本单位未申报该核查用途，不能为此用途核查（已记录并告警）';
  if (ext.reason === 'RATE_LIMITED') return `核查过于频繁，请 ${ext.retryAfterSeconds ?? 60} 秒后重试`;
  if (ext.reason === 'TOO_MANY_LINES') return '文件超过 100,000 行，请拆分后上传';
  if (ext.reason === 'EMPTY_FILE') return '文件中没有证件号码';
  if (ext.reason === 'NOTHING_TO_INTERCEPT') return '该主体本次核查未命中，不能报告为拦截';
  if (ext.reason === 'NOT_A_HIT') return '该主体不是本次核查命中的主体';
  if (ext.reason === 'SUBJECT_REQUIRED') return '请指明处理结果所对应的主体';
  if (ext.code === 'CONFLICT') return '该主体已报告处理结果';
  if (ext.code === 'SOURCE_UNAVAILABLE') return '信用信息系统暂时未响应，请稍后重试';
  if (ext.code === 'BAD_USER_INPUT' && ext.argument) return `${argumentLabel(ext.argument)}有误：${error.message.replace(/^Invalid [^:]+: /, '')}`;
  if (ext.code === 'FORBIDDEN') return '您无权进行失信名单核查';
  return error.message;
}

function argumentLabel(argument: string): string {
  const subject = /^input\.subjects\[(\d+)\]$/.exec(argument);
  if (subject) return `第 ${Number(subject[1]) + 1} 个证件号码`;
  if (argument === 'input.subjects') return '证件号码';
  if (/applicationNo/.test(argument)) return '申请编号';
  if (/purpose/.test(argument)) return '核查用途';
  if (argument === 'reason') return '处理说明';
  if (argument === 'subjectId') return '主体证件号码';
  return argument;
}
