import { useRef, useState } from 'react';
import { Alert, App, Button, Input, Modal, Space, Typography, type InputRef } from 'antd';
import { CopyOutlined, LinkOutlined, ReloadOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { serviceApi } from '../api';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';

/** Copies `text`; falls back to the selected input when the Clipboard API is unavailable (plain HTTP). */
async function copyText(text: string, input: InputRef | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    input?.select();
    return document.execCommand('copy');
  }
}

/**
 * 客户查看链接: makes a new link to the customer's own page of the ticket and shows it to copy.
 * The server keeps one link per ticket, so each new one ends the previous.
 */
export function ShareLinkButton({ ticketId, onShared }: { ticketId: number; onShared?: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const input = useRef<InputRef>(null);

  const share = async () => {
    setBusy(true);
    setError(null);
    try {
      const link = await serviceApi.share(ticketId);
      setUrl(`${window.location.origin}${link.url}`);
      onShared?.();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        icon={<LinkOutlined />}
        data-testid="ticket-share"
        onClick={() => {
          setOpen(true);
          setUrl(null);
          void share();
        }}
      >
        {t('ticket.share')}
      </Button>
      <Modal
        open={open}
        title={t('ticket.shareTitle')}
        onCancel={() => setOpen(false)}
        footer={[
          <Button key="again" icon={<ReloadOutlined />} loading={busy} onClick={() => void share()} data-testid="share-again">
            {t('ticket.shareAgain')}
          </Button>,
          <Button key="ok" type="primary" onClick={() => setOpen(false)}>
            {t('common.ok')}
          </Button>,
        ]}
      >
        <Typography.Paragraph>{t('ticket.shareIntro')}</Typography.Paragraph>
        <ErrorAlert error={error} style={{ marginBottom: 12 }} />
        <Space.Compact style={{ width: '100%' }}>
          <Input ref={input} readOnly value={url ?? ''} placeholder="…" data-testid="share-url" onFocus={(e) => e.target.select()} />
          <Button
            type="primary"
            icon={<CopyOutlined />}
            disabled={!url}
            data-testid="share-copy"
            onClick={async () => {
              if (!url) return;
              if (await copyText(url, input.current)) void message.success(t('ticket.shareCopied'));
              else void message.warning(t('ticket.shareCopyFailed'));
            }}
          >
            {t('ticket.shareCopy')}
          </Button>
        </Space.Compact>
        <Alert type="warning" showIcon title={t('ticket.shareNote')} style={{ marginTop: 12 }} />
      </Modal>
    </>
  );
}
