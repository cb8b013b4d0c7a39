#include "modules/segments/rules/facts.hpp"

#include <algorithm>
#include <charconv>

namespace hearth::segments {
namespace {

std::optional<int> IntOf(std::string_view s) {
  int v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool IsDate(const std::string& d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-' || !IntOf(d.substr(0, 4))) return false;
  const auto month = IntOf(d.substr(5, 2));
  const auto day = IntOf(d.substr(8, 2));
  return month && day && *month >= 1 && *month <= 12 && *day >= 1 && *day <= 31;
}

FactValue Text(const std::optional<std::string>& s) {
  if (!s || s->empty()) return {};
  return *s;
}
FactValue Text(const std::string& s) {
  if (s.empty()) return {};
  return s;
}
FactValue Flag(std::optional<bool> b) {
  if (!b) return {};
  return *b;
}

}  // namespace

const FactCatalog& Facts() {
  static const FactCatalog catalog = [] {
    FactCatalog c;
    const std::vector<std::string> none;
    // In FactIndex order.
    c.Add({"age", "年龄", FactKind::kNumber, none, "岁"});
    c.Add({"gender", "性别", FactKind::kText, {"male", "female", "unknown"}, ""});
    c.Add({"marital_status", "婚姻状况", FactKind::kText, {"single", "married", "divorced", "widowed", "unknown"}, ""});
    c.Add({"children", "子女数", FactKind::kNumber, none, "人"});
    c.Add({"youngest_child_age", "最小子女年龄", FactKind::kNumber, none, "岁"});
    c.Add({"oldest_child_age", "最大子女年龄", FactKind::kNumber, none, "岁"});
    c.Add({"elders", "同住老人", FactKind::kNumber, none, "人"});
    c.Add({"household_size", "家庭人口", FactKind::kNumber, none, "人"});
    c.Add({"life_stage", "家庭生命周期", FactKind::kText, kLifeStages, ""});
    c.Add({"income_level", "收入水平", FactKind::kText, {"low", "middle", "high"}, ""});
    c.Add({"city", "城市", FactKind::kText, none, ""});
    c.Add({"occupation", "职业", FactKind::kText, none, ""});
    c.Add({"source_channel", "来源渠道", FactKind::kText, none, ""});
    c.Add({"tags", "标签", FactKind::kList, none, ""});
    c.Add({"consent_marketing", "营销同意", FactKind::kBool, none, ""});
    c.Add({"units_owned", "房产数", FactKind::kNumber, none, "套"});
    c.Add({"owner", "业主", FactKind::kBool, none, ""});
    c.Add({"home_value", "房产总价", FactKind::kNumber, none, "元"});
    c.Add({"home_area", "最大面积", FactKind::kNumber, none, "m²"});
    c.Add({"tenure_years", "入住年限", FactKind::kNumber, none, "年"});
    c.Add({"purchase_motive", "置业动机", FactKind::kText, {"first_home", "upgrade", "investment", "retirement", "school", "other"}, ""});
    c.Add({"repurchased", "复购", FactKind::kBool, none, ""});
    c.Add({"satisfied", "满意", FactKind::kBool, none, ""});
    c.Add({"would_rebuy", "愿意再次购买", FactKind::kBool, none, ""});
    c.Add({"would_recommend", "愿意推荐", FactKind::kBool, none, ""});
    c.Add({"nps", "推荐得分", FactKind::kNumber, none, "分"});
    c.Add({"referrals", "推荐成交数", FactKind::kNumber, none, "人"});
    return c;
  }();
  return catalog;
}

std::optional<int> AgeOn(const std::string& birth_date, const std::string& today) {
  if (!IsDate(birth_date) || !IsDate(today)) return std::nullopt;
  int age = *IntOf(today.substr(0, 4)) - *IntOf(birth_date.substr(0, 4));
  if (today.substr(5) < birth_date.substr(5)) --age;  // the birthday has not come yet this year
  if (age < 0 || age > 130) return std::nullopt;
  return age;
}

std::optional<std::string> BirthDateOfId(const std::string& id_number) {
  if (id_number.size() != 18) return std::nullopt;
  std::string d = id_number.substr(6, 4) + "-" + id_number.substr(10, 2) + "-" + id_number.substr(12, 2);
  if (!IsDate(d)) return std::nullopt;
  return d;
}

std::optional<std::string> LifeStageOf(std::optional<int> age, const std::optional<std::string>& marital_status,
                                       const std::vector<int>& children_ages, std::optional<int> elders) {
  if (!children_ages.empty()) {
    const int youngest = *std::min_element(children_ages.begin(), children_ages.end());
    if (elders.value_or(0) > 0) return "three_generations";
    if (youngest < 12) return "young_family";
    if (youngest < 18) return "school_family";
    if (age && *age >= 60) return "senior";
    return "empty_nest";  // the children are grown
  }
  if (age && *age >= 60) return "senior";
  if (marital_status == "married") return "couple";
  if (marital_status == "single" || marital_status == "divorced" || marital_status == "widowed") return "single";
  return std::nullopt;
}

FactRow FactsOf(const PersonRecord& p, const std::vector<HomeRecord>& homes, const Opinions& o, const std::string& today) {
  FactRow f(kFactCount);
  std::optional<std::string> born = p.birth_date;
  if (!born && p.id_number) born = BirthDateOfId(*p.id_number);
  const std::optional<int> age = born ? AgeOn(*born, today) : std::nullopt;
  if (age) f[kAge] = static_cast<double>(*age);
  f[kGender] = p.gender.empty() ? std::string("unknown") : p.gender;
  f[kMaritalStatus] = Text(p.marital_status);
  const int this_year = IntOf(today.substr(0, 4)).value_or(0);
  std::vector<int> children_ages;
  for (const int y : p.children_birth_years) children_ages.push_back(std::max(0, this_year - y));
  // Children are known when listed, or when the record says married or single with an age (a
  // record that says nothing of them leaves the count unknown).
  const bool household_known = !children_ages.empty() || p.marital_status.has_value() || p.elders.has_value();
  if (household_known) f[kChildren] = static_cast<double>(children_ages.size());
  if (!children_ages.empty()) {
    f[kYoungestChildAge] = static_cast<double>(*std::min_element(children_ages.begin(), children_ages.end()));
    f[kOldestChildAge] = static_cast<double>(*std::max_element(children_ages.begin(), children_ages.end()));
  }
  if (p.elders) f[kElders] = static_cast<double>(*p.elders);
  if (household_known) {
    const int spouse = p.marital_status == "married" ? 1 : 0;
    f[kHouseholdSize] = static_cast<double>(1 + spouse + static_cast<int>(children_ages.size()) + p.elders.value_or(0));
  }
  f[kLifeStage] = Text(LifeStageOf(age, p.marital_status, children_ages, p.elders));
  f[kIncomeLevel] = Text(p.income_level);
  f[kCity] = Text(p.city);
  f[kOccupation] = Text(p.occupation);
  f[kSourceChannel] = Text(p.source_channel);
  f[kTags] = p.tags;
  f[kConsentMarketing] = p.consent_marketing;
  f[kUnitsOwned] = static_cast<double>(homes.size());
  f[kOwner] = !homes.empty();
  if (!homes.empty()) {
    double value = 0;
    double area = 0;
    std::optional<std::string> first_delivered;
    for (const auto& h : homes) {
      value += static_cast<double>(h.price_cents) / 100.0;
      area = std::max(area, h.area_m2);
      if (h.delivered_on && (!first_delivered || *h.delivered_on < *first_delivered)) first_delivered = h.delivered_on;
    }
    f[kHomeValue] = value;
    f[kHomeArea] = area;
    if (first_delivered) {
      if (auto years = AgeOn(*first_delivered, today)) f[kTenureYears] = static_cast<double>(*years);
    }
  }
  f[kPurchaseMotive] = Text(o.purchase_motive);
  f[kRepurchased] = homes.size() >= 2;
  f[kSatisfied] = Flag(o.satisfied);
  f[kWouldRebuy] = Flag(o.would_rebuy);
  f[kWouldRecommend] = Flag(o.would_recommend);
  if (o.nps) f[kNps] = static_cast<double>(*o.nps);
  f[kReferrals] = static_cast<double>(o.referrals);
  return f;
}

}  // namespace hearth::segments
