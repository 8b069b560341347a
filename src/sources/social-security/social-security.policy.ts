import { allow, ASSET, BANKR, caseReaders, EXEC, nobody, rules } from '../../auth/policy-rules';

export const SOCIAL_SECURITY_POLICY = {
  ...rules('Subject', true, {
    phone: [allow('CLERK'), `${EXEC}: whereabouts (seed 000 item 26); the debtor enterprise has none`],
    address: [allow('CLERK'), `${EXEC}: whereabouts (seed 000 item 26); the debtor enterprise has none`],
    socialSecurity: [caseReaders, `${ASSET}: social security (社保)`],
  }),
  ...rules('SocialSecurity', true, {
    registered: [caseReaders, ASSET],
    insuredStatus: [allow('CLERK'), `${EXEC}: whether the respondent is employed`],
    employer: [allow('CLERK'), `${EXEC}: the employer receives the wage garnishment order`],
    contributionBase: [allow('CLERK'), `${EXEC}: the wage a garnishment can reach`],
    insuranceTypes: [allow('CLERK'), `${EXEC}: employment status`],
    medical: [nobody, 'Health data: no execution or bankruptcy purpose'],
    insuredEmployeeCount: [caseReaders, `${ASSET}: size of the workforce (employee claims)`],
    arrearsAmount: [caseReaders, `${ASSET}: unpaid contributions (欠缴) are preferential claims`],
    arrearsSince: [caseReaders, ASSET],
    employees: [allow('ADMINISTRATOR'), `${BANKR}: employees' wage and social-security claims`],
  }),
  ...rules('Employer', true, {
    name: [allow('CLERK'), `${EXEC}: garnishment`],
    idNumber: [allow('CLERK'), `${EXEC}: garnishment`],
  }),
  ...rules('MedicalInsurance', true, {
    plan: [nobody, 'Health data'],
    accountBalance: [nobody, 'Health data'],
    designatedHospital: [nobody, 'Health data'],
  }),
};
