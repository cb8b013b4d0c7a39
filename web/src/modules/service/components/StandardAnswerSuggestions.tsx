import { useRef, type KeyboardEvent } from 'react';
import { Button, Flex, Form, Tooltip, Typography, type FormInstance } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { SnippetsOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import type { StandardAnswer } from '../types';

/** At most this many answers get an Alt+digit shortcut. */
const kShortcuts = 9;

/**
 * Inserting standard answers into one textarea of a form: at the caret (or the selection it
 * replaces) where the agent left it, else at the end on a new line; the caret then follows the
 * inserted text. `onKeyDown` goes on the textarea: Alt+1…9 inserts the first nine answers.
 */
export function useAnswerInsertion(form: FormInstance, field: string, answers: StandardAnswer[]) {
  const textArea = useRef<TextAreaRef>(null);
  // Where the caret was when the textarea last lost focus; null until the agent has been in it.
  const caret = useRef<{ start: number; end: number } | null>(null);

  const insert = (text: string) => {
    const element = textArea.current?.resizableTextArea?.textArea;
    const current = String(form.getFieldValue(field) ?? '');
    const focused = element !== undefined && document.activeElement === element;
    const at = focused ? { start: element.selectionStart, end: element.selectionEnd } : caret.current;
    const next = at
      ? current.slice(0, at.start) + text + current.slice(at.end)
      : current.trim()
        ? `${current.replace(/\s+$/, '')}\n${text}`
        : text;
    const end = at ? at.start + text.length : next.length;
    form.setFieldValue(field, next);
    void form.validateFields([field]).catch(() => {});
    caret.current = { start: end, end };
    requestAnimationFrame(() => {
      const el = textArea.current?.resizableTextArea?.textArea;
      if (!el) return;
      el.focus();
      el.setSelectionRange(end, end);
    });
  };

  return {
    textArea,
    insert,
    /** Forgets the caret, for a form opened afresh. */
    reset: () => {
      caret.current = null;
    },
    /** Props for the TextArea: remembers the caret, and Alt+digit inserts. */
    textAreaProps: {
      ref: textArea,
      onBlur: () => {
        const el = textArea.current?.resizableTextArea?.textArea;
        if (el) caret.current = { start: el.selectionStart, end: el.selectionEnd };
      },
      onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => {
        if (!event.altKey || event.ctrlKey || event.metaKey) return;
        const index = Number(event.key) - 1;
        const answer = Number.isInteger(index) && index >= 0 && index < kShortcuts ? answers[index] : undefined;
        if (!answer) return;
        event.preventDefault();
        insert(answer.body);
      },
    },
  };
}

/**
 * The standard answers that fit the ticket, as buttons under a textarea: a click (or Enter / Space
 * on the focused button) inserts the answer's text; the tooltip shows it whole.
 */
export function StandardAnswerSuggestions({ answers, onInsert }: { answers: StandardAnswer[]; onInsert: (text: string) => void }) {
  const t = useT();
  if (answers.length === 0) return null;
  return (
    <Form.Item label={t('answers.suggestions')} extra={t('answers.suggestionsHint')} style={{ marginTop: -8 }} data-testid="answer-suggestions">
      <Flex gap={8} wrap role="group" aria-label={t('answers.suggestions')}>
        {answers.map((answer, index) => (
          <Tooltip
            key={answer.id}
            trigger={['hover', 'focus']}
            title={<span style={{ whiteSpace: 'pre-wrap' }}>{answer.body}</span>}
            styles={{ root: { maxWidth: 420 } }}
          >
            <Button
              size="small"
              icon={<SnippetsOutlined />}
              onClick={() => onInsert(answer.body)}
              aria-label={t('answers.insert', { title: answer.title })}
              aria-keyshortcuts={index < kShortcuts ? `Alt+${index + 1}` : undefined}
              data-testid={`answer-suggestion-${answer.id}`}
            >
              {index < kShortcuts && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {index + 1}
                </Typography.Text>
              )}
              {answer.title}
            </Button>
          </Tooltip>
        ))}
      </Flex>
    </Form.Item>
  );
}
