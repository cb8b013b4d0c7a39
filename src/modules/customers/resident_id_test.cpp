#include "modules/customers/resident_id.hpp"

#include <gtest/gtest.h>

namespace hearth::customers {
namespace {

struct Case {
  const char* text;
  const char* reason;  // nullptr: valid
};

TEST(ResidentIdParse, TableOfCases) {
  const Case cases[] = {
      {"11010519491231002X", nullptr},            // the GB 11643 example
      {"11010519491231002x", nullptr},            // lowercase x accepted
      {"440524188001010014", "invalid_birth_date"},  // 1880: before 1900
      {"110105194912310021", "invalid_checksum"},
      {"110105194902300025", "invalid_birth_date"},  // 30 February
      {"11010519491231002", "invalid_format"},    // 17 characters
      {"1101051949123100211", "invalid_format"},  // 19 characters
      {"11010519491231002Y", "invalid_format"},
      {"1101051949123A002X", "invalid_format"},
      {"", "invalid_format"},
  };
  for (const auto& c : cases) {
    auto id = ResidentId::Parse(c.text, "2026-11-23");
    if (!c.reason) {
      ASSERT_TRUE(id) << c.text;
      EXPECT_EQ(id->str(), "11010519491231002X");
    } else {
      ASSERT_FALSE(id) << c.text;
      EXPECT_EQ(id.error().fields.at(0).field, "id_number");
      EXPECT_EQ(id.error().fields.at(0).reason, c.reason) << c.text;
    }
  }
}

TEST(ResidentIdParse, RejectsBirthDatesInTheFuture) {
  std::string first17 = "11010520301231001";
  std::string id = first17 + ResidentId::CheckCharacter(first17);
  EXPECT_EQ(ResidentId::Parse(id, "2026-11-23").error().fields.at(0).reason, "invalid_birth_date");
}

TEST(ResidentId, DerivesBirthDateAndGender) {
  auto female = ResidentId::Parse("11010519491231002X");
  ASSERT_TRUE(female);
  EXPECT_EQ(female->BirthDate(), "1949-12-31");
  EXPECT_EQ(female->Gender(), "female");  // sequence 002: even
  std::string first17 = "44030419900101001";
  auto male = ResidentId::Parse(first17 + ResidentId::CheckCharacter(first17));
  ASSERT_TRUE(male);
  EXPECT_EQ(male->Gender(), "male");
  EXPECT_EQ(male->BirthDate(), "1990-01-01");
}

}  // namespace
}  // namespace hearth::customers
