import { Button, Card, Flex, Progress, Spin, Typography } from 'antd';
import { CloudUploadOutlined, LoadingOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import type { ImportRunState } from '../useImportRun';
import { formatBytes, formatCount } from '../importLabels';

/**
 * A run under way: the upload (bytes sent), then the server's work (rows done of rows in the file,
 * or a spinner while a synchronous server gives no count).
 */
export function ImportProgress({
  state,
  mode,
  fileName,
  onCancel,
}: {
  state: ImportRunState;
  mode: 'check' | 'import';
  fileName: string;
  onCancel?: () => void;
}) {
  const t = useT();
  if (state.phase !== 'uploading' && state.phase !== 'processing') return null;
  const uploading = state.phase === 'uploading';
  const percent = uploading
    ? state.total > 0
      ? Math.floor((state.sent / state.total) * 100)
      : 0
    : state.rowsTotal
      ? Math.min(100, Math.floor((state.rowsDone / state.rowsTotal) * 100))
      : 0;

  let detail: string;
  if (uploading) detail = t('import.progress.uploaded', { sent: formatBytes(state.sent), total: formatBytes(state.total) });
  else if (state.rowsTotal) {
    detail = t(mode === 'check' ? 'import.progress.checkedRows' : 'import.progress.importedRows', {
      done: formatCount(state.rowsDone),
      total: formatCount(state.rowsTotal),
    });
  } else detail = t(mode === 'check' ? 'import.progress.checkWait' : 'import.progress.importWait');

  return (
    <Card data-testid={`import-progress-${mode}`}>
      <Flex vertical align="center" gap={12} style={{ padding: '24px 0' }}>
        {uploading ? (
          <CloudUploadOutlined style={{ fontSize: 40, color: '#1f4fd1' }} />
        ) : (
          <Spin indicator={<LoadingOutlined style={{ fontSize: 40 }} spin />} />
        )}
        <Typography.Title level={5} style={{ margin: 0 }}>
          {uploading
            ? t('import.progress.uploading', { file: fileName })
            : t(mode === 'check' ? 'import.progress.checking' : 'import.progress.importing')}
        </Typography.Title>
        {/* A synchronous server tells nothing until it answers: the spinner alone says "working". */}
        {(uploading || !!state.rowsTotal) && (
          <Progress percent={percent} status="active" style={{ width: 480, maxWidth: '100%', margin: 0 }} data-testid="import-progress-bar" />
        )}
        <Typography.Text type="secondary" data-testid="import-progress-detail">
          {detail}
        </Typography.Text>
        {onCancel && (
          <Button onClick={onCancel} style={{ marginTop: 8 }}>
            {t('common.cancel')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
