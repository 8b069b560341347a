import { ASSET, caseReaders, rules } from '../../auth/policy-rules';

export const PROPERTY_POLICY = {
  ...rules('Subject', true, {
    realEstate: [caseReaders, `${ASSET}: land and buildings (土地、房产)`],
  }),
  ...rules('RealEstate', true, {
    certificateNo: [caseReaders, ASSET],
    unitCode: [caseReaders, ASSET],
    location: [caseReaders, ASSET],
    use: [caseReaders, ASSET],
    area: [caseReaders, ASSET],
    registeredOn: [caseReaders, ASSET],
    referenceValue: [caseReaders, `${ASSET}: the reference value (参考价) weighs a seizure against the amount due`],
    referenceValueOn: [caseReaders, ASSET],
    referenceValueBasis: [caseReaders, ASSET],
    encumbrances: [caseReaders, `${ASSET}: mortgages and seizures decide what can still be seized`],
  }),
};
