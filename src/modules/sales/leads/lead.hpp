#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/table_file.hpp"
#include "core/vocabulary.hpp"

namespace hearth::sales {

/// Where a lead came from (来电, 来访, 老带新, 中介/全民营销, 线上, 活动).
enum class LeadSource { kCall, kVisit, kReferral, kAgent, kOnline, kEvent };
inline constexpr Vocabulary<LeadSource, 6> kLeadSources{{"call", "visit", "referral", "agent", "online", "event"}};
constexpr std::string_view WordOf(LeadSource v) { return kLeadSources.Name(v); }
inline constexpr Vocabulary<LeadSource, 6> kLeadSourceLabels{{"来电", "来访", "老带新", "中介", "线上", "活动"}};

/// 意向等级: A (will buy soon) … D (just looking).
enum class Intent { kA, kB, kC, kD };
inline constexpr Vocabulary<Intent, 4> kIntents{{"A", "B", "C", "D"}};
constexpr std::string_view WordOf(Intent v) { return kIntents.Name(v); }

/// active: a consultant's while protected, in the pool once protection lapsed; won: the customer
/// signed a contract in the project; lost: closed by the consultant.
enum class LeadStatus { kActive, kWon, kLost };
inline constexpr Vocabulary<LeadStatus, 3> kLeadStatuses{{"active", "won", "lost"}};
constexpr std::string_view WordOf(LeadStatus v) { return kLeadStatuses.Name(v); }

enum class FollowUpKind { kCall, kVisit, kWechat, kSms, kOther };
inline constexpr Vocabulary<FollowUpKind, 5> kFollowUpKinds{{"call", "visit", "wechat", "sms", "other"}};
constexpr std::string_view WordOf(FollowUpKind v) { return kFollowUpKinds.Name(v); }

// The visitor profile kept for reports (来访客户画像).
enum class AgeBand { kUnder25, k25To34, k35To44, k45To54, k55Plus };
inline constexpr Vocabulary<AgeBand, 5> kAgeBands{{"under_25", "25_34", "35_44", "45_54", "55_plus"}};
constexpr std::string_view WordOf(AgeBand v) { return kAgeBands.Name(v); }
inline constexpr Vocabulary<AgeBand, 5> kAgeBandLabels{{"25 岁以下", "25–34 岁", "35–44 岁", "45–54 岁", "55 岁及以上"}};
enum class Household { kSingle, kCouple, kYoungFamily, kSchoolFamily, kThreeGenerations, kEmptyNest };
inline constexpr Vocabulary<Household, 6> kHouseholds{
    {"single", "couple", "young_family", "school_family", "three_generations", "empty_nest"}};
constexpr std::string_view WordOf(Household v) { return kHouseholds.Name(v); }
inline constexpr Vocabulary<Household, 6> kHouseholdLabels{{"单身", "二人世界", "幼儿家庭", "学龄家庭", "三代同堂", "空巢家庭"}};
enum class NeedType { kFirstHome, kUpgrade, kInvestment, kRetirement, kSchool, kOther };
inline constexpr Vocabulary<NeedType, 6> kNeedTypes{{"first_home", "upgrade", "investment", "retirement", "school", "other"}};
constexpr std::string_view WordOf(NeedType v) { return kNeedTypes.Name(v); }
inline constexpr Vocabulary<NeedType, 6> kNeedTypeLabels{{"首置", "改善", "投资", "养老", "学区", "其他"}};

/// A project's attribution rules (判客规则), editable by its managers.
struct SalesSettings {
  std::int64_t project_id = 0;
  int call_days = 15;         ///< a call protects the lead this long
  int visit_days = 30;        ///< a visit (and any other registration) this long
  int follow_up_days = 30;    ///< each follow-up extends protection to this long from it
  int max_active_leads = 200; ///< protected leads one consultant may hold
  std::int64_t referral_reward_cents = 500000;  ///< 老带新: the referrer's reward, fixed when referred
  int floor_percent = 95;     ///< 底价: a price below this share of the list price needs a manager
  std::int64_t version = 1;
};
boost::json::object ToJson(const SalesSettings& s);
/// 422 naming the field for a window outside 1–365 days, a limit outside 1–100,000, a reward
/// outside ¥0–¥1,000,000 or a floor outside 50–100% of the list price.
Result<void> CheckSettings(const SalesSettings& s);

/// How long a registration from `source` protects its lead.
int ProtectionDays(const SalesSettings& s, LeadSource source);
/// The end of protection from `at` for `days` days.
Timestamp ProtectedUntil(Timestamp at, int days);

/// A customer's interest in a project (判客: who serves them).
struct Lead {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;  ///< the project's
  std::int64_t customer_id = 0;
  std::int64_t consultant_id = 0;
  LeadSource source = LeadSource::kVisit;
  Intent intent = Intent::kC;
  std::optional<std::int64_t> budget_cents;
  std::string needs;
  std::optional<AgeBand> age_band;
  std::optional<Household> household;
  std::optional<NeedType> need_type;
  LeadStatus status = LeadStatus::kActive;
  Timestamp protected_until;
  Timestamp registered_at;
  std::int64_t visits = 0;
  std::optional<Timestamp> last_follow_up_at;
  std::optional<Timestamp> next_follow_up_at;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::optional<Timestamp> pledged_at = {};  ///< the first pledge of the customer in the project
  std::optional<Timestamp> subscribed_at = {};
  std::optional<Timestamp> contracted_at = {};
  // Filled when read, for people to see.
  std::string project_name = {};
  std::string customer_name = {};
  std::string customer_phone = {};  ///< masked
  std::string consultant_name = {};
};

/// In the shared pool (公客池): still active, its protection lapsed.
inline bool InPool(const Lead& l, Timestamp now) { return l.status == LeadStatus::kActive && l.protected_until.ms <= now.ms; }
/// Protected for its consultant at `now`.
inline bool Protected(const Lead& l, Timestamp now) { return l.status == LeadStatus::kActive && l.protected_until.ms > now.ms; }

boost::json::object ToJson(const Lead& l, Timestamp now);

/// What a registration does to the lead already held for the same customer and project.
enum class Registration {
  kNew,        ///< no lead yet: a new one, 201
  kRevisit,    ///< the caller's own, or one lapsed, lost or won without protection: the caller's,
               ///< active, protection renewed, 200
  kProtected,  ///< another consultant's protection runs: 409 lead_protected
};
/// Decided from the existing lead (if any), the consultant registering, and now.
Registration Decide(const std::optional<Lead>& existing, std::int64_t consultant_id, Timestamp now);

/// How far a lead went: written by the deal chain when the lead's customer takes the step in its
/// project (the first time).
enum class Stage { kPledged, kSubscribed, kContracted };

/// GET /api/v1/sales/funnel: one row per channel or consultant.
enum class FunnelBy { kChannel, kConsultant, kProject };
inline constexpr Vocabulary<FunnelBy, 3> kFunnelBy{{"channel", "consultant", "project"}};
constexpr std::string_view WordOf(FunnelBy v) { return kFunnelBy.Name(v); }

struct FunnelRow {
  std::string key;    ///< the channel's word, or the consultant's id
  std::string label;  ///< what people read: 来访, 王强
  std::int64_t leads = 0, visits = 0, pledges = 0, subscriptions = 0, contracts = 0, referral_contracts = 0;
};
struct Funnel {
  std::optional<std::int64_t> project_id;
  std::string from, to;  ///< YYYY-MM-DD, China time, both included
  FunnelBy by = FunnelBy::kChannel;
  std::vector<FunnelRow> rows;
  FunnelRow total;
};
boost::json::object ToJson(const Funnel& f);

struct FollowUp {
  std::int64_t id = 0;
  std::int64_t lead_id = 0;
  FollowUpKind kind = FollowUpKind::kCall;
  std::string note;
  std::optional<Timestamp> next_at;
  std::int64_t actor_id = 0;
  Timestamp at;
  std::string actor_name;
};
boost::json::object ToJson(const FollowUp& f);

/// Who came (来访客户画像): the period's leads counted by age band, household, need, channel and
/// intent, each with its share; `unknown` counts those not asked.
struct ProfileItem {
  std::string key;
  std::string label;
  std::int64_t count = 0;
};
struct ProfileDimension {
  std::string key;
  std::string label;
  std::vector<ProfileItem> items;
};
struct VisitorProfile {
  std::optional<std::int64_t> project_id;
  std::string from, to;
  std::int64_t total = 0;
  std::vector<ProfileDimension> dimensions;
};
boost::json::object ToJson(const VisitorProfile& p);
/// The reports as tables (CSV and XLSX export).
Table TableOf(const VisitorProfile& p);
Table TableOf(const Funnel& f);
/// Counts of one dimension in the vocabulary's order, then 未填写 for those without it.
ProfileDimension CountDimension(std::string key, std::string label, const std::vector<std::string>& words,
                                const std::vector<std::string>& labels, const std::map<std::string, std::int64_t>& counts,
                                std::int64_t total);

/// Today's date in China (UTC+8) as YYYY-MM-DD.
std::string ChinaToday(Timestamp now);

}  // namespace hearth::sales
