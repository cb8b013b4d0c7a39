#include "modules/segments/rules/rule.hpp"

#include <gtest/gtest.h>

namespace hearth::segments {
namespace {

FactCatalog Catalog() {
  FactCatalog c;
  c.Add({"age", "年龄", FactKind::kNumber, {}, "岁"});
  c.Add({"income_level", "收入", FactKind::kText, {"low", "middle", "high"}, ""});
  c.Add({"life_stage", "家庭阶段", FactKind::kText, {"single", "couple", "young_family", "empty_nest"}, ""});
  c.Add({"tags", "标签", FactKind::kList, {}, ""});
  c.Add({"club_member", "会员", FactKind::kBool, {}, ""});
  c.Add({"city", "城市", FactKind::kText, {}, ""});
  return c;
}

FactRow Row(FactValue age, FactValue income, FactValue stage = {}, FactValue tags = {}, FactValue member = {}, FactValue city = {}) {
  return {std::move(age), std::move(income), std::move(stage), std::move(tags), std::move(member), std::move(city)};
}

struct Case {
  const char* rule;
  FactRow facts;
  bool matches;
};

TEST(SegmentRule, EvaluatesAsWritten) {
  const FactRow thirty_high = Row(30.0, std::string("high"), std::string("couple"), std::vector<std::string>{"VIP", "业主"}, true,
                                  std::string("深圳"));
  const FactRow unknown = Row({}, {}, {}, {}, {}, {});
  const Case cases[] = {
      {"age >= 30", thirty_high, true},
      {"age > 30", thirty_high, false},
      {"age between 25 and 34", thirty_high, true},
      {"age not between 25 and 34", thirty_high, false},
      {"年龄 < 35 and 收入 = 'high'", thirty_high, true},
      {"年龄 > 25 且 收入 = 'high' 或 非 会员", thirty_high, true},
      {"age < 35 && income_level = \"low\"", thirty_high, false},
      {"income_level in ('middle', 'high')", thirty_high, true},
      {"income_level not in ('middle', 'high')", thirty_high, false},
      {"income_level != 'high' or life_stage = 'couple'", thirty_high, true},
      {"not (age < 25 or age > 40)", thirty_high, true},
      {"!club_member", thirty_high, false},
      {"club_member", thirty_high, true},
      {"club_member = false", thirty_high, false},
      {"tags contains 'VIP'", thirty_high, true},
      {"标签 contains '老业主'", thirty_high, false},
      {"city = '深圳'", thirty_high, true},
      {"AGE >= 18 AND Income_Level IS NOT NULL", thirty_high, true},
      {"age >= -5", thirty_high, true},
      {"true", thirty_high, true},
      // Unknown facts: every comparison is false; is null asks for them; not of false is true.
      {"age >= 0", unknown, false},
      {"age < 200", unknown, false},
      {"age is null", unknown, true},
      {"income_level in ('low', 'middle', 'high')", unknown, false},
      {"income_level not in ('low')", unknown, false},
      {"not age >= 0", unknown, true},
      {"tags contains 'VIP'", unknown, false},
      {"club_member", unknown, false},
      // Full-width punctuation from a Chinese keyboard.
      {"收入 in（'middle'，'high'）", thirty_high, true},
      {"年龄＞＝30 且 收入！＝'low'", thirty_high, true},
      {"年龄＜30", thirty_high, false},
      {"！（年龄＝30）", thirty_high, false},
  };
  const FactCatalog catalog = Catalog();
  for (const auto& c : cases) {
    auto parsed = Rule::Parse(c.rule, catalog);
    ASSERT_TRUE(std::holds_alternative<Rule>(parsed)) << c.rule << ": " << std::get<RuleError>(parsed).message;
    EXPECT_EQ(std::get<Rule>(parsed).Matches(c.facts), c.matches) << c.rule;
  }
}

struct BadRule {
  const char* rule;
  int position;
  const char* says;  // a piece of the message
};

TEST(SegmentRule, RefusesWithThePosition) {
  const BadRule cases[] = {
      {"", 1, "empty"},
      {"agee > 30", 1, "unknown fact 'agee'"},
      {"age > 'thirty'", 7, "is a number"},
      {"income_level = 'rich'", 16, "not a value of income_level"},
      {"income_level > 'low'", 14, "only = and != compare it"},
      {"age > 30 and", 13, "expected a fact"},
      {"age > 30 or or age < 5", 13, "expected a fact"},
      {"(age > 30", 10, "expected ')'"},
      {"age > 30)", 9, "unexpected ')'"},
      {"age in (1, 2", 13, "expected ',' or ')'"},
      {"age between 1 or 5", 15, "expected and between"},
      {"city = '深圳", 8, "not closed"},
      {"年龄 > 30 且收入 = 'high'", 9, "unexpected '且收入'"},
      {"age > 30 & city = '深圳'", 10, "'&' alone"},
      {"age", 4, "alone is not a condition"},
      {"年龄＞＞30", 4, "expected"},  // a full-width sign counts as one character, as typed
      {"tags = 'VIP'", 6, "is a list"},
      {"city contains 'x'", 6, "not a list"},
      {"age is 5", 8, "expected null"},
      {"club_member = 1", 15, "yes or no"},
      {"30 > age", 1, "needs a fact on its left"},
      {"age > 30 # x", 10, "not part of the rule language"},
      {"age = 3.4.5", 7, "not a number"},
      {"'深圳'", 1, "must be a condition"},
      {"age > age", 7, "not another fact"},
  };
  const FactCatalog catalog = Catalog();
  for (const auto& c : cases) {
    auto parsed = Rule::Parse(c.rule, catalog);
    ASSERT_TRUE(std::holds_alternative<RuleError>(parsed)) << c.rule << " was accepted";
    const auto& e = std::get<RuleError>(parsed);
    EXPECT_EQ(e.position, c.position) << c.rule << ": " << e.message;
    EXPECT_NE(e.message.find(c.says), std::string::npos) << c.rule << ": " << e.message;
  }
}

TEST(SegmentRule, NamesTheFactsItReads) {
  const FactCatalog catalog = Catalog();
  auto parsed = Rule::Parse("age > 30 and (收入 = 'high' or age < 20) and tags contains 'VIP'", catalog);
  ASSERT_TRUE(std::holds_alternative<Rule>(parsed));
  EXPECT_EQ(std::get<Rule>(parsed).facts(), (std::vector<std::size_t>{0, 1, 3}));
}

}  // namespace
}  // namespace hearth::segments
