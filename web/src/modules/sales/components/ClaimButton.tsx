import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps } from 'antd';
import { UserSwitchOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { salesApi } from '../api';
import { leadErrorText } from '../errors';
import { leadChanged } from '../queries';
import type { Lead } from '../types';

/**
 * 认领: takes a lead from the shared pool (公客池) for the signed-in consultant. A consultant who
 * was quicker, or the consultant's limit, is said in words.
 */
export function ClaimButton({ lead, onClaimed, ...props }: { lead: Lead; onClaimed?: (lead: Lead) => void } & Omit<ButtonProps, 'onClick' | 'loading'>) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  const claim = async () => {
    setBusy(true);
    try {
      const claimed = await salesApi.claim(lead.id);
      void message.success(t('lead.claimed', { name: claimed.customer_name }));
      leadChanged(queryClient, claimed);
      onClaimed?.(claimed);
    } catch (err) {
      void message.error(leadErrorText(t, err));
      void queryClient.invalidateQueries({ queryKey: ['leads'] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<UserSwitchOutlined />} {...props} loading={busy} onClick={() => void claim()}>
      {t('lead.claim')}
    </Button>
  );
}
