// The audit log in words: every action the server records and every kind of record it names, with
// the labels of the fields of their before/after JSON (messages.ts: action.*, entity.*, auditField.*).
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { isMessageKey, valueLabel, type Translate } from '../../app/i18n/i18nContext';
import { formatDateTime } from '../../shared/ui/formatTime';
import { auditEntityLinks } from './extensionPoints';
import { roleLabel } from './labels';
import type { AuditEntry, OrgUnit } from './types';
import type { Users } from './useUsers';

/** The actions the server records (`grep -rn 'audit_.Record' src`), in the order the filter offers them. */
export const kAuditActions = [
  'ticket.created',
  'ticket.assign',
  'ticket.start',
  'ticket.hold',
  'ticket.resume',
  'ticket.resolve',
  'ticket.callback',
  'ticket.reopen',
  'ticket.cancel',
  'ticket.shared',
  'ticket.attachment_added',
  'ticket.attachment_removed',
  'ticket_case.filed',
  'work_order.created',
  'work_order.approve',
  'work_order.visit',
  'work_order.accept',
  'work_order.reject',
  'work_order.cancel',
  'mass_alert.acknowledged',
  'mass_alert.closed',
  'customer.created',
  'customer.updated',
  'customer.merged',
  'customer.anonymized',
  'customer.shared',
  'customer.unshared',
  'customer.imported',
  'customer.exported',
  'personal_data.viewed',
  'personal_data.revealed',
  'project.created',
  'project.updated',
  'unit.created',
  'unit.bulk_created',
  'unit.updated',
  'unit.owner_set',
  'unit.owner_removed',
  'ticket_category.created',
  'ticket_category.updated',
  'routing_rule.created',
  'routing_rule.updated',
  'routing_rule.deleted',
  'sla_policy.created',
  'sla_policy.updated',
  'sla_policy.deleted',
  'standard_answer.created',
  'standard_answer.deleted',
  'department.members_set',
  'calendar.hours_changed',
  'calendar.day_set',
  'calendar.day_removed',
  'service_settings.changed',
  'org_unit.created',
  'org_unit.updated',
  'user.created',
  'user.updated',
  'user.locked',
  'user.password_reset',
  'session.created',
  'session.revoked',
  'group.exported',
];

/** The kinds of record the server names (`entity_type`). */
export const kAuditEntityTypes = [
  'ticket',
  'work_order',
  'mass_alert',
  'customer',
  'project',
  'unit',
  'ticket_category',
  'routing_rule',
  'sla_policy',
  'standard_answer',
  'department',
  'business_calendar',
  'service_settings',
  'org_unit',
  'user',
];

/** "分派工单" for ticket.assign; an action the page does not know yet reads as its words split apart, never raw. */
export function auditActionLabel(t: Translate, action: string): string {
  const key = `action.${action}`;
  if (isMessageKey(key)) return t(key);
  const [entity, verb] = action.split('.');
  return [entityLabel(t, entity), verb?.replace(/_/g, ' ')].filter(Boolean).join(' · ');
}

export const entityLabel = (t: Translate, type: string) => valueLabel(t, 'entity', type);

export function fieldLabel(t: Translate, field: string): string {
  const key = `auditField.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

export function auditActionColor(action: string): string {
  if (action.endsWith('.created') || action.endsWith('_added') || action.endsWith('.accept')) return 'green';
  if (action.endsWith('.deleted') || action.endsWith('_removed') || action.endsWith('.cancel') || action.endsWith('.anonymized') || action.endsWith('.locked')) return 'red';
  if (action.startsWith('personal_data.')) return 'gold';
  if (action.endsWith('.updated') || action.endsWith('_set') || action.endsWith('.changed')) return 'blue';
  return 'geekblue';
}

/** Where a record has its page (the modules' `auditEntityLinks`); null when it has none. */
export function entityHref(type: string, id: number | null | undefined): string | null {
  if (id === null || id === undefined) return null;
  const link = auditEntityLinks.entries().find((entry) => entry.key === type);
  return link ? link.href(id) : null;
}

type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The name of a record in its JSON (name, title, display name, code), when the entry carries one. */
function nameIn(json: unknown): string | null {
  if (!isObject(json)) return null;
  for (const key of ['name', 'title', 'display_name', 'code', 'username']) {
    const value = json[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  for (const nested of ['into', 'after']) if (isObject(json[nested])) return nameIn(json[nested]);
  return null;
}

/** Everything the page needs to name people, org units and records. */
export interface AuditNames {
  t: Translate;
  users: Users;
  orgUnits: ReadonlyMap<number, OrgUnit>;
}

/** The object of an entry by name: the record's own name where the entry or the page knows it. */
export function entityName(entry: AuditEntry, names: AuditNames): string | null {
  if (entry.entity_name) return entry.entity_name;  // named by the record's module on the server
  const id = entry.entity_id;
  if (entry.entity_type === 'user' && id !== null) {
    const user = names.users.byId.get(id);
    if (user) return user.display_name || user.username;
  }
  if (entry.entity_type === 'org_unit' && id !== null) {
    const unit = names.orgUnits.get(id);
    if (unit) return unit.name;
  }
  return nameIn(entry.after) ?? nameIn(entry.before);
}

/** The object cell: the kind of record, then its name linked to its page (or a word when unnamed). */
export function EntityCell({ entry, names }: { entry: AuditEntry; names: AuditNames }) {
  const { t } = names;
  const word = entityLabel(t, entry.entity_type);
  const name = entityName(entry, names);
  const href = entityHref(entry.entity_type, entry.entity_id);
  const ids = isObject(entry.after) && Array.isArray(entry.after.ids) ? entry.after.ids.length : 0;
  let shown: ReactNode = name;
  if (!shown && ids > 1) shown = t('audit.entityCount', { entity: word, count: ids });
  if (!shown && href) shown = t('audit.openEntity', { entity: word });
  return (
    <span data-testid={`audit-entity-${entry.id}`}>
      {(name || !href) && <span style={{ color: '#8c94a3', marginInlineEnd: 6 }}>{word}</span>}
      {href ? <Link to={href}>{shown}</Link> : shown}
    </span>
  );
}

// Fields whose words come from a closed vocabulary (the message prefix), whatever the record.
const kVocabularies: Record<string, string> = {
  department: 'department',
  from_department: 'department',
  grade: 'ticketGrade',
  channel: 'ticketChannel',
  responsibility: 'responsibility',
  warranty: 'warranty',
  decoration: 'decoration',
  unit_status: 'unitStatus',
  charge_to: 'chargeTo',
  gender: 'gender',
  id_type: 'idType',
  marital_status: 'marital',
  income_level: 'income',
  label: 'phoneLabel',
};

// `kind` and `status` differ by the record.
const kKindVocabularies: Record<string, string> = {
  ticket: 'ticketKind',
  routing_rule: 'ticketKind',
  sla_policy: 'ticketKind',
  standard_answer: 'ticketKind',
  org_unit: 'kind',
};
const kStatusVocabularies: Record<string, string> = {
  ticket: 'ticketStatus',
  unit: 'unitStatus',
  work_order: 'workOrderStatus',
  mass_alert: 'massAlertStatus',
};

const kUserFields = new Set(['assignee_id', 'user_id', 'approved_by', 'created_by', 'actor_id']);
const kLinkedFields: Record<string, string> = { customer_id: 'customer', unit_id: 'unit', project_id: 'project', ticket_id: 'ticket' };

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A field's value in words: names for people and org units, words for vocabularies, local times, hours, yuan. */
export function fieldValue(field: string, value: unknown, entityType: string, names: AuditNames): ReactNode {
  const { t, users } = names;
  if (value === null || value === undefined || value === '') return <span style={{ color: '#8c94a3' }}>{t('audit.nothing')}</span>;
  if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
  if (typeof value === 'number') {
    if (kUserFields.has(field)) return users.name(value, t('user.someone'));
    if (field === 'org_unit_id' || (field === 'parent_id' && entityType === 'org_unit')) return names.orgUnits.get(value)?.name ?? t('audit.unknownOrgUnit');
    const linked = kLinkedFields[field];
    if (linked) {
      const href = entityHref(linked, value);
      const word = t('audit.openEntity', { entity: entityLabel(t, linked) });
      return href ? <Link to={href}>{word}</Link> : entityLabel(t, linked);
    }
    if (field.endsWith('_minutes')) return t('audit.hours', { hours: Math.round((value / 60) * 100) / 100 });
    if (field.endsWith('_min')) return hhmm(value);
    if (field.endsWith('_cents') || field.endsWith('_fen')) return `¥${(value / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2 })}`;
    return String(value);
  }
  if (typeof value === 'string') {
    if (field.endsWith('_at') && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
    const prefix = field === 'kind' ? kKindVocabularies[entityType] : field === 'status' ? kStatusVocabularies[entityType] : kVocabularies[field];
    return prefix ? valueLabel(t, prefix, value) : value;
  }
  if (Array.isArray(value)) {
    if (field === 'ids') return t('audit.recordCount', { count: value.length });
    if (field === 'fields') return value.map((f) => fieldLabel(t, String(f))).join('、');
    if (field === 'roles') return value.map((r) => roleLabel(t, String(r))).join('、');
    if (field === 'user_ids') return value.map((id) => users.name(Number(id), t('user.someone'))).join('、');
    if (value.every((v) => !isObject(v) && !Array.isArray(v))) return value.map(String).join('、');
    return (
      <div>
        {value.map((item, index) => (
          <div key={index}>{isObject(item) ? <FieldLines json={item} entityType={entityType} names={names} compact /> : String(item)}</div>
        ))}
      </div>
    );
  }
  if (isObject(value)) return <FieldLines json={value} entityType={entityType} names={names} />;
  return String(value);
}

/** "字段：值" lines of a JSON object; `changed` fields marked in `tone`'s colour. */
export function FieldLines({
  json,
  entityType,
  names,
  changed,
  tone,
  compact,
}: {
  json: Json;
  entityType: string;
  names: AuditNames;
  changed?: ReadonlySet<string>;
  tone?: 'before' | 'after';
  compact?: boolean;
}) {
  const mark = tone === 'before' ? '#fff1f0' : '#f6ffed';
  const edge = tone === 'before' ? '#ff7875' : '#73d13d';
  const entries = Object.entries(json).filter(([key]) => key !== 'tenant_id');
  if (compact) {
    return (
      <span>
        {entries.map(([key, value], index) => (
          <span key={key}>
            {index > 0 && '；'}
            {fieldLabel(names.t, key)}：{fieldValue(key, value, entityType, names)}
          </span>
        ))}
      </span>
    );
  }
  return (
    <div style={{ lineHeight: 1.8 }}>
      {entries.map(([key, value]) => {
        const hot = changed?.has(key);
        return (
          <div
            key={key}
            data-field={key}
            style={{ display: 'flex', gap: 8, padding: '0 10px', background: hot ? mark : undefined, borderLeft: `2px solid ${hot ? edge : 'transparent'}` }}
          >
            <span style={{ color: '#5b6472', minWidth: 96, flex: 'none' }}>{fieldLabel(names.t, key)}</span>
            <span style={{ wordBreak: 'break-all', minWidth: 0 }}>{fieldValue(key, value, entityType, names)}</span>
          </div>
        );
      })}
    </div>
  );
}
