#include "modules/sales/collections/collection.hpp"

#include <boost/json/array.hpp>

#include "core/json.hpp"

namespace hearth::sales {

int DunningStage(std::int64_t days) { return days <= 7 ? 1 : days <= 30 ? 2 : 3; }

std::optional<std::int64_t> NextStageDay(int stage) {
  if (stage == 1) return 8;
  if (stage == 2) return 31;
  return std::nullopt;
}

void Ageing::Add(const Ageing& o) {
  not_due += o.not_due;
  d1_30 += o.d1_30;
  d31_60 += o.d31_60;
  d61_90 += o.d61_90;
  d90_plus += o.d90_plus;
}

std::int64_t DaysBetween(std::string_view from, std::string_view to) {
  const auto a = ParseIsoDate(from), b = ParseIsoDate(to);
  return a && b ? *b - *a : 0;
}

Ageing AgeOf(const std::vector<Instalment>& plan, std::string_view today) {
  Ageing a;
  for (const auto& i : plan) {
    const std::int64_t left = i.amount_cents - i.paid_cents;
    if (left <= 0) continue;
    const std::int64_t days = DaysBetween(i.due_on, today);
    auto& bucket = days <= 0 ? a.not_due : days <= 30 ? a.d1_30 : days <= 60 ? a.d31_60 : days <= 90 ? a.d61_90 : a.d90_plus;
    bucket += left;
  }
  return a;
}

std::optional<std::string> OldestOverdue(const std::vector<Instalment>& plan, std::string_view today) {
  std::optional<std::string> oldest;
  for (const auto& i : plan) {
    if (i.paid_cents >= i.amount_cents || i.due_on >= today) continue;
    if (!oldest || i.due_on < *oldest) oldest = i.due_on;
  }
  return oldest;
}

boost::json::object ToJson(const DunningTask& t, std::string_view today) {
  boost::json::array buyers;
  for (const auto& b : t.buyers) buyers.push_back(boost::json::object{{"customer_id", b.customer_id}, {"name", b.name}});
  return {{"id", t.id},
          {"project_id", t.project_id},
          {"project_name", t.project_name},
          {"contract_id", t.contract_id},
          {"contract_no", t.contract_no},
          {"unit_code", t.unit_code},
          {"buyers", std::move(buyers)},
          {"consultant_id", t.consultant_id},
          {"consultant_name", t.consultant_name},
          {"stage", t.stage},
          {"overdue_cents", t.overdue_cents},
          {"oldest_due_on", t.oldest_due_on},
          {"days_overdue", t.status == DunningStatus::kClosed ? 0 : DaysBetween(t.oldest_due_on, today)},
          {"status", WordOf(t.status)},
          {"promised_on", JsonOr(t.promised_on)},
          {"last_contact_at", JsonTime(t.last_contact_at)},
          {"closed_at", JsonTime(t.closed_at)},
          {"version", t.version},
          {"created_at", FormatRfc3339(t.created_at)},
          {"updated_at", FormatRfc3339(t.updated_at)}};
}

boost::json::object ToJson(const DunningNote& n) {
  return {{"id", n.id},         {"task_id", n.task_id}, {"kind", WordOf(n.kind)},          {"note", n.note},
          {"promised_on", JsonOr(n.promised_on)}, {"actor_id", n.actor_id}, {"actor_name", n.actor_name},
          {"at", FormatRfc3339(n.at)}};
}

}  // namespace hearth::sales
