import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Flex, Modal, Radio, Skeleton, Typography, type ButtonProps } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { usePresets } from '../queries';
import { presetLabel } from '../labels';

/**
 * 新建模型: from blank (one segment, its rule to write) or from a preset (万科五类客户 with its published
 * shares and sub-classes, 帕尔迪十一类), each said in a line; then the rule editor, where nothing is
 * saved until 创建模型.
 */
export function NewModelModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const presets = usePresets();
  const [from, setFrom] = useState('blank');

  const option = (value: string, title: string, hint: string, detail?: string) => (
    <div data-testid={`new-from-${value}`}>
      <Radio value={value} style={{ alignItems: 'flex-start', width: '100%', padding: '10px 12px', border: '1px solid #eef0f4', borderRadius: 8 }}>
        <Typography.Text strong>{title}</Typography.Text>
        {detail && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {detail}
          </Typography.Text>
        )}
        <Typography.Paragraph type="secondary" style={{ margin: '2px 0 0', fontSize: 12 }} ellipsis={{ rows: 3 }}>
          {hint}
        </Typography.Paragraph>
      </Radio>
    </div>
  );

  return (
    <Modal
      open
      title={t('segment.newTitle')}
      okText={t('segment.newNext')}
      cancelText={t('common.cancel')}
      onOk={() => navigate(`/segments/new?from=${from}`)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'new-model-next' } as ButtonProps}
      width={560}
    >
      <ErrorAlert error={presets.error} />
      <Radio.Group value={from} onChange={(event) => setFrom(event.target.value as string)} style={{ width: '100%' }}>
        <Flex vertical gap={8}>
          {option('blank', t('segment.fromBlank'), t('segment.fromBlankHint'))}
          {presets.data
            ? presets.data.map((preset) => {
                const subs = preset.segments.reduce((sum, s) => sum + s.subs.length, 0);
                const published = preset.segments.some((s) => s.published_share !== null);
                const detail = [
                  t('segment.segmentCount', { count: preset.segments.length }),
                  subs > 0 ? t('segment.subCount', { count: subs }) : '',
                  published ? t('segment.withPublished') : '',
                ]
                  .filter(Boolean)
                  .join(' · ');
                return <div key={preset.code}>{option(preset.code, presetLabel(t, preset.code) || preset.name, preset.description, detail)}</div>;
              })
            : !presets.error && <Skeleton active paragraph={{ rows: 3 }} />}
        </Flex>
      </Radio.Group>
    </Modal>
  );
}
