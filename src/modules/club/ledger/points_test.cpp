#include "modules/club/ledger/points.hpp"

#include <gtest/gtest.h>

namespace hearth::club {
namespace {

constexpr std::int64_t kNow = 1'000'000;

struct Redemption {
  const char* why;
  std::vector<Lot> lots;
  std::int64_t points;
  std::optional<std::vector<std::pair<std::int64_t, std::int64_t>>> takes;  ///< (lot, points); nullopt: refused
};

TEST(ClubPoints, RedemptionsTakeTheLotsThatExpireFirst) {
  const Redemption cases[] = {
      {"one lot, part of it", {{1, 500, kNow + 10}}, 200, {{{1, 200}}}},
      {"the lot expiring first, though earned later", {{1, 500, kNow + 50}, {2, 300, kNow + 10}}, 400, {{{2, 300}, {1, 100}}}},
      {"ties by the earlier lot", {{7, 100, kNow + 10}, {3, 100, kNow + 10}}, 150, {{{3, 100}, {7, 50}}}},
      {"exactly all", {{1, 100, kNow + 10}, {2, 100, kNow + 20}}, 200, {{{1, 100}, {2, 100}}}},
      {"one point more than held", {{1, 100, kNow + 10}, {2, 100, kNow + 20}}, 201, std::nullopt},
      {"expired lots are not spent", {{1, 1000, kNow}, {2, 100, kNow + 1}}, 500, std::nullopt},
      {"spent lots are skipped", {{1, 0, kNow + 1}, {2, 80, kNow + 2}}, 80, {{{2, 80}}}},
      {"nothing held", {}, 1, std::nullopt},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    const auto got = TakeOldestFirst(c.lots, c.points, kNow);
    ASSERT_EQ(got.has_value(), c.takes.has_value());
    if (!got) continue;
    std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
    for (const auto& t : *got) pairs.emplace_back(t.lot_id, t.points);
    EXPECT_EQ(pairs, *c.takes);
  }
}

TEST(ClubPoints, ExpiryCountsWhatIsLeftOfLotsPastTheirDate) {
  EXPECT_EQ(ExpiredPoints({{1, 300, kNow - 1}, {2, 200, kNow}, {3, 100, kNow + 1}, {4, 0, kNow - 5}}, kNow), 500);
  EXPECT_EQ(ExpiredPoints({}, kNow), 0);
}

struct TierCase {
  const char* why;
  std::string current;
  std::int64_t earned_12m;
  std::string after_earning;
  std::string at_review;
};

TEST(ClubTiers, UpAtOnceDownOneStepAtTheYearlyReview) {
  const auto tiers = DefaultTiers();  // basic 0, silver 2000, gold 8000, diamond 20000
  const TierCase cases[] = {
      {"a new member", "basic", 0, "basic", "basic"},
      {"reaches silver", "basic", 2000, "silver", "silver"},
      {"jumps two tiers", "basic", 9000, "gold", "gold"},
      {"gold with few points this year", "gold", 500, "gold", "silver"},
      {"diamond with none", "diamond", 0, "diamond", "gold"},
      {"keeps gold", "gold", 8000, "gold", "gold"},
      {"a tier since taken away", "platinum", 2500, "silver", "silver"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.why);
    EXPECT_EQ(TierAfterEarning(tiers, c.current, c.earned_12m), c.after_earning);
    EXPECT_EQ(TierAtReview(tiers, c.current, c.earned_12m), c.at_review);
  }
  EXPECT_EQ(TierFor(tiers, 19999).code, "gold");
  EXPECT_EQ(TierFor(tiers, 20000).code, "diamond");
}

}  // namespace
}  // namespace hearth::club
