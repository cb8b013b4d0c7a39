// The work order's steps as a table (no database).
#include <gtest/gtest.h>

#include "modules/service/work_orders/work_orders.hpp"

namespace hearth::service {
namespace {

using enum WorkOrderAction;
using enum WorkOrderStatus;

TEST(NextWorkOrderStatus, EveryActionFromEveryStatus) {
  struct Case {
    WorkOrderAction action;
    WorkOrderStatus from;
    std::optional<WorkOrderStatus> to;  ///< nullopt: 409 invalid_transition
  };
  const Case cases[] = {
      {kApprove, kPendingApproval, kDispatched}, {kApprove, kDispatched, std::nullopt},
      {kApprove, kVisited, std::nullopt},        {kVisit, kDispatched, kVisited},
      {kVisit, kPendingApproval, std::nullopt},  {kVisit, kVisited, std::nullopt},
      {kAccept, kVisited, kAccepted},            {kAccept, kDispatched, std::nullopt},
      {kReject, kVisited, kDispatched},          {kReject, kAccepted, std::nullopt},
      {kCancel, kPendingApproval, kCancelled},   {kCancel, kDispatched, kCancelled},
      {kCancel, kVisited, kCancelled},           {kCancel, kAccepted, std::nullopt},
      {kCancel, kCancelled, std::nullopt},       {kVisit, kCancelled, std::nullopt},
  };
  for (const Case& c : cases) {
    const auto next = NextWorkOrderStatus(c.action, c.from);
    const std::string what = kWorkOrderActions.Text(c.action) + " from " + kWorkOrderStatuses.Text(c.from);
    if (c.to) {
      ASSERT_TRUE(next) << what;
      EXPECT_EQ(*next, *c.to) << what;
    } else {
      ASSERT_FALSE(next) << what;
      EXPECT_EQ(next.error().slug, "invalid_transition") << what;
      EXPECT_EQ(next.error().extra.front().second, kWorkOrderStatuses.Text(c.from)) << what;
    }
  }
}

TEST(Vocabulary, WordsRoundTripAndUnknownWordsAreRefused) {
  for (const auto status : kWorkOrderStatuses.values()) {
    EXPECT_EQ(kWorkOrderStatuses.Parse(kWorkOrderStatuses.Name(status)), status);
  }
  EXPECT_EQ(kChargeTo.Parse("owner"), ChargeTo::kOwner);
  EXPECT_FALSE(kChargeTo.Parse("Owner"));
  EXPECT_FALSE(kChargeTo.Parse(""));
  EXPECT_EQ(kWorkOrderStatuses.Stored("not a status"), kPendingApproval);  // a hand-written row never fails a read
  EXPECT_FALSE(kChargeTo.StoredOptional(std::nullopt));
}

}  // namespace
}  // namespace hearth::service
