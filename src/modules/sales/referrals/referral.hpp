#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"

namespace hearth::sales {

/// 老带新: pending until the referee signs (earned), then paid by finance. A contract cancelled
/// before the reward is paid puts it back to pending.
enum class ReferralStatus { kPending, kEarned, kPaid };
inline constexpr Vocabulary<ReferralStatus, 3> kReferralStatuses{{"pending", "earned", "paid"}};
constexpr std::string_view WordOf(ReferralStatus v) { return kReferralStatuses.Name(v); }

/// Why a referral is refused (422 referral_invalid, `reason`), in the order they are checked.
enum class ReferralReason {
  kSamePerson,       ///< the referee is the referrer (or a record merged into them)
  kReferrerNotOwner, ///< only an owner of a unit may refer
  kSamePhone,        ///< a phone number in common
  kSameIdNumber,     ///< the same ID document
  kSameHousehold,    ///< co-owners or co-buyers of a home, or the same address
  kAlreadyBought,    ///< the referee already has a deal in the project
  kRefereeProtected, ///< the referee is another consultant's protected lead
};
inline constexpr Vocabulary<ReferralReason, 7> kReferralReasons{
    {"same_person", "referrer_not_owner", "same_phone", "same_id_number", "same_household", "already_bought",
     "referee_protected"}};
constexpr std::string_view WordOf(ReferralReason v) { return kReferralReasons.Name(v); }
inline constexpr Vocabulary<ReferralReason, 7> kReferralReasonLabels{
    {"推荐人与被推荐人是同一人", "推荐人不是业主", "两人有相同的电话", "两人证件号码相同", "两人是同一家庭",
     "被推荐人已在本项目认购或签约", "被推荐人是其他置业顾问保护期内的客户"}};

/// What the fraud checks look at, gathered by the service.
struct ReferralFacts {
  bool same_person = false;
  bool referrer_owns_unit = false;
  bool same_phone = false;
  bool same_id_number = false;
  bool same_household = false;
  bool referee_has_deal = false;
  bool referee_protected_elsewhere = false;
};

/// The first rule a referral breaks, or none.
std::optional<ReferralReason> JudgeReferral(const ReferralFacts& facts);

/// Two addresses are one home when they are the same text once spaces and case are ignored
/// (an empty address matches nothing).
bool SameAddress(std::string_view a, std::string_view b);

struct Referral {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::int64_t referrer_id = 0;
  std::int64_t referee_id = 0;
  std::optional<std::int64_t> lead_id;
  std::int64_t consultant_id = 0;
  std::int64_t reward_cents = 0;
  ReferralStatus status = ReferralStatus::kPending;
  std::optional<std::int64_t> contract_id;
  std::optional<Timestamp> earned_at;
  std::optional<Timestamp> paid_at;
  std::optional<std::int64_t> paid_by;
  std::string note;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  // Names for people, filled when read.
  std::string referrer_name = {};
  std::string referee_name = {};
  std::string project_name = {};
  std::string consultant_name = {};
  std::optional<std::string> contract_no = {};
};
boost::json::object ToJson(const Referral& r);

}  // namespace hearth::sales
