import { useState } from 'react';
import { App, Form, Input, Select } from 'antd';
import { useT } from '../../../../app/i18n/useT';
import { FormModal } from '../../../../shared/ui/FormModal';
import { CategoryTreeSelect } from '../CategoryTreeSelect';
import { serviceApi } from '../../api';
import { kindOptions } from '../../labels';
import type { CategoryNode } from '../../useCategories';
import type { StandardAnswer, StandardAnswerInput, TicketKind } from '../../types';
import { requiredText } from '../../../../shared/ui/formRules';

interface Values {
  title: string;
  category_id?: number | null;
  kind?: TicketKind | null;
  body: string;
}

const kFields = ['title', 'category_id', 'kind', 'body'] as const;

/** A new standard answer: where it applies (a category and its children, a kind, or everywhere) and its text. */
export function StandardAnswerFormModal({
  categories,
  category,
  kind,
  onClose,
  onSaved,
}: {
  categories: CategoryNode[];
  /** The page's filters, as a start. */
  category?: number;
  kind?: TicketKind;
  onClose: () => void;
  onSaved: (answer: StandardAnswer) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [initial] = useState<Values>({ title: '', body: '', category_id: category ?? null, kind: kind ?? null });

  const save = async (values: Values) => {
    const body: StandardAnswerInput = { title: values.title.trim(), body: values.body.trim() };
    if (values.category_id != null) body.category_id = values.category_id;
    if (values.kind) body.kind = values.kind;
    const saved = await serviceApi.createStandardAnswer(body);
    message.success(t('answers.created', { title: saved.title }));
    onSaved(saved);
  };

  return (
    <FormModal<Values>
      form={form}
      name="standard_answer"
      formFields={kFields}
      initialValues={initial}
      title={t('answers.createTitle')}
      okText={t('common.create')}
      width={600}
      testId="answer-modal"
      onSave={save}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('answers.titleField')} rules={requiredText(t('answers.titleRequired'))} extra={t('answers.titleHint')}>
        <Input maxLength={100} data-testid="answer-title" />
      </Form.Item>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        <Form.Item name="category_id" label={t('ticket.category')} extra={t('answers.categoryHint')}>
          <CategoryTreeSelect tree={categories} placeholder={t('answers.anyCategory')} data-testid="answer-category" />
        </Form.Item>
        <Form.Item name="kind" label={t('ticket.kind')}>
          <Select allowClear options={kindOptions(t)} placeholder={t('answers.anyKind')} data-testid="answer-kind" />
        </Form.Item>
      </div>
      <Form.Item name="body" label={t('answers.body')} rules={requiredText(t('answers.bodyRequired'))}>
        <Input.TextArea rows={6} maxLength={5000} showCount placeholder={t('answers.bodyPlaceholder')} data-testid="answer-body" />
      </Form.Item>
    </FormModal>
  );
}
