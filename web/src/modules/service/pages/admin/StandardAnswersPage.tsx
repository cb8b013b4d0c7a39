import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Flex, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../../app/i18n/useT';
import { useAuth } from '../../../../app/auth/useAuth';
import { useModalTarget } from '../../../../shared/hooks/useModalTarget';
import { serviceApi } from '../../api';
import { serviceKeys } from '../../queries';
import { serviceAccess } from '../../access';
import { kindLabel, kindOptions } from '../../labels';
import { kTicketKinds, type StandardAnswer, type TicketKind } from '../../types';
import { useCategories } from '../../useCategories';
import { CategoryFilter } from '../../components/CategoryTreeSelect';
import { useConfigList } from '../../useConfigList';
import { ConfigListPage, DeleteAction } from '../../components/admin/ConfigListPage';
import { StandardAnswerFormModal } from '../../components/admin/StandardAnswerFormModal';
import { actionsColumn } from '../../../../shared/ui/tableColumns';

/**
 * The answers that fit a ticket of `category` and, when given, `kind`. The server leaves out the
 * answers of a kind when asked without one, so "any kind" asks once per kind and merges.
 */
async function answersFor(category: number | undefined, kind: TicketKind | undefined, signal: AbortSignal): Promise<StandardAnswer[]> {
  const kinds = kind ? [kind] : [undefined, ...kTicketKinds];
  const pages = await Promise.all(kinds.map((k) => serviceApi.standardAnswers({ category_id: category, kind: k }, signal)));
  const byId = new Map<number, StandardAnswer>();
  for (const page of pages) for (const answer of page.items) byId.set(answer.id, answer);
  return [...byId.values()];
}

/** 系统管理 › 标准答复: the answers agents are offered while writing to a customer, by category and kind. */
export default function StandardAnswersPage() {
  const t = useT();
  const { me } = useAuth();
  const access = serviceAccess(me);
  const categories = useCategories();
  const [category, setCategory] = useState<number | undefined>();
  const [kind, setKind] = useState<TicketKind | undefined>();
  const { modal, openModal, closeModal } = useModalTarget<true>();
  const queryClient = useQueryClient();
  const answers = useConfigList<StandardAnswer>({
    queryKey: [...serviceKeys.standardAnswers, 'admin', category, kind],
    read: (signal) => answersFor(category, kind, signal),
    destroy: (answer) => serviceApi.deleteStandardAnswer(answer.id),
    deleted: (answer) => t('answers.deleted', { title: answer.title }),
  });

  // As agents see them: the selected category's own first, then its parents', then the general ones.
  const specificity = (a: StandardAnswer) => (a.category_id === null ? 0 : a.category_id === category ? 8 : 4) + (a.kind ? 1 : 0);

  const columns: TableColumnsType<StandardAnswer> = [
    {
      title: t('answers.titleField'),
      dataIndex: 'title',
      key: 'title',
      width: 220,
      render: (title: string) => <Typography.Text strong>{title}</Typography.Text>,
    },
    {
      title: t('answers.body'),
      dataIndex: 'body',
      key: 'body',
      render: (body: string) => (
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 2, expandable: 'collapsible' }}>
          {body}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('serviceAdmin.slaAppliesTo'),
      key: 'scope',
      width: 280,
      render: (_, a) => (
        <Flex gap={4} wrap>
          <Tag color={a.category_id === null ? 'default' : 'blue'} style={{ marginInlineEnd: 0 }}>
            {a.category_id === null ? t('answers.anyCategory') : categories.path(a.category_id) || `#${a.category_id}`}
          </Tag>
          <Tag style={{ marginInlineEnd: 0 }}>{a.kind ? kindLabel(t, a.kind) : t('answers.anyKind')}</Tag>
          {category !== undefined && a.category_id !== null && a.category_id !== category && (
            <Tag color="gold" style={{ marginInlineEnd: 0 }}>
              {t('answers.inherited')}
            </Tag>
          )}
        </Flex>
      ),
    },
    ...(access.config
      ? [
          actionsColumn(t('common.actions'), 100, (a: StandardAnswer) => (
            <DeleteAction confirm={t('answers.deleteConfirm', { title: a.title })} onConfirm={() => answers.remove(a)} testId={`answer-delete-${a.id}`} />
          )),
        ]
      : []),
  ];

  const toolbar = (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
      <CategoryFilter tree={categories.tree} value={category} onChange={setCategory} placeholder={t('answers.generalOnly')} testId="answer-filter-category" />
      <Select<TicketKind>
        allowClear
        value={kind}
        onChange={setKind}
        options={kindOptions(t)}
        placeholder={t('answers.anyKind')}
        aria-label={t('ticket.kind')}
        style={{ width: 140 }}
        data-testid="answer-filter-kind"
      />
      <Typography.Text type="secondary">{category === undefined ? t('answers.filterGeneralHint') : t('answers.filterHint')}</Typography.Text>
    </Flex>
  );

  return (
    <ConfigListPage<StandardAnswer>
      title={t('answers.title')}
      description={t('answers.description')}
      newLabel={t('answers.new')}
      newTestId="new-answer"
      onNew={access.config ? () => openModal(true) : undefined}
      list={answers}
      toolbar={toolbar}
      columns={columns}
      order={(a, b) => specificity(b) - specificity(a) || a.id - b.id}
      emptyText={t('answers.empty')}
      tableTestId="answer-table"
    >
      {modal && (
        <StandardAnswerFormModal key={modal.key} categories={categories.tree} category={category} kind={kind} onClose={closeModal} onSaved={() => void queryClient.invalidateQueries({ queryKey: serviceKeys.standardAnswers })} />
      )}
    </ConfigListPage>
  );
}
