import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { Link } from '../router';

/** Above a case's inquiry: back to the case list, ask the agencies again, print the result for the case file. */
export function CaseToolbar({
  back,
  backText,
  reload,
  loading,
  printable,
}: {
  back: string;
  backText: string;
  reload: () => void;
  loading: boolean;
  printable: boolean;
}) {
  return (
    <Space className="toolbar no-print">
      <Link to={back}>← {backText}</Link>
      <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
        重新查询
      </Button>
      <Button icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!printable}>
        打印查询结果
      </Button>
    </Space>
  );
}
