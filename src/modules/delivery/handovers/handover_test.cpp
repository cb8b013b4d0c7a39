#include "modules/delivery/handovers/handover.hpp"

#include <gtest/gtest.h>

namespace hearth::delivery {
namespace {

using enum HandoverStep;
using enum HandoverStatus;

TEST(HandoverSteps, OnlyTheNextStepMayBeDone) {
  struct Case {
    HandoverStatus status;
    int done;
    HandoverStep step;
    std::optional<std::string> refusal;
  };
  const Case cases[] = {
      {kBooked, 0, kNotice, std::nullopt},
      {kBooked, 0, kIdentity, "out_of_order"},   // identity before the notice
      {kBooked, 0, kKeys, "out_of_order"},       // keys first
      {kInProgress, 1, kIdentity, std::nullopt},
      {kInProgress, 1, kNotice, "out_of_order"},  // a step done twice
      {kInProgress, 2, kFees, std::nullopt},
      {kInProgress, 3, kDocuments, std::nullopt},
      {kInProgress, 3, kInspection, "out_of_order"},  // inspection before the documents
      {kInProgress, 4, kInspection, std::nullopt},
      {kInProgress, 4, kKeys, "out_of_order"},  // keys before the inspection
      {kInProgress, 5, kKeys, std::nullopt},
      {kDone, 6, kKeys, "done"},
      {kCancelled, 2, kFees, "cancelled"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(StepRefusal(c.status, c.done, c.step), c.refusal)
        << WordOf(c.status) << " after " << c.done << " steps: " << WordOf(c.step);
  }
}

TEST(HandoverSteps, TheKeysFinishTheHandover) {
  EXPECT_EQ(NextStep(0), kNotice);
  EXPECT_EQ(NextStep(5), kKeys);
  EXPECT_EQ(NextStep(6), std::nullopt);
  EXPECT_EQ(StatusAfter(kNotice), kInProgress);
  EXPECT_EQ(StatusAfter(kInspection), kInProgress);
  EXPECT_EQ(StatusAfter(kKeys), kDone);
}

}  // namespace
}  // namespace hearth::delivery
