// The ticket's status machine (API.md, Tickets) and SLA rule as tables (no database).
#include <gtest/gtest.h>

#include "modules/service/tickets/ticket.hpp"

namespace hearth::service {
namespace {

using enum TicketAction;
using enum TicketStatus;

TEST(NextStatus, TheStatusMachineOfTheContract) {
  struct Case {
    TicketAction action;
    TicketStatus from;
    std::optional<TicketStatus> to;  ///< nullopt: 409 invalid_transition
    int satisfaction = 0;
  };
  const Case cases[] = {
      {kAssign, kNew, kAssigned},           {kAssign, kInProgress, kAssigned},  {kAssign, kClosed, std::nullopt},
      {kStart, kAssigned, kInProgress},     {kStart, kNew, std::nullopt},       {kStart, kReopened, kInProgress},
      {kHold, kInProgress, kOnHold},        {kHold, kOnHold, std::nullopt},     {kResume, kOnHold, kInProgress},
      {kResume, kInProgress, std::nullopt}, {kResolve, kNew, kResolved},        {kResolve, kOnHold, std::nullopt},
      {kCallback, kResolved, kClosed, 4},   {kCallback, kResolved, kClosed, 3}, {kCallback, kResolved, kReopened, 2},
      {kCallback, kResolved, kReopened, 1}, {kCallback, kClosed, std::nullopt, 5},
      {kReopen, kClosed, kReopened},        {kReopen, kResolved, kReopened},    {kReopen, kNew, std::nullopt},
      {kCancel, kOnHold, kCancelled},       {kCancel, kResolved, std::nullopt}, {kCancel, kCancelled, std::nullopt},
      {kComment, kClosed, kClosed},         {kComment, kCancelled, kCancelled}, {kComment, kNew, kNew},
  };
  for (const Case& c : cases) {
    const auto next = NextStatus(c.action, c.from, c.satisfaction);
    const std::string what = kTicketActions.Text(c.action) + " from " + kTicketStatuses.Text(c.from);
    if (c.to) {
      ASSERT_TRUE(next) << what;
      EXPECT_EQ(*next, *c.to) << what;
    } else {
      ASSERT_FALSE(next) << what;
      EXPECT_EQ(next.error().slug, "invalid_transition") << what;
    }
  }
}

TEST(IsOpen, ResolvedClosedAndCancelledAreDone) {
  for (const auto status : kTicketStatuses.values()) {
    const bool done = status == kResolved || status == kClosed || status == kCancelled;
    EXPECT_EQ(IsOpen(status), !done) << kTicketStatuses.Name(status);
  }
}

/// A ticket created at 1,000,000 ms, its reply due 1,000 ms later and its resolution 5,000 ms
/// later, with the given status and the times (ms after creation) it was answered, resolved, paused.
Ticket Timed(TicketStatus status, std::optional<std::int64_t> responded, std::optional<std::int64_t> resolved,
             std::optional<std::int64_t> paused) {
  const std::int64_t created = 1'000'000;
  auto at = [&](std::optional<std::int64_t> ms) {
    return ms ? std::optional<Timestamp>(Timestamp{created + *ms}) : std::nullopt;
  };
  Ticket t;
  t.status = status;
  t.created_at = Timestamp{created};
  t.response_due_at = Timestamp{created + 1000};
  t.resolve_due_at = Timestamp{created + 5000};
  t.responded_at = at(responded);
  t.resolved_at = at(resolved);
  t.paused_at = at(paused);
  return t;
}

TEST(SlaBreached, ClocksStopOnHoldAndAtTheAnswer) {
  struct Case {
    const char* what;
    TicketStatus status;
    std::optional<std::int64_t> responded, resolved, paused;
    std::int64_t now;
    bool breached;
  };
  const Case cases[] = {
      {"new, before the reply is due", kNew, {}, {}, {}, 900, false},
      {"new, the reply is late", kNew, {}, {}, {}, 1100, true},
      {"answered in time, open before the resolution is due", kInProgress, 500, {}, {}, 4000, false},
      {"answered late stays breached", kInProgress, 1500, {}, {}, 1600, true},
      {"open past the resolution deadline", kInProgress, 500, {}, {}, 6000, true},
      {"on hold before the deadline: judged when it was put on hold", kOnHold, 500, {}, 3000, 9000, false},
      {"resolved in time, looked at much later", kResolved, 500, 4000, {}, 90000, false},
      {"resolved late", kResolved, 500, 6000, {}, 90000, true},
  };
  for (const Case& c : cases) {
    const Ticket t = Timed(c.status, c.responded, c.resolved, c.paused);
    EXPECT_EQ(SlaBreached(t, Timestamp{t.created_at.ms + c.now}), c.breached) << c.what;
  }
}

TEST(SlaStateOf, AmberBeforeTheBreachAndNeverBreachedOnceDone) {
  struct Case {
    const char* what;
    TicketStatus status;
    std::optional<std::int64_t> responded, resolved, paused;
    std::int64_t now;
    SlaState state;
  };
  using enum SlaState;
  const Case cases[] = {
      {"new, well before the reply is due", kNew, {}, {}, {}, 700, kOnTrack},
      {"new, 80% of the reply's time gone", kNew, {}, {}, {}, 800, kAtRisk},
      {"new, the reply is late", kNew, {}, {}, {}, 1001, kBreached},
      {"answered: the resolution's clock counts", kInProgress, 500, {}, {}, 3900, kOnTrack},
      {"answered, 80% of the resolution's time gone", kInProgress, 500, {}, {}, 4000, kAtRisk},
      {"on hold early stays on track however long it waits", kOnHold, 500, {}, 1000, 90000, kOnTrack},
      {"open past the resolution deadline", kReopened, 500, {}, {}, 6000, kBreached},
      {"resolved in time", kResolved, 500, 4900, {}, 90000, kMet},
      {"closed after a late resolution is late, not breached", kClosed, 500, 6000, {}, 90000, kLate},
      {"cancelled has no SLA", kCancelled, {}, {}, {}, 90000, kNone},
  };
  for (const Case& c : cases) {
    const Ticket t = Timed(c.status, c.responded, c.resolved, c.paused);
    EXPECT_EQ(kSlaStates.Name(SlaStateOf(t, Timestamp{t.created_at.ms + c.now})), kSlaStates.Name(c.state)) << c.what;
  }
}

}  // namespace
}  // namespace hearth::service
