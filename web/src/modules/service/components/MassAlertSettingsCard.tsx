import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, InputNumber, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { serviceApi } from '../api';
import { serviceKeys } from '../queries';
import type { ServiceSettings } from '../types';
import { required } from '../../../shared/ui/formRules';

/** 预警规则 (administrators): "同一楼栋/楼盘、同一大类，N 小时内达到 M 张工单即预警". */
export function MassAlertSettingsCard() {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ServiceSettings>();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: serviceKeys.settings, queryFn: () => serviceApi.settings() });
  const saved = settings.data;
  // The form shows the rule as last read or saved.
  useEffect(() => {
    if (saved) form.setFieldsValue(saved);
  }, [saved, form]);
  useEffect(() => {
    if (settings.error) message.error(errorMessage(t, settings.error));
  }, [settings.error, message, t]);

  const save = useMutation({
    mutationFn: (values: ServiceSettings) => serviceApi.saveSettings(values),
    onSuccess: (next) => {
      queryClient.setQueryData(serviceKeys.settings, next);
      message.success(t('massAlert.settingsSaved'));
    },
    onError: (err) => message.error(errorMessage(t, err)),
  });

  return (
    <Card variant="borderless" size="small" title={t('massAlert.settingsTitle')} style={{ marginBottom: 16 }} data-testid="mass-settings">
      <Form form={form} layout="inline" onFinish={(values) => save.mutate(values)} disabled={!saved}>
        <Flex align="center" gap={8} wrap>
          <Typography.Text>{t('massAlert.rulePrefix')}</Typography.Text>
          <Form.Item name="mass_window_hours" rules={required(t('massAlert.windowRequired'))} style={{ margin: 0 }}>
            <InputNumber min={1} max={8760} precision={0} style={{ width: 90 }} aria-label={t('massAlert.windowHours')} />
          </Form.Item>
          <Typography.Text>{t('massAlert.ruleMiddle')}</Typography.Text>
          <Form.Item name="mass_threshold" rules={required(t('massAlert.thresholdRequired'))} style={{ margin: 0 }}>
            <InputNumber min={2} max={1000} precision={0} style={{ width: 90 }} aria-label={t('massAlert.threshold')} />
          </Form.Item>
          <Typography.Text>{t('massAlert.ruleSuffix')}</Typography.Text>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="mass-settings-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
