import { Select } from 'antd';
import { useT } from '../../../app/i18n/useT';

/** The lists' project filter: every project the person may see, searchable by name; cleared for all. */
export function ProjectFilter({
  projects,
  value,
  onChange,
}: {
  projects: Map<number, string>;
  value: number | undefined;
  onChange: (projectId: number | null) => void;
}) {
  const t = useT();
  return (
    <Select<number>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      aria-label={t('lead.project')}
      placeholder={t('lead.filterProject')}
      style={{ width: 200, maxWidth: '100%' }}
      value={value}
      onChange={(next) => onChange(next ?? null)}
      options={[...projects].map(([id, label]) => ({ value: id, label }))}
      data-testid="filter-project"
    />
  );
}
