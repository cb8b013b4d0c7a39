#include "modules/delivery/booking/booking_service.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "modules/delivery/booking/slot_store.hpp"
#include "modules/delivery/delivery_common.hpp"

namespace hearth::delivery {

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

std::string When(Timestamp t) { return fmt::format("{} {}:00", ChinaDayOf(t), ChinaHourOf(t)); }

}  // namespace

boost::json::object ToJson(const Invite& i) {
  std::string state = "sent";
  if (i.opened_at) state = "opened";
  if (i.handover) state = i.handover->status == HandoverStatus::kDone ? "delivered" : "booked";
  return {{"id", i.id},
          {"batch_id", i.parent_id},
          {"unit_id", i.unit_id},
          {"unit_code", i.unit_code},
          {"customer_id", i.customer_id},
          {"customer_name", i.customer_name},
          {"message_id", JsonOr(i.message_id)},
          {"sent_at", FormatRfc3339(i.created_at)},
          {"expires_at", FormatRfc3339(i.expires_at)},
          {"opened_at", i.opened_at ? boost::json::value(FormatRfc3339(*i.opened_at)) : boost::json::value(nullptr)},
          {"state", state},
          {"handover_id", i.handover ? boost::json::value(i.handover->id) : boost::json::value(nullptr)},
          {"slot_at", i.handover ? boost::json::value(FormatRfc3339(i.handover->slot_at)) : boost::json::value(nullptr)},
          {"booked_via", i.handover ? boost::json::value(i.handover->booked_via) : boost::json::value(nullptr)}};
}

boost::json::object ToJson(const PublicBooking& b) {
  boost::json::array slots;
  for (const auto& s : b.slots) {
    auto j = ToJson(s);
    j.erase("version");
    j.erase("batch_id");
    j.erase("booked");
    j.erase("capacity");
    slots.push_back(std::move(j));
  }
  boost::json::value booking = nullptr;
  if (b.handover) {
    booking = boost::json::object{{"slot_id", JsonOr(b.handover->slot_id)},
                                  {"slot_at", FormatRfc3339(b.handover->slot_at)},
                                  {"day", ChinaDayOf(b.handover->slot_at)},
                                  {"hour", ChinaHourOf(b.handover->slot_at)},
                                  {"status", WordOf(b.handover->status)},
                                  {"may_move", b.handover->status == HandoverStatus::kBooked}};
  }
  return {{"project_name", b.project_name}, {"project_address", b.project_address}, {"unit_code", b.unit_code},
          {"owner", b.owner},               {"planned_on", b.planned_on},            {"slots", std::move(slots)},
          {"booking", std::move(booking)}};
}

BookingService::BookingService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::MessageGateway& messages,
                               customers::CustomerService& customers, inventory::InventoryService& inventory, BatchService& batches,
                               HandoverService& handovers)
    : db_(db),
      clock_(clock),
      audit_(audit),
      messages_(messages),
      customers_(customers),
      inventory_(inventory),
      batches_(batches),
      handovers_(handovers) {}

Result<std::vector<Slot>> BookingService::AddSlots(const RequestContext& ctx, std::int64_t batch_id, const SlotPlan& plan) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations plan the handover days");
  HEARTH_ASSIGN(const auto starts, SlotStarts(plan));
  const Timestamp now = clock_.Now();
  if (plan.from_on < ChinaDayOf(now)) return FailField("from_on", "in_the_past");
  return db_.Transact([&](db::Tx& tx) -> Result<std::vector<Slot>> {
    HEARTH_ASSIGN(const Batch b, batches_.BatchFor(tx, actor, batch_id));
    const int added = slots::Add(tx, actor.tenant_id, b.id, starts, plan.per_hour, now);
    audit_.Record(tx, ctx, "handover_slots.added", "delivery_batch", b.id, nullptr,
                  boost::json::object{{"from_on", plan.from_on}, {"to_on", plan.to_on}, {"per_hour", plan.per_hour}, {"added", added}});
    return slots::OfBatch(tx, b.id);
  });
}

Result<std::vector<Slot>> BookingService::Slots(const RequestContext& ctx, std::int64_t batch_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<Slot>> {
    HEARTH_ASSIGN(const Batch b, batches_.BatchFor(tx, actor, batch_id));
    return slots::OfBatch(tx, b.id);
  });
}

Result<Slot> BookingService::SetCapacity(const RequestContext& ctx, std::int64_t slot_id, int capacity,
                                         std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations plan the handover days");
  if (capacity < 0 || capacity > kMaxPerHour) return FailField("capacity", "out_of_range");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Slot> {
    auto slot = slots::Find(tx, actor.tenant_id, slot_id);
    if (!slot || !batches_.BatchFor(tx, actor, slot->batch_id)) return NotFound("no such slot");
    if (capacity < slot->booked) {
      return Fail(ErrorCode::kConflict, "slot_booked",
                  fmt::format("{} households have booked {}: cancel or move bookings first", slot->booked, When(slot->starts_at)),
                  {{"capacity", "below_booked"}});
    }
    if (!slots::SetCapacity(tx, actor.tenant_id, slot->id, capacity, expected_version, now)) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the slot was changed by someone else; reload it");
    }
    audit_.Record(tx, ctx, "handover_slot.changed", "delivery_batch", slot->batch_id,
                  boost::json::object{{"starts_at", FormatRfc3339(slot->starts_at)}, {"capacity", slot->capacity}},
                  boost::json::object{{"starts_at", FormatRfc3339(slot->starts_at)}, {"capacity", capacity}});
    return *slots::Find(tx, actor.tenant_id, slot->id);
  });
}

Result<InviteRun> BookingService::SendInvites(const RequestContext& ctx, std::int64_t batch_id, const std::string& origin) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations invite owners to book");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<InviteRun> {
    HEARTH_ASSIGN(const Batch b, batches_.BatchFor(tx, actor, batch_id));
    if (b.status != BatchStatus::kReleased) {
      return Fail(ErrorCode::kConflict, "batch_not_released", "the batch is not released: its gates come first");
    }
    const auto calendar = slots::OfBatch(tx, b.id);
    const bool open = std::any_of(calendar.begin(), calendar.end(), [&](const Slot& s) { return s.starts_at > now && s.booked < s.capacity; });
    if (!open) return Fail(ErrorCode::kConflict, "no_slots", "the batch has no free slot to book: open the handover days first");
    const auto project = inventory_.ProjectFor(tx, actor, b.project_id);
    if (!project) return NotFound("no such delivery batch");
    const LinkMessage message{origin, "/b/", "handover_booking", "handover_invite", project->org_unit_id,
                              [&](const std::string& owner, const std::string& unit, const std::string& link) {
                                return fmt::format("{}您好：您在{}的新居 {} 将于{}起集中交付。请点击 {} 选择收楼时间，如需改期也可在此调整。", owner,
                                                   project->name, unit, b.planned_on, link);
                              }};
    InviteRun run;
    for (const auto& unit : inventory_.UnitsById(tx, actor.tenant_id, batches_.UnitIdsOf(tx, b.id))) {
      auto skip = [&](const char* reason) { run.skipped.push_back({unit.id, unit.code, reason}); };
      if (unit.status == inventory::UnitStatus::kDelivered) { skip("delivered"); continue; }
      if (unit.status != inventory::UnitStatus::kContracted) { skip("not_contracted"); continue; }
      if (handovers_.OpenOfUnit(tx, actor.tenant_id, unit.id)) { skip("booked"); continue; }
      links_.SendTo(tx, actor, unit, b.id, now, Timestamp{now.ms + kLinkDays * kDayMs}, message, run);
    }
    audit_.Record(tx, ctx, "handover_invites.sent", "delivery_batch", b.id, nullptr,
                  boost::json::object{{"sent", run.sent.size()}, {"skipped", run.skipped.size()}});
    return run;
  });
}

Result<std::vector<Invite>> BookingService::Invites(const RequestContext& ctx, std::int64_t batch_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<Invite>> {
    HEARTH_ASSIGN(const Batch b, batches_.BatchFor(tx, actor, batch_id));
    std::vector<Invite> out;
    for (auto& link : links_.OfParent(tx, actor.tenant_id, b.id)) {
      Invite i{std::move(link)};
      i.handover = handovers_.OpenOfUnit(tx, actor.tenant_id, i.unit_id);
      out.push_back(std::move(i));
    }
    return out;
  });
}

std::optional<Invite> BookingService::FindByToken(db::Tx& tx, const std::string& token) {
  auto link = links_.Find(tx, token, clock_.Now());
  if (!link) return std::nullopt;
  return Invite{NamedLink{std::move(*link)}};
}

Result<PublicBooking> BookingService::ViewIn(db::Tx& tx, const Invite& invite, const Actor& owner) {
  const std::int64_t tenant = invite.tenant_id;
  const auto b = batches_.Find(tx, tenant, invite.parent_id);
  if (!b) return NotFound("no such booking link");
  const auto project = inventory_.ProjectFor(tx, owner, b->project_id);
  const auto units = inventory_.UnitsById(tx, tenant, {invite.unit_id});
  if (!project || units.empty()) return NotFound("no such booking link");
  PublicBooking out;
  out.unit_code = units.front().code;
  out.project_name = project->name;
  out.project_address = project->address;
  const auto names = customers_.NamesOf(tx, tenant, {invite.customer_id});
  if (auto it = names.find(invite.customer_id); it != names.end()) out.owner = InitialOnly(it->second);
  out.planned_on = b->planned_on;
  // From the next day on (China time): the desk needs the evening to prepare.
  const std::string today = ChinaDayOf(clock_.Now());
  for (auto& s : slots::OfBatch(tx, b->id)) {
    if (ChinaDayOf(s.starts_at) > today && s.capacity > 0) out.slots.push_back(std::move(s));
  }
  out.handover = handovers_.OpenOfUnit(tx, tenant, invite.unit_id);
  return out;
}

Result<PublicBooking> BookingService::PublicView(const std::string& token) {
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<PublicBooking> {
    auto invite = FindByToken(tx, token);
    if (!invite) return NotFound("no such booking link");
    links_.Opened(tx, invite->id, now);
    const RequestContext ctx = OwnerContext(invite->tenant_id, "booking:" + std::to_string(invite->id), "");
    return ViewIn(tx, *invite, ctx.actor_ref());
  });
}

Result<PublicBooking> BookingService::PublicBook(const std::string& token, std::int64_t slot_id, const std::string& remote_address) {
  return db_.Transact([&](db::Tx& tx) -> Result<PublicBooking> {
    auto invite = FindByToken(tx, token);
    if (!invite) return NotFound("no such booking link");
    const std::int64_t tenant = invite->tenant_id;
    const RequestContext ctx = OwnerContext(tenant, "booking:" + std::to_string(invite->id), remote_address);
    auto slot = slots::Find(tx, tenant, slot_id);
    if (!slot || slot->batch_id != invite->parent_id) return FailField("slot_id", "not_found");
    if (ChinaDayOf(slot->starts_at) <= ChinaDayOf(clock_.Now())) return FailField("slot_id", "too_late");
    Handover booked;
    if (auto open = handovers_.OpenOfUnit(tx, tenant, invite->unit_id)) {
      if (open->status != HandoverStatus::kBooked) {
        return Fail(ErrorCode::kConflict, "invalid_transition", "the handover has begun: call the customer centre to change it");
      }
      HEARTH_ASSIGN(booked, handovers_.RescheduleIn(tx, ctx, open->id, slot->id, std::nullopt));
    } else {
      HandoverInput in;
      in.unit_id = invite->unit_id;
      in.customer_id = invite->customer_id;
      in.slot_id = slot->id;
      in.slot_at = slot->starts_at;
      in.booked_via = "owner";
      HEARTH_ASSIGN(booked, handovers_.CreateIn(tx, ctx, in));
    }
    // A confirmation to the owner's phone (the link itself is not repeated).
    auto owner = customers_.CustomerFor(tx, ctx.actor_ref(), invite->customer_id);
    if (owner && !owner->phones.empty()) {
      const std::string text = fmt::format("您已预约 {} 到{}办理 {} 的收楼手续，请携带身份证件与购房合同准时到场。", When(booked.slot_at),
                                           booked.project_name, booked.unit_code);
      messages_.SendSms(tx, {tenant, booked.org_unit_id, owner->phones.front().phone, "handover_booking", text, text, "handover", booked.id});
    }
    return ViewIn(tx, *invite, ctx.actor_ref());
  });
}

}  // namespace hearth::delivery
