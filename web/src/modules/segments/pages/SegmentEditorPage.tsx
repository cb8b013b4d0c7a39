import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Breadcrumb, Button, Card, Col, Flex, Form, Grid, Input, Result, Row, Typography } from 'antd';
import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { ApiError } from '../../../shared/api/client';
import { BackLink, RecordFallback, type BackTo } from '../../../shared/ui/RecordPage';
import { errorMessage, reasonText } from '../../../shared/ui/apiErrors';
import { segmentsAccess } from '../access';
import { segmentsApi } from '../api';
import { modelChanged, usePresets, usePreview, useSegmentModel } from '../queries';
import { backToModels, cellOf } from '../labels';
import { blankDraft, createBody, draftOfModel, draftOfPreset, newSegment, placeFaults, previewBody, sameDraft, segmentsOut, type Draft, type Faults } from '../draft';
import type { SegmentModel, SegmentPreview } from '../types';
import { SegmentCard, type CardShare } from '../components/SegmentCard';
import { PreviewPanel } from '../components/PreviewPanel';

/** How long the typing must pause before the preview is asked for. */
const kPreviewDelayMs = 400;

/** What the preview last showed: the shares of the last definition the server computed, the faults of the latest. */
interface Shown {
  preview?: SegmentPreview;
  /** The definition `preview` is of. */
  of: Draft | null;
  faults: Faults | null;
  failure: unknown;
}

/** Whether a save was refused because the model changed since it was read (409 version_conflict, or 412). */
const isConflict = (err: unknown) => err instanceof ApiError && (err.code === 'version_conflict' || err.status === 409 || err.status === 412);

const faultCount = (faults: Faults | null) => (faults ? faults.cards.size + faults.model.size : 0);

/**
 * The rule editor of a model, new (`model` absent) or saved: its name and description, then its
 * segments as cards in the order they are tried (add, move, remove; each with its sub-classes), and
 * beside them the live preview: the definition is sent as the user types (after a pause), and the
 * shares come back on each card and in the panel, or each rule's fault on its card with the character
 * marked. 创建模型 / 保存 sends it (PATCH with the version it was read at: a conflict is said in words
 * and offers to reload), then the model's page follows its computation.
 */
function Editor({ initial, model, back, onReload }: { initial: Draft; model?: SegmentModel; back: BackTo; onReload?: () => Promise<SegmentModel | undefined> }) {
  const t = useT();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const narrow = !Grid.useBreakpoint().lg;
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [version, setVersion] = useState(model?.version ?? 0);
  const [settled, setSettled] = useState(initial);
  const [shown, setShown] = useState<Shown>({ of: null, faults: null, failure: null });
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'reload' | null>(null);
  const dirty = useMemo(() => !sameDraft(draft, base), [draft, base]);

  // The preview follows the draft once the typing pauses.
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(draft), kPreviewDelayMs);
    return () => window.clearTimeout(timer);
  }, [draft]);
  const body = useMemo(() => previewBody(settled), [settled]);
  const preview = usePreview(body);
  useEffect(() => {
    if (preview.isPlaceholderData || preview.isPending) return;
    if (preview.isSuccess) setShown({ preview: preview.data, of: settled, faults: null, failure: null });
    else if (preview.isError) {
      const faults = placeFaults(preview.error, settled);
      setShown((last) => ({ ...last, faults, failure: faults ? null : preview.error }));
    }
  }, [preview.isPlaceholderData, preview.isPending, preview.isSuccess, preview.isError, preview.data, preview.error, settled]);

  // Closing the tab with changes not saved asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const faults = shown.faults;
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const segments = draft.segments;
  const move = (index: number, delta: -1 | 1) => {
    const next = [...segments];
    const [moved] = next.splice(index, 1);
    next.splice(index + delta, 0, moved);
    set({ segments: next });
  };

  // Each card's share, by its uid, from the definition the shares are of.
  const shares = useMemo(() => {
    const byUid = new Map<string, CardShare>();
    if (!shown.preview || !shown.of) return byUid;
    const outdated = faults !== null;
    // A rule not written yet takes nobody: no share for it.
    shown.of.segments.forEach((segment, i) => {
      const total = cellOf(shown.preview!.cells, i);
      if (segment.rule.trim()) byUid.set(segment.uid, { share: total.share, outdated });
      segment.subs.forEach((sub, j) => {
        if (!sub.rule.trim()) return;
        const cell = cellOf(shown.preview!.cells, i, j);
        byUid.set(sub.uid, { share: cell.share, outdated });
      });
    });
    return byUid;
  }, [shown, faults]);

  const nameReason = faults?.model.get('name');
  const strayFaults = [...(faults?.model ?? [])].filter(([field]) => field !== 'name');

  const save = async () => {
    const sent = draft;
    if (!sent.name.trim()) {
      setShown((last) => ({ ...last, faults: { cards: last.faults?.cards ?? new Map(), model: new Map([['name', 'required']]) } }));
      return;
    }
    setBusy('save');
    setFailure(null);
    try {
      const saved = model
        ? await segmentsApi.update(model.id, version, { name: sent.name.trim(), description: sent.description, segments: segmentsOut(sent) })
        : await segmentsApi.create(createBody(sent));
      setBase(sent);
      setVersion(saved.version);
      modelChanged(queryClient, saved);
      void message.success(model ? t('editor.saved') : t('editor.created', { name: saved.name }));
      navigate(`/segments/${saved.id}`);
    } catch (err) {
      const placed = placeFaults(err, sent);
      if (placed) {
        setShown((last) => ({ ...last, faults: placed }));
        void message.error(t('editor.faults', { count: faultCount(placed) }));
        const first = sent.segments.findIndex((s) => placed.cards.has(s.uid) || s.subs.some((sub) => placed.cards.has(sub.uid)));
        if (first >= 0) window.setTimeout(() => document.querySelector(`[data-testid="segment-${first + 1}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }), 50);
      } else setFailure(err);
    } finally {
      setBusy(null);
    }
  };

  const reload = async () => {
    if (!onReload) return;
    setBusy('reload');
    try {
      const fresh = await onReload();
      if (!fresh) return;
      const next = draftOfModel(fresh);
      setBase(next);
      setDraft(next);
      setVersion(fresh.version);
      setFailure(null);
    } catch (err) {
      setFailure(err);
    } finally {
      setBusy(null);
    }
  };

  const leave = () => {
    if (!dirty) return navigate(back.path);
    modal.confirm({
      title: t('editor.leaveTitle'),
      content: t('editor.leaveContent'),
      okText: t('editor.leave'),
      okButtonProps: { danger: true },
      cancelText: t('editor.stay'),
      onOk: () => navigate(back.path),
    });
  };

  const conflict = isConflict(failure);
  const editorColumn = (
    <Flex vertical gap={12}>
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          title={t('editor.conflict')}
          description={t('editor.conflictHint')}
          action={
            <Button size="small" onClick={() => void reload()} loading={busy === 'reload'} data-testid="editor-reload">
              {t('common.reload')}
            </Button>
          }
          data-testid="editor-conflict"
        />
      ) : (
        failure !== null && <Alert type="error" showIcon title={errorMessage(t, failure)} data-testid="editor-error" />
      )}
      {strayFaults.length > 0 && <Alert type="error" showIcon title={strayFaults.map(([field, reason]) => `${field}：${reasonText(t, reason)}`).join('；')} />}
      <Card variant="borderless" size="small" title={t('editor.basics')}>
        <Form layout="vertical" component="div">
          <Form.Item label={t('segment.name')} required validateStatus={nameReason ? 'error' : undefined} help={nameReason ? reasonText(t, nameReason) : undefined} style={{ marginBottom: 12 }}>
            <Input
              value={draft.name}
              maxLength={60}
              placeholder={t('editor.namePlaceholder')}
              onChange={(event) => {
                set({ name: event.target.value });
                if (nameReason) setShown((last) => ({ ...last, faults: last.faults && { ...last.faults, model: new Map([...last.faults.model].filter(([f]) => f !== 'name')) } }));
              }}
              aria-label={t('segment.name')}
              data-testid="editor-name"
            />
          </Form.Item>
          <Form.Item label={t('segment.modelDescription')} style={{ marginBottom: 0 }}>
            <Input.TextArea
              value={draft.description}
              maxLength={2000}
              autoSize={{ minRows: 1, maxRows: 5 }}
              onChange={(event) => set({ description: event.target.value })}
              aria-label={t('segment.modelDescription')}
              data-testid="editor-description"
            />
          </Form.Item>
        </Form>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 8 }}>
          {t('editor.orderHint')}
        </Typography.Text>
      </Card>
      <Flex vertical gap={12} data-testid="editor-segments">
        {segments.map((segment, index) => (
          <SegmentCard
            key={segment.uid}
            segment={segment}
            index={index}
            total={segments.length}
            faults={faults?.cards}
            share={shares.get(segment.uid)}
            subShares={segment.subs.map((sub) => shares.get(sub.uid))}
            onChange={(next) => set({ segments: segments.map((s) => (s.uid === next.uid ? next : s)) })}
            onMove={(delta) => move(index, delta)}
            onRemove={() => set({ segments: segments.filter((s) => s.uid !== segment.uid) })}
          />
        ))}
        <Button
          type="dashed"
          icon={<PlusOutlined />}
          block
          disabled={segments.length >= 30}
          onClick={() => set({ segments: [...segments, newSegment(segments, t('editor.newSegmentName', { n: segments.length + 1 }))] })}
          data-testid="editor-add-segment"
        >
          {t('editor.addSegment')}
        </Button>
      </Flex>
    </Flex>
  );

  const previewPanel = (
    <PreviewPanel draft={shown.of} current={draft} preview={shown.preview} fetching={preview.isFetching} faultCount={faultCount(faults)} failure={shown.failure} />
  );

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={16} wrap>
        <BackLink back={back} testId="editor-back" />
        {!narrow && (
          <Breadcrumb
            items={[
              { key: 'list', title: <Link to="/segments">{t('nav.segmentModels')}</Link> },
              ...(model ? [{ key: 'model', title: <Link to={`/segments/${model.id}`}>{model.name}</Link> }] : []),
              { key: 'edit', title: model ? t('editor.editTitle') : t('editor.newTitle') },
            ]}
          />
        )}
      </Flex>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="editor-title">
          {model ? t('editor.editHeading', { name: model.name }) : t('editor.newTitle')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('editor.description')}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          {editorColumn}
        </Col>
        <Col xs={24} lg={9}>
          <div style={narrow ? undefined : { position: 'sticky', top: 16 }}>{previewPanel}</div>
        </Col>
      </Row>
      <div
        style={{ position: 'sticky', bottom: 0, zIndex: 5, background: '#fff', borderRadius: 8, padding: '10px 16px', boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}
        data-testid="editor-bar"
      >
        <Flex gap={8} align="center" justify="space-between" wrap>
          <Typography.Text type={dirty ? 'warning' : 'secondary'} data-testid="editor-state">
            {faultCount(faults) > 0 ? t('editor.stateFaults', { count: faultCount(faults) }) : dirty ? t('editor.unsaved') : model ? t('editor.noChanges') : t('editor.notSaved')}
          </Typography.Text>
          <Flex gap={8} wrap>
            <Button onClick={leave} disabled={busy !== null} data-testid="editor-cancel">
              {t('common.cancel')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              onClick={() => void save()}
              loading={busy === 'save'}
              disabled={busy !== null || (!!model && !dirty)}
              data-testid="editor-save"
            >
              {model ? t('editor.save') : t('editor.create')}
            </Button>
          </Flex>
        </Flex>
      </div>
    </Flex>
  );
}

/** /segments/new?from=blank|vanke5|pulte11: a new model, from blank or a preset's copy; managers only. */
export function NewModelPage() {
  const t = useT();
  const { me } = useAuth();
  const [params] = useSearchParams();
  const from = params.get('from') ?? 'blank';
  const presets = usePresets(from !== 'blank');
  const back = backToModels(t);
  if (!segmentsAccess(me).create) return <Result status="403" title={t('editor.onlyManagers')} extra={<BackLink back={back} />} />;
  if (from === 'blank') return <Editor initial={blankDraft('', t('editor.newSegmentName', { n: 1 }))} back={back} />;
  const preset = presets.data?.find((p) => p.code === from);
  if (!preset) {
    if (presets.data) return <Result status="404" title={t('editor.noSuchPreset')} extra={<BackLink back={back} />} />;
    return <RecordFallback error={presets.error} onRetry={() => void presets.refetch()} notFound={{ title: t('editor.noSuchPreset'), subtitle: '' }} back={back} />;
  }
  return <Editor initial={draftOfPreset(preset, preset.name)} back={back} />;
}

/** /segments/:id/edit: the model's rules, for those who may change it. */
export function EditModelPage() {
  const t = useT();
  const { me } = useAuth();
  const { id } = useParams();
  const numeric = Number(id);
  const query = useSegmentModel(Number.isInteger(numeric) && numeric > 0 ? numeric : 0);
  const model = query.data;
  const back: BackTo = model ? { path: `/segments/${model.id}`, label: t('segment.backToModel') } : backToModels(t);
  if (!model) {
    return (
      <RecordFallback
        error={query.error}
        onRetry={() => void query.refetch()}
        notFound={{ title: t('segment.notFoundTitle'), subtitle: t('segment.notFoundSubtitle') }}
        back={back}
      />
    );
  }
  if (!segmentsAccess(me).edit(model)) return <Result status="403" title={t('editor.notEditable', { owner: model.org_unit_name })} extra={<BackLink back={back} />} />;
  return <Editor key={model.id} initial={draftOfModel(model)} model={model} back={back} onReload={async () => (await query.refetch()).data} />;
}
