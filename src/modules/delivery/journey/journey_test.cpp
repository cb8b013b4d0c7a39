#include "modules/delivery/journey/journey.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace hearth::delivery {
namespace {

std::int64_t D(const char* date) { return *ParseIsoDate(date); }

TEST(JourneyDueDays, EachTriggerAsARule) {
  Milestones m;
  m.signed_on = D("2025-01-10");
  m.batch_planned_on = D("2025-12-20");
  m.delivered_on = D("2025-12-28");
  m.open_days = {D("2024-12-01"), D("2025-06-15"), D("2025-10-01"), D("2026-03-01")};
  struct Case {
    const char* name;
    Trigger trigger;
    int offset;
    const char* from;
    const char* to;
    std::vector<const char*> due;
  };
  const Case cases[] = {
      {"the contract, a week after", Trigger::kContractSigned, 7, "2025-01-01", "2025-12-31", {"2025-01-17"}},
      {"outside the window", Trigger::kContractSigned, 7, "2025-02-01", "2025-12-31", {}},
      // Every 90 days after the contract, the last before the keys.
      {"construction quarters", Trigger::kConstructionQuarter, 0, "2025-01-01", "2026-12-31",
       {"2025-04-10", "2025-07-09", "2025-10-07"}},
      // Open days between the contract and the keys, two weeks ahead.
      {"open days", Trigger::kOpenDay, -14, "2024-01-01", "2026-12-31", {"2025-06-01", "2025-09-17"}},
      {"the batch's day, a month ahead", Trigger::kBatchPlanned, -30, "2025-01-01", "2026-12-31", {"2025-11-20"}},
      {"the keys, a month after", Trigger::kDelivered, 30, "2025-01-01", "2026-12-31", {"2026-01-27"}},
      {"anniversaries", Trigger::kAnniversary, 0, "2025-01-01", "2028-01-31", {"2026-12-28", "2027-12-28"}},
      {"every four years", Trigger::kFourYear, 0, "2025-01-01", "2034-12-31", {"2029-12-28", "2033-12-28"}},
  };
  for (const auto& c : cases) {
    std::vector<std::int64_t> want;
    for (const char* d : c.due) want.push_back(D(d));
    EXPECT_EQ(DueDays(c.trigger, c.offset, m, D(c.from), D(c.to)), want) << c.name;
  }
  // Before the keys, nothing counts from them; quarters go on until they come.
  Milestones waiting{D("2025-01-10"), std::nullopt, std::nullopt, {}};
  EXPECT_TRUE(DueDays(Trigger::kDelivered, 30, waiting, D("2025-01-01"), D("2030-01-01")).empty());
  EXPECT_TRUE(DueDays(Trigger::kAnniversary, 0, waiting, D("2025-01-01"), D("2030-01-01")).empty());
  EXPECT_EQ(DueDays(Trigger::kConstructionQuarter, 0, waiting, D("2025-01-01"), D("2025-12-31")).size(), 3u);
}

// 四年之约: a batch of 4,800 homes numbered one after another falls evenly over the 48 months of
// its cycle (100 a month, give or take four, wherever the numbers start), each visited once in every
// four years after its keys.
TEST(JourneyFourYear, ConsecutiveHomesSpreadEvenlyOverTheFortyEightMonths) {
  std::vector<int> per_month(48, 0);
  for (std::int64_t unit = 70'001; unit <= 74'800; ++unit) {
    const auto phase = FourYearPhase(unit);
    ASSERT_GE(phase, 1);
    ASSERT_LE(phase, kFourYearDays);
    ++per_month[static_cast<std::size_t>((phase - 1) * 48 / kFourYearDays)];
  }
  const auto [low, high] = std::minmax_element(per_month.begin(), per_month.end());
  EXPECT_GE(*low, 96);
  EXPECT_LE(*high, 104);
  // Small batches spread too: of eight homes in a row, no two visits less than four months apart.
  for (std::int64_t start : {1, 501, 77'777, 1'000'003}) {
    std::vector<std::int64_t> days;
    for (std::int64_t unit = start; unit < start + 8; ++unit) days.push_back(FourYearPhase(unit));
    std::sort(days.begin(), days.end());
    std::int64_t closest = days.front() + kFourYearDays - days.back();
    for (std::size_t i = 1; i < days.size(); ++i) closest = std::min(closest, days[i] - days[i - 1]);
    EXPECT_GE(closest, 120) << "from unit " << start;
  }

  Milestones m;
  m.signed_on = D("2019-06-01");
  m.delivered_on = D("2020-01-01");
  m.four_year_phase = 200;
  const std::vector<std::int64_t> want{D("2020-01-01") + 200, D("2020-01-01") + 200 + 1461, D("2020-01-01") + 200 + 2922};
  EXPECT_EQ(DueDays(Trigger::kFourYear, 0, m, D("2019-01-01"), D("2029-12-31")), want);
  m.four_year_phase = FourYearPhase(12345);
  EXPECT_EQ(DueDays(Trigger::kFourYear, 0, m, D("2019-01-01"), D("2023-12-31")).size(), 1u) << "once in the first cycle";
}

TEST(JourneyStage, FromTheMilestones) {
  EXPECT_EQ(StageOf(std::nullopt, D("2026-01-01")), 1);
  EXPECT_EQ(StageOf(Milestones{D("2025-12-20"), std::nullopt, std::nullopt, {}}, D("2026-01-01")), 2);
  EXPECT_EQ(StageOf(Milestones{D("2025-01-20"), std::nullopt, std::nullopt, {}}, D("2026-01-01")), 3);
  EXPECT_EQ(StageOf(Milestones{D("2024-01-20"), D("2025-10-01"), std::nullopt, {}}, D("2026-01-01")), 4);
  EXPECT_EQ(StageOf(Milestones{D("2020-01-20"), D("2021-10-01"), std::nullopt, {}}, D("2026-01-01")), 5);
}

TEST(JourneyScore, TheAuditsWeights) {
  // 8 of 10 on time: 20; evidence 3 of 4 and gates 1 of 2: 9.375 + 6.25 → 15.6; 7 of 8 satisfied: 43.75 → 43.8.
  const Score s = ScoreOf({10, 8, 4, 3, 2, 1, 8, 7});
  EXPECT_DOUBLE_EQ(s.execution, 20.0);
  EXPECT_DOUBLE_EQ(s.process, 15.6);
  EXPECT_DOUBLE_EQ(s.evaluation, 43.8);
  EXPECT_DOUBLE_EQ(s.total, 79.4);
  const Score empty = ScoreOf({});
  EXPECT_DOUBLE_EQ(empty.total, 100.0) << "nothing due loses nothing";
}

TEST(JourneyScore, Quarters) {
  EXPECT_EQ(QuarterOf("2026Q4"), std::make_pair(D("2026-10-01"), D("2026-12-31")));
  EXPECT_EQ(QuarterOf("2026Q1"), std::make_pair(D("2026-01-01"), D("2026-03-31")));
  EXPECT_EQ(QuarterOf("2024Q3"), std::make_pair(D("2024-07-01"), D("2024-09-30")));
  EXPECT_EQ(QuarterOf("2026Q5"), std::nullopt);
  EXPECT_EQ(QuarterOf("2026-Q4"), std::nullopt);
  EXPECT_EQ(QuarterOf("abcdQ1"), std::nullopt);
}

TEST(JourneyPlaybook, AnEditedOffsetMakesNoSecondTaskForAnOccurrence) {
  using enum Trigger;
  struct Case {
    Trigger trigger;
    std::int64_t made, now;
    bool same;
  };
  const Case cases[] = {
      {kContractSigned, 100, 98, true},  // the welcome call moved two days earlier: the one made stands
      {kDelivered, 100, 400, true},      // once per home, however far
      {kConstructionQuarter, 100, 130, true},
      {kConstructionQuarter, 100, 191, false},  // the next quarter's letter
      {kOpenDay, 100, 104, true},
      {kOpenDay, 100, 130, false},  // another open day
      {kAnniversary, 100, 160, true},
      {kAnniversary, 100, 465, false},  // the next year
      {kFourYear, 100, 700, true},
      {kFourYear, 100, 1561, false},
  };
  for (const auto& c : cases) EXPECT_EQ(SameOccurrence(c.trigger, c.made, c.now), c.same) << WordOf(c.trigger) << " " << c.now;
}

TEST(JourneyAfterCare, AVisitToOneUnitInTenAtMostSixty) {
  const std::pair<std::int64_t, std::int64_t> cases[] = {{0, 0}, {1, 1}, {10, 1}, {11, 2}, {95, 10}, {600, 60}, {601, 60}, {5000, 60}};
  for (const auto& [units, visits] : cases) EXPECT_EQ(VisitTarget(units), visits) << units << " units";
}

TEST(JourneyAfterCare, LateAfterTheGraceDays) {
  struct Case {
    const char* due;
    std::optional<std::string> done;
    const char* today;
    bool late;
  };
  const Case cases[] = {
      {"2026-11-01", "2026-11-08", "2026-12-01", false},  // done on the last day of grace
      {"2026-11-01", "2026-11-09", "2026-12-01", true},   // a day after
      {"2026-11-01", std::nullopt, "2026-11-08", false},  // open, still in grace
      {"2026-11-01", std::nullopt, "2026-11-09", true},   // open, past grace
      {"2026-12-20", std::nullopt, "2026-12-01", false},  // not due yet
  };
  for (const auto& c : cases) EXPECT_EQ(LateTask(c.due, c.done, c.today), c.late) << c.due << " " << c.done.value_or("open") << " " << c.today;
}

TEST(JourneyPlaybook, TheSeedsEightSteps) {
  const auto touches = DefaultPlaybook();
  std::set<int> steps;
  for (const auto& t : touches) steps.insert(t.step);
  EXPECT_EQ(steps, (std::set<int>{1, 2, 3, 4, 5, 6, 7, 8}));
  EXPECT_TRUE(std::any_of(touches.begin(), touches.end(), [](const Touch& t) { return !t.standard; })) << "optional touches too";
}

}  // namespace
}  // namespace hearth::delivery
