import { useSearchParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Select, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/useT';
import { useAuth } from '../../../app/auth/useAuth';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useModalTarget } from '../../../shared/hooks/useModalTarget';
import { useProjectNames } from '../../inventory/queries';
import { priceKeys } from '../queries';
import { salesAccess } from '../access';
import type { DiscountScheme } from '../types';
import { AdjustmentList } from '../components/AdjustmentList';
import { AdjustmentModal } from '../components/AdjustmentModal';
import { SchemeList } from '../components/SchemeList';
import { SchemeModal } from '../components/SchemeModal';

type PricesTab = 'adjustments' | 'schemes';

/**
 * /sales/prices?project_id=&tab= — 价格管理 of a project. 调价方案: the batches of list-price changes,
 * newest first; who may write drafts one (新建调价: the preview of every unit's price before and
 * after) and a manager applies it (执行调价) or anyone who may drops it (撤销草稿). 折扣方案: the
 * schemes a consultant may give at 认购; managers create, close, reopen and limit them. The address
 * keeps the project and the tab.
 */
export default function PricesPage() {
  const t = useT();
  const { me } = useAuth();
  const access = salesAccess(me);
  const queryClient = useQueryClient();
  const projects = useProjectNames();
  const [params, setParams] = useSearchParams();
  const tab: PricesTab = params.get('tab') === 'schemes' ? 'schemes' : 'adjustments';
  const chosen = Number(params.get('project_id'));
  const projectId = Number.isInteger(chosen) && projects.has(chosen) ? chosen : projects.size ? [...projects.keys()][0] : undefined;
  const adjustment = useModalTarget<number | 'new'>();
  const scheme = useModalTarget<DiscountScheme | 'new'>();

  const show = (change: { tab?: PricesTab; project_id?: number }) => {
    const next = new URLSearchParams(params);
    if (change.tab !== undefined) {
      if (change.tab === 'adjustments') next.delete('tab');
      else next.set('tab', change.tab);
    }
    if (change.project_id !== undefined) next.set('project_id', String(change.project_id));
    setParams(next, { replace: true });
  };

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: tab === 'schemes' ? priceKeys.schemes(projectId ?? 0) : priceKeys.adjustments });
  };

  const action =
    projectId === undefined ? null : tab === 'adjustments' ? (
      access.write && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => adjustment.openModal('new')} data-testid="adjustment-new">
          {t('price.new')}
        </Button>
      )
    ) : (
      access.manage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => scheme.openModal('new')} data-testid="scheme-new">
          {t('scheme.new')}
        </Button>
      )
    );

  return (
    <>
      <PageHeader title={t('price.title')} description={t('price.description')} onRefresh={refresh} extra={action} />
      <Card variant="borderless" styles={{ body: { paddingTop: 12 } }}>
        <Flex gap={12} align="center" wrap style={{ marginBottom: 4 }}>
          <Typography.Text strong>{t('lead.project')}</Typography.Text>
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('lead.project')}
            placeholder={t('lead.filterProject')}
            style={{ width: 260, maxWidth: '100%' }}
            value={projectId}
            onChange={(value) => show({ project_id: value })}
            options={[...projects].map(([value, label]) => ({ value, label }))}
            data-testid="prices-project"
          />
        </Flex>
        <Tabs
          activeKey={tab}
          onChange={(key) => show({ tab: key as PricesTab })}
          data-testid="prices-tabs"
          items={[
            { key: 'adjustments', label: t('price.tabAdjustments') },
            { key: 'schemes', label: t('price.tabSchemes') },
          ]}
        />
        {projectId === undefined ? (
          <Empty description={t('settings.noProjects')} />
        ) : tab === 'adjustments' ? (
          <AdjustmentList projectId={projectId} onOpen={(id) => adjustment.openModal(id)} />
        ) : (
          <SchemeList projectId={projectId} manage={access.manage} onEdit={(s) => scheme.openModal(s)} />
        )}
      </Card>
      {adjustment.modal && projectId !== undefined && (
        <AdjustmentModal key={adjustment.modal.key} projectId={projectId} target={adjustment.modal.target} onClose={adjustment.closeModal} />
      )}
      {scheme.modal && projectId !== undefined && (
        <SchemeModal key={scheme.modal.key} projectId={projectId} scheme={scheme.modal.target === 'new' ? null : scheme.modal.target} onClose={scheme.closeModal} />
      )}
    </>
  );
}
