// Wire types of delivery (交付: batches and their gates, inspections and findings, site open days,
// the handover day), derived from the server's OpenAPI document (src/modules/delivery/openapi.json;
// see shared/api/wire.ts).
import type { Body, PageQuery, Schema, Wire } from '../../shared/api/wire';

/** 待放行, 已放行. */
export const kBatchStatuses = ['planned', 'released'] as const satisfies readonly Schema<'BatchStatus'>[];
export type BatchStatus = Schema<'BatchStatus'>;

/** T−90 交付风险排查, 模拟验收 (T−60), T−30 复查. */
export const kInspectionKinds = ['risk_check', 'simulated_acceptance', 'recheck'] as const satisfies readonly Schema<'InspectionKind'>[];
export type InspectionKind = Schema<'InspectionKind'>;

/** 阻断交付 (refuses the release while open), 严重, 一般. */
export const kSeverities = ['blocking', 'major', 'minor'] as const satisfies readonly Schema<'FindingSeverity'>[];
export type Severity = Schema<'FindingSeverity'>;

export const kFindingStatuses = ['open', 'closed'] as const satisfies readonly Schema<'FindingStatus'>[];
export type FindingStatus = Schema<'FindingStatus'>;

/** 收楼通知 → 身份核验 → 缴费 → 资料签收 → 验房 → 交钥匙, in this order only. */
export const kHandoverSteps = ['notice', 'identity', 'fees', 'documents', 'inspection', 'keys'] as const satisfies readonly Schema<'HandoverStep'>[];
export type HandoverStep = Schema<'HandoverStep'>;

export const kHandoverStatuses = ['booked', 'in_progress', 'done', 'cancelled'] as const satisfies readonly Schema<'HandoverStatus'>[];
export type HandoverStatus = Schema<'HandoverStatus'>;

/** 毛坯, 精装: the units an open day shows. */
export const kOpenDayDecorations = ['raw', 'finished'] as const satisfies readonly Schema<'OpenDay'>['decoration'][];
export type OpenDayDecoration = Schema<'OpenDay'>['decoration'];

/** A gate of a batch: an inspection held, the open days held, no blocking finding open (which alone refuses the release). */
export type BatchGate = Wire<'BatchGate'>;
export type GateKey = BatchGate['key'];

/** 交付批次: a project's units planned for a day, with its gates; `unit_ids` on a single batch only. */
export interface DeliveryBatch extends Wire<'DeliveryBatch', object, { unit_ids?: number[] }> {}
export type BatchInput = Body<'/delivery-batches', 'post'>;
export type BatchQuery = PageQuery<'/delivery-batches'>;

/** An inspection of a batch (交付风险排查, 模拟验收, 复查) with its finding counts. */
export type Inspection = Wire<'Inspection'>;
export type InspectionInput = Body<'/delivery-batches/{id}/inspections', 'post'>;

/** A finding (问题) on a unit of the batch: where, the ticket category's path, how serious, open or closed. */
export interface Finding extends Wire<'Finding'> {}
export type FindingInput = Body<'/inspections/{id}/findings', 'post'>;
export type FindingQuery = PageQuery<'/findings'>;

/**
 * 工地开放日: planned for raw or finished units; `held` once its day has come and it was not vetoed;
 * its households signed up (of `capacity`, null for no limit) and checked in; its 筹备会 (`prep`).
 */
export interface OpenDay extends Wire<'OpenDay'> {}
export type OpenDayInput = Body<'/open-days', 'post'>;
export type OpenDayQuery = PageQuery<'/open-days'>;
/** The preparation meeting (筹备会), due two months before the open day. */
export type OpenDayPrep = OpenDay['prep'];
/** 待召开, 即将到期 (within a fortnight of its day), 已逾期, 已召开, 已取消 (the open day vetoed). */
export type PrepState = OpenDayPrep['state'];
export const kPrepStates = ['upcoming', 'due', 'late', 'held', 'cancelled'] as const satisfies readonly PrepState[];
/** The prep states that still wait for the meeting to be recorded. */
export const kPrepOpen = ['upcoming', 'due', 'late'] as const satisfies readonly PrepState[];
export type PrepInput = Body<'/open-days/{id}/prep', 'post'>;
/** An owner's household signed up for an open day: its unit, the owner, how many come, 已报名 / 已签到 / 已取消. */
export type OpenDaySignup = Wire<'OpenDaySignup'>;
export type SignupStatus = OpenDaySignup['status'];
export const kSignupStatuses = ['signed_up', 'checked_in', 'cancelled'] as const satisfies readonly SignupStatus[];
export type SignupInput = Body<'/open-days/{id}/signups', 'post'>;
/** The people a household may bring, the server's bounds. */
export const kPartySize = { min: 1, max: 10 } as const;

/** A step done, with who, when and what it recorded (`detail`: the attendee, the fees, the defects' tickets, the meters). */
export type HandoverStepRecord = Wire<'HandoverStepRecord'>;

/** A handover (收房): a contracted unit's slot, its steps in order, the repair tickets its inspection opened. */
export interface Handover extends Wire<'Handover'> {}
export type HandoverInput = Body<'/handovers', 'post'>;
export type HandoverQuery = PageQuery<'/handovers'>;
/** What a step records; each step reads only its own members. */
export type StepInput = NonNullable<Body<'/handovers/{id}/steps/{step}', 'post'>>;
export type DefectInput = NonNullable<StepInput['defects']>[number];

/** An open blocking finding, as 409 open_risks names it (`error.findings`). */
export interface OpenRisk {
  id: number;
  unit_id: number;
  unit_code: string;
  location: string;
  description: string;
}

// 交付排期: a batch's handover calendar, the owners' booking links, booking by slot, and the
// repairs of the inspection with their re-inspection (复验).

/** A slot of a batch's calendar: a day and an hour in China time, its seats (0 closes it), booked and left. */
export type HandoverSlot = Wire<'HandoverSlot'>;
/** Every slot of a batch, with the seats and the bookings of all of them. */
export type SlotList = Wire<'HandoverSlotList'>;
export type SlotsInput = Body<'/delivery-batches/{id}/slots', 'post'>;
/** A slot as a picker offers it: the staff's (HandoverSlot) and the owner's page's alike. */
export type SlotChoice = Pick<HandoverSlot, 'id' | 'day' | 'hour' | 'left'>;
/** ISO weekdays, 1 Monday … 7 Sunday; and the hours a slot may start at (China time). */
export const kWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export const kSlotHours = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21] as const;

/** An owner's booking link and where it stands (已发送, 已打开, 已预约, 已交付). */
export type HandoverInvite = Wire<'HandoverInvite'>;
export type InviteState = HandoverInvite['state'];
export const kInviteStates = ['sent', 'opened', 'booked', 'delivered'] as const satisfies readonly InviteState[];
/** 业主自助 or 客服代约. */
export type BookedVia = NonNullable<HandoverInvite['booked_via']>;
/** What 发送预约短信 did: each link sent, and each unit skipped with its reason. */
export type InviteRun = Wire<'HandoverInviteRun'>;
export type SkipReason = InviteRun['skipped'][number]['reason'];

export type RescheduleInput = Body<'/handovers/{id}/reschedule', 'post'>;
/** A repair the inspection opened, with its re-inspection: 待维修, 待复验, 复验通过, 已取消. */
export type HandoverRepair = Handover['repairs'][number];
export type Reinspection = HandoverRepair['reinspection'];

/** The owner's booking page (/b/:token): their unit, the free slots, their booking. */
export type PublicBooking = Wire<'PublicHandoverBooking'>;
export type PublicOpenDay = Wire<'PublicOpenDaySignup'>;
export type OpenDayInvite = Wire<'OpenDayInvite'>;
export type OpenDayInviteState = OpenDayInvite['state'];

// The 6+2 journey (客户服务6+2步法): the playbook of touches, the tasks made from it, each
// customer's place on it, the quarterly audit score; and 不利因素公示 with the buyers' acknowledgements.

/** Who does a touch: 客关, 销售, 物业, 工程. */
export const kJourneyTeams = ['customer_relations', 'sales', 'property', 'engineering'] as const satisfies readonly Schema<'JourneyTeam'>[];
export type JourneyTeam = Schema<'JourneyTeam'>;

/** The milestone a touch falls due from. */
export const kJourneyTriggers = [
  'contract_signed',
  'construction_quarter',
  'open_day',
  'batch_planned',
  'delivered',
  'anniversary',
  'four_year',
] as const satisfies readonly Schema<'JourneyTrigger'>[];
export type JourneyTrigger = Schema<'JourneyTrigger'>;

/** The eight steps, 1 温馨牵手 … 8 四年之约. */
export const kJourneySteps = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** A touch of the playbook (标准动作 or 可选动作): the group's, or a company's own version (`company_id`). */
export interface JourneyTouch extends Wire<'JourneyTouch'> {}
export type TouchPatch = Body<'/journey/playbook/{id}', 'patch'>;

/** A task made from a touch for one owner's home, with its state as of today. */
export interface JourneyTask extends Wire<'JourneyTask'> {}
export type TaskState = JourneyTask['state'];
/** 未到期, 到期待办, 逾期未做, 已完成, 逾期完成: as the server words a task's state. */
export const kTaskStates = ['upcoming', 'due', 'missed', 'done', 'done_late'] as const satisfies readonly TaskState[];
export type TaskQuery = PageQuery<'/journey-tasks'>;
export type TaskFilter = NonNullable<TaskQuery['state']>;
/** The list's state filter: not done, due now, missed, done. */
export const kTaskFilters = ['open', 'due', 'missed', 'done'] as const satisfies readonly TaskFilter[];
export type CompleteInput = Body<'/journey-tasks/{id}/complete', 'post'>;
export type MakeReport = Wire<'JourneyMakeReport'>;
/** A page of tasks: `total` on the first page only (null on the next ones), counted up to 10,000 (`total_capped` beyond). */
export type TaskPage = Wire<'JourneyTaskList'>;

/** GET /customers/{id}/journey: the stage, the homes, each step's tasks with done, missed and open counts. */
export type CustomerJourney = Wire<'CustomerJourney'>;
export type JourneyHome = CustomerJourney['homes'][number];
export type JourneyStepView = CustomerJourney['steps'][number];

/** A company's quarter: execution 25, process 25, evaluation 50, the counts behind them and every point lost. */
export type JourneyScore = Wire<'JourneyScore'>;
export type PointLost = JourneyScore['points_lost'][number];
export type ScorePart = PointLost['part'];
export const kScoreParts = ['execution', 'process', 'evaluation'] as const satisfies readonly ScorePart[];

/** 不利因素: a project's adverse factor, published or withdrawn. */
export type AdverseFactor = Wire<'AdverseFactor'>;
export type FactorInput = Body<'/adverse-factors', 'post'>;
/** A buyer's acknowledgement of the factors published when it was recorded (`factor_ids`). */
export type DisclosureAck = Wire<'DisclosureAck'>;
export type AckInput = Body<'/disclosure-acks', 'post'>;
export type AckMethod = NonNullable<AckInput['method']>;
/** 书面签收, 现场签收, 线上签收. */
export const kAckMethods = ['paper', 'onsite', 'online'] as const satisfies readonly AckMethod[];

// 交付后回访与入户: after delivery, the call-back to every owner and the home visits.

/** The two after-delivery touches, each a queue of tasks (GET /journey-tasks?touch=): 电话回访, 入户拜访. */
export const kAfterDeliveryTouches = ['delivery_callback', 'home_visit'] as const;
export type AfterDeliveryTouch = (typeof kAfterDeliveryTouches)[number];
/**
 * A project's care of its owners after delivery (units delivered since `since`, six months back):
 * call-back coverage (100% expected; `not_made` units have no task yet) and home visits toward the
 * target (a tenth of the units, at most 60) by `due_by`.
 */
export type AfterDelivery = Wire<'AfterDelivery'>;
/** A touch's tasks of the delivered units: done on time, done late, open, overdue. */
export type AfterDeliveryCounts = AfterDelivery['callback']['tasks'];

// 一路同行基金 (the journey's seventh step): per company a fund fed by a share of profit and by the
// owners' contributions, spent on the renovations owners' meetings propose once a manager approves.

/** What an entry of the ledger is: 利润提取 and 业主捐赠/共建 flow in, 支出 is an approved proposal, 更正 is signed. */
export const kFundEntryKinds = ['profit_share', 'owner_contribution', 'spending', 'correction'] as const satisfies readonly Schema<'FundEntryKind'>[];
export type FundEntryKind = Schema<'FundEntryKind'>;
/** What a manager records by hand (spending comes from an approval only). */
export type FundInflowKind = Body<'/journey-funds/{company_id}/entries', 'post'>['kind'];
export const kFundInflowKinds = ['profit_share', 'owner_contribution', 'correction'] as const satisfies readonly FundInflowKind[];

/** 待审批, 已批准, 已驳回. */
export const kFundProposalStatuses = ['proposed', 'approved', 'rejected'] as const satisfies readonly Schema<'FundProposalStatus'>[];
export type FundProposalStatus = Schema<'FundProposalStatus'>;

/** A company's fund: the balance (never below zero), all inflows and spending, the proposals awaiting a decision. */
export type JourneyFund = Wire<'JourneyFund'>;
/** A line of the ledger: signed (positive flows in), with the balance after it, names of its project, proposal and author. */
export type FundEntry = Wire<'FundEntry'>;
export type FundEntryInput = Body<'/journey-funds/{company_id}/entries', 'post'>;
/** A period of the ledger: the balance before it, the totals by kind, the balance after it, the entries oldest first. */
export type FundStatement = Wire<'FundStatement'>;
/** A renovation proposal of an owners' meeting, with its decision. */
export interface FundProposal extends Wire<'FundProposal'> {}
export type FundProposalInput = Body<'/fund-proposals', 'post'>;
export type FundProposalQuery = PageQuery<'/fund-proposals'>;

// 四年之约 (the journey's eighth step): every delivered home visited once in each four-year cycle
// after its keys, the homes spread over the cycle's 48 months.

/** The plan: the homes, the even share a month, the current cycle's coverage, 60 months (a year back, this one, 47 ahead), per project. */
export type FourYearPlan = Wire<'FourYearPlan'>;
/** A month of the plan ("2027-03"): the homes whose visit falls due in it, and their tasks done, open, missed, not made yet. */
export type FourYearMonth = FourYearPlan['months'][number];
/** A project's homes and the current cycle's visits due and made. */
export type FourYearProject = FourYearPlan['projects'][number];
/** The touch of the playbook whose tasks are the visits (the queue: GET /journey-tasks?touch=). */
export const kFourYearTouch = 'four_year_visit';
