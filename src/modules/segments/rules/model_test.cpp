#include "modules/segments/rules/model.hpp"

#include <gtest/gtest.h>

namespace hearth::segments {
namespace {

constexpr const char* kToday = "2026-12-07";

/// A hand-made household: age, marriage, children's birth years, elders, income, homes, motive.
struct Household {
  const char* who = "";
  std::optional<int> age = {};
  std::optional<std::string> marital = {};
  std::vector<int> children_born = {};
  std::optional<int> elders = {};
  std::optional<std::string> income = {};
  int homes = 0;
  std::int64_t home_price_yuan = 2000000;
  std::optional<std::string> motive = {};
};

FactRow FactsOfHousehold(const Household& h) {
  PersonRecord p;
  if (h.age) p.birth_date = std::to_string(2026 - *h.age) + "-06-01";  // this year's birthday has passed
  p.marital_status = h.marital;
  p.children_birth_years = h.children_born;
  p.elders = h.elders;
  p.income_level = h.income;
  std::vector<HomeRecord> homes(static_cast<std::size_t>(h.homes), HomeRecord{1, 98.0, h.home_price_yuan * 100, "2022-05-01"});
  Opinions o;
  o.purchase_motive = h.motive;
  return FactsOf(p, homes, o, kToday);
}

std::string Where(const CompiledModel& m, const FactRow& facts) {
  const Placement p = m.Place(facts);
  if (p.segment < 0) return "未归类";
  const auto& s = m.def().segments[static_cast<std::size_t>(p.segment)];
  return p.sub < 0 ? s.name : s.name + "/" + s.subs[static_cast<std::size_t>(p.sub)].name;
}

CompiledModel Preset(const char* code) {
  auto compiled = CompiledModel::Compile(*PresetByCode(code));
  if (auto* errors = std::get_if<std::vector<ModelError>>(&compiled)) {
    ADD_FAILURE() << code << ": " << errors->front().field << " " << errors->front().error.message;
  }
  return std::move(std::get<CompiledModel>(compiled));
}

struct Lands {
  Household household;
  const char* segment;
};

TEST(SegmentPresets, Vanke5PlacesHandMadeHouseholdsAsPublished) {
  const Lands cases[] = {
      {{"a 42-year-old owner of three homes, high income", 42, "married", {2012}, 0, "high", 3}, "富贵之家"},
      {{"a 30-year-old with high income and a 6-million home", 30, "single", {}, {}, "high", 1, 6000000}, "富贵之家"},
      {{"a 63-year-old retired couple", 63, "married", {1990}, 0, "middle", 1}, "健康养老/老年一代"},
      {{"a 40-year-old living with parents and a child", 40, "married", {2015}, 2, "middle", 1}, "健康养老/孩子三代"},
      {{"a 45-year-old buying to retire", 45, "married", {}, {}, "low", 1, 2000000, "retirement"}, "健康养老/老年一代"},
      {{"a 36-year-old with a 7-year-old, middle income", 36, "married", {2019}, 0, "middle", 1}, "望子成龙/小太阳"},
      {{"a 44-year-old with a 14-year-old, buying for the school", 44, "married", {2012}, 0, "low", 1, 2000000, "school"},
       "望子成龙/后小太阳"},
      {{"a 27-year-old single", 27, "single", {}, {}, "middle", 1}, "社会新锐/青年之家"},
      {{"a 31-year-old newly married", 31, "married", {}, {}, "low", 1}, "社会新锐/青年持家"},
      {{"a 38-year-old with a 5-year-old, low income", 38, "married", {2021}, 0, "low", 1}, "务实之家"},
      {{"a 50-year-old married without children, middle income", 50, "married", {}, 0, "middle", 1}, "务实之家"},
      {{"nothing known", {}, {}, {}, {}, {}, 0}, "未归类"},
  };
  const CompiledModel model = Preset("vanke5");
  for (const auto& c : cases) EXPECT_EQ(Where(model, FactsOfHousehold(c.household)), c.segment) << c.household.who;
}

TEST(SegmentPresets, Pulte11PlacesHandMadeHouseholdsByLifeStageAndAbilityToPay) {
  const Lands cases[] = {
      {{"a 66-year-old with high income", 66, "married", {1985}, 0, "high", 2}, "活跃老年人（高支付能力）"},
      {{"a 58-year-old, middle income", 58, "married", {1992}, 0, "middle", 1}, "活跃老年人"},
      {{"a 50-year-old whose children are grown", 50, "married", {2000, 2003}, 0, "middle", 1}, "空巢家庭"},
      {{"a divorced 41-year-old with a 9-year-old", 41, "divorced", {2017}, 0, "middle", 1}, "有孩子的单亲家庭"},
      {{"a married 29-year-old with a baby", 29, "married", {2025}, 0, "middle", 1}, "有婴儿的夫妇／孩子小于12岁的新成立家庭"},
      {{"a 45-year-old with a 15-year-old", 45, "married", {2011}, 0, "middle", 1}, "有孩子的成熟家庭"},
      {{"a married 33-year-old couple, both earning well", 33, "married", {}, 0, "high", 1}, "双人工作丁克家庭"},
      {{"a married 33-year-old couple, one earning", 33, "married", {}, 0, "low", 1}, "单人工作丁克家庭"},
      {{"a 40-year-old single", 40, "single", {}, 0, "middle", 1}, "大龄单身贵族"},
      {{"a 28-year-old single earning well", 28, "single", {}, 0, "high", 1}, "常年工作流动人士"},
      {{"a 25-year-old single, low income", 25, "single", {}, 0, "low", 0}, "首次置业者"},
      {{"nothing known", {}, {}, {}, {}, {}, 0}, "未归类"},
  };
  const CompiledModel model = Preset("pulte11");
  EXPECT_EQ(model.def().segments.size(), 11u);
  for (const auto& c : cases) EXPECT_EQ(Where(model, FactsOfHousehold(c.household)), c.segment) << c.household.who;
}

TEST(SegmentPresets, VankeSharesArePublished) {
  double sum = 0;
  for (const auto& s : PresetByCode("vanke5")->segments) sum += s.published_share.value_or(0);
  EXPECT_NEAR(sum, 1.0, 0.02);  // 28 + 23 + 23 + 18 + 9 (the seeds' rounding)
}

TEST(SegmentModel, NamesEachBadRuleByItsField) {
  ModelDef def{"", "mine", "", {{"a", "甲", "age > 30", {}, "", {{"a1", "甲一", "income_level = 'rich'", {}, "", {}}}},
                                {"b", "乙", "agee < 3", {}, "", {}}}};
  auto compiled = CompiledModel::Compile(def);
  ASSERT_TRUE(std::holds_alternative<std::vector<ModelError>>(compiled));
  const auto& errors = std::get<std::vector<ModelError>>(compiled);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "segments[0].subs[0].rule");
  EXPECT_EQ(errors[0].error.position, 16);
  EXPECT_EQ(errors[1].field, "segments[1].rule");
  EXPECT_EQ(errors[1].error.position, 1);
}

struct Stage {
  std::optional<int> age;
  std::optional<std::string> marital;
  std::vector<int> children_ages;
  std::optional<int> elders;
  std::optional<std::string> stage;
};

TEST(SegmentFacts, LifeStageFromAgeMarriageChildrenAndElders) {
  const Stage cases[] = {
      {30, "single", {}, {}, "single"},
      {30, "married", {}, {}, "couple"},
      {30, "married", {2}, {}, "young_family"},
      {40, "married", {14, 9}, {}, "young_family"},  // the youngest decides
      {45, "married", {15}, {}, "school_family"},
      {45, "married", {15}, 1, "three_generations"},
      {52, "married", {24}, 0, "empty_nest"},
      {66, "married", {38}, 0, "senior"},
      {64, "widowed", {}, {}, "senior"},
      {{}, {}, {}, {}, {}},
      {40, {}, {}, {}, {}},
  };
  for (const auto& c : cases) EXPECT_EQ(LifeStageOf(c.age, c.marital, c.children_ages, c.elders), c.stage);
}

TEST(SegmentFacts, AgeFromTheBirthDateOrTheIdNumber) {
  EXPECT_EQ(AgeOn("1990-12-07", kToday), 36);
  EXPECT_EQ(AgeOn("1990-12-08", kToday), 35);  // the birthday is tomorrow
  EXPECT_EQ(AgeOn("1990-13-08", kToday), std::nullopt);
  EXPECT_EQ(BirthDateOfId("11010519491231002X"), "1949-12-31");
  EXPECT_EQ(BirthDateOfId("110105194912"), std::nullopt);
  PersonRecord p;
  p.id_number = "440304198001011234";
  const FactRow f = FactsOf(p, {}, {}, kToday);
  EXPECT_EQ(std::get<double>(f[kAge]), 46);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(f[kChildren])) << "nothing said of the household: unknown";
  EXPECT_EQ(std::get<double>(f[kUnitsOwned]), 0);
  EXPECT_FALSE(std::get<bool>(f[kOwner]));
}

TEST(SegmentFacts, HomesGiveValueAreaAndTenure) {
  PersonRecord p;
  std::vector<HomeRecord> homes{{1, 89.5, 300000000, "2021-03-01"}, {2, 120.0, 500000000, std::nullopt}};
  const FactRow f = FactsOf(p, homes, {}, kToday);
  EXPECT_EQ(std::get<double>(f[kUnitsOwned]), 2);
  EXPECT_EQ(std::get<double>(f[kHomeValue]), 8000000);
  EXPECT_EQ(std::get<double>(f[kHomeArea]), 120);
  EXPECT_EQ(std::get<double>(f[kTenureYears]), 5);
  EXPECT_TRUE(std::get<bool>(f[kRepurchased]));
}

}  // namespace
}  // namespace hearth::segments
