#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/customers/customer_service.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "modules/sales/leads/lead.hpp"
#include "platform/audit.hpp"
#include "platform/jobs.hpp"
#include "platform/org_service.hpp"

namespace hearth::sales {

/// POST /api/v1/leads: a call or visit registered at the desk (来电/来访登记).
struct LeadInput {
  std::int64_t project_id = 0;
  std::int64_t customer_id = 0;
  LeadSource source = LeadSource::kVisit;
  Intent intent = Intent::kC;
  std::optional<std::int64_t> budget_cents;
  std::string needs;
  std::optional<std::int64_t> consultant_id;  ///< another consultant: a manager's assignment
  std::optional<AgeBand> age_band;
  std::optional<Household> household;
  std::optional<NeedType> need_type;
};

/// GET /api/v1/leads: which leads.
struct LeadFilter {
  bool pool = false;  ///< the shared pool: active, protection lapsed
  bool mine = false;  ///< the caller's protected leads
  std::optional<std::int64_t> project_id;
  std::optional<std::int64_t> consultant_id;
  std::optional<std::int64_t> customer_id;
  std::optional<LeadStatus> status;
  bool due = false;   ///< with a follow-up due by the end of today (UTC+8)
};

struct Registered {
  Lead lead;
  bool created = false;  ///< 201 when new, 200 when an existing lead was registered again
};

/// Leads and attribution (判客): registration with a protection window per project, follow-ups
/// with reminders, the shared pool and claims. A lead is seen by the staff of its project's org
/// unit; registering it shares the customer with them (the sharing rule, reason deal).
class LeadService {
 public:
  LeadService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
              platform::Notifications& notifications, customers::CustomerService& customers,
              inventory::InventoryService& inventory);

  Timestamp Now() const { return clock_.Now(); }

  Result<SalesSettings> Settings(const RequestContext& ctx, std::int64_t project_id);
  /// A manager's or administrator's (403 otherwise).
  Result<SalesSettings> SetSettings(const RequestContext& ctx, std::int64_t project_id, const SalesSettings& settings,
                                    std::optional<std::int64_t> expected_version);

  /// First come by registration time: a lead another consultant still protects answers 409
  /// lead_protected with owner_id and protected_until; a consultant at the limit of active leads
  /// 409 lead_limit.
  Result<Registered> Register(const RequestContext& ctx, const LeadInput& input);
  Result<Lead> Get(const RequestContext& ctx, std::int64_t id);
  Result<platform::Listing<Lead>> List(const RequestContext& ctx, const LeadFilter& filter, const Page& page);
  /// The lead's consultant (or a manager) records a follow-up; the consultant's follow-up extends
  /// protection; `next_at` schedules a reminder (in-app, and e-mail when configured).
  Result<FollowUp> AddFollowUp(const RequestContext& ctx, std::int64_t lead_id, FollowUpKind kind,
                               const std::string& note, std::optional<Timestamp> next_at);
  Result<std::vector<FollowUp>> FollowUps(const RequestContext& ctx, std::int64_t lead_id);
  /// Takes a lead from the pool (409 lead_protected while someone else's protection runs).
  Result<Lead> Claim(const RequestContext& ctx, std::int64_t lead_id);
  /// The leads registered from `from` to `to` (China dates, both included), in one project or all
  /// in scope: how many visited, pledged, subscribed and signed, by channel or consultant, and
  /// the referral share of contracts. One pass over the period's leads.
  Result<Funnel> FunnelOf(const RequestContext& ctx, std::optional<std::int64_t> project_id, const std::string& from,
                          const std::string& to, FunnelBy by);

  /// The leads registered from `from` to `to` (China dates, both included) by age band, household,
  /// need, channel and intent: one grouped scan of the period's leads.
  Result<VisitorProfile> ProfileOf(const RequestContext& ctx, std::optional<std::int64_t> project_id, const std::string& from,
                                   const std::string& to);

  // For the deal chain, in the caller's transaction.
  /// The lead in the actor's scope, or 404.
  Result<Lead> LeadFor(db::Tx& tx, const Actor& actor, std::int64_t id);
  /// The customers took a step of the deal chain in the project: their leads record its first
  /// time (and a contract wins them).
  void MarkStage(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id, const std::vector<std::int64_t>& customer_ids,
                 Stage stage, Timestamp now);
  /// The project's rules (the defaults until a manager changes them), in the caller's transaction.
  SalesSettings SettingsOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id);
  /// The customer's lead in the project, if any (in the caller's transaction; no scope check).
  std::optional<Lead> LeadOf(db::Tx& tx, std::int64_t project_id, std::int64_t customer_id);
  /// A referral names the lead's customer: the lead counts as a referral in the funnel from now on.
  void MarkReferred(db::Tx& tx, const Lead& lead, Timestamp now);
  /// The lead with its names (no scope check; other parts' lists).
  std::optional<Lead> Named(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  /// Gives the lead to `consultant` with fresh protection (a manager's decision), in the caller's
  /// transaction; the funnel's tally follows.
  Lead Reassign(db::Tx& tx, const Lead& lead, std::int64_t consultant, Timestamp now);
  /// 409 lead_protected naming the holder and the end of protection (as a registration answers).
  Error ProtectedError(db::Tx& tx, const Lead& lead);
  /// The name shown for a consultant (their display name, or 另一位置业顾问).
  std::string ConsultantName(db::Tx& tx, std::int64_t tenant_id, std::int64_t user_id);
  /// The project's next pledge queue number (consecutive from 1; concurrent callers wait in turn).
  std::int64_t NextQueueNo(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id);

  /// The need type (置业动机) of each customer in [first, last] with a lead that names one: the
  /// latest lead's (the segments' purchase motive; no scope check).
  std::map<std::int64_t, std::string> NeedTypesOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t first, std::int64_t last);

  /// The job a follow-up's next_at enqueues: remind the consultant, unless the lead moved on.
  Result<void> OnReminderJob(db::Tx& tx, const platform::Job& job);
  static constexpr const char* kReminderJob = "sales.follow_up_due";

 private:
  std::optional<Lead> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  void Name(db::Tx& tx, std::int64_t tenant_id, std::vector<Lead>& leads);
  Result<void> CheckLimit(db::Tx& tx, std::int64_t consultant_id, const SalesSettings& s, Timestamp now);
  void Schedule(db::Tx& tx, const Lead& l, const FollowUp& f);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::JobScheduler& jobs_;
  platform::Notifications& notifications_;
  customers::CustomerService& customers_;
  inventory::InventoryService& inventory_;
};

}  // namespace hearth::sales
