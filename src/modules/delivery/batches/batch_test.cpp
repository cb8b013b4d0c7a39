#include "modules/delivery/batches/batch.hpp"

#include <gtest/gtest.h>

namespace hearth::delivery {
namespace {

const Gate& GateOf(const std::vector<Gate>& gates, const std::string& key) {
  for (const auto& g : gates) {
    if (g.key == key) return g;
  }
  static const Gate none = [] {
    Gate g;
    g.key = "none";
    return g;
  }();
  return none;
}

TEST(BatchGates, OnlyOpenBlockingFindingsRefuseTheRelease) {
  struct Case {
    const char* name;
    GateFacts facts;
    bool releasable;
  };
  const Case cases[] = {
      {"nothing done, nothing found", {"2027-03-31", "2026-12-01", {}, 0, 0, 10, 0, 0, 0}, true},
      {"a blocking finding open", {"2027-03-31", "2026-12-01", {InspectionKind::kRiskCheck}, 1, 0, 10, 0, 1, 0}, false},
      {"only major ones open", {"2027-03-31", "2026-12-01", {InspectionKind::kRiskCheck}, 0, 3, 10, 0, 1, 0}, true},
      {"every check held, two blocking open", {"2027-03-31", "2027-03-01",
        {InspectionKind::kRiskCheck, InspectionKind::kSimulatedAcceptance, InspectionKind::kRecheck}, 2, 0, 0, 8, 2, 2}, false},
  };
  for (const auto& c : cases) EXPECT_EQ(Releasable(GatesOf(c.facts)), c.releasable) << c.name;
}

TEST(BatchGates, InspectionsAreDueByTheirDaysAhead) {
  const auto gates = GatesOf({"2027-03-31", "2027-01-15", {InspectionKind::kRiskCheck}, 0, 0, 5, 0, 0, 0});
  EXPECT_EQ(GateOf(gates, "risk_check").due_on, "2026-12-31");  // T−90
  EXPECT_TRUE(GateOf(gates, "risk_check").passed);
  EXPECT_EQ(GateOf(gates, "simulated_acceptance").due_on, "2027-01-30");  // T−60
  EXPECT_FALSE(GateOf(gates, "simulated_acceptance").overdue);
  EXPECT_EQ(GateOf(gates, "recheck").due_on, "2027-03-01");  // T−30
  const auto late = GatesOf({"2027-03-31", "2027-02-01", {}, 0, 0, 5, 0, 0, 0});
  EXPECT_TRUE(GateOf(late, "risk_check").overdue);
  EXPECT_TRUE(GateOf(late, "simulated_acceptance").overdue);
  EXPECT_FALSE(GateOf(late, "recheck").overdue);
}

TEST(BatchGates, OpenDaysAsTheSeedsAskForEachDecoration) {
  // Raw units: one open day; finished ones: two. A batch without finished units has no such gate.
  const auto raw_only = GatesOf({"2027-03-31", "2027-01-01", {}, 0, 0, 5, 0, 1, 0});
  EXPECT_TRUE(GateOf(raw_only, "open_days_raw").passed);
  EXPECT_EQ(GateOf(raw_only, "open_days_finished").key, "none");
  const auto finished = GatesOf({"2027-03-31", "2027-01-01", {}, 0, 0, 0, 5, 0, 1});
  EXPECT_FALSE(GateOf(finished, "open_days_finished").passed);
  EXPECT_EQ(GateOf(finished, "open_days_finished").detail, "已举办 1 次，还需 1 次");
  EXPECT_FALSE(GateOf(finished, "open_days_finished").blocks);
  EXPECT_TRUE(GateOf(finished, "blocking_findings").blocks);
}

}  // namespace
}  // namespace hearth::delivery
