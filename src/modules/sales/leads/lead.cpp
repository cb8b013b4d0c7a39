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
          {"max_active_leads", s.max_active_leads}, {"referral_reward_cents", s.referral_reward_cents},
          {"floor_percent", s.floor_percent},       {"version", s.version}};
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
  if (s.referral_reward_cents < 0 || s.referral_reward_cents > 100000000) bad.push_back({"referral_reward_cents", "out_of_range"});
  if (s.floor_percent < 50 || s.floor_percent > 100) bad.push_back({"floor_percent", "out_of_range"});
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

ProfileDimension CountDimension(std::string key, std::string label, const std::vector<std::string>& words,
                                const std::vector<std::string>& labels, const std::map<std::string, std::int64_t>& counts,
                                std::int64_t total) {
  ProfileDimension d{std::move(key), std::move(label), {}};
  std::int64_t known = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto it = counts.find(words[i]);
    const std::int64_t n = it == counts.end() ? 0 : it->second;
    known += n;
    d.items.push_back({words[i], labels[i], n});
  }
  if (total > known) d.items.push_back({"unknown", "未填写", total - known});
  return d;
}

boost::json::object ToJson(const VisitorProfile& p) {
  boost::json::array dims;
  for (const auto& d : p.dimensions) {
    boost::json::array items;
    for (const auto& i : d.items) {
      items.push_back(boost::json::object{{"key", i.key}, {"label", i.label}, {"count", i.count},
                                          {"share", p.total > 0 ? static_cast<double>(i.count) / static_cast<double>(p.total) : 0.0}});
    }
    dims.push_back(boost::json::object{{"key", d.key}, {"label", d.label}, {"items", std::move(items)}});
  }
  return {{"project_id", JsonOr(p.project_id)}, {"from", p.from}, {"to", p.to}, {"total", p.total}, {"dimensions", std::move(dims)}};
}

Table TableOf(const VisitorProfile& p) {
  Table t;
  t.header = {"维度", "分类", "人数", "占比"};
  for (const auto& d : p.dimensions) {
    for (const auto& i : d.items) {
      t.rows.push_back({d.label, i.label, i.count, p.total > 0 ? static_cast<double>(i.count) / static_cast<double>(p.total) : 0.0});
    }
  }
  return t;
}

Table TableOf(const Funnel& f) {
  Table t;
  t.header = {f.by == FunnelBy::kChannel ? "渠道" : f.by == FunnelBy::kConsultant ? "置业顾问" : "项目",
              "登记", "到访", "认筹", "认购", "签约", "老带新签约", "到访率", "认购率", "签约率", "老带新占比"};
  auto rate = [](std::int64_t part, std::int64_t whole) {
    return whole == 0 ? Table::Cell(std::string()) : Table::Cell(static_cast<double>(part) / static_cast<double>(whole));
  };
  auto add = [&](const FunnelRow& r) {
    t.rows.push_back({r.label, r.leads, r.visits, r.pledges, r.subscriptions, r.contracts, r.referral_contracts,
                      rate(r.visits, r.leads), rate(r.subscriptions, r.visits), rate(r.contracts, r.subscriptions),
                      rate(r.referral_contracts, r.contracts)});
  };
  for (const auto& r : f.rows) add(r);
  add(f.total);
  return t;
}

std::string ChinaToday(Timestamp now) {
  constexpr std::int64_t kDay = 24LL * 3600 * 1000, kOffset = 8LL * 3600 * 1000;
  return FormatIsoDate((now.ms + kOffset) / kDay);
}

}  // namespace hearth::sales
