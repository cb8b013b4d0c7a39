import { Alert, Drawer, Flex, Grid, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';

/** The phone the preview is drawn in: the answer page's width and a phone's height. */
const kPhone = { width: 390, height: 760 };

/**
 * 预览: the answer page as owners will see it on their phone (/s/preview/{id}, the saved draft), in a
 * phone's frame; on a phone, the page itself fills the drawer. `unsaved`: the builder has changes the
 * preview does not show yet.
 */
export function PreviewDrawer({ surveyId, unsaved, onClose }: { surveyId: number; unsaved: boolean; onClose: () => void }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const src = `/s/preview/${surveyId}`;
  return (
    <Drawer
      open
      onClose={onClose}
      title={t('preview.title')}
      size={narrow ? '100%' : kPhone.width + 80}
      extra={
        <Typography.Link href={src} target="_blank" rel="noopener" data-testid="preview-open">
          <ExportOutlined /> {t('preview.newWindow')}
        </Typography.Link>
      }
      styles={{ body: { padding: narrow ? 0 : 16, background: narrow ? '#fff' : '#f3f5f9' } }}
      data-testid="preview-drawer"
    >
      <Flex vertical gap={12} align="center">
        <Typography.Text type="secondary" style={{ fontSize: 12, padding: narrow ? '8px 12px 0' : 0 }}>
          {t('preview.hint')}
        </Typography.Text>
        {unsaved && <Alert type="warning" showIcon title={t('preview.unsaved')} style={{ width: '100%' }} />}
        {narrow ? (
          <iframe title={t('preview.title')} src={src} style={{ width: '100%', height: 'calc(100vh - 140px)', border: 0 }} data-testid="preview-frame" />
        ) : (
          <div style={{ padding: 10, background: '#1f2329', borderRadius: 36, boxShadow: '0 8px 24px rgba(0,0,0,0.18)' }}>
            <iframe
              title={t('preview.title')}
              src={src}
              width={kPhone.width}
              height={kPhone.height}
              style={{ display: 'block', border: 0, borderRadius: 28, background: '#fff' }}
              data-testid="preview-frame"
            />
          </div>
        )}
      </Flex>
    </Drawer>
  );
}
