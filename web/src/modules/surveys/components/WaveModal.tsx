import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Radio, Row, Select, Switch, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { required } from '../../../shared/ui/formRules';
import { useProjectNames } from '../../inventory/queries';
import { surveysApi } from '../api';
import { surveyKeys, waveChanged } from '../queries';
import { channelLabel, cohortHint, cohortLabel } from '../labels';
import { kCohorts, kWaveChannels, type Cohort, type Survey, type WaveChannel, type WaveInput } from '../types';
import type { Translate } from '../../../app/i18n/i18nContext';

interface WaveValues {
  name?: string;
  project_ids: number[];
  cohorts: Cohort[];
  sampling: 'per_project' | 'quotas';
  sample_per_project?: number;
  quotas?: Partial<Record<Cohort, number>>;
  channel: WaveChannel;
  exclude_days: number;
  exclude_no_consent: boolean;
  closes_on: Dayjs;
  send_per_minute: number;
}

const kFields = ['name', 'project_ids', 'cohorts', 'sample_per_project', 'quotas', 'channel', 'exclude_days', 'exclude_no_consent', 'closes_on', 'send_per_minute'];

/** The server's "project_ids[2]", "cohorts[0]", "quotas.run_in" on the form's fields. */
const resolveField = (field: string) => {
  const quota = /^quotas\.(\w+)$/.exec(field);
  if (quota) return ['quotas', quota[1]];
  const list = /^(project_ids|cohorts)\[\d+\]$/.exec(field);
  return list ? list[1] : field;
};

/** A refusal of 发起调查 in words: not published yet, archived. */
export function waveErrorText(t: Translate, err: unknown): string {
  if (err instanceof ApiError && err.code === 'not_published') return t('wave.notPublished');
  if (err instanceof ApiError && err.code === 'invalid_transition') return t('wave.archived');
  return errorMessage(t, err);
}

/**
 * 发起调查: the projects (those in scope), the cohorts (each explained), a sample per project split over
 * the cohorts or a quota per cohort, the channel, who is left out (surveyed lately, no marketing
 * consent), the last day and the pace; the server samples and invites, then the wave's page opens.
 */
export function WaveModal({ survey, onClose }: { survey: Survey; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<WaveValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const projects = useProjectNames();
  const cohorts = Form.useWatch('cohorts', form) ?? [];
  const sampling = Form.useWatch('sampling', form);
  const channel = Form.useWatch('channel', form);

  const save = async (values: WaveValues) => {
    const body: WaveInput = {
      project_ids: values.project_ids,
      cohorts: values.cohorts,
      channel: values.channel,
      exclude_days: values.exclude_days,
      exclude_no_consent: values.exclude_no_consent,
      send_per_minute: values.send_per_minute,
      closes_on: values.closes_on.format('YYYY-MM-DD'),
      ...(values.name?.trim() ? { name: values.name.trim() } : {}),
      ...(values.sampling === 'quotas'
        ? { quotas: Object.fromEntries(values.cohorts.map((cohort) => [cohort, values.quotas?.[cohort] ?? 0])) }
        : { sample_per_project: values.sample_per_project }),
    };
    const wave = await surveysApi.createWave(survey.id, body);
    waveChanged(queryClient, wave);
    void queryClient.invalidateQueries({ queryKey: surveyKeys.waves(survey.id) });
    void message.success(t('wave.started', { invited: wave.invited, population: wave.population }));
    navigate(`/surveys/waves/${wave.id}`);
  };

  return (
    <FormModal<WaveValues>
      form={form}
      name="survey-wave"
      formFields={kFields}
      fieldResolver={resolveField}
      errorText={(cause) => waveErrorText(t, cause)}
      initialValues={{
        cohorts: [...kCohorts],
        sampling: 'per_project',
        sample_per_project: 60,
        quotas: { prospective: 15, run_in: 15, stable: 15, old: 15 },
        channel: 'sms',
        exclude_days: 90,
        exclude_no_consent: false,
        closes_on: dayjs().add(30, 'day'),
        send_per_minute: 300,
      }}
      title={t('wave.createTitle', { title: survey.title })}
      okText={t('wave.start')}
      width={640}
      testId="wave-modal"
      onSave={save}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('wave.createHint', { version: survey.published_version })}
      </Typography.Paragraph>
      <Form.Item name="name" label={t('wave.name')} extra={t('wave.nameHint')}>
        <Input maxLength={100} placeholder={t('wave.namePlaceholder')} data-testid="wave-name" />
      </Form.Item>
      <Form.Item label={t('wave.projects')} required style={{ marginBottom: 0 }}>
        <Flex gap={8} align="flex-start">
          <Form.Item name="project_ids" rules={required(t('wave.projectsRequired'))} style={{ flex: 1, minWidth: 0 }}>
            <Select<number[]>
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('wave.projectsPlaceholder')}
              options={[...projects].map(([value, label]) => ({ value, label }))}
              aria-label={t('wave.projects')}
              maxTagCount="responsive"
              data-testid="wave-projects"
            />
          </Form.Item>
          <Button onClick={() => form.setFieldsValue({ project_ids: [...projects.keys()] })} data-testid="wave-all-projects">
            {t('wave.allProjects')}
          </Button>
        </Flex>
      </Form.Item>
      <Form.Item name="cohorts" label={t('wave.cohorts')} rules={required(t('wave.cohortsRequired'))}>
        <Checkbox.Group data-testid="wave-cohorts">
          <Flex gap={12} wrap>
            {kCohorts.map((cohort) => (
              <Checkbox key={cohort} value={cohort} data-testid={`wave-cohort-${cohort}`}>
                <Tooltip title={cohortHint(t, cohort)}>
                  <span>
                    {cohortLabel(t, cohort)} <QuestionCircleOutlined style={{ color: '#8c94a3', fontSize: 12 }} />
                  </span>
                </Tooltip>
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="sampling" label={t('wave.sampling')}>
        <Radio.Group
          options={[
            { value: 'per_project', label: t('wave.perProject') },
            { value: 'quotas', label: t('wave.perCohort') },
          ]}
          data-testid="wave-sampling"
        />
      </Form.Item>
      {sampling === 'quotas' ? (
        <Form.Item label={t('wave.quotas')} extra={t('wave.quotasHint')} required>
          <Row gutter={12}>
            {cohorts.map((cohort) => (
              <Col xs={12} sm={6} key={cohort}>
                <Form.Item name={['quotas', cohort]} label={cohortLabel(t, cohort)} rules={required(t('wave.quotaRequired'))} style={{ marginBottom: 0 }}>
                  <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} aria-label={t('wave.quotaOf', { cohort: cohortLabel(t, cohort) })} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form.Item>
      ) : (
        <Form.Item name="sample_per_project" label={t('wave.samplePerProject')} extra={t('wave.samplePerProjectHint')} rules={required(t('wave.sampleRequired'))}>
          <InputNumber min={1} max={100000} precision={0} style={{ width: 160 }} data-testid="wave-sample" aria-label={t('wave.samplePerProject')} />
        </Form.Item>
      )}
      <Form.Item name="channel" label={t('wave.channel')} extra={channel ? t(`wave.channelHint.${channel}`) : undefined}>
        <Radio.Group optionType="button" options={kWaveChannels.map((value) => ({ value, label: channelLabel(t, value) }))} data-testid="wave-channel" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="exclude_days" label={t('wave.excludeDays')} extra={t('wave.excludeDaysHint')}>
            <InputNumber min={0} max={3650} precision={0} suffix={t('wave.days')} style={{ width: '100%' }} data-testid="wave-exclude-days" aria-label={t('wave.excludeDays')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="exclude_no_consent" label={t('wave.excludeNoConsent')} valuePropName="checked" extra={t('wave.excludeNoConsentHint')}>
            <Switch data-testid="wave-no-consent" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="closes_on" label={t('wave.closesOn')} rules={required(t('wave.closesOnRequired'))} extra={t('wave.closesOnHint')}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(day) => day.isBefore(dayjs(), 'day')}
              aria-label={t('wave.closesOn')}
              data-testid="wave-closes-on"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} style={channel === 'link' ? { display: 'none' } : undefined}>
          <Form.Item name="send_per_minute" label={t('wave.sendPerMinute')} extra={t('wave.sendPerMinuteHint')}>
            <InputNumber min={1} max={10000} precision={0} suffix={t('wave.perMinute')} style={{ width: '100%' }} aria-label={t('wave.sendPerMinute')} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
