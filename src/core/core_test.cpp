#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "core/masking.hpp"
#include "core/paging.hpp"
#include "core/phone.hpp"

namespace hearth {
namespace {

TEST(Rfc3339, FormatsUtcWithoutFractionWhenWhole) {
  EXPECT_EQ(FormatRfc3339({1795420800000}), "2026-11-23T08:00:00Z");
  EXPECT_EQ(FormatRfc3339({1795420800250}), "2026-11-23T08:00:00.250Z");
}

TEST(Rfc3339, ParsesOffsetsAndRejectsGarbage) {
  EXPECT_EQ(ParseRfc3339("2026-11-23T08:00:00Z")->ms, 1795420800000);
  EXPECT_EQ(ParseRfc3339("2026-11-23T16:00:00+08:00")->ms, 1795420800000);
  EXPECT_EQ(ParseRfc3339("2026-11-23T08:00:00.5Z")->ms, 1795420800500);
  EXPECT_FALSE(ParseRfc3339("2026-02-30T08:00:00Z"));
  EXPECT_FALSE(ParseRfc3339("2026-11-23 08:00"));
  EXPECT_FALSE(ParseRfc3339("2026-11-23T08:00:00"));
  EXPECT_FALSE(ParseRfc3339(""));
}

struct PhoneCase {
  const char* input;
  const char* normalized;  // nullptr: rejected
};

TEST(NormalizePhone, TableOfCases) {
  const PhoneCase cases[] = {
      {"13812345678", "13812345678"},    {"+86 138 1234 5678", "13812345678"}, {"8613812345678", "13812345678"},
      {"138-1234-5678", "13812345678"},  {"010-12345678", "010-12345678"},     {"0755-1234567", "0755-1234567"},
      {"021-87654321-123", "021-87654321-123"}, {"12812345678", nullptr},      {"1381234567", nullptr},
      {"+1 138 1234 5678", nullptr},     {"abc", nullptr},                     {"", nullptr},
      {"01012345678", nullptr},          {"010-0234567", nullptr},
  };
  for (const auto& c : cases) {
    auto got = NormalizePhone(c.input);
    if (c.normalized) {
      ASSERT_TRUE(got) << c.input;
      EXPECT_EQ(*got, c.normalized) << c.input;
    } else {
      EXPECT_FALSE(got) << c.input << " -> " << got.value_or("");
    }
  }
}

TEST(Masking, PhoneKeepsPrefixAndLastFour) {
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
  EXPECT_EQ(MaskPhone("010-12345678"), "010*****5678");
  EXPECT_EQ(MaskPhone("1234"), "****");
}

TEST(Masking, IdNumberKeepsFirstSixAndLastFour) {
  EXPECT_EQ(MaskIdNumber("110105194912310021"), "110105********0021");
  EXPECT_EQ(MaskIdNumber("E1234"), "*****");
}

TEST(Paging, CursorRoundTrips) {
  auto page = ParsePage(std::string("20"), EncodeCursor(12345));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->limit, 20);
  EXPECT_EQ(page->after_id, 12345);
}

TEST(Paging, RejectsBadLimitAndCursor) {
  EXPECT_EQ(ParsePage(std::string("0"), std::nullopt).error().fields.at(0).field, "limit");
  EXPECT_EQ(ParsePage(std::string("501"), std::nullopt).error().fields.at(0).field, "limit");
  EXPECT_EQ(ParsePage(std::string("x"), std::nullopt).error().fields.at(0).field, "limit");
  EXPECT_EQ(ParsePage(std::nullopt, std::string("not-a-cursor")).error().fields.at(0).field, "cursor");
  EXPECT_EQ(ParsePage(std::nullopt, std::string("%%%")).error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(ParsePage(std::nullopt, std::nullopt)->limit, 50);
}

}  // namespace
}  // namespace hearth
