import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Tooltip } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { deliveryApi } from '../api';
import { tasksMade } from '../queries';

/**
 * 立即生成任务 (a manager's): makes now the journey tasks that fall due from a quarter back to 14 days
 * ahead, as the nightly job does; each is made once, so pressing it again adds only what is new.
 */
export function MakeTasksButton() {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    try {
      const made = await deliveryApi.makeTasks();
      tasksMade(queryClient);
      void message.success(t('task.made', { created: made.created, homes: made.homes, from: made.from, through: made.through }));
    } catch (err) {
      void message.error(errorMessage(t, err));
    } finally {
      setRunning(false);
    }
  };
  return (
    <Tooltip title={t('task.makeHint')}>
      <Button icon={<ThunderboltOutlined />} loading={running} onClick={() => void run()} data-testid="make-tasks">
        {t('task.make')}
      </Button>
    </Tooltip>
  );
}
