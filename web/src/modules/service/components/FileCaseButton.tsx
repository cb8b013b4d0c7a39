import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Form, Input } from 'antd';
import { BookOutlined, CheckOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { FormModal } from '../../../shared/ui/FormModal';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { serviceApi } from '../api';
import type { Ticket } from '../types';
import { requiredText } from '../../../shared/ui/formRules';

interface Values {
  title: string;
  problem: string;
  solution: string;
}

const kFields = ['title', 'problem', 'solution'] as const;

/** Whether a failed filing means the ticket is in the case library already (409, ticket_id taken). */
const alreadyFiled = (err: unknown) => err instanceof ApiError && err.status === 409 && err.fields.ticket_id === 'taken';

/**
 * 归入案例库 on a closed ticket: title, problem and solution start from the ticket's own and can
 * be written up for colleagues. Once filed, the button becomes a link to the case library.
 */
export function FileCaseButton({ ticket }: { ticket: Ticket }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  // The filed case's title, to find it in the library.
  const [filed, setFiled] = useState<string | null>(null);
  const { modal, openModal, closeModal } = useModalTarget<true>();
  const [initial] = useState<Values>({ title: ticket.title, problem: ticket.description, solution: ticket.resolution ?? '' });

  const save = async (values: Values) => {
    try {
      const saved = await serviceApi.fileCase(ticket.id, { title: values.title.trim(), problem: values.problem.trim(), solution: values.solution.trim() });
      message.success(t('cases.filed'));
      setFiled(saved.title);
    } catch (err) {
      // Someone filed it meanwhile: what the agent wanted is done.
      if (!alreadyFiled(err)) throw err;
      message.info(t('cases.alreadyFiled'));
      setFiled(ticket.title);
    }
  };

  if (filed !== null) {
    return (
      <Button icon={<CheckOutlined />} onClick={() => navigate(`/cases?q=${encodeURIComponent(filed)}`)} data-testid="case-filed">
        {t('cases.inLibrary')}
      </Button>
    );
  }
  return (
    <>
      <Button icon={<BookOutlined />} onClick={() => openModal(true)} data-testid="file-case">
        {t('cases.file')}
      </Button>
      {modal && (
        <FormModal<Values>
          key={modal.key}
          form={form}
          name="ticket_case"
          formFields={kFields}
          initialValues={initial}
          title={t('cases.fileTitle', { id: ticket.id })}
          okText={t('cases.fileOk')}
          width={640}
          testId="file-case-modal"
          onSave={save}
          onClose={closeModal}
        >
          <Form.Item name="title" label={t('cases.caseTitle')} rules={requiredText(t('cases.titleRequired'))}>
            <Input maxLength={200} data-testid="case-title" />
          </Form.Item>
          <Form.Item name="problem" label={t('cases.problem')} rules={requiredText(t('cases.problemRequired'))}>
            <Input.TextArea rows={3} maxLength={5000} placeholder={t('cases.problemPlaceholder')} data-testid="case-problem" />
          </Form.Item>
          <Form.Item name="solution" label={t('cases.solution')} rules={requiredText(t('cases.solutionRequired'))}>
            <Input.TextArea rows={4} maxLength={5000} placeholder={t('cases.solutionPlaceholder')} data-testid="case-solution" />
          </Form.Item>
        </FormModal>
      )}
    </>
  );
}
