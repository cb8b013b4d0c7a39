import type { Translate } from '../../app/i18n/i18nContext';
import { valueLabel } from '../../app/i18n/i18nContext';
import { kOrgUnitKinds, kRoles, type OrgUnitKind } from './types';

export const kKindColors: Record<OrgUnitKind, string> = {
  group: 'magenta',
  region: 'geekblue',
  city: 'cyan',
  project: 'green',
};

export const kRoleColors: Record<string, string> = {
  admin: 'red',
  manager: 'volcano',
  agent: 'blue',
  sales: 'gold',
  engineer: 'purple',
  viewer: 'default',
};

export const kindLabel = (t: Translate, kind: string) => valueLabel(t, 'kind', kind);

export const roleLabel = (t: Translate, role: string) => valueLabel(t, 'role', role);

export function kindOptions(t: Translate) {
  return kOrgUnitKinds.map((kind) => ({ value: kind, label: kindLabel(t, kind) }));
}

export function roleOptions(t: Translate) {
  return kRoles.map((role) => ({ value: role, label: roleLabel(t, role) }));
}

/** The kind a new child of `parent` most likely has (group → region → city → project). */
export function nextKind(parent: OrgUnitKind | undefined): OrgUnitKind {
  if (!parent) return 'group';
  const index = kOrgUnitKinds.indexOf(parent);
  return kOrgUnitKinds[Math.min(index + 1, kOrgUnitKinds.length - 1)];
}
