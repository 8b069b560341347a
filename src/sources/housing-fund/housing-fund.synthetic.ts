import type { SyntheticChunk } from '../../seed/synthetic-rows';

const month = (isoDay: string) => isoDay.slice(0, 7);

/**
 * A fund account for employed persons (normal) and some others (sealed), a unit account for every enterprise (with
 * arrears when it is in trouble), and freezes of open cases' respondents' accounts by the case's court.
 */
export function generateHousingFund(chunk: SyntheticChunk): Record<string, object[]> {
  const rng = chunk.random('accounts');
  const enterprises = new Map(chunk.enterprises.map((e) => [e.idNumber, e]));
  const staff = new Map<string, number>();
  const accounts: Array<{ accountNo: string; holderIdNumber: string; balance: string; status: string }> = [];
  for (const p of chunk.persons) {
    const employer = p.employerIdNumber ? enterprises.get(p.employerIdNumber) : undefined;
    if (!employer && !rng.chance(0.3)) continue;
    if (employer) staff.set(employer.idNumber, (staff.get(employer.idNumber) ?? 0) + 1);
    const monthly = employer ? rng.int(400, 4000) : 0;
    accounts.push({
      // Unique by construction: the holder's ID without its check digit, and the kind of account.
      accountNo: `${p.idNumber.slice(0, 17)}01`,
      holderIdNumber: p.idNumber,
      holderName: p.name,
      employerName: employer?.name ?? null,
      employerCreditCode: employer?.idNumber ?? null,
      balance: (monthly * rng.int(6, 120) + rng.int(0, 99) / 100 + (employer ? 0 : rng.int(1000, 60000))).toFixed(2),
      monthlyContribution: monthly.toFixed(2),
      status: employer ? 'NORMAL' : rng.chance(0.9) ? 'SEALED' : 'CLOSED',
      lastContributionMonth: employer ? month(chunk.day(-rng.int(0, 40))) : month(chunk.day(-rng.int(200, 3000))),
      openedOn: chunk.day(-rng.int(365, 20 * 365)),
    } as (typeof accounts)[number]);
  }
  const employers = chunk.enterprises.map((e) => {
    const count = staff.get(e.idNumber) ?? 0;
    const monthly = count * rng.int(800, 3000);
    return {
      accountNo: `${e.idNumber}02`,
      creditCode: e.idNumber,
      name: e.name,
      contributingEmployees: count,
      monthlyContribution: monthly.toFixed(2),
      status: e.troubled && rng.chance(0.5) ? 'SEALED' : 'NORMAL',
      lastContributionMonth: count > 0 ? month(chunk.day(e.troubled ? -rng.int(60, 400) : -rng.int(0, 40))) : null,
      arrearsAmount: (e.troubled ? monthly * rng.int(1, 12) : 0).toFixed(2),
      arrearsSince: e.troubled && monthly > 0 ? chunk.day(-rng.int(60, 400)) : null,
    };
  });

  const byHolder = new Map(accounts.map((a) => [a.holderIdNumber, a]));
  const freezes: object[] = [];
  const cases = chunk.random('freezes');
  for (const c of chunk.executionCases) {
    if (c.closedOn !== null) continue;
    for (const idNumber of c.respondentIdNumbers) {
      const account = byHolder.get(idNumber);
      if (!account || account.status === 'CLOSED' || !cases.chance(0.4)) continue;
      const expires = `${Number(c.filedOn.slice(0, 4)) + 3}${c.filedOn.slice(4)}`.replace(/-02-29$/, '-02-28');
      freezes.push({
        id: chunk.uuid(),
        accountNo: account.accountNo,
        court: c.court,
        caseNo: c.caseNo,
        amount: account.balance,
        rank: 0,
        frozenOn: c.filedOn,
        expiresOn: expires,
        releasedOn: null,
      });
    }
  }
  return { accounts, freezes, employers };
}
