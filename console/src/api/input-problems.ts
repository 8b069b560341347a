// The API's BAD_USER_INPUT and NOT_FOUND messages are English ("Invalid input.username: a user named x already
// exists"); the console says them in Chinese. A problem with no sentence here still names the field in Chinese.

const FIELDS: Record<string, string> = {
  caseNo: '案号',
  'input.caseNo': '案号',
  'filter.caseNo': '案号',
  username: '用户名',
  'input.username': '用户名',
  'filter.username': '用户名',
  'input.displayName': '姓名',
  'input.role': '角色',
  'input.organisationCode': '所属机构代码',
  code: '机构代码',
  organisationCode: '协助单位代码',
  'input.code': '机构代码',
  'input.name': '名称',
  'input.kind': '类别',
  subjectId: '证件号码',
  'filter.subjectId': '证件号码',
  'input.filedOn': '立案日期',
  'input.amountDue': '执行标的',
  'input.respondents': '被执行人',
  'input.acceptedOn': '受理日期',
  'input.acceptanceRulingNo': '受理裁定书',
  'input.debtor.idNumber': '债务人信用代码',
  'input.debtor.name': '债务人名称',
  firmCode: '管理人机构代码',
  'input.firmCode': '管理人机构代码',
  'input.decisionNo': '指定管理人决定书',
  'input.validFrom': '起始日期',
  'input.validTo': '截止日期',
  fromSeq: '起始序号',
  toSeq: '截止序号',
  'filter.from': '开始时间',
  'filter.to': '结束时间',
  since: '开始时间',
  until: '结束时间',
};

/** 案号, 用户名 …; `input.respondents[1].idNumber` → 第 2 个被执行人的证件号. */
export function fieldLabel(argument: string): string {
  const party = /^input\.respondents\[(\d+)\]\.(idNumber|name)$/.exec(argument);
  if (party) return `第 ${Number(party[1]) + 1} 个被执行人的${party[2] === 'idNumber' ? '证件号' : '名称'}`;
  return FIELDS[argument] ?? argument;
}

const PROBLEMS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/already exists/, () => '已存在'],
  [/is already disabled/, () => '已经停用'],
  [/is already closed/, () => '该案件已经结案'],
  [/is closed/, () => '该案件已结案'],
  [/is already assigned/, () => '该书记员已分配到此案件'],
  [/is not assigned/, () => '该书记员未分配到此案件'],
  [/is not a clerk of the court/, () => '该书记员不属于此案件的法院'],
  [/not a CLERK/, () => '该用户不是执行书记员'],
  [/is disabled/, () => '已停用'],
  [/cannot disable your own/, () => '不能停用自己（或自己所在的机构）'],
  [
    /must belong to a/,
    () => '该角色的用户须属于相应类别的机构（书记员属于法院，管理人属于管理人机构，审计员属于检察院或法院，运维管理员属于运维中心）',
  ],
  [/not an ADMINISTRATOR_FIRM/, () => '该机构不是管理人机构'],
  [/only agencies check/, () => '该机构不是协助单位，不核查失信名单'],
  [/must not be in the future/, () => '不能晚于今天'],
  [/must fall in (\d{4})/, (m) => `须在案号所示的 ${m[1]} 年内`],
  [/must be more than zero/, () => '须大于零'],
  [/must not be before input\.validFrom/, () => '不能早于起始日期'],
  [/must not be before the case was accepted \(([^)]+)\)/, (m) => `不能早于受理日期 ${m[1]}`],
  [/must be a (ruling|decision) of the court of the case/, () => '须为本案法院的文书编号'],
  [/overlap/i, () => '与另一项尚未结束的指定期间重叠'],
  [/must be 18 characters/, () => '须为 18 位'],
  [/must be a unified social credit code/, () => '须为统一社会信用代码（法人）'],
  [/must be a resident ID/, () => '须为居民身份证号（自然人）'],
  [/check (digit|character)|not a valid ID number/i, () => '校验位不正确，请核对证件号码'],
  [/repeats/, () => '与前面的被执行人重复'],
  [/at least one respondent/, () => '至少需要一个被执行人'],
  [/at most (\d+) respondents/, (m) => `最多 ${m[1]} 个被执行人`],
  [/must be at most (\d+) characters/, (m) => `最多 ${m[1]} 个字符`],
  [/must not be empty|must be at least/, () => '不能为空或过短'],
  [/control or invisible characters/, () => '含有不可见字符'],
  [/case number|expected e\.g\./i, () => '格式不正确，应如 (2024)皖1524执123号'],
  [/date|YYYY-MM-DD/i, () => '日期格式不正确，应如 2024-03-01'],
  [/decimal|amount/i, () => '金额格式不正确，应如 52000.00'],
];

/** "「用户名」已存在" */
export function inputProblemText(argument: string | undefined, message: string): string {
  const field = argument ? `「${fieldLabel(argument)}」` : '';
  for (const [pattern, say] of PROBLEMS) {
    const m = pattern.exec(message);
    if (m) return `输入有误：${field}${say(m)}`;
  }
  return `输入有误：${field || '输入的内容'}不符合要求`;
}

const NOT_FOUND: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/No user (\S+)/, (m) => `没有用户 ${m[1]}`],
  [/No organisation with code (\S+)/, (m) => `没有代码为 ${m[1]} 的机构`],
  [/No court with code (\S+)/, (m) => `没有登记代码为 ${m[1]} 的法院`],
  [/No execution case (\S+)/, (m) => `没有执行案件 ${m[1]}`],
  [/No bankruptcy case (\S+)/, (m) => `没有破产案件 ${m[1]}`],
  [/(\S+) has no current appointment in (\S+)/, (m) => `${m[1]} 在 ${m[2]} 中没有有效的指定`],
];

export function notFoundText(message: string): string {
  for (const [pattern, say] of NOT_FOUND) {
    const m = pattern.exec(message);
    if (m) return `未找到：${say(m)}`;
  }
  return '未找到所要的记录';
}
