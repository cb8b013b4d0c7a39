// 老带新 fraud checks as a table: the first rule broken is the reason given.
#include <gtest/gtest.h>

#include "modules/sales/referrals/referral.hpp"

namespace hearth::sales {
namespace {

TEST(Referrals, TheFirstRuleBrokenIsTheReason) {
  const ReferralFacts fine{.referrer_owns_unit = true};
  auto with = [&](auto change) {
    ReferralFacts f = fine;
    change(f);
    return f;
  };
  using enum ReferralReason;
  struct Case {
    ReferralFacts facts;
    std::optional<ReferralReason> expected;
    const char* why;
  } cases[] = {
      {fine, std::nullopt, "an owner brings a stranger"},
      {with([](auto& f) { f.same_person = true; }), kSamePerson, "referring oneself"},
      {with([](auto& f) { f.referrer_owns_unit = false; }), kReferrerNotOwner, "not an owner"},
      {with([](auto& f) { f.same_phone = true; }), kSamePhone, "a phone in common"},
      {with([](auto& f) { f.same_id_number = true; }), kSameIdNumber, "one ID document"},
      {with([](auto& f) { f.same_household = true; }), kSameHousehold, "one household"},
      {with([](auto& f) { f.referee_has_deal = true; }), kAlreadyBought, "already bought here"},
      {with([](auto& f) { f.referee_protected_elsewhere = true; }), kRefereeProtected, "another consultant's lead"},
      {with([](auto& f) { f.same_person = f.same_phone = true; f.referrer_owns_unit = false; }), kSamePerson,
       "oneself comes before the rest"},
      {with([](auto& f) { f.same_household = f.referee_protected_elsewhere = true; }), kSameHousehold,
       "the household before protection"},
  };
  for (const auto& c : cases) EXPECT_EQ(JudgeReferral(c.facts), c.expected) << c.why;
}

TEST(Referrals, AnAddressIsAHomeWhateverItsSpacing) {
  EXPECT_TRUE(SameAddress("深圳市南山区 海岸城 3栋1101", "深圳市南山区海岸城3栋1101"));
  EXPECT_TRUE(SameAddress("Block 3, Flat 1101", "block 3 flat 1101"));
  EXPECT_FALSE(SameAddress("海岸城3栋1101", "海岸城3栋1102"));
  EXPECT_FALSE(SameAddress("", ""));
  EXPECT_FALSE(SameAddress("  ", " "));
}

}  // namespace
}  // namespace hearth::sales
