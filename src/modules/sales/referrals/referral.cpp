#include "modules/sales/referrals/referral.hpp"

#include <cctype>

#include "core/json.hpp"

namespace hearth::sales {

std::optional<ReferralReason> JudgeReferral(const ReferralFacts& f) {
  using enum ReferralReason;
  const std::pair<bool, ReferralReason> rules[] = {
      {f.same_person, kSamePerson},        {!f.referrer_owns_unit, kReferrerNotOwner},
      {f.same_phone, kSamePhone},          {f.same_id_number, kSameIdNumber},
      {f.same_household, kSameHousehold},  {f.referee_has_deal, kAlreadyBought},
      {f.referee_protected_elsewhere, kRefereeProtected},
  };
  for (const auto& [broken, reason] : rules) {
    if (broken) return reason;
  }
  return std::nullopt;
}

bool SameAddress(std::string_view a, std::string_view b) {
  auto folded = [](std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
      if (std::isspace(c) || c == ',' || c == '.') continue;
      out.push_back(static_cast<char>(std::tolower(c)));
    }
    return out;
  };
  const std::string x = folded(a);
  return !x.empty() && x == folded(b);
}

boost::json::object ToJson(const Referral& r) {
  return {{"id", r.id},
          {"project_id", r.project_id},
          {"project_name", r.project_name},
          {"referrer_id", r.referrer_id},
          {"referrer_name", r.referrer_name},
          {"referee_id", r.referee_id},
          {"referee_name", r.referee_name},
          {"lead_id", JsonOr(r.lead_id)},
          {"consultant_id", r.consultant_id},
          {"consultant_name", r.consultant_name},
          {"reward_cents", r.reward_cents},
          {"status", kReferralStatuses.Name(r.status)},
          {"contract_id", JsonOr(r.contract_id)},
          {"contract_no", JsonOr(r.contract_no)},
          {"earned_at", JsonTime(r.earned_at)},
          {"paid_at", JsonTime(r.paid_at)},
          {"note", r.note},
          {"version", r.version},
          {"created_at", FormatRfc3339(r.created_at)},
          {"updated_at", FormatRfc3339(r.updated_at)}};
}

}  // namespace hearth::sales
