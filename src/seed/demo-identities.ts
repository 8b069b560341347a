import { residentId, uscc, vin } from './chinese';
import { Random } from './random';
import { ROLES, type Role } from '../entities/hub/user.entity';

/** Case numbers of the demo data, used by the README's example queries and the tests. */
export const DEMO = {
  clerkCase: '(2024)皖1524执123号', // two respondents: a person and an enterprise
  clerkCase2: '(2024)皖1524执124号', // one respondent, on the dishonest list
  closedCase: '(2023)皖1524执88号',
  otherCourtCase: '(2024)皖1522执56号', // demo-clerk-2's
  otherCourtCase2: '(2024)皖1522执61号', // demo-clerk-2's, against 华兴建材 too: two courts' measures on the same assets
  bankruptcyCase: '(2024)皖1524破1号',
  expiredBankruptcyCase: '(2022)皖1524破2号',
  /** 霍邱's execution against 宏达茶业 (the debtor of (2024)皖1524破1号), with a seizure of its tea factory through the hub. */
  hongdaCase: '(2024)皖1522执90号',
  /** That seizure's control order, also the request id the property registry holds it under (轮候 behind 六安中院's). */
  hongdaSeizureOrder: '5e1d0b3a-8c2f-4f6e-9a41-2b7c9d3e0f12',
  /** 宏达茶业's tea factory (不动产单元号). */
  hongdaFactory: '341524102003GB00021F00000000',
} as const;

/**
 * The demo user of each role (`demo-clerk`, `demo-auditor`, …): the demo data seeds one per role under this name.
 * Agency users belong to one source's agency, so the AGENCY role's is the property registry's (`demo-agency-property`);
 * the other agencies' are `demo-agency-<source>` beside it.
 */
export const DEMO_USERS = {
  ...(Object.fromEntries(ROLES.map((role) => [role, `demo-${role.toLowerCase()}`])) as Record<Role, string>),
  AGENCY: 'demo-agency-property',
} satisfies Record<Role, string>;

const JINZHAI = '341524';
const HUOQIU = '341522';

/** Deterministic identities of the demo parties. */
export function demoIdentities() {
  const rng = new Random('fuyuantong-demo');
  return {
    zhangWei: { name: '张伟', id: residentId(rng, JINZHAI, new Date(Date.UTC(1982, 4, 17)), 'M') },
    liNa: { name: '李娜', id: residentId(rng, JINZHAI, new Date(Date.UTC(1990, 10, 2)), 'F') },
    wangQiang: { name: '王强', id: residentId(rng, HUOQIU, new Date(Date.UTC(1975, 1, 28)), 'M') },
    chenJing: { name: '陈静', id: residentId(rng, JINZHAI, new Date(Date.UTC(1979, 6, 9)), 'F') },
    zhaoLei: { name: '赵磊', id: residentId(rng, JINZHAI, new Date(Date.UTC(1993, 2, 21)), 'M') },
    zhouMin: { name: '周敏', id: residentId(rng, JINZHAI, new Date(Date.UTC(1988, 8, 30)), 'F') },
    oldCase: { name: '刘洋', id: residentId(rng, JINZHAI, new Date(Date.UTC(1970, 0, 5)), 'M') },
    huaxing: { name: '金寨县华兴建材有限公司', id: uscc(rng, JINZHAI) },
    hongda: { name: '金寨县宏达茶业有限公司', id: uscc(rng, JINZHAI) },
    yongan: { name: '金寨县永安机械制造有限公司', id: uscc(rng, JINZHAI) },
    vins: [vin(rng), vin(rng), vin(rng), vin(rng)],
  };
}

export type DemoIdentities = ReturnType<typeof demoIdentities>;
