#include "modules/sales/prices/price.hpp"

#include <cmath>

#include <boost/json/array.hpp>

#include "core/json.hpp"

namespace hearth::sales {

std::optional<std::int64_t> Adjusted(std::int64_t before, double area_m2, AdjustMethod method, std::int64_t value) {
  double after = 0;
  switch (method) {
    case AdjustMethod::kPercent: after = static_cast<double>(before) * (1.0 + static_cast<double>(value) / 10000.0); break;
    case AdjustMethod::kPerM2: after = static_cast<double>(before) + static_cast<double>(value) * area_m2; break;
    case AdjustMethod::kSetPerM2: after = static_cast<double>(value) * area_m2; break;
  }
  const auto yuan = static_cast<std::int64_t>(std::llround(after / 100.0)) * 100;
  if (yuan <= 0) return std::nullopt;
  return yuan;
}

boost::json::object ToJson(const Adjustment& a, bool with_lines) {
  boost::json::object o{{"id", a.id},
                        {"project_id", a.project_id},
                        {"name", a.name},
                        {"reason", a.reason},
                        {"method", WordOf(a.method)},
                        {"value", a.value},
                        {"building", JsonOr(a.building)},
                        {"units", a.units},
                        {"before_cents", a.before_cents},
                        {"after_cents", a.after_cents},
                        {"status", WordOf(a.status)},
                        {"created_by", a.created_by},
                        {"created_by_name", a.created_by_name},
                        {"decided_by", JsonOr(a.decided_by)},
                        {"decided_by_name", JsonOr(a.decided_by_name)},
                        {"decided_at", JsonTime(a.decided_at)},
                        {"version", a.version},
                        {"created_at", FormatRfc3339(a.created_at)},
                        {"updated_at", FormatRfc3339(a.updated_at)}};
  if (with_lines) {
    boost::json::array lines;
    for (const auto& l : a.lines) {
      lines.push_back(boost::json::object{{"unit_id", l.unit_id}, {"unit_code", l.unit_code}, {"area_m2", l.area_m2},
                                          {"before_cents", l.before_cents}, {"after_cents", l.after_cents}});
    }
    o["lines"] = std::move(lines);
  }
  return o;
}

Result<void> CheckAdjustment(AdjustMethod method, std::int64_t value) {
  const bool ok = method == AdjustMethod::kPercent  ? value != 0 && value >= -5000 && value <= 5000
                  : method == AdjustMethod::kPerM2  ? value != 0 && value >= -10000000 && value <= 10000000
                                                    : value >= 100 && value <= 100000000;
  if (!ok) return FailField("value", "out_of_range");
  return {};
}

boost::json::object ToJson(const DiscountScheme& d) {
  return {{"id", d.id},
          {"project_id", d.project_id},
          {"name", d.name},
          {"percent_off_bp", d.percent_off_bp},
          {"amount_off_cents", d.amount_off_cents},
          {"valid_from", JsonOr(d.valid_from)},
          {"valid_to", JsonOr(d.valid_to)},
          {"max_uses", JsonOr(d.max_uses)},
          {"uses", d.uses},
          {"stackable", d.stackable},
          {"active", d.active},
          {"version", d.version},
          {"created_at", FormatRfc3339(d.created_at)},
          {"updated_at", FormatRfc3339(d.updated_at)}};
}

Result<void> CheckScheme(const DiscountScheme& d) {
  std::vector<FieldError> bad;
  if (d.name.empty()) bad.push_back({"name", "required"});
  const bool percent = d.percent_off_bp != 0, amount = d.amount_off_cents != 0;
  if (percent == amount) {
    bad.push_back({"percent_off_bp", percent ? "one_of_percent_or_amount" : "required"});
  } else if (percent && (d.percent_off_bp < 1 || d.percent_off_bp > 5000)) {
    bad.push_back({"percent_off_bp", "out_of_range"});
  } else if (amount && (d.amount_off_cents < 1 || d.amount_off_cents > 1000000000)) {
    bad.push_back({"amount_off_cents", "out_of_range"});
  }
  if (d.valid_from && !ParseIsoDate(*d.valid_from)) bad.push_back({"valid_from", "invalid_format"});
  if (d.valid_to && !ParseIsoDate(*d.valid_to)) bad.push_back({"valid_to", "invalid_format"});
  if (d.valid_from && d.valid_to && ParseIsoDate(*d.valid_from) && ParseIsoDate(*d.valid_to) && *d.valid_to < *d.valid_from) {
    bad.push_back({"valid_to", "before_valid_from"});
  }
  if (d.max_uses && (*d.max_uses < 1 || *d.max_uses > 1000000)) bad.push_back({"max_uses", "out_of_range"});
  if (!bad.empty()) return Fail(ErrorCode::kInvalidArgument, "validation_failed", "some fields are not valid", bad);
  return {};
}

Result<SchemePrice> PriceWithSchemes(std::int64_t list_cents, const std::vector<DiscountScheme>& schemes,
                                     std::string_view today) {
  SchemePrice out;
  out.off_cents.assign(schemes.size(), 0);
  for (std::size_t i = 0; i < schemes.size(); ++i) {
    const auto& s = schemes[i];
    const std::string at = "discount_scheme_ids[" + std::to_string(i) + "]";
    if (!s.active) return FailField(at, "inactive");
    if (s.valid_from && today < *s.valid_from) return FailField(at, "not_yet_valid");
    if (s.valid_to && today > *s.valid_to) return FailField(at, "expired");
    if (s.max_uses && s.uses >= *s.max_uses) return FailField(at, "exhausted");
    if (!s.stackable && schemes.size() > 1) return FailField(at, "not_stackable");
  }
  // Percentages first, each on what the previous left; then the amounts.
  double price = static_cast<double>(list_cents);
  for (std::size_t i = 0; i < schemes.size(); ++i) {
    if (schemes[i].percent_off_bp == 0) continue;
    const double off = std::round(price * static_cast<double>(schemes[i].percent_off_bp) / 10000.0);
    out.off_cents[i] = static_cast<std::int64_t>(off);
    price -= off;
  }
  auto cents = static_cast<std::int64_t>(price);
  for (std::size_t i = 0; i < schemes.size(); ++i) {
    if (schemes[i].amount_off_cents == 0) continue;
    const std::int64_t off = std::min(schemes[i].amount_off_cents, cents);
    out.off_cents[i] = off;
    cents -= off;
  }
  out.price_cents = cents;
  return out;
}

std::int64_t FloorOf(std::int64_t list_cents, int percent) { return (list_cents * percent + 99) / 100; }

PriceApproval ApprovalFor(std::int64_t list_cents, std::int64_t floor_cents, std::int64_t price_cents) {
  return list_cents > 0 && price_cents < floor_cents ? PriceApproval::kPending : PriceApproval::kNone;
}

}  // namespace hearth::sales
