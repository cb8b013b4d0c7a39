import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Skeleton, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { ErrorAlert } from '../../../shared/ui/ErrorAlert';
import { FormErrorAlert } from '../../../shared/ui/FormErrorAlert';
import { StackedTable } from '../../../shared/ui/StackedTable';
import { clearChangedFieldErrors } from '../../../shared/ui/apiErrors';
import { required, requiredText } from '../../../shared/ui/formRules';
import { useFormSubmit } from '../../../shared/hooks/useFormSubmit';
import { clubApi } from '../api';
import { settingsChanged, useClubSettings } from '../queries';
import { clubAccess } from '../access';
import { formatPoints } from '../labels';
import type { ClubSettings, ClubSettingsBody, ClubTier } from '../types';
import { TierTag } from '../components/Tags';

type Values = ClubSettingsBody;

const kFields = ['purchase_points', 'referral_points', 'survey_points', 'expiry_days', 'tiers'] as const;
const kEarnings = ['purchase_points', 'referral_points', 'survey_points'] as const;
const kMaxTiers = 10;

/** Points typed with thousands grouped once typed ("20,000"); commas typed or pasted are ignored. */
const groupedInput = {
  formatter: (value: string | number | undefined) => (value === undefined || value === '' ? '' : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')),
  parser: (text: string | undefined) => Number((text ?? '').replace(/[,\s]/g, '')),
};

const valuesOf = (settings: ClubSettings): Values => ({
  purchase_points: settings.purchase_points,
  referral_points: settings.referral_points,
  survey_points: settings.survey_points,
  expiry_days: settings.expiry_days,
  tiers: settings.tiers.map((tier) => ({ ...tier, benefits: tier.benefits ?? '' })),
});

/** A server field of a tier ("tiers[1].min_points_12m") on the form's list; the others as they are. */
const resolveField = (field: string) => {
  const match = /^tiers\[(\d+)\]\.(\w+)$/.exec(field);
  if (match) return ['tiers', Number(match[1]), match[2]];
  const row = /^tiers\[(\d+)\]$/.exec(field);
  if (row) return ['tiers', Number(row[1]), 'name'];
  return field;
};

/** The rules as people read them: each earning, the expiry, and the tiers (names, thresholds, benefits; never their codes). */
function SettingsView({ settings }: { settings: ClubSettings }) {
  const t = useT();
  return (
    <Flex vertical gap={16} data-testid="club-settings-view">
      <Card variant="borderless" title={t('clubSettings.earningTitle')}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(130px, 1fr))', gap: 16 }}>
          {kEarnings.map((key) => (
            <div key={key} data-testid={`club-settings-${key}`}>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t(`clubSettings.${key}`)}
              </Typography.Text>
              <Typography.Text strong style={{ fontSize: 18 }}>
                {t('club.points', { points: formatPoints(settings[key]) })}
              </Typography.Text>
            </div>
          ))}
          <div data-testid="club-settings-expiry_days">
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('clubSettings.expiry_days')}
            </Typography.Text>
            <Typography.Text strong style={{ fontSize: 18 }}>
              {t('clubSettings.days', { days: formatPoints(settings.expiry_days) })}
            </Typography.Text>
          </div>
        </div>
      </Card>
      <Card variant="borderless" title={t('clubSettings.tiersTitle')} extra={<Typography.Text type="secondary">{t('clubSettings.tiersCount', { count: settings.tiers.length })}</Typography.Text>}>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('clubSettings.tiersHint')}
        </Typography.Paragraph>
        <StackedTable<ClubTier>
          rows={settings.tiers}
          rowKey={(tier) => tier.code}
          testId="club-tiers"
          columns={[
            { title: t('clubSettings.tierName'), key: 'name', width: 110, render: (_, tier) => <TierTag code={tier.code} name={tier.name} /> },
            { title: t('clubSettings.tierMin'), key: 'min', width: 170, align: 'right', render: (_, tier) => t('club.points', { points: formatPoints(tier.min_points_12m) }) },
            { title: t('clubSettings.tierBenefits'), key: 'benefits', render: (_, tier) => tier.benefits || '—' },
          ]}
        />
      </Card>
    </Flex>
  );
}

/** The rules as a form for the group's managers: every field at once (If-Match the version), the server's faults on their fields. */
function SettingsForm({ settings }: { settings: ClubSettings }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const { saving, error, submit, recover, settle } = useFormSubmit<Values>(form, kFields, resolveField);

  const save = () =>
    void submit(async (values) => {
      const body: Values = { ...values, tiers: values.tiers.map((tier) => ({ ...tier, code: tier.code.trim(), name: tier.name.trim(), benefits: tier.benefits?.trim() ?? '' })) };
      const saved = await clubApi.setSettings(body, settings.version);
      settingsChanged(queryClient, saved);
      void message.success(t('clubSettings.saved'));
    });

  const reload = async () => {
    const fresh = await clubApi.settings();
    settingsChanged(queryClient, fresh);
    form.setFieldsValue(valuesOf(fresh));
  };

  const points = { min: 0, max: 1_000_000, precision: 0, style: { width: '100%' }, ...groupedInput } as const;
  return (
    <>
      <FormErrorAlert error={error} onReload={() => void recover(reload)} />
      <Form<Values>
        form={form}
        name="club-settings"
        layout="vertical"
        requiredMark={false}
        initialValues={valuesOf(settings)}
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          settle();
        }}
        data-testid="club-settings-form"
      >
        <Flex vertical gap={16}>
          <Card variant="borderless" title={t('clubSettings.earningTitle')}>
            <Row gutter={16}>
              {kEarnings.map((key) => (
                <Col key={key} xs={24} sm={12} lg={6}>
                  <Form.Item name={key} label={t(`clubSettings.${key}`)} rules={required(t('clubSettings.required'))}>
                    <InputNumber<number> {...points} suffix={t('clubPoints.unit')} data-testid={`club-settings-${key}`} />
                  </Form.Item>
                </Col>
              ))}
              <Col xs={24} sm={12} lg={6}>
                <Form.Item name="expiry_days" label={t('clubSettings.expiry_days')} extra={t('clubSettings.expiryHint')} rules={required(t('clubSettings.required'))}>
                  <InputNumber<number> min={30} max={3650} precision={0} style={{ width: '100%' }} {...groupedInput} suffix={t('clubSettings.dayUnit')} data-testid="club-settings-expiry_days" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card variant="borderless" title={t('clubSettings.tiersTitle')}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {t('clubSettings.tiersEditHint')}
            </Typography.Paragraph>
            <Form.List name="tiers">
              {(rows, { add, remove }, { errors }) => (
                <Flex vertical gap={12}>
                  {rows.map((row, index) => (
                    <div key={row.key} style={{ border: '1px solid #f0f0f0', borderRadius: 8, padding: '12px 12px 0' }} data-testid={`club-tier-${index}`}>
                      <Row gutter={12}>
                        <Col xs={12} md={5}>
                          <Form.Item name={[row.name, 'name']} label={t('clubSettings.tierName')} rules={requiredText(t('clubSettings.required'))}>
                            <Input maxLength={20} data-testid={`club-tier-${index}-name`} />
                          </Form.Item>
                        </Col>
                        <Col xs={12} md={4}>
                          <Form.Item name={[row.name, 'code']} label={t('clubSettings.tierCode')} tooltip={t('clubSettings.tierCodeHint')} rules={requiredText(t('clubSettings.required'))}>
                            <Input maxLength={20} data-testid={`club-tier-${index}-code`} />
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={5}>
                          <Form.Item name={[row.name, 'min_points_12m']} label={t('clubSettings.tierMin')} rules={required(t('clubSettings.required'))}>
                            <InputNumber<number> min={0} max={100_000_000} precision={0} style={{ width: '100%' }} {...groupedInput} suffix={t('clubPoints.unit')} data-testid={`club-tier-${index}-min`} />
                          </Form.Item>
                        </Col>
                        <Col xs={20} md={9}>
                          <Form.Item name={[row.name, 'benefits']} label={t('clubSettings.tierBenefits')}>
                            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} data-testid={`club-tier-${index}-benefits`} />
                          </Form.Item>
                        </Col>
                        <Col xs={4} md={1} style={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end' }}>
                          <Button type="text" danger icon={<DeleteOutlined />} disabled={rows.length <= 1} onClick={() => remove(row.name)} aria-label={t('clubSettings.removeTier')} data-testid={`club-tier-${index}-remove`} />
                        </Col>
                      </Row>
                    </div>
                  ))}
                  <Form.ErrorList errors={errors} />
                  {rows.length < kMaxTiers && (
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', name: '', min_points_12m: undefined, benefits: '' })} data-testid="club-tier-add">
                      {t('clubSettings.addTier')}
                    </Button>
                  )}
                </Flex>
              )}
            </Form.List>
          </Card>
          <Flex justify="flex-end">
            <Button type="primary" loading={saving} onClick={save} data-testid="club-settings-save">
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      </Form>
    </>
  );
}

/**
 * /club/settings — 规则与等级: the points a member earns per purchase, per referred sale and per
 * answered survey, how long points last, and the tiers (name, the points of the last twelve months
 * that reach it, its benefits). The group's managers and administrators change them; everyone else
 * reads them.
 */
export default function ClubSettingsPage() {
  const t = useT();
  const { me } = useAuth();
  const editable = clubAccess(me).settings;
  const settings = useClubSettings();

  return (
    <>
      <PageHeader title={t('clubSettings.title')} description={t('clubSettings.description')} onRefresh={() => void settings.refetch()} />
      <div style={{ maxWidth: 1080 }}>
        {!editable && <Alert type="info" showIcon title={t('clubSettings.readOnly')} style={{ marginBottom: 16 }} data-testid="club-settings-read-only" />}
        <ErrorAlert error={settings.error} />
        {settings.data ? (
          editable ? (
            <SettingsForm key={settings.data.version} settings={settings.data} />
          ) : (
            <SettingsView settings={settings.data} />
          )
        ) : (
          !settings.error && (
            <Card variant="borderless">
              <Skeleton active paragraph={{ rows: 6 }} />
            </Card>
          )
        )}
      </div>
    </>
  );
}
