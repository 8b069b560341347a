/**
 * The purposes an agency checks the dishonest-debtor list for, and what the list means for each: the joint
 * punishment memorandum (关于对失信被执行人实施联合惩戒的合作备忘录, 发改财金〔2016〕141号) lists the measures each
 * signatory applies; the SPC's rules on publishing the list (最高人民法院关于公布失信被执行人名单信息的若干规定) name
 * the fields where the partners apply them (政府采购、招标投标、行政审批、政府扶持、融资信贷、市场准入、资质认定).
 * This table is data with reasons, published to auditors and agencies (`checkPurposes`); a change here changes
 * what an agency is told to refuse: review it as such.
 */
export const CHECK_PURPOSES = ['GOVERNMENT_PROCUREMENT', 'BIDDING', 'LAND', 'SUBSIDIES', 'PUBLIC_HIRING', 'LICENCE', 'FINANCING', 'HONOURS'] as const;
export type CheckPurpose = (typeof CHECK_PURPOSES)[number];

export interface CheckRestriction {
  code: string;
  /** The measure, as the memorandum names it. */
  measure: string;
  /** Where it comes from. */
  basis: string;
  /** Why it applies to this purpose. */
  reason: string;
}

export interface PurposeDefinition {
  purpose: CheckPurpose;
  label: string;
  restrictions: CheckRestriction[];
}

const MEMO = '关于对失信被执行人实施联合惩戒的合作备忘录（发改财金〔2016〕141号）';

export const CHECK_PURPOSE_TABLE: Record<CheckPurpose, PurposeDefinition> = {
  GOVERNMENT_PROCUREMENT: {
    purpose: 'GOVERNMENT_PROCUREMENT',
    label: '政府采购',
    restrictions: [
      {
        code: 'PROCUREMENT_EXCLUDED',
        measure: '限制参与政府采购活动',
        basis: `${MEMO}（一）从事特定行业或项目限制；《政府采购法》第二十二条`,
        reason: '供应商须具有良好的商业信誉；列入失信被执行人名单的，采购人应拒绝其参与政府采购活动',
      },
      {
        code: 'PUBLIC_FUNDED_PROJECTS',
        measure: '限制参与政府投资项目或主要使用财政性资金项目',
        basis: `${MEMO}（一）从事特定行业或项目限制`,
        reason: '财政性资金不得流向拒不履行生效法律文书的被执行人',
      },
    ],
  },
  BIDDING: {
    purpose: 'BIDDING',
    label: '招标投标',
    restrictions: [
      {
        code: 'BIDDING_RESTRICTED',
        measure: '限制参与招标投标活动（投标、评标、中标）',
        basis: `${MEMO}（一）从事特定行业或项目限制；关于在招标投标活动中对失信被执行人实施联合惩戒的通知（法〔2016〕285号）`,
        reason: '招标人应在资格审查、评标和中标环节查询，对失信被执行人依法限制其投标或中标',
      },
      {
        code: 'PUBLIC_FUNDED_PROJECTS',
        measure: '限制参与政府投资项目或主要使用财政性资金项目',
        basis: `${MEMO}（一）从事特定行业或项目限制`,
        reason: '财政性资金不得流向拒不履行生效法律文书的被执行人',
      },
    ],
  },
  LAND: {
    purpose: 'LAND',
    label: '国有土地使用权出让及国有资产交易',
    restrictions: [
      {
        code: 'STATE_ASSET_TRADING',
        measure: '限制从事不动产交易、国有资产交易',
        basis: `${MEMO}（六）特殊市场交易限制`,
        reason: '失信被执行人不得通过竞得国有土地使用权、受让国有资产转移财产',
      },
      {
        code: 'NATURAL_RESOURCES',
        measure: '限制使用国有林地、草原及其他国有自然资源',
        basis: `${MEMO}（六）特殊市场交易限制`,
        reason: '国有自然资源的利用是一种授益，不授予拒不履行义务者',
      },
    ],
  },
  SUBSIDIES: {
    purpose: 'SUBSIDIES',
    label: '政府补贴与政策支持',
    restrictions: [
      {
        code: 'SUBSIDY_RESTRICTED',
        measure: '限制获取政府补贴',
        basis: `${MEMO}（二）政府支持或补贴限制`,
        reason: '财政补贴资金不得拨付给拒不履行生效法律文书的被执行人',
      },
      {
        code: 'POLICY_SUPPORT_RESTRICTED',
        measure: '限制获得政策支持',
        basis: `${MEMO}（二）政府支持或补贴限制`,
        reason: '审批、核准、备案中给予的政策性支持作为审慎参考',
      },
    ],
  },
  PUBLIC_HIRING: {
    purpose: 'PUBLIC_HIRING',
    label: '招录（聘）公务员、事业单位人员及国有企业任职',
    restrictions: [
      {
        code: 'CIVIL_SERVANT_HIRING',
        measure: '限制招录（聘）为公务人员',
        basis: `${MEMO}（三）任职资格限制`,
        reason: '失信被执行人不得录用（聘用）为公务员、事业单位工作人员',
      },
      {
        code: 'SOE_EXECUTIVE',
        measure: '限制担任国有企业法定代表人、董事、监事、高级管理人员',
        basis: `${MEMO}（三）任职资格限制`,
        reason: '国有资产的经营管理者须信用良好',
      },
      {
        code: 'PUBLIC_INSTITUTION_HEAD',
        measure: '限制担任事业单位法定代表人',
        basis: `${MEMO}（三）任职资格限制`,
        reason: '事业单位登记时不予登记为法定代表人',
      },
    ],
  },
  LICENCE: {
    purpose: 'LICENCE',
    label: '行政许可与资质认定',
    restrictions: [
      {
        code: 'QUALIFICATION_RESTRICTED',
        measure: '限制房地产、建筑企业资质的审批、升级、增项',
        basis: `${MEMO}（四）准入资格限制`,
        reason: '资质审批时将失信情况作为重要参考，依法限制',
      },
      {
        code: 'REGULATED_TRADES',
        measure: '限制从事药品、食品等行业',
        basis: `${MEMO}（四）准入资格限制`,
        reason: '涉及公共安全的行业准入须审查申请人信用',
      },
    ],
  },
  FINANCING: {
    purpose: 'FINANCING',
    label: '融资授信',
    restrictions: [
      {
        code: 'CREDIT_RESTRICTED',
        measure: '授信限制：作为融资授信的审慎性参考',
        basis: `${MEMO}（五）荣誉和授信限制`,
        reason: '银行业金融机构在融资授信时审慎对待失信被执行人',
      },
      {
        code: 'FINANCIAL_COMPANY',
        measure: '限制设立金融类公司、发行债券',
        basis: `${MEMO}（一）从事特定行业或项目限制`,
        reason: '金融市场准入须信用良好',
      },
    ],
  },
  HONOURS: {
    purpose: 'HONOURS',
    label: '评优评先与荣誉授予',
    restrictions: [
      {
        code: 'HONOURS_RESTRICTED',
        measure: '限制授予文明单位、道德模范、慈善类奖项等荣誉',
        basis: `${MEMO}（五）荣誉和授信限制`,
        reason: '荣誉不授予拒不履行生效法律文书的被执行人',
      },
    ],
  },
};

export const isCheckPurpose = (value: unknown): value is CheckPurpose => (CHECK_PURPOSES as readonly unknown[]).includes(value);
