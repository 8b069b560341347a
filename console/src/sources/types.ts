/** What the console reads of a subject's agency records, as in src/schema/schema.graphql (every field nullable). */

export type Maybe<T> = T | null | undefined;

/** 参考价 on real estate, vehicles and equity. */
export interface ReferenceValued {
  referenceValue: Maybe<string>;
  referenceValueOn: Maybe<string>;
  referenceValueBasis: Maybe<string>;
}

/** A freeze of a bank account, a fund account or equity: rank 0 is the effective freeze (首封), n ≥ 1 is 轮候 n. */
export interface Freeze {
  court: Maybe<string>;
  caseNo: Maybe<string>;
  amount?: Maybe<string>;
  rank: Maybe<number>;
  frozenOn: Maybe<string>;
  expiresOn: Maybe<string>;
  releasedOn: Maybe<string>;
}

export interface DepositDeduction {
  court: Maybe<string>;
  caseNo: Maybe<string>;
  amount: Maybe<string>;
  deductedOn: Maybe<string>;
}

export interface DepositAccount {
  bankCode: Maybe<string>;
  bankName: Maybe<string>;
  accountNo: Maybe<string>;
  type: Maybe<string>;
  currency: Maybe<string>;
  balance: Maybe<string>;
  openedOn: Maybe<string>;
  status: Maybe<string>;
  freezes: Maybe<Freeze[]>;
  deductions: Maybe<DepositDeduction[]>;
}

export interface HousingFund {
  registered: Maybe<boolean>;
  accountNo: Maybe<string>;
  status: Maybe<string>;
  monthlyContribution: Maybe<string>;
  lastContributionMonth: Maybe<string>;
  employer: Maybe<{ name: Maybe<string>; creditCode: Maybe<string> }>;
  balance: Maybe<string>;
  freezes: Maybe<Freeze[]>;
  contributingEmployees: Maybe<number>;
  arrearsAmount: Maybe<string>;
  arrearsSince: Maybe<string>;
}

export interface LinkedPerson {
  name: Maybe<string>;
  idNumber: Maybe<string>;
  phone: Maybe<string>;
  address: Maybe<string>;
}

export interface MarketRegistration {
  name: Maybe<string>;
  status: Maybe<string>;
  registeredAddress: Maybe<string>;
  legalRepresentative: Maybe<LinkedPerson>;
  registeredCapital: Maybe<string>;
  establishedOn: Maybe<string>;
  businessScope: Maybe<string>;
  registrationAuthority: Maybe<string>;
}

export interface Shareholding extends ReferenceValued {
  targetName: Maybe<string>;
  targetCreditCode: Maybe<string>;
  sharePercent: Maybe<string>;
  subscribedCapital: Maybe<string>;
  freezes: Maybe<Freeze[]>;
}
