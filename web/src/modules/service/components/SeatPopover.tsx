import { useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Input, Popover, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { kExtensionPattern, telephonyApi, telephonyKeys } from '../telephony';
import type { SeatButtonProps } from './SeatButton';

/**
 * The seat button's popover (loaded on its first click, SeatButton.tsx): takes an extension
 * (Enter saves) or leaves the seat.
 */
export default function SeatPopover({ extension, compact, button }: { extension: string | null; compact?: boolean; button: (props: SeatButtonProps) => ReactNode }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(true);
  const [typed, setTyped] = useState(extension ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const take = useMutation({
    mutationFn: (value: string) => telephonyApi.takeSeat(value),
    onSuccess: (answer) => {
      queryClient.setQueryData(telephonyKeys.seat, answer);
      void message.success(t('seat.saved', { extension: answer.extension ?? '' }));
      setOpen(false);
    },
    onError: (err) =>
      setProblem(err instanceof ApiError && err.fields.extension ? t('seat.invalid') : errorMessage(t, err)),
  });
  const leave = useMutation({
    mutationFn: () => telephonyApi.leaveSeat(),
    onSuccess: () => {
      queryClient.setQueryData(telephonyKeys.seat, { extension: null });
      void message.success(t('seat.left'));
      setOpen(false);
    },
    onError: (err) => setProblem(errorMessage(t, err)),
  });

  const save = () => {
    const value = typed.trim();
    if (!kExtensionPattern.test(value)) {
      setProblem(t('seat.invalid'));
      return;
    }
    setProblem(null);
    take.mutate(value);
  };

  const form = (
    <div style={{ width: 240, maxWidth: 'calc(100vw - 48px)' }} data-testid="seat-form">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('seat.hint')}
      </Typography.Paragraph>
      <Flex gap={8}>
        <Input
          autoFocus
          value={typed}
          maxLength={16}
          inputMode="numeric"
          placeholder={t('seat.placeholder')}
          aria-label={t('seat.title')}
          status={problem ? 'error' : undefined}
          onChange={(event) => {
            setTyped(event.target.value);
            setProblem(null);
          }}
          onPressEnter={save}
          data-testid="seat-extension"
        />
        <Button type="primary" loading={take.isPending} onClick={save} data-testid="seat-save">
          {t('seat.save')}
        </Button>
      </Flex>
      {problem && (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12, marginTop: 4 }} data-testid="seat-problem">
          {problem}
        </Typography.Text>
      )}
      {extension && (
        <Button block style={{ marginTop: 12 }} loading={leave.isPending} onClick={() => leave.mutate()} data-testid="seat-leave">
          {t('seat.leave')}
        </Button>
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={t('seat.title')}
      content={form}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setTyped(extension ?? '');
          setProblem(null);
        }
      }}
      destroyOnHidden
    >
      {button({ extension, compact })}
    </Popover>
  );
}
