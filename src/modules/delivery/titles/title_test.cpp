#include "modules/delivery/titles/title.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace hearth::delivery {
namespace {

std::int64_t D(const char* date) { return *ParseIsoDate(date); }

TEST(TitleStages, OnlyTheNextStepMayBeRecorded) {
  using S = TitleStage;
  struct Case {
    S from, to;
    bool allowed;
  };
  const Case cases[] = {
      {S::kNotStarted, S::kDocuments, true},  {S::kDocuments, S::kTaxPaid, true},     {S::kTaxPaid, S::kSubmitted, true},
      {S::kSubmitted, S::kIssued, true},      {S::kIssued, S::kHandedOver, true},     {S::kNotStarted, S::kTaxPaid, false},
      {S::kDocuments, S::kSubmitted, false},  {S::kIssued, S::kIssued, false},        {S::kHandedOver, S::kDocuments, false},
      {S::kSubmitted, S::kDocuments, false},  {S::kNotStarted, S::kHandedOver, false}, {S::kHandedOver, S::kHandedOver, false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(NextTitleStage(c.from, c.to), c.allowed) << WordOf(c.from) << " → " << WordOf(c.to);
  }
}

TEST(TitleStages, OverdueAYearAfterTheKeysUntilIssued) {
  using S = TitleStage;
  struct Case {
    const char* name;
    S stage;
    std::optional<const char*> delivered;
    const char* today;
    bool overdue;
  };
  const Case cases[] = {
      {"not delivered yet", S::kNotStarted, std::nullopt, "2030-01-01", false},
      {"on the 365th day", S::kSubmitted, "2025-01-01", "2026-01-01", false},
      {"the day after", S::kSubmitted, "2025-01-01", "2026-01-02", true},
      {"issued late is no longer overdue", S::kIssued, "2020-01-01", "2026-01-02", false},
      {"handed over", S::kHandedOver, "2020-01-01", "2026-01-02", false},
      {"never started", S::kNotStarted, "2024-06-01", "2026-01-02", true},
  };
  for (const auto& c : cases) {
    const std::optional<std::int64_t> delivered = c.delivered ? std::optional<std::int64_t>(D(*c.delivered)) : std::nullopt;
    EXPECT_EQ(TitleOverdue(c.stage, delivered, D(c.today)), c.overdue) << c.name;
  }
}

}  // namespace
}  // namespace hearth::delivery
