import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Image, Popconfirm, Progress, Typography, Upload } from 'antd';
import { DeleteOutlined, FileOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { fetchBlob, saveBlob, uploadFile } from '../../../shared/api/transfer';
import { errorMessage, reasonText } from '../../../shared/ui/apiErrors';
import { formatDateTime } from '../../../shared/ui/formatTime';
import { serviceApi } from '../api';
import { ticketKeys } from '../queries';
import type { TicketAttachment } from '../types';

/** What the server keeps per file (AttachmentStore::kMaxBytes); checked here too, to spare the upload. */
const kMaxBytes = 10 * 1024 * 1024;
/** Browsers show these inline; HEIC and PDF are offered for download instead. */
const kShownInline = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];

function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * 附件: the photos of the defect on a ticket. Thumbnails open a full-size preview (the images are
 * fetched with the bearer token and shown through object URLs); other files download. Whoever may
 * write records uploads (several at once, 10 MB each); the uploader or an administrator removes.
 */
export function TicketAttachmentsCard({
  ticketId,
  canWrite,
  userId,
  isAdmin,
  onChanged,
}: {
  ticketId: number;
  canWrite: boolean;
  userId: number | null;
  isAdmin: boolean;
  /** Called after a file was added or removed (the history has a new entry). */
  onChanged?: () => void;
}) {
  const t = useT();
  const query = useQuery({
    queryKey: ticketKeys.attachments(ticketId),
    queryFn: async ({ signal }) => (await serviceApi.attachments(ticketId, signal)).items,
  });
  const files = query.data ?? null;
  const [urls, setUrls] = useState<Record<number, string>>({});
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const urlsRef = useRef<Record<number, string>>({});

  // A failed read shows in the banner, like a failed upload or removal.
  const [dismissed, setDismissed] = useState<unknown>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const error = actionError ?? (query.error && query.error !== dismissed ? errorMessage(t, query.error) : null);
  const setError = (text: string | null) => {
    setActionError(text);
    if (text === null) setDismissed(query.error);
  };
  const load = async () => {
    await query.refetch();
  };

  // Fetch each inline image once; object URLs are revoked when the card goes away.
  useEffect(() => {
    if (!files) return;
    const controller = new AbortController();
    for (const file of files) {
      if (!kShownInline.includes(file.content_type) || urlsRef.current[file.id]) continue;
      fetchBlob(`/tickets/${ticketId}/attachments/${file.id}`, {}, controller.signal)
        .then(({ blob }) => {
          const url = URL.createObjectURL(blob);
          urlsRef.current = { ...urlsRef.current, [file.id]: url };
          setUrls(urlsRef.current);
        })
        .catch(() => undefined);
    }
    return () => controller.abort();
  }, [files, ticketId]);
  useEffect(
    () => () => {
      for (const url of Object.values(urlsRef.current)) URL.revokeObjectURL(url);
    },
    [],
  );

  const fileError = (err: unknown): string => {
    if (err instanceof ApiError && err.status === 413) return reasonText(t, 'too_large');
    if (err instanceof ApiError && Object.keys(err.fields).length) {
      return Object.values(err.fields)
        .map((reason) => reasonText(t, reason))
        .join('；');
    }
    return errorMessage(t, err);
  };

  const upload = async (file: File) => {
    setError(null);
    if (file.size > kMaxBytes) {
      setError(`${file.name}: ${reasonText(t, 'too_large')}`);
      return;
    }
    setProgress({ name: file.name, percent: 0 });
    try {
      await uploadFile(`/tickets/${ticketId}/attachments`, file, {
        query: { file_name: file.name },
        contentType: file.type || 'application/octet-stream',
        onProgress: (sent, total) => setProgress({ name: file.name, percent: Math.round((sent / total) * 100) }),
      });
      await load();
      onChanged?.();
    } catch (err) {
      setError(`${file.name}: ${fileError(err)}`);
    } finally {
      setProgress(null);
    }
  };

  const remove = async (file: TicketAttachment) => {
    setError(null);
    try {
      await serviceApi.removeAttachment(ticketId, file.id);
      const url = urlsRef.current[file.id];
      if (url) URL.revokeObjectURL(url);
      const { [file.id]: _removed, ...rest } = urlsRef.current;
      urlsRef.current = rest;
      setUrls(rest);
      await load();
      onChanged?.();
    } catch (err) {
      setError(errorMessage(t, err));
    }
  };

  const download = async (file: TicketAttachment) => {
    try {
      const { blob } = await fetchBlob(`/tickets/${ticketId}/attachments/${file.id}`);
      saveBlob(blob, file.file_name);
    } catch (err) {
      setError(errorMessage(t, err));
    }
  };

  return (
    <Card
      variant="borderless"
      data-testid="ticket-attachments"
      title={
        <Flex align="center" gap={8}>
          <PaperClipOutlined />
          {t('ticket.files.title')}
          {files && files.length > 0 && <Typography.Text type="secondary">{files.length}</Typography.Text>}
        </Flex>
      }
      extra={
        canWrite && (
          <Upload
            accept="image/*,application/pdf,.heic"
            multiple
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} data-testid="attachment-upload" disabled={progress !== null}>
              {t('ticket.files.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} style={{ marginBottom: 12 }} />}
      {progress && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('ticket.files.uploading', { name: progress.name })}</Typography.Text>
          <Progress percent={progress.percent} size="small" />
        </div>
      )}
      {files === null ? null : files.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ticket.files.empty')} />
      ) : (
        <Image.PreviewGroup>
          <Flex wrap gap={12}>
            {files.map((file) => {
              const removable = canWrite && (isAdmin || file.created_by === userId);
              return (
                <div key={file.id} data-testid="attachment" data-name={file.file_name} style={{ width: 128 }}>
                  {kShownInline.includes(file.content_type) ? (
                    <Image
                      width={128}
                      height={96}
                      src={urls[file.id]}
                      alt={file.file_name}
                      style={{ objectFit: 'cover', borderRadius: 6, background: '#f5f5f5' }}
                    />
                  ) : (
                    <Button
                      style={{ width: 128, height: 96 }}
                      icon={<FileOutlined style={{ fontSize: 28 }} />}
                      onClick={() => void download(file)}
                      aria-label={t('ticket.files.download', { name: file.file_name })}
                    />
                  )}
                  <Flex align="center" justify="space-between" gap={4}>
                    <Typography.Text ellipsis={{ tooltip: file.file_name }} style={{ fontSize: 12, maxWidth: removable ? 100 : 128 }}>
                      {file.file_name}
                    </Typography.Text>
                    {removable && (
                      <Popconfirm title={t('ticket.files.removeConfirm')} onConfirm={() => void remove(file)}>
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('ticket.files.remove', { name: file.file_name })}
                        />
                      </Popconfirm>
                    )}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                    {sizeText(file.size_bytes)} · {formatDateTime(file.created_at)}
                  </Typography.Text>
                </div>
              );
            })}
          </Flex>
        </Image.PreviewGroup>
      )}
    </Card>
  );
}
