// Attribution (判客) as tables: who gets a registration, how long protection runs.
#include <gtest/gtest.h>

#include "modules/sales/leads/lead.hpp"

namespace hearth::sales {
namespace {

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

TEST(Attribution, FirstComeWhileProtectedThenWhoeverRegisters) {
  const Timestamp now{1000 * kDay};
  auto lead = [&](std::int64_t consultant, LeadStatus status, std::int64_t until_days) {
    Lead l;
    l.consultant_id = consultant;
    l.status = status;
    l.protected_until = Timestamp{now.ms + until_days * kDay};
    return std::optional<Lead>(l);
  };
  using enum LeadStatus;
  struct Case {
    std::optional<Lead> existing;
    std::int64_t consultant;
    Registration expected;
    const char* why;
  } cases[] = {
      {std::nullopt, 7, Registration::kNew, "nobody holds the customer"},
      {lead(7, kActive, 10), 7, Registration::kRevisit, "the consultant's own lead"},
      {lead(7, kActive, 10), 8, Registration::kProtected, "another consultant's protection runs"},
      {lead(7, kActive, 0), 8, Registration::kRevisit, "protection ended this instant: in the pool"},
      {lead(7, kActive, -3), 8, Registration::kRevisit, "lapsed into the pool"},
      {lead(7, kLost, 10), 8, Registration::kRevisit, "closed as lost: anyone may take it"},
      {lead(7, kWon, 10), 8, Registration::kRevisit, "a buyer coming back is not protected"},
  };
  for (const auto& c : cases) EXPECT_EQ(Decide(c.existing, c.consultant, now), c.expected) << c.why;
}

TEST(Attribution, ProtectionWindowsByChannel) {
  SalesSettings s;  // the defaults of API.md: a call 15 days, a visit 30
  EXPECT_EQ(ProtectionDays(s, LeadSource::kCall), 15);
  EXPECT_EQ(ProtectionDays(s, LeadSource::kVisit), 30);
  EXPECT_EQ(ProtectionDays(s, LeadSource::kReferral), 30);
  s.call_days = 7;
  EXPECT_EQ(ProtectionDays(s, LeadSource::kCall), 7);
  EXPECT_EQ(ProtectedUntil(Timestamp{0}, 15).ms, 15 * kDay);
  EXPECT_TRUE(CheckSettings(s));
  s.visit_days = 0;
  EXPECT_FALSE(CheckSettings(s));
  s.visit_days = 366;
  EXPECT_EQ(CheckSettings(s).error().fields.at(0).field, "visit_days");
}

}  // namespace
}  // namespace hearth::sales
