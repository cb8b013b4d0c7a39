// `hearth demo`, the club part: about half of the group's buyers enrolled on the day they signed,
// their purchase points earned then, points for the referees of referrers who signed and for
// answered surveys, and some redeemed — so the members list has every tier, expiring points and
// a ledger with each kind of line.
#include <fmt/format.h>

#include <random>

#include "modules/club/club_module.hpp"

namespace hearth::club {

Result<void> AddDemoClub(ClubModule& module, platform::Demo& demo) {
  HEARTH_TRY(module.members.Seed());
  if (demo.tenant_id == 0) return {};
  ClubService& club = module.members;
  std::mt19937_64 rng(demo.seed + 16);
  std::int64_t enrolled = 0, moves = 0;
  const Timestamp now = module.clock.Now();
  const auto later = [&](Timestamp from, std::int64_t days) { return Timestamp{std::min(now.ms, from.ms + days * 86'400'000)}; };
  return module.db.Transact([&](db::Tx& tx) -> Result<void> {
    std::map<std::int64_t, std::int64_t> member_of;  // customer → member
    for (std::int64_t after = 0;;) {
      const auto homes = module.deals.SignedHomes(tx, demo.tenant_id, after, 500);
      if (homes.empty()) break;
      for (const auto& h : homes) {
        after = std::max(after, h.contract_id);
        if (rng() % 100 >= 55) continue;  // not every buyer joins
        const auto day = ParseIsoDate(h.signed_on);
        if (!day) continue;
        const Timestamp at{*day * 86'400'000 + 2 * 3'600'000};
        auto it = member_of.find(h.customer_id);
        if (it == member_of.end()) {
          const auto customer = module.customers.PageAfter(tx, demo.tenant_id, "/", h.customer_id - 1, 1);
          if (customer.empty() || customer.front().id != h.customer_id) continue;
          it = member_of.emplace(h.customer_id, club.EnrolAt(tx, demo.tenant_id, h.customer_id, customer.front().org_unit_id, at)).first;
          ++enrolled;
        }
        const std::int64_t points = 1000 + static_cast<std::int64_t>(rng() % 5) * 500;
        if (club.MoveAt(tx, demo.tenant_id, it->second, {points, "purchase", fmt::format("contract:{}", h.contract_id), "签约购房"}, at)) ++moves;
        // Some members referred friends, answered a survey, spent points at a partner merchant.
        if (rng() % 100 < 25) {
          if (club.MoveAt(tx, demo.tenant_id, it->second, {3000, "referral", fmt::format("demo-referral:{}", h.contract_id), "推荐亲友签约"},
                          later(at, 90)))
            ++moves;
        }
        if (rng() % 100 < 40) {
          if (club.MoveAt(tx, demo.tenant_id, it->second, {100, "survey", fmt::format("demo-survey:{}", h.contract_id), "回答满意度调查"},
                          later(at, 200)))
            ++moves;
        }
        if (rng() % 100 < 30) {
          if (club.MoveAt(tx, demo.tenant_id, it->second, {-800, "redeem", std::nullopt, "兑换物业费抵用券"}, later(at, 300)))
            ++moves;
        }
      }
    }
    demo.made.push_back(fmt::format("{} club members with {} point moves", enrolled, moves));
    return {};
  });
}

}  // namespace hearth::club
