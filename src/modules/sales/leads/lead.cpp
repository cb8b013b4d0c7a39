#include "modules/sales/leads/lead.hpp"

#include <boost/json/array.hpp>

#include "core/json.hpp"

namespace hearth::sales {

namespace {
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
}

boost::json::object ToJson(const SalesSettings& s) {
  return {{"project_id", s.project_id},   {"call_days", s.call_days},
          {"visit_days", s.visit_days},   {"follow_up_days", s.follow_up_days},
          {"max_active_leads", s.max_active_leads}, {"version", s.version}};
}

Result<void> CheckSettings(const SalesSettings& s) {
  std::vector<FieldError> bad;
  auto days = [&](const char* field, int v) {
    if (v < 1 || v > 365) bad.push_back({field, "out_of_range"});
  };
  days("call_days", s.call_days);
  days("visit_days", s.visit_days);
  days("follow_up_days", s.follow_up_days);
  if (s.max_active_leads < 1 || s.max_active_leads > 100000) bad.push_back({"max_active_leads", "out_of_range"});
  if (!bad.empty()) return Fail(ErrorCode::kInvalidArgument, "validation_failed", "some fields are not valid", bad);
  return {};
}

int ProtectionDays(const SalesSettings& s, LeadSource source) {
  return source == LeadSource::kCall ? s.call_days : s.visit_days;
}

Timestamp ProtectedUntil(Timestamp at, int days) { return Timestamp{at.ms + days * kDayMs}; }

Registration Decide(const std::optional<Lead>& existing, std::int64_t consultant_id, Timestamp now) {
  if (!existing) return Registration::kNew;
  if (existing->consultant_id == consultant_id) return Registration::kRevisit;
  if (Protected(*existing, now)) return Registration::kProtected;
  return Registration::kRevisit;
}

boost::json::object ToJson(const Lead& l, Timestamp now) {
  return {{"id", l.id},
          {"project_id", l.project_id},
          {"project_name", l.project_name},
          {"customer_id", l.customer_id},
          {"customer_name", l.customer_name},
          {"customer_phone", l.customer_phone},
          {"consultant_id", l.consultant_id},
          {"consultant_name", l.consultant_name},
          {"source", kLeadSources.Name(l.source)},
          {"intent", kIntents.Name(l.intent)},
          {"budget_cents", JsonOr(l.budget_cents)},
          {"needs", l.needs},
          {"age_band", JsonOr(l.age_band)},
          {"household", JsonOr(l.household)},
          {"need_type", JsonOr(l.need_type)},
          {"status", kLeadStatuses.Name(l.status)},
          {"in_pool", InPool(l, now)},
          {"protected_until", FormatRfc3339(l.protected_until)},
          {"registered_at", FormatRfc3339(l.registered_at)},
          {"visits", l.visits},
          {"last_follow_up_at", JsonTime(l.last_follow_up_at)},
          {"next_follow_up_at", JsonTime(l.next_follow_up_at)},
          {"version", l.version},
          {"created_at", FormatRfc3339(l.created_at)},
          {"updated_at", FormatRfc3339(l.updated_at)}};
}

boost::json::object ToJson(const Funnel& f) {
  auto row = [](const FunnelRow& r) {
    auto rate = [](std::int64_t part, std::int64_t whole) {
      return whole == 0 ? boost::json::value(nullptr) : boost::json::value(static_cast<double>(part) / static_cast<double>(whole));
    };
    return boost::json::object{{"key", r.key},
                               {"label", r.label},
                               {"leads", r.leads},
                               {"visits", r.visits},
                               {"pledges", r.pledges},
                               {"subscriptions", r.subscriptions},
                               {"contracts", r.contracts},
                               {"visit_rate", rate(r.visits, r.leads)},
                               {"subscription_rate", rate(r.subscriptions, r.visits)},
                               {"contract_rate", rate(r.contracts, r.subscriptions)},
                               {"referral_share", rate(r.referral_contracts, r.contracts)}};
  };
  boost::json::array rows;
  for (const auto& r : f.rows) rows.push_back(row(r));
  return {{"project_id", JsonOr(f.project_id)}, {"from", f.from},         {"to", f.to},
          {"by", kFunnelBy.Name(f.by)},          {"rows", std::move(rows)}, {"total", row(f.total)}};
}

boost::json::object ToJson(const FollowUp& f) {
  return {{"id", f.id},
          {"lead_id", f.lead_id},
          {"kind", kFollowUpKinds.Name(f.kind)},
          {"note", f.note},
          {"next_at", JsonTime(f.next_at)},
          {"actor_id", f.actor_id},
          {"actor_name", f.actor_name},
          {"at", FormatRfc3339(f.at)}};
}

}  // namespace hearth::sales
