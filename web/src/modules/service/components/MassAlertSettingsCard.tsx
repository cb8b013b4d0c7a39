import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { serviceApi } from '../api';
import type { ServiceSettings } from '../types';

/** 预警规则 (administrators): "同一楼栋/楼盘、同一大类，N 小时内达到 M 张工单即预警". */
export function MassAlertSettingsCard() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ServiceSettings>();
  const [saved, setSaved] = useState<ServiceSettings | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let current = true;
    serviceApi.settings().then(
      (settings) => {
        if (!current) return;
        setSaved(settings);
        form.setFieldsValue(settings);
      },
      (err) => current && message.error(errorMessage(t, err)),
    );
    return () => {
      current = false;
    };
  }, [form, message, t]);

  const save = async (values: ServiceSettings) => {
    setSaving(true);
    try {
      const settings = await serviceApi.saveSettings(values);
      setSaved(settings);
      form.setFieldsValue(settings);
      message.success(t('massAlert.settingsSaved'));
    } catch (err) {
      message.error(errorMessage(t, err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card variant="borderless" size="small" title={t('massAlert.settingsTitle')} style={{ marginBottom: 16 }} data-testid="mass-settings">
      <Form form={form} layout="inline" onFinish={(values) => void save(values)} disabled={!saved}>
        <Flex align="center" gap={8} wrap>
          <Typography.Text>{t('massAlert.rulePrefix')}</Typography.Text>
          <Form.Item name="mass_window_hours" rules={[{ required: true, message: t('massAlert.windowRequired') }]} style={{ margin: 0 }}>
            <InputNumber min={1} max={8760} precision={0} style={{ width: 90 }} aria-label={t('massAlert.windowHours')} />
          </Form.Item>
          <Typography.Text>{t('massAlert.ruleMiddle')}</Typography.Text>
          <Form.Item name="mass_threshold" rules={[{ required: true, message: t('massAlert.thresholdRequired') }]} style={{ margin: 0 }}>
            <InputNumber min={2} max={1000} precision={0} style={{ width: 90 }} aria-label={t('massAlert.threshold')} />
          </Form.Item>
          <Typography.Text>{t('massAlert.ruleSuffix')}</Typography.Text>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} data-testid="mass-settings-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
