#include "modules/sales/deals/deal.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include <boost/json/array.hpp>

#include "core/json.hpp"

namespace hearth::sales {

namespace {

boost::json::array BuyersJson(const std::vector<Buyer>& buyers) {
  boost::json::array out;
  for (const auto& b : buyers) out.push_back(boost::json::object{{"customer_id", b.customer_id}, {"share", b.share}, {"name", b.name}});
  return out;
}

boost::json::array DiscountsJson(const std::vector<AppliedDiscount>& discounts) {
  boost::json::array out;
  for (const auto& d : discounts) out.push_back(boost::json::object{{"scheme_id", d.scheme_id}, {"name", d.name}, {"off_cents", d.off_cents}});
  return out;
}

}  // namespace

boost::json::object ToJson(const Pledge& p) {
  return {{"id", p.id},
          {"project_id", p.project_id},
          {"customer_id", p.customer_id},
          {"customer_name", p.customer_name},
          {"unit_id", JsonOr(p.unit_id)},
          {"unit_code", JsonOr(p.unit_code)},
          {"lead_id", JsonOr(p.lead_id)},
          {"consultant_id", p.consultant_id},
          {"amount_cents", p.amount_cents},
          {"queue_no", p.queue_no},
          {"status", kPledgeStatuses.Name(p.status)},
          {"version", p.version},
          {"created_at", FormatRfc3339(p.created_at)},
          {"updated_at", FormatRfc3339(p.updated_at)}};
}

boost::json::object ToJson(const Subscription& s) {
  return {{"id", s.id},
          {"project_id", s.project_id},
          {"unit_id", s.unit_id},
          {"unit_code", s.unit_code},
          {"lead_id", JsonOr(s.lead_id)},
          {"pledge_id", JsonOr(s.pledge_id)},
          {"consultant_id", s.consultant_id},
          {"consultant_name", s.consultant_name},
          {"price_cents", s.price_cents},
          {"deposit_cents", s.deposit_cents},
          {"buyers", BuyersJson(s.buyers)},
          {"list_price_cents", s.list_price_cents},
          {"scheme_price_cents", s.scheme_price_cents},
          {"floor_cents", s.floor_cents},
          {"discounts", DiscountsJson(s.discounts)},
          {"approval", WordOf(s.approval)},
          {"approval_note", s.approval_note},
          {"approval_at", JsonTime(s.approval_at)},
          {"status", kSubscriptionStatuses.Name(s.status)},
          {"version", s.version},
          {"created_at", FormatRfc3339(s.created_at)},
          {"updated_at", FormatRfc3339(s.updated_at)}};
}

boost::json::object ToJson(const Contract& c, std::string_view today) {
  boost::json::array plan;
  for (const auto& i : c.plan) {
    plan.push_back(boost::json::object{{"seq", i.seq},
                                       {"due_on", i.due_on},
                                       {"kind", kInstalmentKinds.Name(i.kind)},
                                       {"amount_cents", i.amount_cents},
                                       {"paid_cents", i.paid_cents},
                                       {"overdue", i.paid_cents < i.amount_cents && i.due_on < today}});
  }
  return {{"id", c.id},
          {"project_id", c.project_id},
          {"unit_id", c.unit_id},
          {"unit_code", c.unit_code},
          {"subscription_id", c.subscription_id},
          {"contract_no", c.contract_no},
          {"signed_on", c.signed_on},
          {"total_cents", c.total_cents},
          {"paid_cents", c.paid_cents},
          {"overdue_cents", c.status == ContractStatus::kSigned ? OverdueCents(c.plan, today) : 0},
          {"payment_plan", std::move(plan)},
          {"buyers", BuyersJson(c.buyers)},
          {"status", kContractStatuses.Name(c.status)},
          {"version", c.version},
          {"created_at", FormatRfc3339(c.created_at)},
          {"updated_at", FormatRfc3339(c.updated_at)}};
}

boost::json::object ToJson(const Payment& p) {
  return {{"id", p.id},
          {"contract_id", p.contract_id},
          {"amount_cents", p.amount_cents},
          {"paid_on", p.paid_on},
          {"method", kPaymentMethods.Name(p.method)},
          {"receipt_no", p.receipt_no},
          {"actor_id", p.actor_id},
          {"created_at", FormatRfc3339(p.created_at)}};
}

Result<void> CheckBuyers(const std::vector<Buyer>& buyers) {
  if (buyers.empty()) return FailField("buyers", "required");
  if (buyers.size() > 10) return FailField("buyers", "too_many");
  std::set<std::int64_t> seen;
  double sum = 0;
  for (std::size_t i = 0; i < buyers.size(); ++i) {
    const auto& b = buyers[i];
    if (!(b.share > 0 && b.share <= 1)) return FailField("buyers[" + std::to_string(i) + "].share", "invalid_value");
    if (!seen.insert(b.customer_id).second) return FailField("buyers[" + std::to_string(i) + "].customer_id", "duplicate");
    sum += b.share;
  }
  if (std::fabs(sum - 1.0) > 1e-6) return FailField("buyers", "shares_not_one");
  return {};
}

Result<void> CheckPlan(const std::vector<Instalment>& plan, std::int64_t total_cents) {
  if (plan.empty()) return FailField("payment_plan", "required");
  if (plan.size() > 120) return FailField("payment_plan", "too_many");
  std::int64_t sum = 0;
  std::string last;
  for (std::size_t i = 0; i < plan.size(); ++i) {
    const auto& line = plan[i];
    const std::string at = "payment_plan[" + std::to_string(i) + "]";
    if (!ParseIsoDate(line.due_on)) return FailField(at + ".due_on", "invalid_format");
    if (line.due_on < last) return FailField(at + ".due_on", "out_of_order");
    if (line.amount_cents <= 0) return FailField(at + ".amount_cents", "invalid_value");
    if (line.amount_cents > total_cents) return FailField("payment_plan", "does_not_sum");
    last = line.due_on;
    sum += line.amount_cents;
  }
  if (sum != total_cents) return FailField("payment_plan", "does_not_sum");
  return {};
}

std::int64_t OverdueCents(const std::vector<Instalment>& plan, std::string_view today) {
  std::int64_t due = 0;
  for (const auto& i : plan) {
    if (i.due_on < today) due += i.amount_cents - i.paid_cents;
  }
  return due;
}

bool ApplyPayment(std::vector<Instalment>& plan, std::int64_t amount_cents) {
  std::int64_t open = 0;
  for (const auto& i : plan) open += i.amount_cents - i.paid_cents;
  if (amount_cents <= 0 || amount_cents > open) return false;
  for (auto& i : plan) {
    const std::int64_t take = std::min(amount_cents, i.amount_cents - i.paid_cents);
    i.paid_cents += take;
    amount_cents -= take;
    if (amount_cents == 0) break;
  }
  return true;
}

boost::json::object ToJson(const ChangeOrder& c) {
  return {{"id", c.id},
          {"contract_id", c.contract_id},
          {"contract_no", c.contract_no},
          {"project_id", c.project_id},
          {"kind", kChangeKinds.Name(c.kind)},
          {"reason", c.reason},
          {"new_unit_id", JsonOr(c.new_unit_id)},
          {"new_unit_code", JsonOr(c.new_unit_code)},
          {"buyers", BuyersJson(c.buyers)},
          {"discount_cents", JsonOr(c.discount_cents)},
          {"status", kChangeStatuses.Name(c.status)},
          {"requested_by", c.requested_by},
          {"requested_by_name", c.requested_by_name},
          {"decided_by", JsonOr(c.decided_by)},
          {"decided_at", JsonTime(c.decided_at)},
          {"decision_note", c.decision_note},
          {"version", c.version},
          {"created_at", FormatRfc3339(c.created_at)},
          {"updated_at", FormatRfc3339(c.updated_at)}};
}

bool ApplyDiscount(std::vector<Instalment>& plan, std::int64_t discount_cents) {
  std::int64_t open = 0;
  for (const auto& i : plan) open += i.amount_cents - i.paid_cents;
  if (discount_cents <= 0 || discount_cents > open) return false;
  for (auto it = plan.rbegin(); it != plan.rend() && discount_cents > 0; ++it) {
    const std::int64_t take = std::min(discount_cents, it->amount_cents - it->paid_cents);
    it->amount_cents -= take;
    discount_cents -= take;
  }
  return true;
}

}  // namespace hearth::sales
