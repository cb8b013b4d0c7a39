#include "modules/service/work_orders/work_orders.hpp"

#include <algorithm>
#include <initializer_list>

#include <boost/json/serialize.hpp>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "modules/service/config/config_service.hpp"
#include "modules/service/tickets/ticket_service.hpp"
#include "modules/customers/customer_service.hpp"

namespace hearth::service {

namespace {

const db::Columns<WorkOrder> kColumns{
    {"id", &WorkOrder::id},
    {"tenant_id", &WorkOrder::tenant_id},
    {"ticket_id", &WorkOrder::ticket_id},
    {"customer_id", &WorkOrder::customer_id},
    {"contractor", &WorkOrder::contractor},
    {"plan", &WorkOrder::plan},
    {"status", &WorkOrder::status, kWorkOrderStatuses},
    {"appointment_at", &WorkOrder::appointment_at},
    {"visited_at", &WorkOrder::visited_at},
    {"accepted_at", &WorkOrder::accepted_at},
    {"approved_by", &WorkOrder::approved_by},
    {"approved_at", &WorkOrder::approved_at},
    {"cost_fen", &WorkOrder::cost_fen},
    {"charge_to", &WorkOrder::charge_to, kChargeTo},
    {"note", &WorkOrder::note},
    {"version", &WorkOrder::version},
    {"created_at", &WorkOrder::created_at},
    {"updated_at", &WorkOrder::updated_at},
};
constexpr std::string_view kInsert = R"sql(
INSERT INTO work_orders (tenant_id, ticket_id, customer_id, contractor, plan, status, appointment_at, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id)sql";
const std::string kFind = "SELECT " + kColumns.List() + " FROM work_orders WHERE id = $1 AND tenant_id = $2";
const std::string kOfTicket = "SELECT " + kColumns.List() + " FROM work_orders WHERE ticket_id = $1 ORDER BY id";
const std::string kOfCustomer = "SELECT " + kColumns.List() + R"sql( FROM work_orders
 WHERE customer_id = $1 AND tenant_id = $2 AND (CAST($3 AS BIGINT) = 0 OR status IN ('pending_approval', 'dispatched'))
 ORDER BY appointment_at DESC, id DESC LIMIT $4)sql";
constexpr std::string_view kOthersOpen = R"sql(
SELECT count(*) FROM work_orders WHERE ticket_id = $1 AND id <> $2 AND status IN ('pending_approval', 'dispatched', 'visited'))sql";
constexpr std::string_view kMoveCustomer = "UPDATE work_orders SET customer_id = $3 WHERE customer_id = $2 AND tenant_id = $1";
constexpr std::string_view kSave = R"sql(
UPDATE work_orders SET status = $2, appointment_at = $3, visited_at = $4, accepted_at = $5, approved_by = $6,
       approved_at = $7, cost_fen = $8, charge_to = $9, note = $10, version = version + 1, updated_at = $11
 WHERE id = $1 AND version = $12)sql";

WorkOrder From(const db::Row& r) { return kColumns.Read(r); }

Error Invalid(std::string_view status, std::string_view action) {
  Error e{ErrorCode::kConflict, "invalid_transition",
          "a work order that is " + std::string(status) + " cannot be given the action " + std::string(action), {}, {}};
  e.extra.emplace_back("status", std::string(status));
  return e;
}

using enum WorkOrderAction;
using enum WorkOrderStatus;

struct Step {
  WorkOrderAction action;
  std::initializer_list<WorkOrderStatus> from;
  WorkOrderStatus to;
};

// The work order's steps: a plan waiting for approval is dispatched once approved; a visit that
// fails acceptance (reject) waits for another visit.
const Step kSteps[] = {
    {kApprove, {kPendingApproval}, kDispatched},
    {kVisit, {kDispatched}, kVisited},
    {kAccept, {kVisited}, kAccepted},
    {kReject, {kVisited}, kDispatched},
    {kCancel, {kPendingApproval, kDispatched, kVisited}, kCancelled},
};

}  // namespace

Result<WorkOrderStatus> NextWorkOrderStatus(WorkOrderAction action, WorkOrderStatus status) {
  for (const Step& step : kSteps) {
    if (step.action != action) continue;
    if (std::find(step.from.begin(), step.from.end(), status) != step.from.end()) return step.to;
  }
  return tl::unexpected(Invalid(kWorkOrderStatuses.Name(status), kWorkOrderActions.Name(action)));
}

boost::json::object ToJson(const WorkOrder& w) {
  return {{"id", w.id},
          {"ticket_id", w.ticket_id},
          {"customer_id", w.customer_id},
          {"ticket_title", w.ticket_title},
          {"unit_id", JsonOr(w.unit_id)},
          {"unit_code", JsonOr(w.unit_code)},
          {"contractor", w.contractor},
          {"plan", w.plan},
          {"status", kWorkOrderStatuses.Name(w.status)},
          {"appointment_at", FormatRfc3339(w.appointment_at)},
          {"visited_at", JsonTime(w.visited_at)},
          {"accepted_at", JsonTime(w.accepted_at)},
          {"approved_by", JsonOr(w.approved_by)},
          {"approved_at", JsonTime(w.approved_at)},
          {"cost_fen", JsonOr(w.cost_fen)},
          {"charge_to", JsonOr(w.charge_to)},
          {"note", JsonOr(w.note)},
          {"version", w.version},
          {"created_at", FormatRfc3339(w.created_at)},
          {"updated_at", FormatRfc3339(w.updated_at)}};
}

Result<WorkOrder> WorkOrderService::Create(const RequestContext& ctx, std::int64_t ticket_id, const WorkOrderInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not dispatch repairs");
  HEARTH_ASSIGN(Ticket t, tickets_.Get(ctx, ticket_id));
  if (t.kind != TicketKind::kRepair) return FailField("ticket_id", "not_a_repair");
  if (!IsOpen(t.status)) return tl::unexpected(Invalid(kTicketStatuses.Text(t.status), "dispatch"));
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<WorkOrder> {
    WorkOrder w;
    w.tenant_id = actor.tenant_id;
    w.ticket_id = t.id;
    w.customer_id = t.customer_id;
    w.contractor = in.contractor;
    w.plan = in.plan;
    w.status = t.grade == TicketGrade::kMajor ? kPendingApproval : kDispatched;
    w.appointment_at = in.appointment_at;
    w.created_at = w.updated_at = now;
    w.id = tx.Execute(kInsert, w.tenant_id, w.ticket_id, w.customer_id, w.contractor, w.plan, w.status, w.appointment_at, now)
               .front()
               .Int(0);
    w.ticket_title = t.title;
    w.unit_id = t.unit_id;
    w.unit_code = t.labels.unit_code;
    tickets_.Note(tx, actor.tenant_id,
                           {0, t.id, now, "work_order", std::nullopt, std::nullopt, actor.user_id,
                            boost::json::serialize(boost::json::object{{"work_order", w.id}, {"step", kWorkOrderStatuses.Name(w.status)},
                                                                       {"contractor", w.contractor},
                                                                       {"appointment_at", FormatRfc3339(w.appointment_at)}})});
    audit_.Record(tx, ctx, "work_order.created", "work_order", w.id, nullptr, ToJson(w));
    if (t.status == TicketStatus::kNew) {
      // Dispatched by whoever took the call: the ticket is theirs until the visit starts it.
      ActionInput take;
      take.department = t.department;
      take.assignee_id = actor.user_id;
      HEARTH_TRY(tickets_.ActIn(tx, ctx, t.id, TicketAction::kAssign, take, std::nullopt));
    }
    return w;
  });
}

WorkOrderService::WorkOrderService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                                   ConfigService& config, TicketService& tickets, customers::CustomerService& customers)
    : db_(db), clock_(clock), audit_(audit), config_(config), tickets_(tickets) {
  customers.AddMergeHook([](db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into) {
    tx.Execute(kMoveCustomer, tenant_id, from, into);
  });
}

Result<std::vector<WorkOrder>> WorkOrderService::OfTicket(const RequestContext& ctx, std::int64_t ticket_id) {
  HEARTH_ASSIGN(Ticket t, tickets_.Get(ctx, ticket_id));
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<WorkOrder>> {
    auto rows = tx.Execute(kOfTicket, ticket_id);
    std::vector<WorkOrder> out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      out.push_back(From(rows[i]));
      out.back().ticket_title = t.title;
      out.back().unit_id = t.unit_id;
      out.back().unit_code = t.labels.unit_code;
    }
    return out;
  });
}

Result<std::vector<WorkOrder>> WorkOrderService::OfCustomer(const RequestContext& ctx, std::int64_t customer_id,
                                                            bool open_only, int limit) {
  // The customer's tickets the caller may see decide which of their work orders are shown.
  TicketFilter filter;
  filter.customer_id = customer_id;
  Page page;
  page.limit = 200;
  HEARTH_ASSIGN(auto tickets, tickets_.List(ctx, filter, page));
  std::map<std::int64_t, const Ticket*> seen;
  for (const Ticket& t : tickets.items) seen.emplace(t.id, &t);
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<WorkOrder>> {
    auto rows = tx.Execute(kOfCustomer, customer_id, ctx.actor_ref().tenant_id, std::int64_t{open_only ? 1 : 0}, std::int64_t{limit});
    std::vector<WorkOrder> out;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      WorkOrder w = From(rows[i]);
      auto t = seen.find(w.ticket_id);
      if (t == seen.end()) continue;
      w.ticket_title = t->second->title;
      w.unit_id = t->second->unit_id;
      w.unit_code = t->second->labels.unit_code;
      out.push_back(std::move(w));
    }
    return out;
  });
}

Result<void> WorkOrderService::MoveTicket(db::Tx& tx, const RequestContext& ctx, const WorkOrder& w,
                                          WorkOrderAction action) {
  HEARTH_ASSIGN(const Ticket t, tickets_.TicketFor(tx, ctx.actor_ref(), w.ticket_id));
  if (action == kVisit) {
    // The contractor at the door has answered the customer: the ticket starts, the response
    // deadline is met.
    if (!NextStatus(TicketAction::kStart, t.status)) return {};
    HEARTH_TRY(tickets_.ActIn(tx, ctx, t.id, TicketAction::kStart, {}, std::nullopt));
    return {};
  }
  if (action != kAccept) return {};
  // The last open work order accepted resolves the repair; with others still open, or a ticket on
  // hold or already resolved, the ticket waits for them (or for the agent).
  if (tx.Execute(kOthersOpen, w.ticket_id, w.id).front().Int(0) > 0) return {};
  if (!NextStatus(TicketAction::kResolve, t.status)) return {};
  ActionInput resolve;
  resolve.resolution = "维修完成，验收通过：" + w.plan;
  if (w.charge_to == ChargeTo::kContractor) resolve.responsibility = Responsibility::kContractor;
  if (w.charge_to == ChargeTo::kOwner) resolve.responsibility = Responsibility::kCustomer;
  HEARTH_TRY(tickets_.ActIn(tx, ctx, t.id, TicketAction::kResolve, resolve, std::nullopt));
  return {};
}

Result<WorkOrder> WorkOrderService::Act(const RequestContext& ctx, std::int64_t id, WorkOrderAction action,
                                        std::optional<Timestamp> appointment_at, std::optional<std::int64_t> cost_fen,
                                        std::optional<ChargeTo> charge_to, const std::optional<std::string>& note) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not work on repairs");
  // What each action needs, checked before anything is read.
  if (action == kAccept && !charge_to) return FailField("charge_to", "required");
  if (action == kAccept && cost_fen && *cost_fen < 0) return FailField("cost_fen", "out_of_range");
  if (action == kReject && !appointment_at) return FailField("appointment_at", "required");
  if (action == kReject && (!note || note->empty())) return FailField("note", "required");
  const Timestamp now = clock_.Now();
  auto found = db_.Read([&](db::Tx& tx) -> Result<WorkOrder> {
    auto rows = tx.Execute(kFind, id, actor.tenant_id);
    if (rows.empty()) return NotFound("no such work order");
    return From(rows.front());
  });
  if (!found) return found;
  HEARTH_ASSIGN(const Ticket ticket, tickets_.Get(ctx, found->ticket_id));  // the ticket's scope is the work order's
  return db_.Transact([&](db::Tx& tx) -> Result<WorkOrder> {
    WorkOrder w = *found;
    w.ticket_title = ticket.title;
    w.unit_id = ticket.unit_id;
    w.unit_code = ticket.labels.unit_code;
    const WorkOrderStatus from = w.status;
    HEARTH_ASSIGN(w.status, NextWorkOrderStatus(action, from));
    if (action == kApprove) {
      const bool engineer = config_.IsMember(tx, actor.tenant_id, Department::kEngineering, actor.user_id);
      if (!engineer && !actor.IsAdmin()) return Forbidden("the repair plan of a major case is approved by engineering");
      w.approved_by = actor.user_id;
      w.approved_at = now;
    } else if (action == kVisit) {
      w.visited_at = now;
    } else if (action == kAccept) {
      w.accepted_at = now;
      w.cost_fen = cost_fen.value_or(0);
      w.charge_to = charge_to;
    } else if (action == kReject) {
      w.appointment_at = *appointment_at;  // another visit
      w.visited_at.reset();
    }
    if (note) w.note = note;
    w.updated_at = now;
    if (tx.Execute(kSave, w.id, w.status, w.appointment_at, w.visited_at, w.accepted_at, w.approved_by, w.approved_at,
                   w.cost_fen, w.charge_to, w.note, now, w.version)
            .affected != 1) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the work order was changed by someone else; reload it");
    }
    ++w.version;
    boost::json::object detail{{"work_order", w.id},
                               {"step", kWorkOrderActions.Name(action)},
                               {"from", kWorkOrderStatuses.Name(from)},
                               {"to", kWorkOrderStatuses.Name(w.status)}};
    if (action == kAccept) {
      detail["cost_fen"] = *w.cost_fen;
      detail["charge_to"] = kChargeTo.Name(*w.charge_to);
    }
    if (note) detail["note"] = *note;
    tickets_.Note(tx, actor.tenant_id, {0, w.ticket_id, now, "work_order", std::nullopt, std::nullopt,
                                        actor.user_id, boost::json::serialize(detail)});
    audit_.Record(tx, ctx, "work_order." + kWorkOrderActions.Text(action), "work_order", w.id, nullptr, detail);
    HEARTH_TRY(MoveTicket(tx, ctx, w, action));
    return w;
  });
}

}  // namespace hearth::service
