import { useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, InputNumber, Row, Select, Skeleton, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { required } from '../../../shared/ui/formRules';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { useProjectNames } from '../../inventory/queries';
import { salesApi } from '../api';
import { dealKeys, useSalesSettings } from '../queries';
import { salesAccess } from '../access';
import { yuanToFen } from '../labels';
import type { SalesSettings } from '../types';
import { MoneyInput } from '../components/MoneyInput';

type SettingsValues = Pick<SalesSettings, 'call_days' | 'visit_days' | 'follow_up_days' | 'max_active_leads' | 'floor_percent'> & {
  /** 推荐奖励 in yuan as typed; the server keeps fen. */
  referral_reward_yuan: number;
};

const kFields = ['call_days', 'visit_days', 'follow_up_days', 'max_active_leads', 'referral_reward_yuan', 'floor_percent'] as const;

/** The form's values of the rules the server answered. */
const valuesOf = (settings: SalesSettings): SettingsValues => ({
  call_days: settings.call_days,
  visit_days: settings.visit_days,
  follow_up_days: settings.follow_up_days,
  max_active_leads: settings.max_active_leads,
  floor_percent: settings.floor_percent,
  referral_reward_yuan: settings.referral_reward_cents / 100,
});

/**
 * A project's 判客规则: how long each registration protects the consultant's customer, how many they
 * may hold, the 老带新 reward and the floor price (底价) below which a subscription needs approval.
 */
function SettingsForm({ projectId, settings, editable }: { projectId: number; settings: SalesSettings; editable: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SettingsValues>();
  const { saving, error, submit, recover, settle } = useFormSubmit<SettingsValues>(form, kFields, { referral_reward_cents: 'referral_reward_yuan' });

  const save = () =>
    void submit(async ({ referral_reward_yuan, ...values }) => {
      const saved = await salesApi.setSettings(projectId, { ...values, referral_reward_cents: yuanToFen(referral_reward_yuan) }, settings.version);
      queryClient.setQueryData(dealKeys.settings(projectId), saved);
      void message.success(t('settings.saved'));
    });

  const reload = async () => {
    const fresh = await salesApi.settings(projectId);
    queryClient.setQueryData(dealKeys.settings(projectId), fresh);
    form.setFieldsValue(valuesOf(fresh));
  };

  const days = (name: keyof SettingsValues, label: string, hint: string) => (
    <Col xs={24} md={12}>
      <Form.Item name={name} label={label} extra={hint} rules={required(t('settings.required'))}>
        <InputNumber<number> min={1} max={365} precision={0} suffix={t('settings.days')} style={{ width: '100%' }} data-testid={`settings-${name}`} />
      </Form.Item>
    </Col>
  );

  return (
    <>
      <FormErrorAlert error={error} onReload={() => void recover(reload)} />
      <Form<SettingsValues>
        form={form}
        name="sales-settings"
        layout="vertical"
        disabled={!editable}
        requiredMark={editable}
        initialValues={valuesOf(settings)}
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          settle();
        }}
        data-testid="settings-form"
      >
        <Row gutter={16}>
          {days('call_days', t('settings.callDays'), t('settings.callDaysHint'))}
          {days('visit_days', t('settings.visitDays'), t('settings.visitDaysHint'))}
          {days('follow_up_days', t('settings.followUpDays'), t('settings.followUpDaysHint'))}
          <Col xs={24} md={12}>
            <Form.Item name="max_active_leads" label={t('settings.maxActiveLeads')} extra={t('settings.maxActiveLeadsHint')} rules={required(t('settings.required'))}>
              <InputNumber<number> min={1} max={100_000} precision={0} suffix={t('settings.leads')} style={{ width: '100%' }} data-testid="settings-max_active_leads" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="referral_reward_yuan"
              label={t('settings.referralReward')}
              extra={t('settings.referralRewardHint')}
              rules={required(t('settings.required'))}
            >
              <MoneyInput max={1_000_000} data-testid="settings-referral_reward" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="floor_percent"
              label={t('settings.floorPercent')}
              extra={t('settings.floorPercentHint')}
              rules={[...required(t('settings.required')), { type: 'integer', min: 50, max: 100, message: t('settings.floorPercentRange') }]}
            >
              <InputNumber<number> min={50} max={100} precision={0} suffix="%" style={{ width: '100%' }} data-testid="settings-floor_percent" />
            </Form.Item>
          </Col>
        </Row>
        {editable && (
          <Flex justify="flex-end">
            <Button type="primary" loading={saving} onClick={save} data-testid="settings-save">
              {t('common.save')}
            </Button>
          </Flex>
        )}
      </Form>
    </>
  );
}

/**
 * /sales/settings?project_id= — 判客规则 of a project: the days a call, a visit and a follow-up
 * protect the consultant's customer, the most active customers one consultant may hold, the 老带新
 * reward (yuan here, fen on the wire) and the floor price (底价比例). Managers and administrators
 * change them; others see them.
 */
export default function SalesSettingsPage() {
  const t = useT();
  const { me } = useAuth();
  const editable = salesAccess(me).manage;
  const projects = useProjectNames();
  const [params, setParams] = useSearchParams();
  const chosen = Number(params.get('project_id'));
  const projectId = Number.isInteger(chosen) && projects.has(chosen) ? chosen : projects.size ? [...projects.keys()][0] : undefined;
  const settings = useSalesSettings(projectId);

  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} onRefresh={() => void settings.refetch()} />
      <Card variant="borderless" style={{ maxWidth: 880 }}>
        <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
          <Typography.Text strong>{t('lead.project')}</Typography.Text>
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('lead.project')}
            placeholder={t('lead.filterProject')}
            style={{ width: 260, maxWidth: '100%' }}
            value={projectId}
            onChange={(value) => setParams({ project_id: String(value) }, { replace: true })}
            options={[...projects].map(([value, label]) => ({ value, label }))}
            data-testid="settings-project"
          />
        </Flex>
        {!editable && <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} data-testid="settings-read-only" />}
        <ErrorAlert error={settings.error} />
        {projectId === undefined ? (
          <Empty description={t('settings.noProjects')} />
        ) : settings.data ? (
          <SettingsForm key={`${projectId}-${settings.data.version}`} projectId={projectId} settings={settings.data} editable={editable} />
        ) : (
          !settings.error && <Skeleton active paragraph={{ rows: 4 }} />
        )}
      </Card>
    </>
  );
}
