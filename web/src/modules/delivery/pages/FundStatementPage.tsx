import { type HTMLAttributes, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, DatePicker, Empty, Flex, Grid, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../app/i18n/useT';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { useParamsPatch } from '../../../shared/hooks/useParamsPatch';
import { useFundStatement } from '../queries';
import { statementErrorText } from '../errors';
import { formatFen, formatMinute, formatSignedFen, today } from '../labels';
import type { FundEntry, FundStatement } from '../types';
import { CompanySelect, useCompanyTree } from '../components/CompanySelect';
import { EntryAmount, EntrySummary } from '../components/FundLedger';
import { FundKindTag } from '../components/Tags';

const kDay = /^\d{4}-\d{2}-\d{2}$/;
/** The server's longest period: a year and a day. */
const kMaxDays = 366;

/** A statement line of the entries table: an entry, or the opening or closing balance around them. */
type Line = { key: string; entry?: FundEntry; label?: string; balance: number };

/** One figure of the summary: its label, the amount, and a testid to find it by. */
function Figure({ label, cents, signed, strong, testId }: { label: ReactNode; cents: number; signed?: boolean; strong?: boolean; testId: string }) {
  return (
    <div className="hearth-statement-figure" data-testid={testId} data-cents={cents}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {label}
      </Typography.Text>
      <Typography.Text strong={strong} style={{ fontSize: strong ? 18 : 15, whiteSpace: 'nowrap' }}>
        {signed ? formatSignedFen(cents) : formatFen(cents)}
      </Typography.Text>
    </div>
  );
}

/**
 * /journey/fund/statement?company_id=&from=&to= — 一路同行基金收支报表, to print: for a company and a
 * period (this calendar year to today to begin with; at most 366 days), the balance before it, the
 * inflows by kind, the corrections, the spending and the balance after it; then every entry oldest
 * first with the balance after each, between the opening and the closing balance. 打印 prints the
 * statement alone (the menu, the header and the choosers stay off the paper). On a phone the entries stack.
 */
export default function FundStatementPage() {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const [params, show] = useParamsPatch();
  const { companies } = useCompanyTree();
  const companyParam = Number(params.get('company_id'));
  const companyId = Number.isInteger(companyParam) && companyParam > 0 ? companyParam : undefined;
  const now = today();
  const fromParam = params.get('from') ?? '';
  const toParam = params.get('to') ?? '';
  const from = kDay.test(fromParam) ? fromParam : `${now.slice(0, 4)}-01-01`;
  const to = kDay.test(toParam) ? toParam : now;
  const statement = useFundStatement(companyId, from, to);


  const day = dayjs(now);
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('statement.thisYear'), value: [day.startOf('year'), day] },
    { label: t('statement.lastYear'), value: [day.subtract(1, 'year').startOf('year'), day.subtract(1, 'year').endOf('year')] },
    { label: t('statement.thisQuarter'), value: [day.month(Math.floor(day.month() / 3) * 3).startOf('month'), day] },
    { label: t('statement.thisMonth'), value: [day.startOf('month'), day] },
  ];

  return (
    <>
      <div className="hearth-no-print">
        <PageHeader
          title={t('statement.title')}
          description={t('statement.description')}
          extra={
            <>
              <Link to={companyId ? `/journey/fund?company_id=${companyId}` : '/journey/fund'}>
                <Button icon={<ArrowLeftOutlined />}>{t('statement.back')}</Button>
              </Link>
              <Button type="primary" icon={<PrinterOutlined />} disabled={!statement.data} onClick={() => window.print()} data-testid="statement-print">
                {t('statement.print')}
              </Button>
            </>
          }
        />
        <Card variant="borderless" style={{ marginBottom: 16 }}>
          <Flex gap={12} wrap align="center">
            {companies.length > 0 && (
              <CompanySelect
                aria-label={t('fund.company')}
                placeholder={t('fund.companyPlaceholder')}
                style={{ width: 260, maxWidth: '100%' }}
                value={companyId}
                onChange={(value) => show({ company_id: value })}
                data-testid="statement-company"
              />
            )}
            <DatePicker.RangePicker
              value={[dayjs(from), dayjs(to)]}
              allowClear={false}
              presets={presets}
              disabledDate={(date, info) => {
                if (date.isAfter(day, 'day')) return true;
                const picked = info.from;
                return !!picked && Math.abs(date.diff(picked, 'day')) > kMaxDays;
              }}
              onChange={(value) => value?.[0] && value[1] && show({ from: value[0].format('YYYY-MM-DD'), to: value[1].format('YYYY-MM-DD') })}
              aria-label={t('statement.period')}
              style={{ maxWidth: '100%' }}
              data-testid="statement-period"
            />
          </Flex>
        </Card>
      </div>
      {companyId === undefined ? (
        <Card variant="borderless">
          <Empty description={t('statement.chooseCompany')} />
        </Card>
      ) : statement.error ? (
        <Alert type="error" showIcon title={statementErrorText(t, statement.error)} data-testid="statement-error" />
      ) : !statement.data ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <StatementSheet statement={statement.data} narrow={narrow} />
      )}
    </>
  );
}

/** The statement itself, what goes on paper. */
function StatementSheet({ statement, narrow }: { statement: FundStatement; narrow: boolean }) {
  const t = useT();
  const lines: Line[] = [
    { key: 'opening', label: t('statement.opening'), balance: statement.opening_cents },
    ...statement.entries.map((entry) => ({ key: String(entry.id), entry, balance: entry.balance_after_cents })),
    { key: 'closing', label: t('statement.closing'), balance: statement.closing_cents },
  ];
  const inflow = statement.profit_share_cents + statement.owner_contribution_cents;
  const money = (cents: number) => <span style={{ whiteSpace: 'nowrap' }}>{cents ? formatFen(cents) : ''}</span>;

  const columns: TableColumnsType<Line> = [
    { title: t('fund.on'), key: 'on', width: 104, render: (_, line) => line.entry?.on ?? (line.key === 'opening' ? statement.from : statement.to) },
    {
      title: t('fund.kind'),
      key: 'kind',
      width: 120,
      render: (_, line) => (line.entry ? <FundKindTag kind={line.entry.kind} /> : <Typography.Text strong>{line.label}</Typography.Text>),
    },
    { title: t('fund.summary'), key: 'summary', render: (_, line) => (line.entry ? <EntrySummary entry={line.entry} /> : null) },
    { title: t('statement.in'), key: 'in', width: 130, align: 'right', render: (_, line) => (line.entry && line.entry.amount_cents > 0 ? money(line.entry.amount_cents) : null) },
    { title: t('statement.out'), key: 'out', width: 130, align: 'right', render: (_, line) => (line.entry && line.entry.amount_cents < 0 ? money(-line.entry.amount_cents) : null) },
    {
      title: t('statement.balance'),
      key: 'balance',
      width: 140,
      align: 'right',
      render: (_, line) => (
        <Typography.Text strong={!line.entry} style={{ whiteSpace: 'nowrap' }} data-testid={`statement-balance-${line.key}`}>
          {formatFen(line.balance)}
        </Typography.Text>
      ),
    },
    { title: t('fund.recordedBy'), key: 'by', width: 110, render: (_, line) => line.entry?.created_by_name },
  ];

  return (
    <Card variant="borderless" className="hearth-print-sheet" data-testid="statement-sheet">
      <div style={{ textAlign: 'center', marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="statement-heading">
          {t('statement.heading', { company: statement.company_name })}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="statement-range">
          {t('statement.range', { from: statement.from, to: statement.to })}
        </Typography.Text>
      </div>
      <div className="hearth-statement-figures" style={{ display: 'grid', gridTemplateColumns: narrow ? '1fr 1fr' : 'repeat(6, 1fr)', gap: 12, marginBottom: 20 }}>
        <Figure label={t('statement.opening')} cents={statement.opening_cents} testId="statement-opening" />
        <Figure label={t('fundKind.profit_share')} cents={statement.profit_share_cents} testId="statement-profit-share" />
        <Figure label={t('fundKind.owner_contribution')} cents={statement.owner_contribution_cents} testId="statement-owner-contribution" />
        <Figure label={t('fundKind.correction')} cents={statement.correction_cents} signed testId="statement-correction" />
        <Figure label={t('statement.spent')} cents={statement.spent_cents} testId="statement-spent" />
        <Figure label={t('statement.closing')} cents={statement.closing_cents} strong testId="statement-closing" />
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="statement-equation">
        {t('statement.equation', {
          opening: formatFen(statement.opening_cents),
          inflow: formatFen(inflow),
          correction: formatSignedFen(statement.correction_cents),
          spent: formatFen(statement.spent_cents),
          closing: formatFen(statement.closing_cents),
        })}
      </Typography.Paragraph>
      {statement.truncated && <Alert type="warning" showIcon title={t('statement.truncated', { count: statement.entries.length })} style={{ marginBottom: 12 }} />}
      {narrow ? (
        <Flex vertical data-testid="statement-cards">
          {lines.map((line) => (
            <div key={line.key} style={{ padding: '10px 0', borderTop: '1px solid #f0f2f5' }} data-testid={`statement-line-${line.key}`}>
              <Flex justify="space-between" align="center" gap={8}>
                <Flex gap={8} align="center" style={{ minWidth: 0 }}>
                  <Typography.Text>{line.entry?.on ?? (line.key === 'opening' ? statement.from : statement.to)}</Typography.Text>
                  {line.entry ? <FundKindTag kind={line.entry.kind} /> : <Typography.Text strong>{line.label}</Typography.Text>}
                </Flex>
                {line.entry && <EntryAmount entry={line.entry} />}
              </Flex>
              {line.entry && (
                <div style={{ fontSize: 13, margin: '2px 0' }}>
                  <EntrySummary entry={line.entry} />
                </div>
              )}
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {line.entry?.created_by_name}
                </Typography.Text>
                <Typography.Text strong={!line.entry} style={{ fontSize: 12 }} data-testid={`statement-balance-${line.key}`}>
                  {t('fund.balanceAfterShown', { balance: formatFen(line.balance) })}
                </Typography.Text>
              </Flex>
            </div>
          ))}
        </Flex>
      ) : (
        <Table<Line>
          rowKey="key"
          size="small"
          bordered
          columns={columns}
          dataSource={lines}
          pagination={false}
          onRow={(line) => ({ 'data-testid': `statement-line-${line.key}` }) as HTMLAttributes<HTMLElement>}
          data-testid="statement-table"
        />
      )}
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12, fontSize: 12 }} data-testid="statement-printed">
        {t('statement.generated', { at: formatMinute(dayjs().toISOString()), count: statement.entries.length })}
      </Typography.Text>
    </Card>
  );
}
