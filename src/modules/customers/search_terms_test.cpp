#include "modules/customers/search_terms.hpp"

#include <gtest/gtest.h>

namespace hearth::customers {
namespace {

bool Has(const std::string& terms, const std::string& token) {
  return (" " + terms + " ").find(" " + token + " ") != std::string::npos;
}

TEST(IndexTerms, NameBigramsPrefixAndExact) {
  const auto terms = IndexTerms("王 欣怡", {}, "");
  EXPECT_TRUE(Has(terms, "王欣"));
  EXPECT_TRUE(Has(terms, "欣怡"));
  EXPECT_TRUE(Has(terms, "e王欣怡"));
  EXPECT_TRUE(Has(terms, "p王欣"));
  EXPECT_FALSE(Has(terms, "王"));
}

TEST(IndexTerms, PhoneAndIdWindowsAndTails) {
  const auto terms = IndexTerms("Zhang Wei", {"13812345678", "010-87654321"}, "11010519491231002X");
  EXPECT_TRUE(Has(terms, "1381"));
  EXPECT_TRUE(Has(terms, "5678"));
  EXPECT_TRUE(Has(terms, "t5678"));
  EXPECT_TRUE(Has(terms, "t4321"));
  EXPECT_TRUE(Has(terms, "i002x"));
  EXPECT_TRUE(Has(terms, "zh"));
  EXPECT_TRUE(Has(terms, "ezhangwei"));
  EXPECT_TRUE(Has(terms, "19491231"));  // 8-digit windows: birth dates, heads of ID numbers
  EXPECT_TRUE(Has(terms, "11010519"));
  EXPECT_TRUE(Has(terms, "1231002x"));
  EXPECT_TRUE(Has(terms, "12345678"));
  EXPECT_FALSE(Has(terms, "1234567"));
}

TEST(ParseQuery, NamesNumbersAndTooShort) {
  auto name = ParseQuery("小文");
  EXPECT_EQ(name.kind, SearchQuery::Kind::kName);
  ASSERT_EQ(name.tiers.size(), 3u);
  EXPECT_EQ(name.tiers[0], std::vector<std::string>{"e小文"});
  auto tail = ParseQuery("5678");
  EXPECT_EQ(tail.kind, SearchQuery::Kind::kNumber);
  EXPECT_EQ(tail.tiers[0], (std::vector<std::string>{"t5678"}));
  EXPECT_EQ(tail.tiers[2], (std::vector<std::string>{"5678"}));
  auto date = ParseQuery("19530405");
  EXPECT_EQ(date.tiers[0], (std::vector<std::string>{"t0405", "19530405"}));
  EXPECT_EQ(date.tiers[1], (std::vector<std::string>{"i0405", "19530405"}));
  EXPECT_EQ(date.tiers[2], (std::vector<std::string>{"19530405"}));  // one 8-digit window
  // Shorter needles: 4-digit windows that cover them, and the last one.
  EXPECT_EQ(ParseQuery("5319530").tiers[2], (std::vector<std::string>{"5319", "9530"}));
  EXPECT_EQ(ParseQuery("1101051953").tiers[2], (std::vector<std::string>{"01051953"}));  // not the region's
  EXPECT_EQ(ParseQuery("11010519491231002X").tiers[2], (std::vector<std::string>{"11010519", "1231002x"}));
  auto spaced = ParseQuery("138 1234-5678");
  EXPECT_EQ(spaced.needle, "13812345678");
  EXPECT_EQ(ParseQuery("56").kind, SearchQuery::Kind::kEmpty);
  EXPECT_EQ(ParseQuery("王").kind, SearchQuery::Kind::kEmpty);
  EXPECT_EQ(ParseQuery("002X").needle, "002x");
  EXPECT_EQ(ParseQuery("!!").kind, SearchQuery::Kind::kEmpty);
}

}  // namespace
}  // namespace hearth::customers
