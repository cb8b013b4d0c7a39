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
  auto loaded = module.db.Transact([&](db::Tx& tx) -> Result<void> {
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
    // Each company's events: one held last month (most who signed up came and earned its points),
    // one next month with places left; and the partner merchants' offers of the group.
    std::map<std::int64_t, std::vector<std::int64_t>> members_of_company;
    for (const auto& row : tx.Execute("SELECT id, org_unit_id FROM club_members WHERE tenant_id = $1 ORDER BY id", demo.tenant_id)) {
      members_of_company[row.Int(1)].push_back(row.Int(0));
    }
    static constexpr const char* kPast[] = {"亲子植树节", "业主篮球友谊赛", "中秋游园会", "社区义诊"};
    static constexpr const char* kNext[] = {"新春写福字", "元宵灯谜会", "业主读书会", "健康讲座"};
    int events = 0;
    for (std::size_t c = 0; c < demo.companies.size(); ++c) {
      const auto& company_members = members_of_company[demo.companies[c]];
      for (int which = 0; which < 2; ++which) {
        const bool past = which == 0;
        const Timestamp starts{now.ms + (past ? -30 : 20) * 86'400'000LL + static_cast<std::int64_t>(c) * 86'400'000LL};
        const int capacity = 40;
        const std::int64_t event = tx.Execute(R"sql(INSERT INTO club_events (tenant_id, org_unit_id, title, description, place, starts_at, ends_at,
 capacity, points, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id)sql",
                                              demo.tenant_id, demo.companies[c], past ? kPast[c % 4] : kNext[c % 4], "万客会会员及家人均可参加，名额有限。",
                                              "社区会所", starts.ms, starts.ms + 3 * 3'600'000LL, capacity, 200, past ? "closed" : "open", now.ms)
                                       .front()
                                       .Int(0);
        ++events;
        int signed_up = 0, came = 0;
        for (std::size_t i = 0; i < company_members.size() && signed_up < (past ? 30 : 12); i += 3) {
          const Timestamp signed_at{starts.ms - 7 * 86'400'000LL};
          const bool attended = past && rng() % 100 < 80;
          tx.Execute("INSERT INTO club_event_signups (event_id, member_id, signed_at, checked_in_at) VALUES ($1, $2, $3, $4)", event,
                     company_members[i], signed_at.ms, attended ? std::optional<std::int64_t>(starts.ms + 1'800'000) : std::nullopt);
          ++signed_up;
          if (attended) {
            ++came;
            if (club.MoveAt(tx, demo.tenant_id, company_members[i], {200, "event", fmt::format("event:{}", event), past ? kPast[c % 4] : ""},
                            Timestamp{starts.ms + 1'800'000}))
              ++moves;
          }
        }
        tx.Execute("UPDATE club_events SET signed_up = $2, checked_in = $3 WHERE id = $1", event, signed_up, came);
      }
    }
    const std::string today = FormatIsoDate((now.ms + 8 * 3'600'000) / 86'400'000);
    const std::string half_year = FormatIsoDate((now.ms + 8 * 3'600'000) / 86'400'000 + 180);
    struct DemoOffer {
      const char* merchant;
      const char* title;
      const char* tier;
      std::optional<std::int64_t> points;
    };
    const DemoOffer offers[] = {{"万科物业", "物业费九五折", "silver", std::nullopt},
                                {"乐活健身", "年卡八折，赠私教课两节", nullptr, std::nullopt},
                                {"百果园", "满 100 元减 20 元", nullptr, 500},
                                {"新盘营销中心", "老业主购房额外 1% 优惠", "gold", std::nullopt}};
    for (const auto& o : offers) {
      tx.Execute(R"sql(INSERT INTO club_offers (tenant_id, org_unit_id, merchant, title, description, tier_min, points_cost, valid_from, valid_to,
 created_at, updated_at) VALUES ($1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $9))sql", demo.tenant_id, o.merchant, o.title,
                 "凭万客会会员号使用。", o.tier ? std::optional<std::string>(o.tier) : std::nullopt, o.points, today, half_year, now.ms);
    }
    demo.made.push_back(fmt::format("{} club members with {} point moves, {} club events", enrolled, moves, events));
    return {};
  });
  if (loaded) module.rates.Compute(demo.tenant_id);
  return loaded;
}

}  // namespace hearth::club
