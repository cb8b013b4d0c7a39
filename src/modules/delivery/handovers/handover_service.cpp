#include "modules/delivery/handovers/handover_service.hpp"

#include <algorithm>
#include <map>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "modules/delivery/booking/slot_store.hpp"
#include "modules/delivery/delivery_common.hpp"
#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::delivery {

namespace {

const db::Columns<Handover> kColumns{
    {"id", &Handover::id},
    {"tenant_id", &Handover::tenant_id},
    {"project_id", &Handover::project_id},
    {"org_unit_id", &Handover::org_unit_id},
    {"unit_id", &Handover::unit_id},
    {"batch_id", &Handover::batch_id},
    {"customer_id", &Handover::customer_id},
    {"slot_at", &Handover::slot_at},
    {"status", &Handover::status, kHandoverStatuses},
    {"steps_done", &Handover::steps_done},
    {"delivered_on", &Handover::delivered_on},
    {"note", &Handover::note},
    {"cancel_reason", &Handover::cancel_reason},
    {"slot_id", &Handover::slot_id},
    {"booked_via", &Handover::booked_via},
    {"version", &Handover::version},
    {"created_at", &Handover::created_at},
    {"updated_at", &Handover::updated_at},
};
const std::string kFind = "SELECT " + kColumns.List() + " FROM handovers WHERE id = $1 AND tenant_id = $2";
// The day's desk: by slot, in the caller's scope; the cursor is the id (slots may tie).
const std::string kList = "SELECT " + kColumns.List("h") + " FROM handovers h" HEARTH_JOIN_ORG_UNIT("h") R"sql(
 WHERE h.tenant_id = $1 AND o.path LIKE $2
   AND (CAST($3 AS BIGINT) IS NULL OR h.id > $3)
   AND (CAST($4 AS BIGINT) IS NULL OR h.slot_at >= $4)
   AND (CAST($5 AS BIGINT) IS NULL OR h.slot_at < $5)
   AND (CAST($6 AS BIGINT) IS NULL OR h.project_id = $6)
   AND (CAST($7 AS BIGINT) IS NULL OR h.batch_id = $7)
   AND (CAST($8 AS TEXT) IS NULL OR h.status = $8)
 ORDER BY h.id LIMIT $9)sql";
constexpr std::string_view kInsert = R"sql(
INSERT INTO handovers (tenant_id, project_id, org_unit_id, unit_id, batch_id, customer_id, slot_at, note, slot_id, booked_via,
                       created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id)sql";
constexpr std::string_view kMove = R"sql(
UPDATE handovers SET slot_at = $3, slot_id = $4, version = version + 1, updated_at = $5
 WHERE id = $1 AND tenant_id = $2 AND status = 'booked')sql";
const std::string kOpenOfUnit = "SELECT " + kColumns.List() + " FROM handovers WHERE unit_id = $1 AND tenant_id = $2 AND status <> 'cancelled'";
// Compare-and-set on the number of steps done: two desks pressing the same step, one wins.
constexpr std::string_view kAdvance = R"sql(
UPDATE handovers SET steps_done = steps_done + 1, status = $4, delivered_on = $5, version = version + 1, updated_at = $6
 WHERE id = $1 AND tenant_id = $2 AND steps_done = $3 AND status IN ('booked', 'in_progress'))sql";
constexpr std::string_view kInsertStep = R"sql(
INSERT INTO handover_steps (handover_id, step, done_at, done_by, note, detail) VALUES ($1, $2, $3, $4, $5, $6))sql";
constexpr std::string_view kSteps = "SELECT step, done_at, done_by, note, detail FROM handover_steps WHERE handover_id = $1";
constexpr std::string_view kTickets = "SELECT ticket_id FROM handover_tickets WHERE handover_id = $1 ORDER BY ticket_id";
constexpr std::string_view kInsertTicket = "INSERT INTO handover_tickets (handover_id, ticket_id) VALUES ($1, $2)";
constexpr std::string_view kCancel = R"sql(
UPDATE handovers SET status = 'cancelled', cancel_reason = $3, version = version + 1, updated_at = $4
 WHERE id = $1 AND tenant_id = $2 AND status IN ('booked', 'in_progress'))sql";

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000, kChinaOffsetMs = 8LL * 3600 * 1000;


}  // namespace

HandoverService::HandoverService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                                 customers::CustomerService& customers, inventory::InventoryService& inventory,
                                 service::TicketService& tickets, BatchService& batches)
    : db_(db), clock_(clock), audit_(audit), customers_(customers), inventory_(inventory), tickets_(tickets), batches_(batches) {}

void HandoverService::Complete(db::Tx& tx, std::vector<Handover>& handovers, bool with_steps) {
  if (handovers.empty()) return;
  const std::int64_t tenant = handovers.front().tenant_id;
  std::vector<std::int64_t> units, customers, users;
  for (const auto& h : handovers) {
    units.push_back(h.unit_id);
    if (h.customer_id) customers.push_back(*h.customer_id);
  }
  const auto codes = inventory_.CodesOf(tx, tenant, units);
  const auto names = customers_.NamesOf(tx, tenant, customers);
  const auto projects = inventory_.NamesOfProjects(tx, tenant);
  for (auto& h : handovers) {
    if (auto it = codes.find(h.unit_id); it != codes.end()) h.unit_code = it->second;
    if (h.customer_id) {
      if (auto it = names.find(*h.customer_id); it != names.end()) h.customer_name = it->second;
    }
    if (auto it = projects.find(h.project_id); it != projects.end()) h.project_name = it->second;
    if (!with_steps) continue;
    h.steps.clear();
    for (const auto& r : tx.Execute(kSteps, h.id)) {
      StepRecord s;
      s.step = kHandoverSteps.Stored(r.Text(0));
      s.at = Timestamp{r.Int(1)};
      s.by = r.Int(2);
      s.note = r.Text(3);
      boost::system::error_code ec;
      auto detail = boost::json::parse(r.Text(4), ec);
      if (!ec && detail.is_object()) s.detail = detail.as_object();
      users.push_back(s.by);
      h.steps.push_back(std::move(s));
    }
    std::sort(h.steps.begin(), h.steps.end(), [](const StepRecord& a, const StepRecord& b) { return a.step < b.step; });
    h.ticket_ids.clear();
    for (const auto& r : tx.Execute(kTickets, h.id)) h.ticket_ids.push_back(r.Int(0));
    h.repairs.clear();
    for (const auto& t : tickets_.BriefsOf(tx, tenant, h.ticket_ids)) {
      h.repairs.push_back({t.id, t.title, std::string(service::WordOf(t.status))});
    }
  }
  if (users.empty()) return;
  const auto people = platform::directory::NamesOf(tx, tenant, users);
  for (auto& h : handovers) {
    for (auto& s : h.steps) {
      if (auto it = people.find(s.by); it != people.end()) s.by_name = it->second.Shown();
    }
  }
}

Result<Handover> HandoverService::HandoverFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto rows = tx.Execute(kFind, id, actor.tenant_id);
  if (rows.empty()) return NotFound("no such handover");
  Handover h = kColumns.Read(rows.front());
  if (!inventory_.ProjectFor(tx, actor, h.project_id)) return NotFound("no such handover");
  std::vector<Handover> one{std::move(h)};
  Complete(tx, one, true);
  return std::move(one.front());
}

Result<std::optional<Slot>> HandoverService::TakeSeat(db::Tx& tx, std::int64_t tenant_id, std::optional<std::int64_t> batch_id,
                                                       std::optional<std::int64_t> slot_id, Timestamp slot_at) {
  std::optional<Slot> slot;
  if (slot_id) {
    slot = slots::Find(tx, tenant_id, *slot_id);
    if (!slot || !batch_id || slot->batch_id != *batch_id) return FailField("slot_id", "not_found");
  } else if (batch_id) {
    slot = slots::At(tx, *batch_id, slot_at);
  }
  if (!slot) return std::optional<Slot>();
  if (!slots::Take(tx, slot->id, clock_.Now())) {
    return Fail(ErrorCode::kConflict, "slot_full",
                fmt::format("{} {}:00 is fully booked: choose another time", ChinaDayOf(slot->starts_at), ChinaHourOf(slot->starts_at)),
                {{"slot_id", "full"}});
  }
  return slot;
}

std::optional<Handover> HandoverService::OpenOfUnit(db::Tx& tx, std::int64_t tenant_id, std::int64_t unit_id) {
  auto rows = tx.Execute(kOpenOfUnit, unit_id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return kColumns.Read(rows.front());
}

Result<Handover> HandoverService::Create(const RequestContext& ctx, const HandoverInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations book handovers");
  return db_.Transact([&](db::Tx& tx) -> Result<Handover> { return CreateIn(tx, ctx, in); });
}

Result<Handover> HandoverService::CreateIn(db::Tx& tx, const RequestContext& ctx, const HandoverInput& in) {
  const Actor& actor = ctx.actor_ref();
  const Timestamp now = clock_.Now();
  auto unit = inventory_.UnitFor(tx, actor, in.unit_id);
  if (!unit) return FailField("unit_id", "not_found");
  if (unit->status != inventory::UnitStatus::kContracted) {
    Error e{ErrorCode::kConflict, "unit_unavailable",
            fmt::format("unit {} is {}: only a contracted unit is handed over", unit->code, inventory::kUnitStatusLabels.Name(unit->status)),
            {{"unit_id", "not_contracted"}}, {}};
    e.extra.emplace_back("unit_status", fmt::format("\"{}\"", inventory::WordOf(unit->status)));
    return tl::unexpected(std::move(e));
  }
  const auto batch = batches_.BatchOfUnit(tx, actor.tenant_id, unit->id);
  if (batch && batch->status != BatchStatus::kReleased) {
    return Fail(ErrorCode::kConflict, "batch_not_released",
                fmt::format("the delivery batch {} is not released: its gates come first", batch->name), {{"unit_id", "batch_not_released"}});
  }
  const auto view = inventory_.OwnersOf(tx, *unit);
  std::optional<std::int64_t> customer = in.customer_id;
  if (customer) {
    const bool owner = std::any_of(view.owners.begin(), view.owners.end(), [&](const auto& o) { return o.customer_id == *customer; });
    if (!owner) return FailField("customer_id", "not_an_owner");
  } else if (!view.owners.empty()) {
    customer = view.owners.front().customer_id;
  }
  const auto project = inventory_.ProjectFor(tx, actor, unit->project_id);
  if (!project) return FailField("unit_id", "not_found");
  if (auto open = OpenOfUnit(tx, actor.tenant_id, unit->id)) {
    Error e{ErrorCode::kConflict, "handover_exists",
            fmt::format("unit {} has a handover already ({})", unit->code, open->status == HandoverStatus::kBooked
                                                                                 ? "booked for " + ChinaDayOf(open->slot_at)
                                                                                 : std::string(WordOf(open->status))),
            {{"unit_id", "booked"}}, {}};
    e.extra.emplace_back("handover_id", std::to_string(open->id));
    return tl::unexpected(std::move(e));
  }
  const std::optional<std::int64_t> batch_id = batch ? std::optional<std::int64_t>(batch->id) : std::nullopt;
  HEARTH_ASSIGN(const auto slot, TakeSeat(tx, actor.tenant_id, batch_id, in.slot_id, in.slot_at));
  const Timestamp at = slot ? slot->starts_at : in.slot_at;
  const auto id = tx.Execute(kInsert, actor.tenant_id, unit->project_id, project->org_unit_id, unit->id, batch_id, customer, at,
                             in.note, slot ? std::optional<std::int64_t>(slot->id) : std::nullopt, in.booked_via, now)
                      .front()
                      .Int(0);
  HEARTH_ASSIGN(Handover h, HandoverFor(tx, actor, id));
  inventory_.NoteUnitEvent(tx, actor.tenant_id, unit->id, "delivery",
                           (in.booked_via == "owner" ? "业主自助预约交付：" : "预约交付：") + ChinaDayOf(at) + " " +
                               std::to_string(ChinaHourOf(at)) + ":00",
                           actor.user_id, now);
  if (customer) {
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, *customer, now, "delivery", "unit", unit->id, fmt::format("预约收房 {}（{}）", unit->code, h.project_name)},
                              actor.user_id);
  }
  audit_.Record(tx, ctx, "handover.created", "unit", unit->id, nullptr, ToJson(h));
  return h;
}

Result<Handover> HandoverService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<Handover> { return HandoverFor(tx, actor, id); });
}

Result<platform::Listing<Handover>> HandoverService::List(const RequestContext& ctx, const HandoverFilter& f, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  std::optional<std::int64_t> from, to;
  if (f.on) {
    const auto day = ParseIsoDate(*f.on);
    if (!day) return FailField("on", "invalid_format");
    from = *day * kDayMs - kChinaOffsetMs;
    to = *from + kDayMs;
  }
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Handover>> {
    platform::Listing<Handover> out;
    const std::optional<std::string> status = f.status ? std::optional<std::string>(std::string(WordOf(*f.status))) : std::nullopt;
    auto rows = tx.Execute(kList, actor.tenant_id, (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%", page.after_id, from, to,
                           f.project_id, f.batch_id, status, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(kColumns.Read(rows[i]));
    out.next_cursor = TrimToPage(out.items, page, [](const Handover& h) { return h.id; });
    std::sort(out.items.begin(), out.items.end(), [](const Handover& a, const Handover& b) {
      return a.slot_at != b.slot_at ? a.slot_at < b.slot_at : a.id < b.id;
    });
    Complete(tx, out.items, true);
    return out;
  });
}

Result<Handover> HandoverService::Step(const RequestContext& ctx, std::int64_t id, HandoverStep step, const StepInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations run a handover");
  // What each step must record, checked before anything is written.
  boost::json::object detail;
  switch (step) {
    case HandoverStep::kIdentity:
      if (!in.attendee) return FailField("attendee", "required");
      detail["attendee"] = *in.attendee;
      if (*in.attendee == "agent") {
        if (!in.agent_name || in.agent_name->empty()) return FailField("agent_name", "required");
        if (!in.power_of_attorney || in.power_of_attorney->empty()) return FailField("power_of_attorney", "required");
        detail["agent_name"] = *in.agent_name;
        detail["power_of_attorney"] = *in.power_of_attorney;
      }
      break;
    case HandoverStep::kFees:
      if (in.fees_cents) detail["fees_cents"] = *in.fees_cents;
      if (in.receipt_no) detail["receipt_no"] = *in.receipt_no;
      break;
    case HandoverStep::kKeys:
      if (in.water_m3) detail["water_m3"] = *in.water_m3;
      if (in.electricity_kwh) detail["electricity_kwh"] = *in.electricity_kwh;
      if (in.gas_m3) detail["gas_m3"] = *in.gas_m3;
      if (in.key_count) detail["key_count"] = *in.key_count;
      break;
    default:
      break;
  }
  if (step != HandoverStep::kInspection && !in.defects.empty()) return FailField("defects", "only_at_inspection");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Handover> {
    HEARTH_ASSIGN(Handover h, HandoverFor(tx, actor, id));
    if (auto refusal = StepRefusal(h.status, h.steps_done, step)) {
      const auto next = NextStep(h.steps_done);
      Error e{ErrorCode::kConflict, "invalid_transition",
              *refusal == "out_of_order" && next
                  ? fmt::format("{} comes next, not {}", kHandoverStepLabels.Name(*next), kHandoverStepLabels.Name(step))
                  : fmt::format("the handover is {}", *refusal),
              {}, {}};
      e.extra.emplace_back("next_step", next && *refusal == "out_of_order" ? fmt::format("\"{}\"", WordOf(*next)) : "null");
      return tl::unexpected(std::move(e));
    }
    const HandoverStatus status = StatusAfter(step);
    const std::optional<std::string> delivered = step == HandoverStep::kKeys ? std::optional<std::string>(ChinaDayOf(now)) : std::nullopt;
    if (tx.Execute(kAdvance, h.id, actor.tenant_id, h.steps_done, status, delivered.has_value() ? delivered : h.delivered_on, now)
            .affected != 1) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the handover moved on meanwhile; reload it");
    }
    std::vector<std::int64_t> opened;
    if (step == HandoverStep::kInspection) {
      // Each defect is a repair ticket of the unit, for the owner; the handover keeps the links (复验 through the ticket).
      if (!h.customer_id && !in.defects.empty()) return FailField("defects", "no_owner");
      for (const auto& d : in.defects) {
        service::TicketInput t;
        t.kind = service::TicketKind::kRepair;
        t.channel = service::TicketChannel::kOnsite;
        t.customer_id = *h.customer_id;
        t.unit_id = h.unit_id;
        t.category = d.category;
        t.title = "交付验房：" + d.location;
        t.description = d.description;
        HEARTH_ASSIGN(const auto ticket, tickets_.CreateIn(tx, ctx, t));
        tx.Execute(kInsertTicket, h.id, ticket.id);
        opened.push_back(ticket.id);
      }
      detail["defects"] = static_cast<std::int64_t>(in.defects.size());
      detail["ticket_ids"] = boost::json::array(opened.begin(), opened.end());
    }
    tx.Execute(kInsertStep, h.id, step, now, actor.user_id, in.note, boost::json::serialize(detail));
    if (delivered) {
      HEARTH_TRY(inventory_.Deliver(tx, ctx, h.unit_id, *delivered));
      if (h.customer_id) {
        customers_.AppendTimeline(tx, actor.tenant_id,
                                  {0, *h.customer_id, now, "delivery", "unit", h.unit_id, fmt::format("收房 {}（{}），交钥匙", h.unit_code, h.project_name)},
                                  actor.user_id);
      }
    }
    HEARTH_ASSIGN(Handover after, HandoverFor(tx, actor, id));
    audit_.Record(tx, ctx, "handover.step", "unit", h.unit_id, boost::json::object{{"steps_done", h.steps_done}},
                  boost::json::object{{"step", WordOf(step)}, {"steps_done", after.steps_done}, {"detail", detail}});
    return after;
  });
}

Result<Handover> HandoverService::Cancel(const RequestContext& ctx, std::int64_t id, const std::string& reason) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations cancel a handover");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Handover> {
    HEARTH_ASSIGN(Handover h, HandoverFor(tx, actor, id));
    if (tx.Execute(kCancel, h.id, actor.tenant_id, reason, now).affected != 1) {
      return Fail(ErrorCode::kConflict, "invalid_transition", "the handover is done or cancelled already");
    }
    if (h.slot_id) slots::Free(tx, *h.slot_id, now);
    HEARTH_ASSIGN(Handover after, HandoverFor(tx, actor, id));
    inventory_.NoteUnitEvent(tx, actor.tenant_id, h.unit_id, "delivery", "取消交付预约：" + reason, actor.user_id, now);
    audit_.Record(tx, ctx, "handover.cancelled", "unit", h.unit_id, boost::json::object{{"status", WordOf(h.status)}},
                  boost::json::object{{"status", "cancelled"}, {"reason", reason}});
    return after;
  });
}

Result<Handover> HandoverService::Reschedule(const RequestContext& ctx, std::int64_t id, std::optional<std::int64_t> slot_id,
                                             std::optional<Timestamp> slot_at) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations move a handover");
  return db_.Transact([&](db::Tx& tx) -> Result<Handover> { return RescheduleIn(tx, ctx, id, slot_id, slot_at); });
}

Result<Handover> HandoverService::RescheduleIn(db::Tx& tx, const RequestContext& ctx, std::int64_t id,
                                               std::optional<std::int64_t> slot_id, std::optional<Timestamp> slot_at) {
  const Actor& actor = ctx.actor_ref();
  const Timestamp now = clock_.Now();
  if (!slot_id && !slot_at) return FailField("slot_at", "required");
  HEARTH_ASSIGN(Handover h, HandoverFor(tx, actor, id));
  if (h.status != HandoverStatus::kBooked) {
    return Fail(ErrorCode::kConflict, "invalid_transition", "only a handover that has not begun moves to another time");
  }
  if (slot_id && h.slot_id && *slot_id == *h.slot_id) return h;
  HEARTH_ASSIGN(const auto slot, TakeSeat(tx, actor.tenant_id, h.batch_id, slot_id, slot_at.value_or(h.slot_at)));
  if (slot && h.slot_id && slot->id == *h.slot_id) {
    slots::Free(tx, slot->id, now);  // the same slot, named by its time: the seat stays as it was
    return h;
  }
  if (h.slot_id) slots::Free(tx, *h.slot_id, now);
  const Timestamp at = slot ? slot->starts_at : *slot_at;
  if (tx.Execute(kMove, h.id, actor.tenant_id, at, slot ? std::optional<std::int64_t>(slot->id) : std::nullopt, now).affected != 1) {
    return Fail(ErrorCode::kConflict, "version_conflict", "the handover changed meanwhile; reload it");
  }
  HEARTH_ASSIGN(Handover after, HandoverFor(tx, actor, id));
  const std::string when = ChinaDayOf(at) + " " + std::to_string(ChinaHourOf(at)) + ":00";
  inventory_.NoteUnitEvent(tx, actor.tenant_id, h.unit_id, "delivery", "交付预约改期：" + when, actor.user_id, now);
  if (h.customer_id) {
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, *h.customer_id, now, "delivery", "unit", h.unit_id, fmt::format("收房预约改为 {}（{}）", when, h.unit_code)},
                              actor.user_id);
  }
  audit_.Record(tx, ctx, "handover.rescheduled", "unit", h.unit_id, boost::json::object{{"slot_at", FormatRfc3339(h.slot_at)}},
                boost::json::object{{"slot_at", FormatRfc3339(at)}});
  return after;
}

}  // namespace hearth::delivery
