#include "modules/segments/value/ltv.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace hearth::segments {
namespace {

int YearOf(const std::string& date) { return date.size() >= 4 ? std::stoi(date.substr(0, 4)) : 0; }

/// ¥1,234,567 (whole yuan, rounded).
std::string Money(double cents) {
  const auto yuan = static_cast<std::int64_t>(std::llround(cents / 100.0));
  std::string digits = std::to_string(yuan < 0 ? -yuan : yuan);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return (yuan < 0 ? "-¥" : "¥") + digits;
}
std::string Percent(double share) { return fmt::format("{:g}%", std::round(share * 1000.0) / 10.0); }

std::int64_t Fen(double cents) { return static_cast<std::int64_t>(std::llround(cents)); }

/// The numeric assumptions: key, member, least and greatest value.
struct RateField {
  const char* key;
  double ValueAssumptions::*member;
  double low, high;
};
constexpr RateField kRates[] = {
    {"margin", &ValueAssumptions::margin, 0, 1},
    {"discount_rate", &ValueAssumptions::discount_rate, 0, 0.5},
    {"repurchase_rate", &ValueAssumptions::repurchase_rate, 0, 1},
    {"repurchase_rate_intent", &ValueAssumptions::repurchase_rate_intent, 0, 1},
    {"repurchase_rate_no", &ValueAssumptions::repurchase_rate_no, 0, 1},
    {"referral_rate", &ValueAssumptions::referral_rate, 0, 5},
    {"referral_rate_promoter", &ValueAssumptions::referral_rate_promoter, 0, 5},
    {"referral_rate_detractor", &ValueAssumptions::referral_rate_detractor, 0, 5},
    {"referral_share", &ValueAssumptions::referral_share, 0, 1},
    {"price_premium", &ValueAssumptions::price_premium, 0, 0.5},
};
struct MoneyField {
  const char* key;
  std::int64_t ValueAssumptions::*member;
};
constexpr MoneyField kMoney[] = {
    {"referral_reward_cents", &ValueAssumptions::referral_reward_cents},
    {"service_saving_cents", &ValueAssumptions::service_saving_cents},
    {"acquisition_cost_cents", &ValueAssumptions::acquisition_cost_cents},
    {"acquisition_cost_referred_cents", &ValueAssumptions::acquisition_cost_referred_cents},
};
constexpr std::int64_t kMaxMoneyCents = 100'000'000'000;  // ¥1,000,000,000

}  // namespace

boost::json::object ValueAssumptions::ToJson() const {
  boost::json::object o;
  for (const auto& f : kRates) o[f.key] = this->*f.member;
  for (const auto& f : kMoney) o[f.key] = this->*f.member;
  o["horizon_years"] = horizon_years;
  o["referred_channel"] = referred_channel;
  return o;
}

Result<ValueAssumptions> ValueAssumptions::FromJson(const boost::json::object& o, const ValueAssumptions& base) {
  ValueAssumptions a = base;
  std::vector<FieldError> errors;
  for (const auto& [key, value] : o) {
    const std::string k(key);
    if (const auto* rate = std::find_if(std::begin(kRates), std::end(kRates), [&](const RateField& f) { return k == f.key; });
        rate != std::end(kRates)) {
      if (!value.is_number()) {
        errors.push_back({k, "must_be_number"});
        continue;
      }
      const double d = value.to_number<double>();
      if (!std::isfinite(d) || d < rate->low || d > rate->high) errors.push_back({k, "out_of_range"});
      else a.*(rate->member) = d;
    } else if (const auto* money = std::find_if(std::begin(kMoney), std::end(kMoney), [&](const MoneyField& f) { return k == f.key; });
               money != std::end(kMoney)) {
      if (!value.is_int64() && !value.is_uint64()) errors.push_back({k, "must_be_integer"});
      else if (value.is_uint64() || value.as_int64() < 0 || value.as_int64() > kMaxMoneyCents) errors.push_back({k, "out_of_range"});
      else a.*(money->member) = value.as_int64();
    } else if (k == "horizon_years") {
      if (!value.is_int64()) errors.push_back({k, "must_be_integer"});
      else if (value.as_int64() < 1 || value.as_int64() > 50) errors.push_back({k, "out_of_range"});
      else a.horizon_years = static_cast<int>(value.as_int64());
    } else if (k == "referred_channel") {
      if (!value.is_string()) errors.push_back({k, "must_be_string"});
      else if (value.as_string().empty() || value.as_string().size() > 120) errors.push_back({k, "out_of_range"});
      else a.referred_channel = std::string(value.as_string());
    } else {
      errors.push_back({k, "unknown_field"});
    }
  }
  if (!errors.empty()) return Fail(ErrorCode::kInvalidArgument, "validation_failed", "an assumption is not valid", std::move(errors));
  return a;
}

ValueParts& ValueParts::operator+=(const ValueParts& o) {
  base += o.base, repurchase += o.repurchase, referral += o.referral;
  saving += o.saving, premium += o.premium, acquisition += o.acquisition;
  return *this;
}

HouseholdValue ValueOf(const FactRow& facts, const std::vector<HomeRecord>& homes, const ValueAssumptions& a,
                       const std::string& today, bool explain) {
  HouseholdValue v;
  if (homes.empty()) {
    v.lines.push_back("尚未购房：终身价值从第一次购房算起。");
    return v;
  }
  v.owner = true;
  const int this_year = YearOf(today);
  // Each home's year: its delivery's, else this year's (bought, not yet handed over).
  std::vector<std::pair<int, std::int64_t>> bought;  // (year, price)
  double price_sum = 0;
  for (const auto& h : homes) {
    bought.emplace_back(h.delivered_on ? std::min(YearOf(*h.delivered_on), this_year) : this_year, h.price_cents);
    price_sum += static_cast<double>(h.price_cents);
  }
  std::stable_sort(bought.begin(), bought.end());
  v.first_year = bought.front().first;
  const double average = price_sum / static_cast<double>(homes.size());
  v.average_price_cents = Fen(average);
  const int now = this_year - v.first_year;  // this year's offset
  const auto flag = [&](FactIndex i) -> std::optional<bool> {
    if (const auto* b = std::get_if<bool>(&facts[i])) return *b;
    return std::nullopt;
  };
  const auto satisfied = flag(kSatisfied);
  const auto rebuy = flag(kWouldRebuy);
  const auto recommend = flag(kWouldRecommend);
  const double referrals = std::get_if<double>(&facts[kReferrals]) ? std::get<double>(facts[kReferrals]) : 0.0;
  const auto* channel = std::get_if<std::string>(&facts[kSourceChannel]);
  const bool referred = channel && !a.referred_channel.empty() && *channel == a.referred_channel;

  v.repurchase_rate = rebuy ? (*rebuy ? a.repurchase_rate_intent : a.repurchase_rate_no) : a.repurchase_rate;
  v.referral_rate = recommend ? (*recommend ? a.referral_rate_promoter : a.referral_rate_detractor) : a.referral_rate;
  // A household that has already referred buyers refers at the rate it has shown, when higher.
  if (referrals > 0) v.referral_rate = std::max(v.referral_rate, referrals / std::max(1, now));
  const double per_referral = average * a.margin * a.referral_share - static_cast<double>(a.referral_reward_cents);

  v.years.resize(static_cast<std::size_t>(now + a.horizon_years + 1));
  for (std::size_t t = 0; t < v.years.size(); ++t) {
    v.years[t].offset = static_cast<int>(t);
    v.years[t].year = v.first_year + static_cast<int>(t);
    v.years[t].expected = static_cast<int>(t) > now;
  }
  v.years[0].base = Fen(static_cast<double>(bought.front().second) * a.margin);
  v.years[0].acquisition = referred ? a.acquisition_cost_referred_cents : a.acquisition_cost_cents;
  for (std::size_t i = 1; i < bought.size(); ++i) {
    v.years[static_cast<std::size_t>(bought[i].first - v.first_year)].repurchase += Fen(static_cast<double>(bought[i].second) * a.margin);
  }
  v.years[static_cast<std::size_t>(now)].referral += Fen(referrals * per_referral);
  const bool loyal = satisfied.value_or(false);
  for (int t = now + 1; t <= now + a.horizon_years; ++t) {
    ValueYear& y = v.years[static_cast<std::size_t>(t)];
    y.repurchase = Fen(v.repurchase_rate * average * a.margin);
    y.referral = Fen(v.referral_rate * per_referral);
    if (loyal) {
      y.saving = a.service_saving_cents;
      y.premium = Fen(v.repurchase_rate * average * a.price_premium);
    }
  }
  // Discounted to the first purchase; the parts summed the same way.
  double realised_repurchase = 0, expected_repurchase = 0, realised_referral = 0, expected_referral = 0;
  for (auto& y : v.years) {
    const double f = 1.0 / std::pow(1.0 + a.discount_rate, y.offset);
    const auto d = [&](std::int64_t x) { return static_cast<double>(x) * f; };
    v.parts.base += Fen(d(y.base));
    v.parts.repurchase += Fen(d(y.repurchase));
    v.parts.referral += Fen(d(y.referral));
    v.parts.saving += Fen(d(y.saving));
    v.parts.premium += Fen(d(y.premium));
    v.parts.acquisition += y.acquisition;  // paid at the start: not discounted
    y.discounted = Fen(d(y.base + y.repurchase + y.referral + y.saving + y.premium)) - y.acquisition;
    (y.expected ? expected_repurchase : realised_repurchase) += d(y.repurchase);
    (y.expected ? expected_referral : realised_referral) += d(y.referral);
  }

  if (!explain) return v;
  const std::string said_rebuy = rebuy ? (*rebuy ? "表示会再买" : "表示不会再买") : "未表态";
  const std::string said_recommend = recommend ? (*recommend ? "愿意推荐" : "不愿推荐") : "未表态";
  v.lines.push_back(fmt::format("基础利润：{} 年首套房 {} × 毛利率 {} = {}。", v.first_year, Money(static_cast<double>(bought.front().second)),
                                Percent(a.margin), Money(static_cast<double>(v.years[0].base))));
  v.lines.push_back(fmt::format("再购买：已再购 {} 套，折现后 {}；今后 {} 年每年 {}（{}）× 户均房价 {} × 毛利率 {}，折现后 {}。",
                                bought.size() - 1, Money(realised_repurchase), a.horizon_years, Percent(v.repurchase_rate), said_rebuy,
                                Money(average), Percent(a.margin), Money(expected_repurchase)));
  v.lines.push_back(fmt::format("推荐价值：已推荐成交 {} 户，每户 {} × {} × 归属 {} − 奖励 {} = {}，折现后 {}；今后每年 {} 户（{}），折现后 {}。",
                                static_cast<std::int64_t>(referrals), Money(average), Percent(a.margin), Percent(a.referral_share),
                                Money(static_cast<double>(a.referral_reward_cents)), Money(per_referral), Money(realised_referral),
                                fmt::format("{:g}", std::round(v.referral_rate * 1000.0) / 1000.0), said_recommend,
                                Money(expected_referral)));
  v.lines.push_back(loyal ? fmt::format("服务成本节约：满意业主每年 {}，今后 {} 年，折现后 {}。", Money(static_cast<double>(a.service_saving_cents)),
                                        a.horizon_years, Money(static_cast<double>(v.parts.saving)))
                          : std::string("服务成本节约：未表示满意，不计。"));
  v.lines.push_back(loyal ? fmt::format("溢价：满意业主再购买时接受 {} 的溢价，折现后 {}。", Percent(a.price_premium),
                                        Money(static_cast<double>(v.parts.premium)))
                          : std::string("溢价：未表示满意，不计。"));
  v.lines.push_back(fmt::format("获客成本：{}（{}）。", Money(static_cast<double>(v.parts.acquisition)),
                                referred ? "经" + a.referred_channel + "而来" : "自然到访或广告"));
  v.lines.push_back(fmt::format("折现：年折现率 {}，以首次购买的 {} 年为基准；终身价值 {}。", Percent(a.discount_rate), v.first_year,
                                Money(static_cast<double>(v.parts.Total()))));
  return v;
}

}  // namespace hearth::segments
