// The 工单报表 as a CSV file made in the browser: UTF-8 with a byte-order mark (Excel needs it for
// Chinese text), comma-separated, CRLF line ends; one section per breakdown.
import type { Translate } from '../../app/i18n/i18nContext';
import { departmentLabel, gradeLabel, kindLabel, ticketStatusLabel } from './labels';
import { hoursText, percentText } from './reportFormat';
import type { TicketReport } from './types';

const kBom = '\uFEFF';

/** One cell, quoted when needed; text a spreadsheet would run as a formula gets a leading apostrophe. */
function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}


/** Rows of `{value: count}`, largest first, named by `name`. */
export function countRows(counts: Record<string, number>, name: (value: string) => string): { key: string; label: string; count: number }[] {
  return Object.entries(counts)
    .map(([key, count]) => ({ key, label: name(key), count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function ticketReportCsv(t: Translate, report: TicketReport): Blob {
  const rows: (string | number)[][] = [];
  rows.push([t('report.csvTitle'), `${report.from} ~ ${report.to}`]);
  if (report.due_by) rows.push([t('report.dueBy'), report.due_by]);
  rows.push([]);
  rows.push([t('report.total'), report.total]);
  rows.push([t('report.slaOnTime'), report.sla.on_time]);
  rows.push([t('report.slaBreached'), report.sla.breached]);
  rows.push([t('report.slaRate'), percentText(report.sla.compliance_rate)]);
  rows.push([t('report.avgResponseHours'), hoursText(report.avg_response_hours)]);
  rows.push([t('report.avgResolveHours'), hoursText(report.avg_resolve_hours)]);
  rows.push([t('report.resolved'), report.callback.resolved]);
  rows.push([t('report.calledBack'), report.callback.called_back]);
  rows.push([t('report.callbackRate'), percentText(report.callback.rate)]);
  rows.push([t('report.avgSatisfaction'), report.callback.avg_satisfaction === null ? '' : report.callback.avg_satisfaction.toFixed(2)]);
  rows.push([t('report.satisfiedRate'), percentText(report.callback.satisfied_rate)]);
  const section = (title: string, items: { label: string; count: number }[]) => {
    rows.push([]);
    rows.push([title, t('report.count')]);
    for (const item of items) rows.push([item.label, item.count]);
  };
  section(t('report.byKind'), countRows(report.by_kind, (v) => kindLabel(t, v)));
  section(t('report.byStatus'), countRows(report.by_status, (v) => ticketStatusLabel(t, v)));
  section(t('report.byGrade'), countRows(report.by_grade, (v) => gradeLabel(t, v)));
  section(t('report.byDepartment'), countRows(report.by_department, (v) => departmentLabel(t, v)));
  section(t('report.byCategory'), report.by_category.map((c) => ({ label: c.name || t('report.uncategorised'), count: c.count })));
  section(t('report.byProject'), report.by_project.map((p) => ({ label: p.name || t('report.noProject'), count: p.count })));
  const text = rows.map((row) => row.map(csvCell).join(',')).join('\r\n');
  return new Blob([kBom, text, '\r\n'], { type: 'text/csv;charset=utf-8' });
}
