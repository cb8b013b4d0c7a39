#include "modules/service/work_orders/work_orders.hpp"

#include <boost/json/serialize.hpp>

#include "modules/service/tickets/ticket_service.hpp"

namespace hearth::service {

namespace {

#define HEARTH_WO_COLUMNS                                                                                         \
  "id, tenant_id, ticket_id, contractor, plan, status, appointment_at, visited_at, accepted_at, approved_by, "   \
  "approved_at, cost_fen, charge_to, note, version, created_at, updated_at"
constexpr std::string_view kInsert = R"sql(
INSERT INTO work_orders (tenant_id, ticket_id, contractor, plan, status, appointment_at, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id)sql";
constexpr std::string_view kFind = "SELECT " HEARTH_WO_COLUMNS " FROM work_orders WHERE id = $1 AND tenant_id = $2";
constexpr std::string_view kOfTicket = "SELECT " HEARTH_WO_COLUMNS " FROM work_orders WHERE ticket_id = $1 ORDER BY id";
#undef HEARTH_WO_COLUMNS
constexpr std::string_view kSave = R"sql(
UPDATE work_orders SET status = $2, appointment_at = $3, visited_at = $4, accepted_at = $5, approved_by = $6,
       approved_at = $7, cost_fen = $8, charge_to = $9, note = $10, version = version + 1, updated_at = $11
 WHERE id = $1 AND version = $12)sql";

std::optional<Timestamp> OptTime(const db::Row& r, std::size_t i) {
  auto v = r.OptInt(i);
  return v ? std::optional<Timestamp>(Timestamp{*v}) : std::nullopt;
}
std::optional<std::int64_t> Ms(const std::optional<Timestamp>& t) { return t ? std::optional<std::int64_t>(t->ms) : std::nullopt; }

WorkOrder From(const db::Row& r) {
  return {r.Int(0),        r.Int(1),        r.Int(2),        r.Text(3),       r.Text(4),     r.Text(5),
          r.Time(6),       OptTime(r, 7),   OptTime(r, 8),   r.OptInt(9),     OptTime(r, 10), r.OptInt(11),
          r.OptText(12),   r.OptText(13),   r.Int(14),       r.Time(15),      r.Time(16)};
}

Error Invalid(const std::string& status, const std::string& action) {
  Error e{ErrorCode::kConflict, "invalid_transition",
          "a work order that is " + status + " cannot be given the action " + action, {}, {}};
  e.extra.emplace_back("status", status);
  return e;
}

}  // namespace

boost::json::object ToJson(const WorkOrder& w) {
  auto time = [](const std::optional<Timestamp>& t) {
    return t ? boost::json::value(FormatRfc3339(*t)) : boost::json::value(nullptr);
  };
  return {{"id", w.id},
          {"ticket_id", w.ticket_id},
          {"contractor", w.contractor},
          {"plan", w.plan},
          {"status", w.status},
          {"appointment_at", FormatRfc3339(w.appointment_at)},
          {"visited_at", time(w.visited_at)},
          {"accepted_at", time(w.accepted_at)},
          {"approved_by", w.approved_by ? boost::json::value(*w.approved_by) : boost::json::value(nullptr)},
          {"approved_at", time(w.approved_at)},
          {"cost_fen", w.cost_fen ? boost::json::value(*w.cost_fen) : boost::json::value(nullptr)},
          {"charge_to", w.charge_to ? boost::json::value(*w.charge_to) : boost::json::value(nullptr)},
          {"note", w.note ? boost::json::value(*w.note) : boost::json::value(nullptr)},
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
    w.contractor = in.contractor;
    w.plan = in.plan;
    w.status = t.grade == TicketGrade::kMajor ? "pending_approval" : "dispatched";
    w.appointment_at = in.appointment_at;
    w.created_at = w.updated_at = now;
    w.id = tx.Execute(kInsert, w.tenant_id, w.ticket_id, w.contractor, w.plan, w.status, w.appointment_at, now).front().Int(0);
    tickets_.Note(tx, actor.tenant_id,
                           {0, t.id, now, "work_order", std::nullopt, std::nullopt, actor.user_id,
                            boost::json::serialize(boost::json::object{{"work_order", w.id}, {"step", w.status},
                                                                       {"contractor", w.contractor},
                                                                       {"appointment_at", FormatRfc3339(w.appointment_at)}})});
    audit_.Record(tx, ctx, "work_order.created", "work_order", w.id, nullptr, ToJson(w));
    return w;
  });
}

Result<std::vector<WorkOrder>> WorkOrderService::OfTicket(const RequestContext& ctx, std::int64_t ticket_id) {
  HEARTH_TRY(tickets_.Get(ctx, ticket_id));
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<WorkOrder>> {
    auto rows = tx.Execute(kOfTicket, ticket_id);
    std::vector<WorkOrder> out;
    for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(From(rows[i]));
    return out;
  });
}

Result<WorkOrder> WorkOrderService::Act(const RequestContext& ctx, std::int64_t id, const std::string& action,
                                        std::optional<Timestamp> appointment_at, std::optional<std::int64_t> cost_fen,
                                        const std::optional<std::string>& charge_to, const std::optional<std::string>& note) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not work on repairs");
  if (action == "accept" && !charge_to) return FailField("charge_to", "required");
  if (action == "accept" && cost_fen && *cost_fen < 0) return FailField("cost_fen", "out_of_range");
  if (action == "reject" && !appointment_at) return FailField("appointment_at", "required");
  if (action == "reject" && (!note || note->empty())) return FailField("note", "required");
  const Timestamp now = clock_.Now();
  auto found = db_.Read([&](db::Tx& tx) -> Result<WorkOrder> {
    auto rows = tx.Execute(kFind, id, actor.tenant_id);
    if (rows.empty()) return NotFound("no such work order");
    return From(rows.front());
  });
  if (!found) return found;
  HEARTH_TRY(tickets_.Get(ctx, found->ticket_id));  // the ticket's scope is the work order's
  return db_.Transact([&](db::Tx& tx) -> Result<WorkOrder> {
    WorkOrder w = *found;
    const std::string from = w.status;
    if (action == "approve") {
      if (w.status != "pending_approval") return tl::unexpected(Invalid(w.status, action));
      const bool engineer = !tx.Execute("SELECT 1 FROM department_members WHERE tenant_id = $1 AND department = "
                                        "'engineering' AND user_id = $2",
                                        actor.tenant_id, actor.user_id)
                                 .empty();
      if (!engineer && !actor.IsAdmin()) return Forbidden("the repair plan of a major case is approved by engineering");
      w.status = "dispatched";
      w.approved_by = actor.user_id;
      w.approved_at = now;
    } else if (action == "visit") {
      if (w.status != "dispatched") return tl::unexpected(Invalid(w.status, action));
      w.status = "visited";
      w.visited_at = now;
    } else if (action == "accept") {
      if (w.status != "visited") return tl::unexpected(Invalid(w.status, action));
      w.status = "accepted";
      w.accepted_at = now;
      w.cost_fen = cost_fen.value_or(0);
      w.charge_to = charge_to;
    } else if (action == "reject") {
      if (w.status != "visited") return tl::unexpected(Invalid(w.status, action));
      w.status = "dispatched";  // another visit
      w.appointment_at = *appointment_at;
      w.visited_at.reset();
    } else if (action == "cancel") {
      if (w.status == "accepted" || w.status == "cancelled") return tl::unexpected(Invalid(w.status, action));
      w.status = "cancelled";
    } else {
      return NotFound("no such action");
    }
    if (note) w.note = note;
    w.updated_at = now;
    if (tx.Execute(kSave, w.id, w.status, w.appointment_at, Ms(w.visited_at), Ms(w.accepted_at), w.approved_by,
                   Ms(w.approved_at), w.cost_fen, w.charge_to, w.note, now, w.version)
            .affected != 1) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the work order was changed by someone else; reload it");
    }
    ++w.version;
    boost::json::object detail{{"work_order", w.id}, {"step", action}, {"from", from}, {"to", w.status}};
    if (action == "accept") {
      detail["cost_fen"] = *w.cost_fen;
      detail["charge_to"] = *w.charge_to;
    }
    if (note) detail["note"] = *note;
    tickets_.Note(tx, actor.tenant_id, {0, w.ticket_id, now, "work_order", std::nullopt, std::nullopt,
                                                 actor.user_id, boost::json::serialize(detail)});
    audit_.Record(tx, ctx, "work_order." + action, "work_order", w.id, nullptr, detail);
    return w;
  });
}

}  // namespace hearth::service
