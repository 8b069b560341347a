import { ASSET, caseReaders, rules } from '../../auth/policy-rules';

export const VEHICLE_POLICY = {
  ...rules('Subject', true, {
    vehicles: [caseReaders, `${ASSET}: vehicles (车辆)`],
  }),
  ...rules('Vehicle', true, {
    plate: [caseReaders, ASSET],
    vin: [caseReaders, ASSET],
    make: [caseReaders, ASSET],
    model: [caseReaders, ASSET],
    registeredOn: [caseReaders, ASSET],
    status: [caseReaders, ASSET],
    referenceValue: [caseReaders, `${ASSET}: the reference value (参考价) weighs a seizure against the amount due`],
    referenceValueOn: [caseReaders, ASSET],
    referenceValueBasis: [caseReaders, ASSET],
    encumbrances: [caseReaders, ASSET],
  }),
};
