import { useState, type ReactNode } from 'react';
import { Form, Modal, type FormInstance, type FormProps } from 'antd';
import { useT } from '../../app/i18n/useT';
import { useFormSubmit } from '../hooks/useFormSubmit';
import { FormErrorAlert } from './FormErrorAlert';
import { clearChangedFieldErrors, type FieldResolver } from './apiErrors';

/**
 * A create or edit dialog around a vertical form: OK validates and calls `onSave`, whose failure
 * lands on the fields (`formFields`) and in the error banner; success closes the dialog. A version
 * conflict offers `onReload`. Mount it once per opening (give it a fresh key); it calls `onClose`
 * after its close animation. `fieldResolver` places server fields the form names differently
 * (e.g. "phones[1]"); `errorAction` may add a button to the error banner (e.g. "open the existing record");
 * `errorText` words a failure the module knows better than the generic sentence (a 409 naming what conflicts).
 */
export function FormModal<Values>({
  form,
  name,
  formFields,
  fieldResolver,
  errorAction,
  errorText,
  initialValues,
  autoComplete,
  title,
  okText,
  okDanger,
  width,
  testId,
  onSave,
  onReload,
  onClose,
  children,
}: {
  form: FormInstance<Values>;
  name: string;
  formFields: readonly string[];
  fieldResolver?: FieldResolver;
  errorAction?: (cause: unknown) => ReactNode;
  errorText?: (cause: unknown) => string;
  initialValues: FormProps<Values>['initialValues'];
  autoComplete?: string;
  title: ReactNode;
  okText: ReactNode;
  /** A destructive action (merge, erase): the OK button is red. */
  okDanger?: boolean;
  width: number;
  testId: string;
  onSave: (values: Values) => Promise<void>;
  onReload?: () => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const [open, setOpen] = useState(true);
  const { saving, error, submit, recover, settle } = useFormSubmit(form, formFields, fieldResolver);

  const save = async (values: Values) => {
    await onSave(values);
    setOpen(false);
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={okDanger ? { danger: true } : undefined}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit(save)}
      onCancel={() => setOpen(false)}
      afterClose={onClose}
      width={width}
      data-testid={testId}
    >
      <FormErrorAlert error={error && errorText ? { ...error, message: errorText(error.cause) } : error} onReload={onReload && (() => void recover(onReload))} action={errorAction} />
      <Form<Values>
        form={form}
        name={name}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={(changed) => {
          clearChangedFieldErrors(form, changed);
          settle();
        }}
        style={{ marginTop: 8 }}
        autoComplete={autoComplete}
      >
        {children}
      </Form>
    </Modal>
  );
}
