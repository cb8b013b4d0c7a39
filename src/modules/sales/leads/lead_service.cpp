#include "modules/sales/leads/lead_service.hpp"

#include <algorithm>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "core/json.hpp"
#include "modules/sales/sales_common.hpp"

#include "db/columns.hpp"
#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::sales {

namespace {

constexpr std::int64_t kHourMs = 3600LL * 1000;

const db::Columns<Lead> kColumns{
    {"id", &Lead::id},
    {"tenant_id", &Lead::tenant_id},
    {"project_id", &Lead::project_id},
    {"org_unit_id", &Lead::org_unit_id},
    {"customer_id", &Lead::customer_id},
    {"consultant_id", &Lead::consultant_id},
    {"source", &Lead::source, kLeadSources},
    {"intent", &Lead::intent, kIntents},
    {"budget_cents", &Lead::budget_cents},
    {"needs", &Lead::needs},
    {"age_band", &Lead::age_band, kAgeBands},
    {"household", &Lead::household, kHouseholds},
    {"need_type", &Lead::need_type, kNeedTypes},
    {"status", &Lead::status, kLeadStatuses},
    {"protected_until", &Lead::protected_until},
    {"registered_at", &Lead::registered_at},
    {"visits", &Lead::visits},
    {"last_follow_up_at", &Lead::last_follow_up_at},
    {"next_follow_up_at", &Lead::next_follow_up_at},
    {"version", &Lead::version},
    {"created_at", &Lead::created_at},
    {"updated_at", &Lead::updated_at},
    {"pledged_at", &Lead::pledged_at},
    {"subscribed_at", &Lead::subscribed_at},
    {"contracted_at", &Lead::contracted_at},
};
const std::string kFind = "SELECT " + kColumns.List() + " FROM leads WHERE id = $1 AND tenant_id = $2";
const std::string kFindFor = "SELECT " + kColumns.List() + " FROM leads WHERE project_id = $1 AND customer_id = $2";
// Newest first, in the caller's scope; every filter optional ($4…$10), keyset on id.
const std::string kList = "SELECT " + kColumns.List("l") + " FROM leads l" HEARTH_JOIN_ORG_UNIT("l") R"sql(
 WHERE l.tenant_id = $1 AND o.path LIKE $2
   AND (CAST($4 AS BIGINT) IS NULL OR l.id < $4)
   AND (CAST($5 AS BIGINT) IS NULL OR l.project_id = $5)
   AND (CAST($6 AS BIGINT) IS NULL OR l.consultant_id = $6)
   AND (CAST($7 AS BIGINT) IS NULL OR l.customer_id = $7)
   AND (CAST($8 AS TEXT) IS NULL OR l.status = $8)
   AND (CAST($9 AS BIGINT) = 0 OR (l.status = 'active' AND l.protected_until <= $3))
   AND (CAST($10 AS BIGINT) = 0 OR (l.status = 'active' AND l.protected_until > $3))
   AND (CAST($11 AS BIGINT) IS NULL OR (l.status = 'active' AND l.next_follow_up_at <= $11))
 ORDER BY l.id DESC LIMIT $12)sql";
constexpr std::string_view kInsert = R"sql(
INSERT INTO leads (tenant_id, project_id, org_unit_id, customer_id, consultant_id, source, intent, budget_cents, needs,
                   age_band, household, need_type, status, protected_until, registered_at, visits, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'active', $13, $14, $15, $14, $14) RETURNING id)sql";
constexpr std::string_view kSave = R"sql(
UPDATE leads SET consultant_id = $3, intent = $4, budget_cents = $5, needs = $6, age_band = $7, household = $8,
       need_type = $9, status = $10, protected_until = $11, visits = $12, last_follow_up_at = $13,
       next_follow_up_at = $14, version = version + 1, updated_at = $15, pledged_at = $16, subscribed_at = $17,
       contracted_at = $18
 WHERE id = $1 AND version = $2)sql";
constexpr std::string_view kSetSource = R"sql(
UPDATE leads SET source = $2, version = version + 1, updated_at = $3 WHERE id = $1)sql";
// A lead's count in the funnel's daily tally, added (+1) or taken away (-1).
constexpr std::string_view kTally = R"sql(
INSERT INTO lead_funnel_days (tenant_id, project_id, org_unit_id, day, source, consultant_id, leads, visits, pledges,
                              subscriptions, contracts, referral_contracts)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
ON CONFLICT (project_id, day, source, consultant_id) DO UPDATE SET leads = lead_funnel_days.leads + excluded.leads,
  visits = lead_funnel_days.visits + excluded.visits, pledges = lead_funnel_days.pledges + excluded.pledges,
  subscriptions = lead_funnel_days.subscriptions + excluded.subscriptions,
  contracts = lead_funnel_days.contracts + excluded.contracts,
  referral_contracts = lead_funnel_days.referral_contracts + excluded.referral_contracts)sql";
// A claim takes the lead only while nobody else protects it (compare-and-set).
constexpr std::string_view kClaim = R"sql(
UPDATE leads SET consultant_id = $3, status = 'active', protected_until = $4, version = version + 1, updated_at = $5
 WHERE id = $1 AND tenant_id = $2 AND (consultant_id = $3 OR status <> 'active' OR protected_until <= $5))sql";
constexpr std::string_view kActiveOf = R"sql(
SELECT count(*) FROM leads WHERE consultant_id = $1 AND status = 'active' AND protected_until > $2)sql";
// The funnel sums the daily tally: a year of one project is a few thousand rows. The grouping
// column is one of two constants; the scope is the project (checked first), the whole group (an
// administrator's), or the org path of each row's project.
#define HEARTH_FUNNEL_COLUMNS(key)                                                                     \
  "SELECT " key ", sum(f.leads), sum(f.visits), sum(f.pledges), sum(f.subscriptions), sum(f.contracts),"  \
  " sum(f.referral_contracts) FROM lead_funnel_days f "
#define HEARTH_FUNNEL_QUERIES(key)                                                                                  \
  {HEARTH_FUNNEL_COLUMNS(key) "WHERE f.project_id = $1 AND f.day >= $2 AND f.day <= $3 GROUP BY " key,                \
   HEARTH_FUNNEL_COLUMNS(key) "WHERE f.tenant_id = $1 AND f.day >= $2 AND f.day <= $3 GROUP BY " key,                 \
   HEARTH_FUNNEL_COLUMNS(key) HEARTH_JOIN_ORG_UNIT("f") "WHERE f.tenant_id = $1 AND f.day >= $2 AND f.day <= $3"       \
                              " AND o.path LIKE $4 GROUP BY " key}
struct FunnelSql {
  std::string_view project, group, scoped;
};
constexpr FunnelSql kFunnelSql[] = {HEARTH_FUNNEL_QUERIES("f.source"), HEARTH_FUNNEL_QUERIES("f.consultant_id"),
                                     HEARTH_FUNNEL_QUERIES("f.project_id")};
// The visitor profile: the period's leads grouped by every dimension at once (a few hundred
// groups at most), summed per dimension by the caller.
#define HEARTH_PROFILE_COLUMNS                                                                          \
  "SELECT l.age_band, l.household, l.need_type, l.source, l.intent, count(*) FROM leads l "
#define HEARTH_PROFILE_GROUP " GROUP BY l.age_band, l.household, l.need_type, l.source, l.intent"
constexpr std::string_view kProfileOfProject =
    HEARTH_PROFILE_COLUMNS "WHERE l.project_id = $1 AND l.registered_at >= $2 AND l.registered_at < $3" HEARTH_PROFILE_GROUP;
constexpr std::string_view kProfileOfGroup =
    HEARTH_PROFILE_COLUMNS "WHERE l.tenant_id = $1 AND l.registered_at >= $2 AND l.registered_at < $3" HEARTH_PROFILE_GROUP;
constexpr std::string_view kProfileInScope = HEARTH_PROFILE_COLUMNS HEARTH_JOIN_ORG_UNIT("l")
    "WHERE l.tenant_id = $1 AND l.registered_at >= $2 AND l.registered_at < $3 AND o.path LIKE $4" HEARTH_PROFILE_GROUP;
constexpr std::string_view kMoveCustomer = R"sql(
UPDATE leads SET customer_id = $3 WHERE tenant_id = $1 AND customer_id = $2
   AND project_id NOT IN (SELECT project_id FROM leads WHERE customer_id = $3))sql";

constexpr std::string_view kSettings = R"sql(
SELECT project_id, call_days, visit_days, follow_up_days, max_active_leads, version, referral_reward_cents, floor_percent
  FROM sales_settings
 WHERE project_id = $1 AND tenant_id = $2)sql";
constexpr std::string_view kEnsureSettings = R"sql(
INSERT INTO sales_settings (tenant_id, project_id, created_at, updated_at) VALUES ($1, $2, $3, $3)
ON CONFLICT (project_id) DO NOTHING)sql";
constexpr std::string_view kSaveSettings = R"sql(
UPDATE sales_settings SET call_days = $3, visit_days = $4, follow_up_days = $5, max_active_leads = $6,
       version = version + 1, updated_at = $7, referral_reward_cents = $9, floor_percent = $10
 WHERE project_id = $1 AND tenant_id = $2 AND (CAST($8 AS BIGINT) IS NULL OR version = $8))sql";
constexpr std::string_view kNextQueueNo = R"sql(
UPDATE sales_settings SET last_queue_no = last_queue_no + 1 WHERE project_id = $1 AND tenant_id = $2
RETURNING last_queue_no)sql";

constexpr std::string_view kInsertFollowUp = R"sql(
INSERT INTO lead_follow_ups (tenant_id, lead_id, kind, note, next_at, actor_id, at, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7) RETURNING id)sql";
constexpr std::string_view kFollowUps = R"sql(
SELECT id, lead_id, kind, note, next_at, actor_id, at FROM lead_follow_ups WHERE lead_id = $1 ORDER BY id DESC LIMIT 200)sql";
constexpr std::string_view kLatestScheduled = R"sql(
SELECT max(id) FROM lead_follow_ups WHERE lead_id = $1 AND next_at IS NOT NULL)sql";



Error Protected(const Lead& l, const std::string& owner_name) {
  Error e{ErrorCode::kConflict, "lead_protected",
          fmt::format("this customer is {}'s lead in the project until {}", owner_name, FormatRfc3339(l.protected_until)),
          {}, {}};
  e.extra.emplace_back("owner_id", std::to_string(l.consultant_id));
  e.extra.emplace_back("owner_name", boost::json::serialize(boost::json::value(owner_name)));
  e.extra.emplace_back("protected_until", fmt::format("\"{}\"", FormatRfc3339(l.protected_until)));
  return e;
}

/// The lead's count in the funnel's tally, with `sign` +1 or -1.
void Tally(db::Tx& tx, const Lead& l, std::int64_t sign) {
  constexpr std::int64_t kDay = 24 * kHourMs, kOffset = 8 * kHourMs;
  auto one = [sign](bool counted) { return counted ? sign : std::int64_t{0}; };
  tx.Execute(kTally, l.tenant_id, l.project_id, l.org_unit_id, (l.registered_at.ms + kOffset) / kDay, l.source,
             l.consultant_id, sign, one(l.visits > 0), one(l.pledged_at.has_value()), one(l.subscribed_at.has_value()),
             one(l.contracted_at.has_value()), one(l.contracted_at.has_value() && l.source == LeadSource::kReferral));
}

/// Writes the lead (at its version) and moves its count in the funnel's tally from what it was.
void Save(db::Tx& tx, const Lead& before, const Lead& l) {
  tx.Execute(kSave, l.id, l.version, l.consultant_id, l.intent, l.budget_cents, l.needs, l.age_band, l.household,
             l.need_type, l.status, l.protected_until, l.visits, l.last_follow_up_at, l.next_follow_up_at, l.updated_at,
             l.pledged_at, l.subscribed_at, l.contracted_at);
  Tally(tx, before, -1);
  Tally(tx, l, +1);
}

}  // namespace

LeadService::LeadService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
                         platform::Notifications& notifications, customers::CustomerService& customers,
                         inventory::InventoryService& inventory)
    : db_(db), clock_(clock), audit_(audit), jobs_(jobs), notifications_(notifications), customers_(customers),
      inventory_(inventory) {
  customers_.AddMergeHook([](db::Tx& tx, std::int64_t tenant, std::int64_t from, std::int64_t into) {
    tx.Execute(kMoveCustomer, tenant, from, into);
  });
}

SalesSettings LeadService::SettingsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id) {
  SalesSettings s;
  s.project_id = project_id;
  auto rows = tx.Execute(kSettings, project_id, tenant_id);
  if (rows.empty()) return s;
  const auto r = rows.front();
  s.call_days = static_cast<int>(r.Int(1));
  s.visit_days = static_cast<int>(r.Int(2));
  s.follow_up_days = static_cast<int>(r.Int(3));
  s.max_active_leads = static_cast<int>(r.Int(4));
  s.version = r.Int(5);
  s.referral_reward_cents = r.Int(6);
  s.floor_percent = static_cast<int>(r.Int(7));
  return s;
}

std::map<std::int64_t, std::string> LeadService::NeedTypesOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t first,
                                                             std::int64_t last) {
  std::map<std::int64_t, std::string> out;
  const auto rows = tx.Execute(R"sql(SELECT customer_id, need_type FROM leads
 WHERE customer_id BETWEEN $2 AND $3 AND tenant_id = $1 AND need_type IS NOT NULL ORDER BY customer_id, registered_at, id)sql",
                               tenant_id, first, last);
  for (std::size_t i = 0; i < rows.size(); ++i) out[rows[i].Int(0)] = rows[i].Text(1);  // the latest wins
  return out;
}

Result<SalesSettings> LeadService::Settings(const RequestContext& ctx, std::int64_t project_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<SalesSettings> {
    HEARTH_TRY(inventory_.ProjectFor(tx, actor, project_id));
    return SettingsOf(tx, actor.tenant_id, project_id);
  });
}

Result<SalesSettings> LeadService::SetSettings(const RequestContext& ctx, std::int64_t project_id,
                                               const SalesSettings& in, std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite) || !actor.IsManager()) {
    return Forbidden("only a manager may change the project's attribution rules");
  }
  HEARTH_TRY(CheckSettings(in));
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<SalesSettings> {
    HEARTH_TRY(inventory_.ProjectFor(tx, actor, project_id));
    const SalesSettings before = SettingsOf(tx, actor.tenant_id, project_id);
    tx.Execute(kEnsureSettings, actor.tenant_id, project_id, now);
    if (tx.Execute(kSaveSettings, project_id, actor.tenant_id, in.call_days, in.visit_days, in.follow_up_days,
                   in.max_active_leads, now, expected_version, in.referral_reward_cents, in.floor_percent)
            .affected != 1) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the rules were changed by someone else; reload them");
    }
    SalesSettings after = SettingsOf(tx, actor.tenant_id, project_id);
    audit_.Record(tx, ctx, "sales_settings.updated", "project", project_id, ToJson(before), ToJson(after));
    return after;
  });
}

std::optional<Lead> LeadService::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFind, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return kColumns.Read(rows.front());
}

Result<Lead> LeadService::LeadFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto lead = Find(tx, actor.tenant_id, id);
  if (!lead || !inventory_.ProjectFor(tx, actor, lead->project_id)) return NotFound("no such lead");
  return *lead;
}

void LeadService::Name(db::Tx& tx, std::int64_t tenant_id, std::vector<Lead>& leads) {
  std::vector<std::int64_t> customers, users;
  for (const auto& l : leads) {
    customers.push_back(l.customer_id);
    users.push_back(l.consultant_id);
  }
  const auto cards = customers_.CardsOf(tx, tenant_id, customers);
  const auto names = platform::directory::NamesOf(tx, tenant_id, users);
  if (leads.empty()) return;
  const auto projects = inventory_.NamesOfProjects(tx, tenant_id);
  for (auto& l : leads) {
    if (auto it = cards.find(l.customer_id); it != cards.end()) {
      l.customer_name = it->second.name;
      l.customer_phone = it->second.phone;
    }
    if (auto it = names.find(l.consultant_id); it != names.end()) l.consultant_name = it->second.Shown();
    if (auto it = projects.find(l.project_id); it != projects.end()) l.project_name = it->second;
  }
}

Result<void> LeadService::CheckLimit(db::Tx& tx, std::int64_t consultant_id, const SalesSettings& s, Timestamp now) {
  const auto held = tx.Execute(kActiveOf, consultant_id, now).front().Int(0);
  if (held < s.max_active_leads) return {};
  Error e{ErrorCode::kConflict, "lead_limit",
          fmt::format("the consultant holds {} active leads, the project's limit is {}", held, s.max_active_leads), {}, {}};
  e.extra.emplace_back("limit", std::to_string(s.max_active_leads));
  return tl::unexpected(std::move(e));
}

Result<Registered> LeadService::Register(const RequestContext& ctx, const LeadInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not register leads");
  if (in.budget_cents && *in.budget_cents < 0) return FailField("budget_cents", "invalid_value");
  const std::int64_t consultant_id = in.consultant_id.value_or(actor.user_id);
  if (consultant_id != actor.user_id && !actor.IsManager()) {
    return FailField("consultant_id", "not_allowed");  // only a manager assigns leads to others
  }
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Registered> {
    auto project = inventory_.ProjectFor(tx, actor, in.project_id);
    if (!project) return FailField("project_id", "not_found");
    if (!customers_.CheckInScope(tx, actor, in.customer_id)) return FailField("customer_id", "not_found");
    if (consultant_id != actor.user_id) {
      const auto consultant = platform::directory::ActorOf(tx, actor.tenant_id, consultant_id);
      if (!consultant || !consultant->Can(Permission::kRecordWrite) || !inventory_.ProjectFor(tx, *consultant, in.project_id)) {
        return FailField("consultant_id", "not_found");
      }
    }
    const SalesSettings settings = SettingsOf(tx, actor.tenant_id, in.project_id);
    const Timestamp until = ProtectedUntil(now, ProtectionDays(settings, in.source));
    auto rows = tx.Execute(kFindFor, in.project_id, in.customer_id);
    std::optional<Lead> existing;
    if (!rows.empty()) existing = kColumns.Read(rows.front());
    const Registration decision = Decide(existing, consultant_id, now);
    if (decision == Registration::kProtected) {
      return tl::unexpected(Protected(*existing, ConsultantName(tx, actor.tenant_id, existing->consultant_id)));
    }
    const bool takes_over = !existing || existing->consultant_id != consultant_id || !Protected(*existing, now);
    if (takes_over) HEARTH_TRY(CheckLimit(tx, consultant_id, settings, now));
    Lead l;
    if (decision == Registration::kNew) {
      l = Lead{0, actor.tenant_id, in.project_id, project->org_unit_id, in.customer_id, consultant_id, in.source,
               in.intent, in.budget_cents, in.needs, in.age_band, in.household, in.need_type, LeadStatus::kActive,
               until, now, in.source == LeadSource::kVisit ? 1 : 0, std::nullopt, std::nullopt, 1, now, now};
      l.id = tx.Execute(kInsert, l.tenant_id, l.project_id, l.org_unit_id, l.customer_id, l.consultant_id, l.source,
                        l.intent, l.budget_cents, l.needs, l.age_band, l.household, l.need_type, l.protected_until,
                        now, l.visits)
                 .front()
                 .Int(0);
      Tally(tx, l, +1);
    } else {
      l = *existing;
      const auto before = ToJson(l, now);
      l.consultant_id = consultant_id;
      l.intent = in.intent;
      if (in.budget_cents) l.budget_cents = in.budget_cents;
      if (!in.needs.empty()) l.needs = in.needs;
      if (in.age_band) l.age_band = in.age_band;
      if (in.household) l.household = in.household;
      if (in.need_type) l.need_type = in.need_type;
      if (l.status != LeadStatus::kWon) l.status = LeadStatus::kActive;
      l.protected_until = Timestamp{std::max(until.ms, l.consultant_id == existing->consultant_id ? l.protected_until.ms : 0)};
      if (in.source == LeadSource::kVisit) ++l.visits;
      l.updated_at = now;
      Save(tx, *existing, l);
      ++l.version;
      audit_.Record(tx, ctx, "lead.reregistered", "lead", l.id, before, ToJson(l, now));
    }
    // The project's staff see the customer from now on (the sharing rule: a deal there).
    customers_.Share(tx, &ctx, actor.tenant_id, in.customer_id, project->org_unit_id, customers::ShareReason::kDeal, l.id);
    std::vector<Lead> one{l};
    Name(tx, actor.tenant_id, one);
    l = one.front();
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, in.customer_id, now, in.source == LeadSource::kCall ? "call" : "visit", "lead", l.id,
                               fmt::format("{}登记：{}（置业顾问 {}，意向 {}）",
                                           in.source == LeadSource::kCall ? "来电" : in.source == LeadSource::kReferral ? "推荐" : "来访",
                                           l.project_name, l.consultant_name, kIntents.Name(l.intent))},
                              actor.user_id);
    if (decision == Registration::kNew) audit_.Record(tx, ctx, "lead.registered", "lead", l.id, nullptr, ToJson(l, now));
    return Registered{l, decision == Registration::kNew};
  });
}

Result<Lead> LeadService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<Lead> {
    HEARTH_ASSIGN(Lead l, LeadFor(tx, actor, id));
    std::vector<Lead> one{l};
    Name(tx, actor.tenant_id, one);
    return one.front();
  });
}

Result<platform::Listing<Lead>> LeadService::List(const RequestContext& ctx, const LeadFilter& f, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const Timestamp now = clock_.Now();
  std::optional<Timestamp> due_by;
  if (f.due) {
    // The end of today in China (UTC+8).
    constexpr std::int64_t kDay = 24 * kHourMs, kOffset = 8 * kHourMs;
    due_by = Timestamp{((now.ms + kOffset) / kDay + 1) * kDay - kOffset};
  }
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Lead>> {
    platform::Listing<Lead> out;
    const std::optional<std::int64_t> consultant = f.mine ? std::optional<std::int64_t>(actor.user_id) : f.consultant_id;
    const std::optional<std::string> status = f.status ? std::optional<std::string>(std::string(WordOf(*f.status))) : std::nullopt;
    auto rows = tx.Execute(kList, actor.tenant_id, (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%", now,
                           page.after_id, f.project_id, consultant, f.customer_id, status,
                           std::int64_t{f.pool ? 1 : 0}, std::int64_t{f.mine ? 1 : 0},
                           due_by ? std::optional<std::int64_t>(due_by->ms) : std::nullopt, page.limit + 1);
    for (std::size_t i = 0; i < rows.size(); ++i) out.items.push_back(kColumns.Read(rows[i]));
    out.next_cursor = TrimToPage(out.items, page, [](const Lead& l) { return l.id; });
    Name(tx, actor.tenant_id, out.items);
    return out;
  });
}

void LeadService::Schedule(db::Tx& tx, const Lead& l, const FollowUp& f) {
  if (!f.next_at) return;
  jobs_.Enqueue(tx, l.tenant_id, kReminderJob, boost::json::object{{"lead_id", l.id}, {"follow_up_id", f.id}}, *f.next_at);
}

Result<FollowUp> LeadService::AddFollowUp(const RequestContext& ctx, std::int64_t lead_id, FollowUpKind kind,
                                          const std::string& note, std::optional<Timestamp> next_at) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not follow up leads");
  const Timestamp now = clock_.Now();
  if (next_at && next_at->ms <= now.ms) return FailField("next_at", "in_the_past");
  return db_.Transact([&](db::Tx& tx) -> Result<FollowUp> {
    HEARTH_ASSIGN(Lead l, LeadFor(tx, actor, lead_id));
    const bool own = l.consultant_id == actor.user_id;
    if (!own && Protected(l, now) && !actor.IsManager()) {
      return tl::unexpected(Protected(l, ConsultantName(tx, actor.tenant_id, l.consultant_id)));
    }
    if (!own && !Protected(l, now) && !actor.IsManager()) {
      return Fail(ErrorCode::kConflict, "lead_in_pool", "the lead is in the shared pool: claim it first");
    }
    const Lead before = l;
    FollowUp f{0, l.id, kind, note, next_at, actor.user_id, now, actor.username};
    f.id = tx.Execute(kInsertFollowUp, actor.tenant_id, l.id, kind, note, next_at, actor.user_id, now).front().Int(0);
    if (own && l.status == LeadStatus::kActive) {
      const SalesSettings settings = SettingsOf(tx, actor.tenant_id, l.project_id);
      l.protected_until = Timestamp{std::max(l.protected_until.ms, ProtectedUntil(now, settings.follow_up_days).ms)};
    }
    l.last_follow_up_at = now;
    l.next_follow_up_at = next_at;
    if (kind == FollowUpKind::kVisit) ++l.visits;
    l.updated_at = now;
    Save(tx, before, l);
    Schedule(tx, l, f);
    customers_.AppendTimeline(tx, actor.tenant_id,
                              {0, l.customer_id, now, kind == FollowUpKind::kVisit ? "visit" : "call", "lead", l.id,
                               fmt::format("销售跟进（{}）：{}", kFollowUpKinds.Name(kind), note.substr(0, 200))},
                              actor.user_id);
    audit_.Record(tx, ctx, "lead.followed_up", "lead", l.id, nullptr,
                  boost::json::object{{"kind", kFollowUpKinds.Name(kind)}, {"next_at", JsonTime(next_at)}});
    const auto names = platform::directory::NamesOf(tx, actor.tenant_id, {actor.user_id});
    if (auto it = names.find(actor.user_id); it != names.end()) f.actor_name = it->second.Shown();
    return f;
  });
}

Result<std::vector<FollowUp>> LeadService::FollowUps(const RequestContext& ctx, std::int64_t lead_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<FollowUp>> {
    HEARTH_TRY(LeadFor(tx, actor, lead_id));
    std::vector<FollowUp> out;
    auto rows = tx.Execute(kFollowUps, lead_id);
    std::vector<std::int64_t> users;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto r = rows[i];
      out.push_back({r.Int(0), r.Int(1), kFollowUpKinds.Stored(r.Text(2)), r.Text(3), r.OptTime(4), r.Int(5), r.Time(6), ""});
      users.push_back(r.Int(5));
    }
    const auto names = platform::directory::NamesOf(tx, actor.tenant_id, users);
    for (auto& f : out) {
      if (auto it = names.find(f.actor_id); it != names.end()) f.actor_name = it->second.Shown();
    }
    return out;
  });
}

Result<Lead> LeadService::Claim(const RequestContext& ctx, std::int64_t lead_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not claim leads");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Lead> {
    HEARTH_ASSIGN(Lead l, LeadFor(tx, actor, lead_id));
    if (l.status == LeadStatus::kWon) return Fail(ErrorCode::kConflict, "lead_won", "the customer has bought: the lead is closed");
    const SalesSettings settings = SettingsOf(tx, actor.tenant_id, l.project_id);
    if (l.consultant_id != actor.user_id) HEARTH_TRY(CheckLimit(tx, actor.user_id, settings, now));
    const auto before = ToJson(l, now);
    const Timestamp until = ProtectedUntil(now, settings.follow_up_days);
    if (tx.Execute(kClaim, l.id, actor.tenant_id, actor.user_id, until, now).affected != 1) {
      auto current = Find(tx, actor.tenant_id, l.id);
      return tl::unexpected(Protected(*current, ConsultantName(tx, actor.tenant_id, current->consultant_id)));
    }
    Lead after = *Find(tx, actor.tenant_id, l.id);
    Tally(tx, l, -1);
    Tally(tx, after, +1);
    std::vector<Lead> one{after};
    Name(tx, actor.tenant_id, one);
    audit_.Record(tx, ctx, "lead.claimed", "lead", l.id, before, ToJson(one.front(), now));
    return one.front();
  });
}

void LeadService::MarkStage(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id,
                            const std::vector<std::int64_t>& customer_ids, Stage stage, Timestamp now) {
  for (auto id : customer_ids) {
    auto rows = tx.Execute(kFindFor, project_id, id);
    if (rows.empty()) continue;  // bought without a lead here (a walk-in registered nowhere)
    const Lead before = kColumns.Read(rows.front());
    if (before.tenant_id != tenant_id) continue;
    Lead l = before;
    auto& at = stage == Stage::kPledged ? l.pledged_at : stage == Stage::kSubscribed ? l.subscribed_at : l.contracted_at;
    if (!at) at = now;
    if (stage == Stage::kContracted) l.status = LeadStatus::kWon;
    l.updated_at = now;
    Save(tx, before, l);
  }
}

Result<Funnel> LeadService::FunnelOf(const RequestContext& ctx, std::optional<std::int64_t> project_id,
                                     const std::string& from, const std::string& to, FunnelBy by) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const auto first = ParseIsoDate(from), last = ParseIsoDate(to);
  if (!first) return FailField("from", "invalid_format");
  if (!last) return FailField("to", "invalid_format");
  if (*last < *first) return FailField("to", "before_from");
  if (*last - *first > 3660) return FailField("to", "too_far");
  // The tally's days are China dates, as from and to are.
  const std::int64_t begin = *first, end = *last;
  return db_.Read([&](db::Tx& tx) -> Result<Funnel> {
    Funnel f{project_id, from, to, by, {}, {}};
    const FunnelSql& sql = kFunnelSql[static_cast<int>(by)];
    db::QueryResult rows;
    if (project_id) {
      if (!inventory_.ProjectFor(tx, actor, *project_id)) return FailField("project_id", "not_found");
      rows = tx.Execute(sql.project, *project_id, begin, end);
    } else if (actor.IsAdmin()) {
      rows = tx.Execute(sql.group, actor.tenant_id, begin, end);
    } else {
      rows = tx.Execute(sql.scoped, actor.tenant_id, begin, end, actor.org_path + "%");
    }
    std::vector<std::int64_t> consultants;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto r = rows[i];
      FunnelRow row{by == FunnelBy::kChannel ? r.Text(0) : std::to_string(r.Int(0)), "", r.Int(1), r.Int(2), r.Int(3),
                    r.Int(4), r.Int(5), r.Int(6)};
      if (by == FunnelBy::kConsultant) consultants.push_back(r.Int(0));
      f.total.leads += row.leads;
      f.total.visits += row.visits;
      f.total.pledges += row.pledges;
      f.total.subscriptions += row.subscriptions;
      f.total.contracts += row.contracts;
      f.total.referral_contracts += row.referral_contracts;
      f.rows.push_back(std::move(row));
    }
    const auto names = platform::directory::NamesOf(tx, actor.tenant_id, consultants);
    const auto projects = by == FunnelBy::kProject ? inventory_.NamesOfProjects(tx, actor.tenant_id)
                                                   : std::map<std::int64_t, std::string>{};
    for (auto& row : f.rows) {
      if (by == FunnelBy::kChannel) {
        row.label = std::string(kLeadSourceLabels.Name(kLeadSources.Stored(row.key)));
      } else if (by == FunnelBy::kProject) {
        if (auto it = projects.find(std::stoll(row.key)); it != projects.end()) row.label = it->second;
      } else if (auto it = names.find(std::stoll(row.key)); it != names.end()) {
        row.label = it->second.Shown();
      }
    }
    // The largest first.
    std::stable_sort(f.rows.begin(), f.rows.end(), [](const FunnelRow& a, const FunnelRow& b) { return a.leads > b.leads; });
    f.total.key = "total";
    f.total.label = "合计";
    return f;
  });
}

Error LeadService::ProtectedError(db::Tx& tx, const Lead& lead) {
  return Protected(lead, ConsultantName(tx, lead.tenant_id, lead.consultant_id));
}

std::optional<Lead> LeadService::Named(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto l = Find(tx, tenant_id, id);
  if (!l) return std::nullopt;
  std::vector<Lead> one{*l};
  Name(tx, tenant_id, one);
  return one.front();
}

Lead LeadService::Reassign(db::Tx& tx, const Lead& before, std::int64_t consultant, Timestamp now) {
  Lead l = before;
  l.consultant_id = consultant;
  if (l.status != LeadStatus::kWon) l.status = LeadStatus::kActive;
  l.protected_until = ProtectedUntil(now, SettingsOf(tx, l.tenant_id, l.project_id).follow_up_days);
  l.updated_at = now;
  Save(tx, before, l);
  ++l.version;
  return l;
}

std::optional<Lead> LeadService::LeadOf(db::Tx& tx, std::int64_t project_id, std::int64_t customer_id) {
  auto rows = tx.Execute(kFindFor, project_id, customer_id);
  if (rows.empty()) return std::nullopt;
  return kColumns.Read(rows.front());
}

void LeadService::MarkReferred(db::Tx& tx, const Lead& lead, Timestamp now) {
  if (lead.source == LeadSource::kReferral) return;
  tx.Execute(kSetSource, lead.id, LeadSource::kReferral, now);
  Lead after = lead;
  after.source = LeadSource::kReferral;
  Tally(tx, lead, -1);
  Tally(tx, after, +1);
}

std::string LeadService::ConsultantName(db::Tx& tx, std::int64_t tenant_id, std::int64_t user_id) {
  const auto names = platform::directory::NamesOf(tx, tenant_id, {user_id});
  const auto it = names.find(user_id);
  return it == names.end() ? std::string("另一位置业顾问") : it->second.Shown();
}

Result<VisitorProfile> LeadService::ProfileOf(const RequestContext& ctx, std::optional<std::int64_t> project_id,
                                              const std::string& from, const std::string& to) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const auto first = ParseIsoDate(from), last = ParseIsoDate(to);
  if (!first) return FailField("from", "invalid_format");
  if (!last) return FailField("to", "invalid_format");
  if (*last < *first) return FailField("to", "before_from");
  if (*last - *first > 3660) return FailField("to", "too_far");
  // China dates: from the start of `from` to the end of `to`.
  constexpr std::int64_t kDay = 24 * kHourMs, kOffset = 8 * kHourMs;
  const Timestamp begin{*first * kDay - kOffset}, end{(*last + 1) * kDay - kOffset};
  return db_.Read([&](db::Tx& tx) -> Result<VisitorProfile> {
    db::QueryResult rows;
    if (project_id) {
      if (!inventory_.ProjectFor(tx, actor, *project_id)) return FailField("project_id", "not_found");
      rows = tx.Execute(kProfileOfProject, *project_id, begin, end);
    } else if (actor.IsAdmin()) {
      rows = tx.Execute(kProfileOfGroup, actor.tenant_id, begin, end);
    } else {
      rows = tx.Execute(kProfileInScope, actor.tenant_id, begin, end, actor.org_path + "%");
    }
    VisitorProfile p{project_id, from, to, 0, {}};
    std::map<std::string, std::int64_t> counts[5];
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto r = rows[i];
      const std::int64_t n = r.Int(5);
      p.total += n;
      for (int d = 0; d < 5; ++d) {
        if (auto v = r.OptText(static_cast<std::size_t>(d))) counts[d][*v] += n;
      }
    }
    auto words = [](const auto& vocabulary) {
      std::vector<std::string> out;
      for (auto w : vocabulary.names()) out.emplace_back(w);
      return out;
    };
    p.dimensions.push_back(CountDimension("age_band", "年龄段", words(kAgeBands), words(kAgeBandLabels), counts[0], p.total));
    p.dimensions.push_back(CountDimension("household", "家庭结构", words(kHouseholds), words(kHouseholdLabels), counts[1], p.total));
    p.dimensions.push_back(CountDimension("need_type", "置业需求", words(kNeedTypes), words(kNeedTypeLabels), counts[2], p.total));
    p.dimensions.push_back(CountDimension("source", "来源渠道", words(kLeadSources), words(kLeadSourceLabels), counts[3], p.total));
    p.dimensions.push_back(CountDimension("intent", "意向等级", words(kIntents), words(kIntents), counts[4], p.total));
    return p;
  });
}

std::int64_t LeadService::NextQueueNo(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id) {
  tx.Execute(kEnsureSettings, tenant_id, project_id, clock_.Now());
  return tx.Execute(kNextQueueNo, project_id, tenant_id).front().Int(0);
}

Result<void> LeadService::OnReminderJob(db::Tx& tx, const platform::Job& job) {
  const auto* lead_id = job.payload.if_contains("lead_id");
  const auto* follow_up_id = job.payload.if_contains("follow_up_id");
  if (!lead_id || !follow_up_id || !lead_id->is_int64() || !follow_up_id->is_int64()) return {};
  auto lead = Find(tx, job.tenant_id, lead_id->as_int64());
  if (!lead || lead->status != LeadStatus::kActive) return {};
  // Only the latest scheduled follow-up reminds: a later one replaced it.
  auto latest = tx.Execute(kLatestScheduled, lead->id);
  if (latest.empty() || latest.front().OptInt(0) != follow_up_id->as_int64()) return {};
  std::vector<Lead> one{*lead};
  Name(tx, job.tenant_id, one);
  notifications_.Notify(tx, job.tenant_id, {lead->consultant_id}, "sales.follow_up_due",
                        fmt::format("跟进提醒：{}", one.front().customer_name),
                        fmt::format("{} 的客户 {}（意向 {}）今天需要跟进。", one.front().project_name, one.front().customer_name,
                                    kIntents.Name(lead->intent)),
                        "lead", lead->id);
  return {};
}

}  // namespace hearth::sales
