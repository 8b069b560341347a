import { regionByCode } from '../../seed/chinese';
import { bankBranches, INTERMEDIATE_COURT } from '../../seed/synthetic-catalogue';
import type { SyntheticChunk } from '../../seed/synthetic-rows';

/** Bank codes (金融机构编码 prefixes) in the order of `bankBranches`: ICBC, ABC, BOC, CCB, PSBC, 徽商, the rural bank. */
const BANK_PREFIXES = ['102', '103', '104', '105', '403', '319', '402'];

const plusYears = (isoDay: string, years: number) => `${Number(isoDay.slice(0, 4)) + years}${isoDay.slice(4)}`.replace(/-02-29$/, '-02-28');

/**
 * Accounts at one to three banks of the holder's county for most persons and every enterprise; open cases' respondents
 * have their largest account frozen by the case's court, sometimes behind another court's freeze (轮候); closed cases
 * left a deduction.
 */
export function generateDeposits(chunk: SyntheticChunk): Record<string, object[]> {
  const rng = chunk.random('accounts');
  const accounts: Array<Record<string, unknown> & { id: string; holderIdNumber: string; balance: string }> = [];
  const open = (holder: { idNumber: string; name: string; regionCode: string }, enterprise: boolean) => {
    const branches = bankBranches(regionByCode(holder.regionCode)!);
    const count = enterprise ? rng.int(1, 3) : rng.chance(0.85) ? rng.int(1, 3) : 0;
    const first = rng.int(0, branches.length - 1);
    for (let i = 0; i < count; i++) {
      const bank = (first + i * 2) % branches.length;
      const time = rng.chance(0.2);
      const balance = (enterprise ? 1000 : 10) * Math.pow(10, rng.next() * 3.5);
      accounts.push({
        id: chunk.uuid(),
        holderIdNumber: holder.idNumber,
        holderName: holder.name,
        bankCode: `${BANK_PREFIXES[bank]}${holder.regionCode}${String(bank + 1).padStart(3, '0')}`,
        bankName: branches[bank],
        accountNo: `${enterprise ? '1' : '62'}${rng.digits(enterprise ? 16 : 17)}`,
        type: time ? 'TIME' : 'DEMAND',
        currency: rng.chance(0.02) ? 'USD' : 'CNY',
        balance: balance.toFixed(2),
        openedOn: chunk.day(-rng.int(30, 20 * 365)),
        status: rng.chance(0.05) ? 'DORMANT' : 'NORMAL',
      });
    }
  };
  for (const p of chunk.persons) open(p, false);
  for (const e of chunk.enterprises) open(e, true);

  const byHolder = new Map<string, typeof accounts>();
  for (const a of accounts) byHolder.set(a.holderIdNumber, [...(byHolder.get(a.holderIdNumber) ?? []), a]);
  const freezes: object[] = [];
  const deductions: object[] = [];
  const cases = chunk.random('seizures');
  for (const c of chunk.executionCases) {
    for (const idNumber of c.respondentIdNumbers) {
      const held = byHolder.get(idNumber);
      if (!held || !cases.chance(0.6)) continue;
      const target = held.reduce((a, b) => (Number(b.balance) > Number(a.balance) ? b : a));
      if (c.closedOn !== null) {
        deductions.push({
          id: chunk.uuid(),
          accountId: target.id,
          court: c.court,
          caseNo: c.caseNo,
          amount: (Number(target.balance) * 0.5).toFixed(2),
          deductedOn: c.closedOn,
        });
        continue;
      }
      const queued = cases.chance(0.25);
      if (queued) {
        const earlier = `(${c.filedOn.slice(0, 4)})皖15执${cases.int(1, 999)}号`;
        freezes.push({
          id: chunk.uuid(),
          accountId: target.id,
          court: INTERMEDIATE_COURT.name,
          caseNo: earlier,
          amount: target.balance,
          rank: 0,
          frozenOn: c.filedOn,
          expiresOn: plusYears(c.filedOn, 1),
          releasedOn: null,
        });
      }
      freezes.push({
        id: chunk.uuid(),
        accountId: target.id,
        court: c.court,
        caseNo: c.caseNo,
        amount: target.balance,
        rank: queued ? 1 : 0,
        frozenOn: c.filedOn,
        expiresOn: plusYears(c.filedOn, 1),
        releasedOn: null,
      });
    }
  }
  return { accounts, freezes, deductions };
}
