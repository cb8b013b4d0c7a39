#pragma once
// The owners' club (万客会): members enrolled from the customers, tiers reached by the points
// earned in the last twelve months (up at once, reviewed yearly), and the points ledger — lots
// that expire, redemptions taken from the lots expiring first, a balance that is never negative
// however many redemptions race (the member's row is the lock; a CHECK is the last guard).
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "db/group_writer.hpp"
#include "modules/club/ledger/points.hpp"
#include "modules/customers/customer_service.hpp"
#include "platform/audit.hpp"
#include "platform/jobs.hpp"
#include "platform/org_service.hpp"

namespace hearth::club {

struct Member {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t customer_id = 0;
  std::string customer_name;
  std::string customer_phone;  ///< masked
  std::int64_t org_unit_id = 0;
  std::string org_unit_name;
  std::string member_no;
  std::string tier;
  std::string tier_name;
  std::int64_t balance = 0;
  std::int64_t earned_total = 0;
  std::int64_t earned_12m = 0;
  std::string status = "active";
  Timestamp joined_at;
  Timestamp review_at;
  int version = 1;
  std::int64_t expiring_points = 0;      ///< of the lot(s) that expire next
  std::optional<Timestamp> expiring_at;  ///< when they do
};

struct PointMove {
  std::int64_t id = 0;
  std::int64_t member_id = 0;
  std::int64_t delta = 0;
  std::int64_t balance_after = 0;
  std::string reason;
  std::optional<std::string> ref;
  std::optional<std::string> note;
  std::optional<std::int64_t> actor_id;
  std::optional<std::string> actor_name;
  Timestamp at;
  std::optional<Timestamp> expires_at;  ///< an earning's lot's expiry
};

/// What a client sends to earn or spend points.
struct PointsInput {
  std::int64_t delta = 0;  ///< > 0 earns, < 0 spends
  std::string reason;
  std::optional<std::string> ref;
  std::optional<std::string> note;
};

/// The group's earning rules and tiers.
struct ClubSettings {
  std::int64_t purchase_points = 1000;
  std::int64_t referral_points = 3000;
  std::int64_t survey_points = 100;
  int expiry_days = 730;
  std::vector<Tier> tiers = DefaultTiers();
  int version = 1;
};

struct MemberFilter {
  std::optional<std::string> tier;
  std::optional<std::string> q;  ///< the start of a member number
};

/// A page of members and how many match.
struct MemberPage {
  std::vector<Member> items;
  std::optional<std::string> next_cursor;
  std::int64_t total = 0;
};

class ClubService {
 public:
  static constexpr const char* kNightlyJob = "club.nightly";

  ClubService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
              customers::CustomerService& customers);

  Result<Member> Enrol(const RequestContext& ctx, std::int64_t customer_id);
  Result<MemberPage> List(const RequestContext& ctx, const MemberFilter& filter, const Page& page);
  Result<Member> Get(const RequestContext& ctx, std::int64_t id);
  /// The customer's membership, if any (the customer page's card).
  Result<std::optional<Member>> OfCustomer(const RequestContext& ctx, std::int64_t customer_id);
  /// Earns (delta > 0) or spends (delta < 0) points; 409 insufficient_points when the member holds
  /// fewer than they spend.
  Result<PointMove> Move(const RequestContext& ctx, std::int64_t member_id, const PointsInput& in);
  Result<platform::Listing<PointMove>> Ledger(const RequestContext& ctx, std::int64_t member_id, const Page& page);
  Result<ClubSettings> Settings(const RequestContext& ctx);
  /// Managers of the group set the earning rules and tiers.
  Result<ClubSettings> SetSettings(const RequestContext& ctx, const ClubSettings& in, std::optional<std::int64_t> if_match);

  /// Another module's event earns a member points in its transaction: a contract signed, a referee
  /// signed, a survey answered. Nothing when the customer is not a member; once per `ref`.
  void EarnFor(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id, const std::string& reason, const std::string& ref,
               const std::string& note);

  /// A customer enrolled on `at`, and points earned or spent at `at`, in the caller's transaction
  /// (no scope check, no audit: the demo's loader, a check-in's points).
  std::int64_t EnrolAt(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id, std::int64_t org_unit_id, Timestamp at);
  Result<PointMove> MoveAt(db::Tx& tx, std::int64_t tenant_id, std::int64_t member_id, const PointsInput& in, Timestamp at) {
    return Write(tx, tenant_id, member_id, in, std::nullopt, at);
  }

  /// For the club's other parts, in their transaction: the member when the caller sees them.
  Result<Member> MemberFor(db::Tx& tx, const Actor& actor, std::int64_t id) { return Visible(tx, actor, id); }
  /// The member's card (no scope check).
  std::optional<Member> Card(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) { return Find(tx, tenant_id, id); }
  /// The members of the group among `ids`, completed in a few queries for the lot (a list's names).
  std::map<std::int64_t, Member> Cards(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids);
  /// The customers who are members of the group (of `tier` when given) and whose membership sits
  /// under `path_prefix`, after `after_customer_id` in customer order (campaign audiences).
  std::vector<std::int64_t> CustomersAfter(db::Tx& tx, std::int64_t tenant_id, const std::optional<std::string>& tier,
                                           const std::string& path_prefix, std::int64_t after_customer_id, int limit);
  /// The settings as read at most five seconds ago (every earning reads the expiry and the tiers);
  /// a change through this process is seen at once.
  std::shared_ptr<const ClubSettings> CachedSettings(db::Tx& tx, std::int64_t tenant_id);

  /// Each group's settings and nightly job, on the group's first start.
  Result<void> Seed();
  /// The nightly job: lots past their date expire; members past their yearly review get the tier
  /// their last twelve months' points reach (at most one step down).
  Result<void> OnNightlyJob(db::Tx& tx, const platform::Job& job);

 private:
  ClubSettings SettingsOf(db::Tx& tx, std::int64_t tenant_id);
  std::optional<Member> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  Result<Member> Visible(db::Tx& tx, const Actor& actor, std::int64_t id);
  void Complete(db::Tx& tx, std::int64_t tenant_id, std::vector<Member>& members);
  /// Expires the member's lots past their date (in the caller's transaction); the points taken.
  std::int64_t ExpireDue(db::Tx& tx, std::int64_t tenant_id, std::int64_t member_id, Timestamp now);
  std::int64_t EarnedSince(db::Tx& tx, std::int64_t member_id, Timestamp since);
  Result<PointMove> Write(db::Tx& tx, std::int64_t tenant_id, std::int64_t member_id, const PointsInput& in,
                          std::optional<std::int64_t> actor_id, Timestamp now);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  platform::JobScheduler& jobs_;
  customers::CustomerService& customers_;
  /// Earnings and redemptions written together (a batch per commit), each in its savepoint.
  db::GroupWriter<PointMove> writer_;
  std::mutex settings_mutex_;
  std::map<std::int64_t, std::pair<std::chrono::steady_clock::time_point, std::shared_ptr<const ClubSettings>>> settings_cache_;
};

}  // namespace hearth::club
