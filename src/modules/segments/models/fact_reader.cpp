#include "modules/segments/models/fact_reader.hpp"

#include <algorithm>

namespace hearth::segments {

std::vector<std::int64_t> CustomerFacts::Projects() const {
  std::vector<std::int64_t> out;
  for (const auto& h : homes) {
    if (std::find(out.begin(), out.end(), h.project_id) == out.end()) out.push_back(h.project_id);
  }
  return out;
}

std::vector<CustomerFacts> FactReader::OfPage(db::Tx& tx, std::int64_t tenant_id, const std::vector<customers::Customer>& page,
                                              const std::string& today) {
  std::vector<CustomerFacts> out;
  if (page.empty()) return out;
  const auto homes = inventory_.HomeFactsOf(tx, tenant_id, page.front().id, page.back().id);
  const auto motives = leads_.NeedTypesOf(tx, tenant_id, page.front().id, page.back().id);
  const auto referred = referrals_.SignedReferralsOf(tx, tenant_id, page.front().id, page.back().id);
  const auto answers = opinions_.OpinionsOf(tx, tenant_id, page.front().id, page.back().id);
  std::size_t h = 0;
  out.reserve(page.size());
  for (const auto& c : page) {
    PersonRecord p;
    p.id = c.id;
    p.birth_date = c.birth_date;
    p.id_number = c.id_number;
    p.gender = c.gender;
    p.marital_status = c.marital_status;
    p.children_birth_years = c.children_birth_years;
    p.elders = c.elders;
    p.income_level = c.income_level;
    p.city = c.city.value_or("");
    p.occupation = c.occupation.value_or("");
    p.source_channel = c.source_channel.value_or("");
    p.tags = c.tags;
    p.consent_marketing = c.consent_marketing;
    CustomerFacts cf;
    cf.id = c.id;
    cf.org_unit_id = c.org_unit_id;
    while (h < homes.size() && homes[h].customer_id < c.id) ++h;
    for (; h < homes.size() && homes[h].customer_id == c.id; ++h) {
      cf.homes.push_back({homes[h].project_id, homes[h].area_m2, homes[h].list_price_cents, homes[h].delivered_on});
    }
    Opinions o;
    if (auto m = motives.find(c.id); m != motives.end()) o.purchase_motive = m->second;
    if (auto r = referred.find(c.id); r != referred.end()) o.referrals = static_cast<int>(r->second);
    if (auto a = answers.find(c.id); a != answers.end()) {
      o.satisfied = a->second.satisfied;
      o.would_rebuy = a->second.rebuy;
      o.would_recommend = a->second.recommend;
      o.nps = a->second.nps;
    }
    cf.facts = FactsOf(p, cf.homes, o, today);
    out.push_back(std::move(cf));
  }
  return out;
}

}  // namespace hearth::segments
