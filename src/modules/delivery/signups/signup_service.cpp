#include "modules/delivery/signups/signup_service.hpp"

#include <fmt/format.h>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "modules/delivery/delivery_common.hpp"
#include "platform/directory.hpp"

namespace hearth::delivery {

namespace {

const db::Columns<Signup> kColumns{
    {"id", &Signup::id},
    {"tenant_id", &Signup::tenant_id},
    {"open_day_id", &Signup::open_day_id},
    {"project_id", &Signup::project_id},
    {"unit_id", &Signup::unit_id},
    {"customer_id", &Signup::customer_id},
    {"party_size", &Signup::party_size},
    {"note", &Signup::note},
    {"status", &Signup::status},
    {"checked_in_at", &Signup::checked_in_at},
    {"checked_in_by", &Signup::checked_in_by},
    {"created_by", &Signup::created_by},
    {"version", &Signup::version},
    {"created_at", &Signup::created_at},
    {"updated_at", &Signup::updated_at},
};
const std::string kFind = "SELECT " + kColumns.List() + " FROM open_day_signups WHERE id = $1 AND tenant_id = $2";
const std::string kOfDay = "SELECT " + kColumns.List() + R"sql( FROM open_day_signups
 WHERE open_day_id = $1 AND (CAST($2 AS BIGINT) = 0 OR id > $2) ORDER BY id LIMIT $3)sql";
// A place on the day while it has room (a compare-and-set: of two sign-ups for the last place, one wins).
const std::string kLiveOfUnit = "SELECT " + kColumns.List() +
                                " FROM open_day_signups WHERE open_day_id = $1 AND unit_id = $2 AND tenant_id = $3 AND status <> 'cancelled'";
constexpr std::string_view kTakePlace = R"sql(
UPDATE open_days SET signed_up = signed_up + 1, updated_at = $2
 WHERE id = $1 AND status = 'scheduled' AND (capacity IS NULL OR signed_up < capacity))sql";
constexpr std::string_view kFreePlace = "UPDATE open_days SET signed_up = signed_up - 1, updated_at = $2 WHERE id = $1 AND signed_up > 0";
constexpr std::string_view kCountCheckIn = "UPDATE open_days SET checked_in = checked_in + 1, updated_at = $2 WHERE id = $1";
constexpr std::string_view kInsert = R"sql(
INSERT INTO open_day_signups (tenant_id, open_day_id, project_id, unit_id, customer_id, party_size, note, created_by, created_at,
                              updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id)sql";
constexpr std::string_view kCheckIn = R"sql(
UPDATE open_day_signups SET status = 'checked_in', checked_in_at = $3, checked_in_by = $4, version = version + 1, updated_at = $3
 WHERE id = $1 AND tenant_id = $2 AND status = 'signed_up')sql";
constexpr std::string_view kCancel = R"sql(
UPDATE open_day_signups SET status = 'cancelled', version = version + 1, updated_at = $3
 WHERE id = $1 AND tenant_id = $2 AND status = 'signed_up')sql";

std::string DecorationWord(const std::string& decoration) { return decoration == "raw" ? "毛坯" : "精装"; }

}  // namespace

boost::json::object ToJson(const Signup& s) {
  return {{"id", s.id},
          {"open_day_id", s.open_day_id},
          {"project_id", s.project_id},
          {"unit_id", s.unit_id},
          {"unit_code", s.unit_code},
          {"customer_id", s.customer_id},
          {"customer_name", s.customer_name},
          {"party_size", s.party_size},
          {"note", s.note},
          {"status", s.status},
          {"checked_in_at", s.checked_in_at ? boost::json::value(FormatRfc3339(*s.checked_in_at)) : boost::json::value(nullptr)},
          {"checked_in_by_name", JsonOr(s.checked_in_by_name)},
          {"created_by", s.created_by},
          {"created_by_name", s.created_by_name},
          {"via", s.created_by == 0 ? "owner" : "staff"},
          {"version", s.version},
          {"created_at", FormatRfc3339(s.created_at)},
          {"updated_at", FormatRfc3339(s.updated_at)}};
}

SignupService::SignupService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::MessageGateway& messages,
                             customers::CustomerService& customers, inventory::InventoryService& inventory, BatchService& batches)
    : db_(db), clock_(clock), audit_(audit), messages_(messages), customers_(customers), inventory_(inventory), batches_(batches) {}

void SignupService::Name(db::Tx& tx, std::int64_t tenant_id, std::vector<Signup>& signups) {
  if (signups.empty()) return;
  std::vector<std::int64_t> customers, units, users;
  for (const auto& s : signups) {
    customers.push_back(s.customer_id);
    units.push_back(s.unit_id);
    users.push_back(s.created_by);
    if (s.checked_in_by) users.push_back(*s.checked_in_by);
  }
  const auto names = customers_.NamesOf(tx, tenant_id, customers);
  const auto codes = inventory_.CodesOf(tx, tenant_id, units);
  const auto people = platform::directory::NamesOf(tx, tenant_id, users);
  for (auto& s : signups) {
    if (auto it = names.find(s.customer_id); it != names.end()) s.customer_name = it->second;
    if (auto it = codes.find(s.unit_id); it != codes.end()) s.unit_code = it->second;
    if (auto it = people.find(s.created_by); it != people.end()) s.created_by_name = it->second.Shown();
    if (s.checked_in_by) {
      if (auto it = people.find(*s.checked_in_by); it != people.end()) s.checked_in_by_name = it->second.Shown();
    }
  }
}

Signup SignupService::Reload(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  std::vector<Signup> one{kColumns.Read(tx.Execute(kFind, id, tenant_id).front())};
  Name(tx, tenant_id, one);
  return one.front();
}

Result<Signup> SignupService::SignUp(const RequestContext& ctx, std::int64_t open_day_id, std::int64_t unit_id,
                                     std::optional<std::int64_t> customer_id, std::int64_t party_size, const std::string& note) {
  if (!ctx.actor_ref().Can(Permission::kRecordWrite)) return Forbidden("your role may not sign owners up");
  return db_.Transact([&](db::Tx& tx) { return SignUpIn(tx, ctx, open_day_id, unit_id, customer_id, party_size, note); });
}

Result<Signup> SignupService::SignUpIn(db::Tx& tx, const RequestContext& ctx, std::int64_t open_day_id, std::int64_t unit_id,
                                       std::optional<std::int64_t> customer_id, std::int64_t party_size, const std::string& note) {
  const Actor& actor = ctx.actor_ref();
  if (party_size < 1 || party_size > 10) return FailField("party_size", "out_of_range");
  const Timestamp now = clock_.Now();
  const std::string today = ChinaToday(clock_);
  HEARTH_ASSIGN(OpenDay day, batches_.OpenDayFor(tx, actor, open_day_id));
  if (day.status == "vetoed") return Fail(ErrorCode::kConflict, "invalid_transition", "the open day was vetoed");
  if (day.on < today) return Fail(ErrorCode::kConflict, "open_day_past", fmt::format("the open day was on {}", day.on));
  // A household of the project: the unit's owner (the first, unless the caller names another).
  auto unit = inventory_.UnitFor(tx, actor, unit_id);
  if (!unit) return FailField("unit_id", "not_found");
  if (unit->project_id != day.project_id) return FailField("unit_id", "another_project");
  const auto view = inventory_.OwnersOf(tx, *unit);
  if (view.owners.empty()) return FailField("unit_id", "no_owner");
  std::int64_t customer = view.owners.front().customer_id;
  if (customer_id) {
    const bool owner = std::any_of(view.owners.begin(), view.owners.end(), [&](const auto& o) { return o.customer_id == *customer_id; });
    if (!owner) return FailField("customer_id", "not_an_owner");
    customer = *customer_id;
  }
  if (LiveOfUnit(tx, actor.tenant_id, day.id, unit->id)) {
    return Fail(ErrorCode::kConflict, "already_signed_up", fmt::format("{} has signed up for the open day", unit->code), {{"unit_id", "signed_up"}});
  }
  if (tx.Execute(kTakePlace, day.id, now).affected != 1) {
    Error e{ErrorCode::kConflict, "open_day_full",
            fmt::format("工地开放日 {} 已满（{} 户）", day.on, day.capacity.value_or(day.signed_up)), {}, {}};
    e.extra.emplace_back("capacity", std::to_string(day.capacity.value_or(0)));
    return tl::unexpected(std::move(e));
  }
  // The unique index (one per household and day) answers 409 already_signed_up.
  const auto id = tx.Execute(kInsert, actor.tenant_id, day.id, day.project_id, unit->id, customer, party_size, note, actor.user_id, now)
                      .front()
                      .Int(0);
  Signup s = Reload(tx, actor.tenant_id, id);
  customers_.AppendTimeline(tx, actor.tenant_id,
                            {0, customer, now, "journey", "open_day", day.id,
                             fmt::format("报名{}工地开放日：{} {}（{} 人）", DecorationWord(day.decoration), day.project_name, day.on, party_size)},
                            actor.user_id);
  audit_.Record(tx, ctx, "open_day.signed_up", "customer", customer, nullptr, ToJson(s));
  return s;
}

Result<platform::Listing<Signup>> SignupService::Signups(const RequestContext& ctx, std::int64_t open_day_id, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Signup>> {
    HEARTH_ASSIGN(OpenDay day, batches_.OpenDayFor(tx, actor, open_day_id));
    platform::Listing<Signup> out;
    for (const auto& r : tx.Execute(kOfDay, day.id, page.after_id.value_or(0), page.limit + 1)) out.items.push_back(kColumns.Read(r));
    out.next_cursor = TrimToPage(out.items, page, [](const Signup& s) { return s.id; });
    Name(tx, actor.tenant_id, out.items);
    return out;
  });
}

Result<std::pair<Signup, OpenDay>> SignupService::SignupFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto rows = tx.Execute(kFind, id, actor.tenant_id);
  if (rows.empty()) return NotFound("no such sign-up");
  Signup s = kColumns.Read(rows.front());
  auto day = batches_.OpenDayFor(tx, actor, s.open_day_id);
  if (!day) return NotFound("no such sign-up");
  return std::make_pair(std::move(s), std::move(*day));
}

Result<Signup> SignupService::CheckIn(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not check owners in");
  const Timestamp now = clock_.Now();
  const std::string today = ChinaToday(clock_);
  return db_.Transact([&](db::Tx& tx) -> Result<Signup> {
    HEARTH_ASSIGN(auto found, SignupFor(tx, actor, id));
    auto& [before, day] = found;
    if (day.on != today) {
      return Fail(ErrorCode::kConflict, "not_the_open_day", fmt::format("check-in is on the open day, {}", day.on));
    }
    if (tx.Execute(kCheckIn, id, actor.tenant_id, now, actor.user_id).affected != 1) {
      return Fail(ErrorCode::kConflict, "invalid_transition", fmt::format("the sign-up is {}", before.status));
    }
    tx.Execute(kCountCheckIn, day.id, now);
    Signup s = Reload(tx, actor.tenant_id, id);
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, s.customer_id, now, "journey", "open_day", day.id,
                               fmt::format("参加{}工地开放日：{}（{} 人）", DecorationWord(day.decoration), day.project_name, s.party_size)},
                              actor.user_id);
    audit_.Record(tx, ctx, "open_day.checked_in", "customer", s.customer_id, ToJson(before), ToJson(s));
    return s;
  });
}

Result<Signup> SignupService::Cancel(const RequestContext& ctx, std::int64_t id) {
  if (!ctx.actor_ref().Can(Permission::kRecordWrite)) return Forbidden("your role may not cancel sign-ups");
  return db_.Transact([&](db::Tx& tx) { return CancelIn(tx, ctx, id); });
}

Result<Signup> SignupService::CancelIn(db::Tx& tx, const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  const Timestamp now = clock_.Now();
  HEARTH_ASSIGN(auto found, SignupFor(tx, actor, id));
  auto& [before, day] = found;
  if (tx.Execute(kCancel, id, actor.tenant_id, now).affected != 1) {
    return Fail(ErrorCode::kConflict, "invalid_transition", fmt::format("the sign-up is {}", before.status));
  }
  tx.Execute(kFreePlace, day.id, now);
  Signup s = Reload(tx, actor.tenant_id, id);
  audit_.Record(tx, ctx, "open_day.signup_cancelled", "customer", s.customer_id, ToJson(before), ToJson(s));
  return s;
}

std::optional<Signup> SignupService::LiveOfUnit(db::Tx& tx, std::int64_t tenant_id, std::int64_t open_day_id, std::int64_t unit_id) {
  auto rows = tx.Execute(kLiveOfUnit, open_day_id, unit_id, tenant_id);
  if (rows.empty()) return std::nullopt;
  std::vector<Signup> one{kColumns.Read(rows.front())};
  Name(tx, tenant_id, one);
  return one.front();
}

}  // namespace hearth::delivery
