import { useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Dropdown, Flex, Form, Input, InputNumber, Switch, Typography } from 'antd';
import { PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { ApiError } from '../../../shared/api/client';
import { errorMessage, reasonText } from '../../../shared/ui/apiErrors';
import { surveysApi } from '../api';
import { surveyChanged } from '../queries';
import { questionKindLabel } from '../labels';
import {
  draftOf,
  measuresTaken,
  newQuestion,
  placeErrors,
  questionsOut,
  renameKey,
  sameDraft,
  satisfactionQuestion,
  type Draft,
  type DraftQuestion,
} from '../builder';
import { kDefaultScale } from '../builder';
import { kQuestionKinds, type QuestionKind, type Survey } from '../types';
import { QuestionCard, QuestionSummary } from './QuestionCard';

/** The server's faults of the last save or publish: each question's by its `uid`, the survey's by field. */
interface Faults {
  questions: Map<string, Map<string, string>>;
  other: Map<string, string>;
}

/**
 * 问卷设计: the survey's draft edited in place — title, description, the questions as cards (add by
 * kind, edit, move, delete), 低分回访 — saved with the version it was read at (a conflict asks to
 * reload), then published as the next version. The server's faults go to the card they name. Those
 * who may not edit it read it.
 */
export function SurveyBuilder({
  survey,
  editable,
  onDirty,
  onReload,
}: {
  survey: Survey;
  editable: boolean;
  /** Told whether there are changes not saved (the preview says it shows the saved draft). */
  onDirty: (dirty: boolean) => void;
  /** Reads the survey again (after a version conflict); answers the fresh copy. */
  onReload: () => Promise<Survey | undefined>;
}) {
  const t = useT();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [base, setBase] = useState<Draft>(() => draftOf(survey));
  const [draft, setDraft] = useState<Draft>(base);
  const [version, setVersion] = useState(survey.version);
  const [faults, setFaults] = useState<Faults | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'publish' | 'reload' | null>(null);
  const dirty = useMemo(() => !sameDraft(draft, base), [draft, base]);
  const nextVersion = survey.published_version + 1;

  // Closing the tab with changes not saved asks first.
  useEffect(() => {
    onDirty(dirty);
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, onDirty]);

  if (!editable) {
    return (
      <Card variant="borderless" data-testid="survey-questions">
        {survey.description && (
          <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {survey.description}
          </Typography.Paragraph>
        )}
        {survey.questions.map((question, index) => (
          <QuestionSummary key={question.key} question={question} position={index + 1} questions={survey.questions} />
        ))}
        {survey.callback_rule && (
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12 }}>
            {t('lowScore.summary', { at_most: survey.callback_rule.at_most })}
          </Typography.Text>
        )}
      </Card>
    );
  }

  const change = (next: Partial<Draft>) => setDraft((current) => ({ ...current, ...next }));
  const questions = draft.questions;
  const setQuestions = (next: DraftQuestion[]) => change({ questions: next });
  /** Changing a card drops the faults shown on it. */
  const settle = (uid: string) =>
    setFaults((current) => {
      if (!current?.questions.has(uid)) return current;
      const next = new Map(current.questions);
      next.delete(uid);
      return { ...current, questions: next };
    });
  const settleField = (field: string) =>
    setFaults((current) => {
      if (!current) return current;
      const other = new Map([...current.other].filter(([at]) => at !== field && !at.startsWith(`${field}.`)));
      return { ...current, other };
    });

  const updateQuestion = (index: number, question: DraftQuestion) => {
    const before = questions[index];
    let next = questions.map((q, i) => (i === index ? question : q));
    if (before.key !== question.key && before.key) next = renameKey(next, before.key, question.key);
    settle(question.uid);
    setQuestions(next);
  };
  const move = (index: number, delta: -1 | 1) => {
    const next = [...questions];
    const [moved] = next.splice(index, 1);
    next.splice(index + delta, 0, moved);
    setQuestions(next);
  };
  const remove = (index: number) => {
    const gone = questions[index];
    const orphans: number[] = [];
    const next = questions
      .filter((_, i) => i !== index)
      .map((q, i) => {
        if (q.show_if?.key !== gone.key) return q;
        orphans.push(i + 1);
        const { show_if: _dropped, ...rest } = q;
        return rest as DraftQuestion;
      });
    setQuestions(next);
    if (orphans.length) void message.warning(t('question.conditionsDropped', { list: orphans.join('、') }));
  };
  const add = (kind: QuestionKind) => {
    setQuestions([...questions, newQuestion(kind, questions, questions.length + 1)]);
    setFaults((current) => (current ? { ...current, other: new Map([...current.other].filter(([at]) => at !== 'questions')) } : current));
  };

  /** A failed save or publish: field faults placed on their cards, anything else in the banner. */
  const fail = (err: unknown, sent: Draft) => {
    if (err instanceof ApiError && Object.keys(err.fields).length > 0) {
      const placed = placeErrors(err.fields);
      const byUid = new Map<string, Map<string, string>>();
      for (const [index, list] of placed.questions) {
        const uid = sent.questions[index]?.uid;
        if (uid) byUid.set(uid, list);
        else for (const [path, reason] of list) placed.other.set(`questions[${index}]${path ? `.${path}` : ''}`, reason);
      }
      setFaults({ questions: byUid, other: placed.other });
      setFailure(null);
      // Bring the first card at fault into view.
      const first = Math.min(...placed.questions.keys());
      if (Number.isFinite(first)) {
        window.setTimeout(() => document.querySelector(`[data-testid="question-${first + 1}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }), 50);
      }
      void message.error(t('builder.faults', { count: Object.keys(err.fields).length }));
      return;
    }
    setFailure(err);
  };

  const save = async (): Promise<boolean> => {
    const sent = draft;
    setBusy('save');
    setFailure(null);
    try {
      const saved = await surveysApi.update(survey.id, version, {
        title: sent.title,
        description: sent.description,
        questions: questionsOut(sent.questions),
        callback_rule: sent.callback_rule,
      });
      setVersion(saved.version);
      setBase(sent);
      setFaults(null);
      surveyChanged(queryClient, saved);
      return true;
    } catch (err) {
      fail(err, sent);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const saveDraft = async () => {
    if (await save()) void message.success(t('builder.saved'));
  };

  const publish = async () => {
    if (dirty && !(await save())) return;
    const sent = draft;
    setBusy('publish');
    try {
      const published = await surveysApi.publish(survey.id);
      setVersion(published.version);
      setFaults(null);
      surveyChanged(queryClient, published);
      void message.success(t('builder.publishedAs', { version: published.published_version }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'unchanged') void message.info(t('builder.unchanged'));
      else fail(err, sent);
    } finally {
      setBusy(null);
    }
  };

  const confirmPublish = () =>
    modal.confirm({
      title: t('builder.publishTitle', { version: nextVersion }),
      content: nextVersion > 1 ? t('builder.publishNext', { version: nextVersion, previous: nextVersion - 1 }) : t('builder.publishFirst'),
      okText: t('builder.publish'),
      cancelText: t('common.cancel'),
      onOk: publish,
    });

  const reload = async () => {
    setBusy('reload');
    try {
      const fresh = await onReload();
      if (!fresh) return;
      const next = draftOf(fresh);
      setBase(next);
      setDraft(next);
      setVersion(fresh.version);
      setFaults(null);
      setFailure(null);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(null);
    }
  };

  const conflict = failure instanceof ApiError && failure.code === 'version_conflict';
  const otherFault = (field: string) => {
    const list = [...(faults?.other ?? [])].filter(([at]) => at === field || at.startsWith(`${field}.`));
    return list.length ? { validateStatus: 'error' as const, help: list.map(([, reason]) => reasonText(t, reason)).join('；') } : {};
  };
  const stray = [...(faults?.other ?? [])].filter(([at]) => !['title', 'description', 'callback_rule', 'questions'].some((f) => at === f || at.startsWith(`${f}.`)));
  const satisfaction = satisfactionQuestion(questions);
  const scale = satisfaction?.scale ?? kDefaultScale;

  return (
    <Flex vertical gap={16} data-testid="survey-builder">
      {survey.published_version > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('builder.frozen', { version: survey.published_version, next: nextVersion })}
          data-testid="builder-frozen"
        />
      )}
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          title={t('builder.conflict')}
          action={
            <Button size="small" onClick={() => void reload()} loading={busy === 'reload'} data-testid="builder-reload">
              {t('common.reload')}
            </Button>
          }
          data-testid="builder-conflict"
        />
      ) : (
        failure !== null && <Alert type="error" showIcon title={errorMessage(t, failure)} data-testid="builder-error" />
      )}
      {stray.length > 0 && <Alert type="error" showIcon title={stray.map(([at, reason]) => `${at}：${reasonText(t, reason)}`).join('；')} />}

      <Card variant="borderless" title={t('builder.basics')}>
        <Form layout="vertical" component="div">
          <Form.Item label={t('survey.title')} required {...otherFault('title')}>
            <Input
              value={draft.title}
              maxLength={100}
              onChange={(event) => {
                settleField('title');
                change({ title: event.target.value });
              }}
              aria-label={t('survey.title')}
              data-testid="builder-title"
            />
          </Form.Item>
          <Form.Item label={t('survey.description')} extra={t('builder.descriptionHint')} {...otherFault('description')} style={{ marginBottom: 0 }}>
            <Input.TextArea
              value={draft.description}
              maxLength={2000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              onChange={(event) => {
                settleField('description');
                change({ description: event.target.value });
              }}
              aria-label={t('survey.description')}
              data-testid="builder-description"
            />
          </Form.Item>
        </Form>
      </Card>

      <Flex vertical gap={12} data-testid="builder-questions">
        {questions.map((question, index) => (
          <QuestionCard
            key={question.uid}
            question={question}
            index={index}
            total={questions.length}
            earlier={questions.slice(0, index)}
            taken={measuresTaken(questions, question.uid)}
            errors={faults?.questions.get(question.uid)}
            onChange={(next) => updateQuestion(index, next)}
            onMove={(delta) => move(index, delta)}
            onRemove={() => remove(index)}
          />
        ))}
        {otherFault('questions').help && <Alert type="error" showIcon title={otherFault('questions').help} />}
        <Dropdown
          trigger={['click']}
          menu={{
            items: kQuestionKinds.map((kind) => ({ key: kind, label: <span data-testid={`add-${kind}`}>{questionKindLabel(t, kind)}</span> })),
            onClick: ({ key }) => add(key as QuestionKind),
          }}
        >
          <Button type="dashed" icon={<PlusOutlined />} block disabled={questions.length >= 100} data-testid="builder-add">
            {t('builder.addQuestion')}
          </Button>
        </Dropdown>
      </Flex>

      <Card variant="borderless" title={t('lowScore.title')} data-testid="builder-callback">
        <Form layout="vertical" component="div">
          <Form.Item {...otherFault('callback_rule')} style={{ marginBottom: 0 }}>
            <Flex gap={8} align="center" wrap>
              <Switch
                checked={draft.callback_rule !== null}
                disabled={!satisfaction && draft.callback_rule === null}
                onChange={(on) => {
                  settleField('callback_rule');
                  change({ callback_rule: on ? { at_most: Math.min(2, scale - 1) } : null });
                }}
                aria-label={t('lowScore.title')}
                data-testid="callback-switch"
              />
              {draft.callback_rule ? (
                <>
                  <span>{t('lowScore.before')}</span>
                  <InputNumber
                    min={1}
                    max={scale - 1}
                    precision={0}
                    value={draft.callback_rule.at_most}
                    onChange={(at_most) => {
                      settleField('callback_rule');
                      change({ callback_rule: { at_most: at_most ?? 1 } });
                    }}
                    style={{ width: 72 }}
                    aria-label={t('lowScore.atMost')}
                    data-testid="callback-at-most"
                  />
                  <span>{t('lowScore.after')}</span>
                </>
              ) : (
                <Typography.Text type="secondary">{satisfaction ? t('lowScore.off') : t('lowScore.needsSatisfaction')}</Typography.Text>
              )}
            </Flex>
          </Form.Item>
        </Form>
      </Card>

      <div
        style={{
          position: 'sticky',
          bottom: 0,
          zIndex: 5,
          background: '#fff',
          borderRadius: 8,
          padding: '10px 16px',
          boxShadow: '0 -2px 8px rgba(0,0,0,0.06)',
        }}
        data-testid="builder-bar"
      >
        <Flex gap={8} align="center" justify="space-between" wrap>
          <Typography.Text type={dirty ? 'warning' : 'secondary'} data-testid="builder-state">
            {dirty ? t('builder.unsaved') : survey.draft_changed || survey.published_version === 0 ? t('builder.draftSaved') : t('builder.sameAsPublished', { version: survey.published_version })}
          </Typography.Text>
          <Flex gap={8} wrap>
            {dirty && (
              <Button onClick={() => setDraft(base)} disabled={busy !== null} data-testid="builder-discard">
                {t('builder.discard')}
              </Button>
            )}
            <Button icon={<SaveOutlined />} onClick={() => void saveDraft()} loading={busy === 'save'} disabled={!dirty || busy !== null} data-testid="builder-save">
              {t('builder.save')}
            </Button>
            <Button type="primary" icon={<SendOutlined />} onClick={confirmPublish} loading={busy === 'publish'} disabled={busy !== null} data-testid="builder-publish">
              {t('builder.publishVersion', { version: nextVersion })}
            </Button>
          </Flex>
        </Flex>
      </div>
    </Flex>
  );
}
