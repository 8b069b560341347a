import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  EyeOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  SecurityScanOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  UserSwitchOutlined,
  VerifiedOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { AgencyBankruptcyInbox } from './bankruptcy/AgencyBankruptcyInbox';
import { ClerkReleaseTasks } from './bankruptcy/ClerkReleaseTasks';
import { TransferInbox } from './bankruptcy/TransferInbox';
import { BankruptcyCaseView } from './pages/administrator/BankruptcyCaseView';
import { MyBankruptcyCases } from './pages/administrator/MyBankruptcyCases';
import { Alerts } from './pages/auditor/Alerts';
import { AuditLog } from './pages/auditor/AuditLog';
import { Checkpoints } from './pages/auditor/Checkpoints';
import { Policy } from './pages/auditor/Policy';
import { SubjectHistory } from './pages/auditor/SubjectHistory';
import { Verify } from './pages/auditor/Verify';
import { MyCases } from './pages/clerk/MyCases';
import { ApprovalQueue } from './pages/approver/ApprovalQueue';
import { Inbox } from './pages/agency/Inbox';
import { DishonestChecks } from './checks/DishonestChecks';
import { Inquiry } from './pages/clerk/Inquiry';
import { Appointments } from './pages/operator/Appointments';
import { Assignments } from './pages/operator/Assignments';
import { Cases } from './pages/operator/Cases';
import { Organisations } from './pages/operator/Organisations';
import { Users } from './pages/operator/Users';
import { StatisticsPage } from './supervision/StatisticsPage';
import { SupervisionList } from './supervision/SupervisionList';

export interface PageDefinition {
  /** Path below /console; a page with an argument takes the rest of the path (a case number). */
  path: string;
  /** Menu label; pages without one are reached from another page (an inquiry from the case list). */
  label?: string;
  icon?: ReactNode;
  render: (argument: string) => ReactNode;
  /** An AGENCY page only some agencies have: the sources (`me.source`, e.g. SOCIAL_SECURITY) whose users see it. */
  sources?: string[];
}

/** Each role's pages; the first is its home. Later features add their pages here. */
export const ROLE_PAGES: Record<string, PageDefinition[]> = {
  CLERK: [
    { path: '/cases', label: '我的执行案件', icon: <FolderOpenOutlined />, render: () => <MyCases /> },
    { path: '/inquiry', render: (caseNo) => <Inquiry key={caseNo} caseNo={caseNo} /> },
    { path: '/release-tasks', label: '破产解除任务', icon: <BankOutlined />, render: () => <ClerkReleaseTasks /> },
  ],
  JUDGE: [{ path: '/transfers', label: '执转破移送', icon: <BankOutlined />, render: () => <TransferInbox /> }],
  APPROVER: [{ path: '/approvals', label: '待审批措施', icon: <AuditOutlined />, render: () => <ApprovalQueue /> }],
  AGENCY: [
    { path: '/inbox', label: '协助执行请求', icon: <FileSearchOutlined />, render: () => <Inbox /> },
    { path: '/checks', label: '失信名单核查', icon: <SecurityScanOutlined />, render: () => <DishonestChecks /> },
    // The tax, social-security and credit agencies: claim notices and credit-repair requests, answered by hand.
    {
      path: '/bankruptcy-inbox',
      label: '破产协同事项',
      icon: <BankOutlined />,
      render: () => <AgencyBankruptcyInbox />,
      sources: ['TAX', 'SOCIAL_SECURITY', 'CREDIT'],
    },
  ],
  ADMINISTRATOR: [
    {
      path: '/bankruptcy',
      label: '我的破产案件',
      icon: <BankOutlined />,
      render: (caseNo) => (caseNo ? <BankruptcyCaseView key={caseNo} caseNo={caseNo} /> : <MyBankruptcyCases />),
    },
  ],
  AUDITOR: [
    {
      path: '/audit',
      label: '审计日志',
      icon: <AuditOutlined />,
      // /audit/<case number>: the log filtered by that case (the supervision list links here).
      render: (caseNo) => <AuditLog key={caseNo} initialFilter={caseNo ? { caseNo } : undefined} />,
    },
    { path: '/subject-history', label: '主体访问记录', icon: <IdcardOutlined />, render: () => <SubjectHistory /> },
    { path: '/alerts', label: '审计告警', icon: <AlertOutlined />, render: () => <Alerts /> },
    { path: '/verify', label: '完整性校验', icon: <VerifiedOutlined />, render: () => <Verify /> },
    { path: '/checkpoints', label: '签名检查点', icon: <SafetyCertificateOutlined />, render: () => <Checkpoints /> },
    { path: '/policy', label: '访问策略', icon: <TableOutlined />, render: () => <Policy /> },
    { path: '/supervision', label: '执行监督', icon: <EyeOutlined />, render: () => <SupervisionList /> },
    { path: '/statistics', label: '统计', icon: <BarChartOutlined />, render: () => <StatisticsPage /> },
  ],
  ADMIN: [
    { path: '/organisations', label: '机构', icon: <ApartmentOutlined />, render: () => <Organisations /> },
    { path: '/users', label: '用户', icon: <TeamOutlined />, render: () => <Users /> },
    { path: '/cases', label: '案件', icon: <FileSearchOutlined />, render: () => <Cases /> },
    { path: '/assignments', label: '书记员分配', icon: <UserSwitchOutlined />, render: () => <Assignments /> },
    { path: '/appointments', label: '管理人指定', icon: <SolutionOutlined />, render: () => <Appointments /> },
    { path: '/checkpoints', label: '签名检查点', icon: <SafetyCertificateOutlined />, render: () => <Checkpoints /> },
    { path: '/policy', label: '访问策略', icon: <TableOutlined />, render: () => <Policy /> },
    { path: '/statistics', label: '统计', icon: <BarChartOutlined />, render: () => <StatisticsPage /> },
  ],
};

/** A role's pages the viewer has: those limited to some agencies only for users of those agencies. */
export function pagesFor(role: string, source: string | null): PageDefinition[] {
  return (ROLE_PAGES[role] ?? []).filter((p) => !p.sources || (source !== null && p.sources.includes(source)));
}

/** The page for a path, and the argument after it: /inquiry/(2024)皖1524执123号 → inquiry, "(2024)皖1524执123号". */
export function resolvePage(role: string, path: string, source: string | null = null): { page: PageDefinition; argument: string } {
  const pages = pagesFor(role, source);
  for (const page of pages) {
    if (path === page.path) return { page, argument: '' };
    if (path.startsWith(page.path + '/')) return { page, argument: path.slice(page.path.length + 1) };
  }
  return { page: pages[0], argument: '' };
}
