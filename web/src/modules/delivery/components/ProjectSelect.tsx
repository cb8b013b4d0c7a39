import { Select, type SelectProps } from 'antd';
import { useT } from '../../../app/i18n/useT';
import { useProjectNames } from '../../inventory/queries';

/** A project chosen by its name (every project the person may see, searchable); for a form field. */
export function ProjectSelect(props: Omit<SelectProps<number>, 'options' | 'showSearch'>) {
  const projects = useProjectNames();
  return <Select<number> showSearch={{ optionFilterProp: 'label' }} options={[...projects].map(([value, label]) => ({ value, label }))} {...props} />;
}

/** The lists' project filter: cleared for every project. */
export function ProjectFilter({ value, onChange }: { value: number | undefined; onChange: (projectId: number | null) => void }) {
  const t = useT();
  return (
    <ProjectSelect
      allowClear
      aria-label={t('batch.project')}
      placeholder={t('batch.filterProject')}
      style={{ width: 200, maxWidth: '100%' }}
      value={value}
      onChange={(next) => onChange(next ?? null)}
      data-testid="filter-project"
    />
  );
}
