import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Flex, Form, Input, Modal, Radio, Spin, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { FormModal } from '../../../shared/ui/FormModal';
import { errorMessage } from '../../../shared/ui/apiErrors';
import { requiredText } from '../../../shared/ui/formRules';
import { surveysApi } from '../api';
import { surveyChanged, useTemplates } from '../queries';
import { measureLabel } from '../labels';
import type { Survey, SurveyTemplate } from '../types';

interface BlankValues {
  title: string;
  description?: string;
}

/**
 * 新建问卷 (blank): a title and a description; the survey starts with one question, an overall
 * satisfaction rating, which the builder then changes. Opens the builder.
 */
export function NewSurveyModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<BlankValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const save = async (values: BlankValues) => {
    const survey = await surveysApi.create({
      title: values.title.trim(),
      description: values.description?.trim() ?? '',
      questions: [{ key: 'q1', kind: 'rating', text: t('survey.starterQuestion'), required: true, scale: 5, measures: 'satisfaction' }],
    });
    surveyChanged(queryClient, survey);
    void message.success(t('survey.created', { title: survey.title }));
    navigate(`/surveys/${survey.id}`);
  };
  return (
    <FormModal<BlankValues>
      form={form}
      name="survey-new"
      formFields={['title', 'description']}
      initialValues={{ title: '', description: '' }}
      title={t('survey.createBlank')}
      okText={t('survey.createOk')}
      width={520}
      testId="survey-new-modal"
      onSave={save}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('survey.title')} rules={requiredText(t('survey.titleRequired'))}>
        <Input maxLength={100} placeholder={t('survey.titlePlaceholder')} data-testid="survey-new-title" />
      </Form.Item>
      <Form.Item name="description" label={t('survey.description')} extra={t('builder.descriptionHint')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} data-testid="survey-new-description" />
      </Form.Item>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('survey.blankHint')}
      </Typography.Text>
    </FormModal>
  );
}

/** What a template measures, as tags: 总体满意度 · 再次购买 · 推荐. */
function TemplateMeasures({ template }: { template: SurveyTemplate }) {
  const t = useT();
  return (
    <Flex gap={4} wrap>
      {template.questions
        .filter((question) => question.measures)
        .map((question) => (
          <Tag key={question.key} color="purple" style={{ marginInlineEnd: 0 }}>
            {measureLabel(t, question.measures)}
          </Tag>
        ))}
    </Flex>
  );
}

/**
 * 从模板新建: the ready questionnaires, one chosen, made a survey of the user's org unit with its
 * title, description, questions and call-back rule; opens the builder.
 */
export function TemplateModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const templates = useTemplates(true);
  const [open, setOpen] = useState(true);
  const [chosen, setChosen] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const list = templates.data ?? [];
  const template = list.find((item) => item.key === chosen) ?? (list.length === 1 ? list[0] : undefined);

  const create = async () => {
    if (!template) return;
    setSaving(true);
    setError(null);
    try {
      const survey: Survey = await surveysApi.create({
        title: template.title,
        description: template.description,
        questions: template.questions,
        callback_rule: template.callback_rule,
      });
      surveyChanged(queryClient, survey);
      void message.success(t('survey.created', { title: survey.title }));
      setOpen(false);
      navigate(`/surveys/${survey.id}`);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('survey.fromTemplate')}
      okText={t('survey.useTemplate')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !template, loading: saving }}
      onOk={() => void create()}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      width={600}
      data-testid="template-modal"
    >
      {error !== null && <Alert type="error" showIcon title={errorMessage(t, error)} style={{ marginBottom: 12 }} />}
      {templates.error !== null && <Alert type="error" showIcon title={errorMessage(t, templates.error)} />}
      {templates.isLoading ? (
        <Flex justify="center" style={{ padding: 32 }}>
          <Spin />
        </Flex>
      ) : (
        <Radio.Group value={template?.key} onChange={(event) => setChosen(event.target.value as string)} style={{ width: '100%' }}>
          <Flex vertical gap={8}>
            {list.map((item) => (
              <label
                key={item.key}
                style={{ display: 'block', border: `1px solid ${template?.key === item.key ? '#1f4fd1' : '#f0f0f0'}`, borderRadius: 8, padding: 12, cursor: 'pointer' }}
                data-testid={`template-${item.key}`}
              >
                <Flex gap={8} align="flex-start">
                  <Radio value={item.key} />
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong>{item.title}</Typography.Text>
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, margin: '2px 0 6px' }}>
                      {item.description}
                    </Typography.Text>
                    <Flex gap={8} wrap align="center">
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('version.questions', { count: item.questions.length })}
                      </Typography.Text>
                      <TemplateMeasures template={item} />
                    </Flex>
                  </div>
                </Flex>
              </label>
            ))}
          </Flex>
        </Radio.Group>
      )}
    </Modal>
  );
}
