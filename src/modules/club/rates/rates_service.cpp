#include "modules/club/rates/rates_service.hpp"

#include <map>
#include <set>

#include "platform/org_scope.hpp"

namespace hearth::club {
namespace {
constexpr int kPage = 5'000;
}  // namespace

void RatesService::Compute(std::int64_t tenant_id) {
  // (org path, member) → counts; the org unit's path read once per unit.
  std::map<std::pair<std::string, int>, RateCounts> counts;
  std::map<std::int64_t, std::string> paths;
  for (std::int64_t after = 0;;) {
    const bool more = db_.Read([&](db::Tx& tx) {
      const auto page = customers_.PageAfter(tx, tenant_id, "/", after, kPage);
      if (page.empty()) return false;
      const std::int64_t first = page.front().id, last = page.back().id;
      after = last;
      std::map<std::int64_t, int> homes;
      for (const auto& h : inventory_.HomeFactsOf(tx, tenant_id, first, last)) ++homes[h.customer_id];
      if (homes.empty()) return true;
      const auto opinions = opinions_.OpinionsOf(tx, tenant_id, first, last);
      const auto referred = referrals_.SignedReferralsOf(tx, tenant_id, first, last);
      std::set<std::int64_t> members;
      for (const auto& r : tx.Execute("SELECT customer_id FROM club_members WHERE tenant_id = $1 AND customer_id BETWEEN $2 AND $3 AND status = 'active'",
                                      tenant_id, first, last)) {
        members.insert(r.Int(0));
      }
      for (const auto& c : page) {
        const auto h = homes.find(c.id);
        if (h == homes.end()) continue;  // not an owner
        auto path = paths.find(c.org_unit_id);
        if (path == paths.end()) {
          path = paths.emplace(c.org_unit_id, tx.Execute("SELECT" HEARTH_ORG_PATH_OF("$1"), c.org_unit_id).front().OptText(0).value_or("")).first;
        }
        RateCounts& n = counts[{path->second, members.contains(c.id) ? 1 : 0}];
        ++n.owners;
        if (h->second >= 2) ++n.repurchased;
        if (auto o = opinions.find(c.id); o != opinions.end() && o->second.rebuy) {
          ++n.answered;
          if (*o->second.rebuy) ++n.would_rebuy;
        }
        if (auto r = referred.find(c.id); r != referred.end() && r->second > 0) ++n.referrers;
      }
      return true;
    });
    if (!more) break;
  }
  const Timestamp now = clock_.Now();
  db_.Transact([&](db::Tx& tx) -> Result<void> {
    tx.Execute("DELETE FROM club_rates WHERE tenant_id = $1", tenant_id);
    for (const auto& [key, n] : counts) {
      tx.Execute(R"sql(INSERT INTO club_rates (tenant_id, org_path, member, owners, repurchased, answered, would_rebuy, referrers, computed_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9))sql", tenant_id, key.first, key.second, n.owners, n.repurchased, n.answered, n.would_rebuy,
                 n.referrers, now.ms);
    }
    return {};
  });
}

Result<ClubRates> RatesService::Rates(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const std::string path = (actor.IsAdmin() ? std::string("/") : actor.org_path) + "%";
  return db_.Read([&](db::Tx& tx) -> Result<ClubRates> {
    ClubRates out;
    for (const auto& r : tx.Execute(R"sql(SELECT member, sum(owners), sum(repurchased), sum(answered), sum(would_rebuy), sum(referrers), max(computed_at)
 FROM club_rates WHERE tenant_id = $1 AND org_path LIKE $2 GROUP BY member)sql", actor.tenant_id, path)) {
      RateCounts& n = r.Int(0) == 1 ? out.members : out.others;
      n = {r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Int(5)};
      if (auto at = r.OptInt(6)) out.computed_at = Timestamp{*at};
    }
    return out;
  });
}

Result<ClubRates> RatesService::Recompute(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.IsManager()) return Forbidden("managers compute the club's rates");
  Compute(actor.tenant_id);
  return Rates(ctx);
}

}  // namespace hearth::club
