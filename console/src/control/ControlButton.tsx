import { Button } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { CONTROL_KIND_TEXT, text } from '../format';
import { useControl, type ControlTarget } from './ControlContext';

function ControlAction({ target }: { target: ControlTarget | null }) {
  const control = useControl();
  if (!control || !target) return null;
  return (
    <Button size="small" className="control-action no-print" onClick={() => control.onControl(target)}>
      {text(CONTROL_KIND_TEXT, target.kind)}
    </Button>
  );
}

/** The 查封/冻结 action on an asset's row, shown only where a clerk can act (an active case of theirs). */
export const ControlButton = {
  column<T>(targetOf: (row: T) => ControlTarget | null): Array<ColumnType<T>> {
    return [{ title: '', className: 'no-print', render: (_: unknown, row: T) => <ControlAction target={targetOf(row)} /> }];
  },
};
