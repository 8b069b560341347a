// The clerk inquiry the benchmark sends and the integration tests check: one execution case with its respondents
// read across every source.

/** What a clerk typically asks about a respondent: identity plus every source. */
const RESPONDENT_FIELDS = `
  id kind name idNumber phone address
  realEstate { certificateNo location area referenceValue referenceValueOn referenceValueBasis encumbrances { kind holder caseNo amount } }
  vehicles { plate vin status referenceValue referenceValueBasis encumbrances { kind holder caseNo } }
  tax { registered creditGrade arrears { taxType amount } refundsDue { kind amount status } totalArrears legalRepresentative { name idNumber } }
  socialSecurity { registered insuredStatus employer { name idNumber } contributionBase insuredEmployeeCount arrearsAmount }
  credit { dishonest dishonestEntries { caseNo } consumptionRestrictions { caseNo } administrativePenalties { decisionNo } }
  deposits { bankCode bankName accountNo type currency balance status freezes { court caseNo amount rank releasedOn } deductions { court amount deductedOn } }
  housingFund { registered accountNo status balance monthlyContribution lastContributionMonth employer { name creditCode } freezes { court rank } contributingEmployees arrearsAmount }
  marketRegistration { status registeredAddress registeredCapital legalRepresentative { name idNumber } }
  shareholdings { targetName targetCreditCode sharePercent subscribedCapital referenceValue referenceValueBasis referenceValueOn freezes { court caseNo rank releasedOn } }
  sourceStatus { source state latencyMs }`;

/** The case's own fields, asked by every question below. */
const CASE_FIELDS = 'caseNo status amountDue court { code name }';

const caseQuery = (beneath: string) => `query Inquiry($caseNo: String!) { executionCase(caseNo: $caseNo) { ${CASE_FIELDS}${beneath} } }`;

export const INQUIRY_QUERY = caseQuery(` respondents { ${RESPONDENT_FIELDS} }`);

/**
 * Smaller questions about the same case, to split the inquiry's cost (`npm run bench:cpu -- --query case|identity`):
 * the case alone (what any request costs: the token, the pipeline, the case binding; no subject is read, so no audit
 * entry is written), and the case with its respondents' identities (the hub database, the social-security source
 * their phone and address come from, and an audit entry per respondent).
 */
export const PART_QUERIES = {
  case: caseQuery(''),
  identity: caseQuery(' respondents { id kind name idNumber phone address }'),
} as const;

/** The question `bench:cpu --query` names: the whole inquiry, or one of `PART_QUERIES`. */
export type InquiryShape = 'full' | keyof typeof PART_QUERIES;

export const inquiryQuery = (shape: InquiryShape): string => (shape === 'full' ? INQUIRY_QUERY : PART_QUERIES[shape]);
