#include "modules/surveys/builder/questionnaire.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "modules/surveys/results/stats.hpp"
#include "modules/surveys/waves/cohort.hpp"

namespace hearth::surveys {
namespace {

std::vector<Question> Parse(const char* json) {
  auto q = ParseQuestions(boost::json::parse(json));
  EXPECT_TRUE(q) << json << " " << (q ? "" : q.error().fields.empty() ? q.error().message : q.error().fields[0].field + " " + q.error().fields[0].reason);
  return q ? *q : std::vector<Question>{};
}

struct Bad {
  const char* questions;
  const char* field;
  const char* reason;
  ErrorCode code = ErrorCode::kInvalidArgument;
};

TEST(Questionnaire, RefusesEachFaultByItsPath) {
  const Bad cases[] = {
      {R"([])", "questions", "required"},
      {R"({})", "questions", "must_be_array", ErrorCode::kBadRequest},
      {R"([{"key":"a","kind":"rating"}])", "questions[0].text", "required"},
      {R"([{"key":"A b","kind":"rating","text":"x"}])", "questions[0].key", "invalid_key"},
      {R"([{"key":"a","kind":"rating","text":"x"},{"key":"a","kind":"text","text":"y"}])", "questions[1].key", "duplicate"},
      {R"([{"key":"a","kind":"slider","text":"x"}])", "questions[0].kind", "unknown_kind"},
      {R"([{"key":"a","kind":"single","text":"x","options":["是"]}])", "questions[0].options", "at_least_two"},
      {R"([{"key":"a","kind":"single","text":"x","options":["是","是"]}])", "questions[0].options[1]", "duplicate"},
      {R"([{"key":"a","kind":"rating","text":"x","options":["是","否"]}])", "questions[0].options", "not_for_this_question"},
      {R"([{"key":"a","kind":"rating","text":"x","scale":11}])", "questions[0].scale", "out_of_range"},
      {R"([{"key":"a","kind":"nps","text":"x","scale":5}])", "questions[0].scale", "not_for_this_question"},
      {R"([{"key":"a","kind":"rating","text":"x","item":"parking"}])", "questions[0].item", "unknown_item"},
      {R"([{"key":"a","kind":"matrix","text":"x"}])", "questions[0].rows", "required"},
      {R"([{"key":"a","kind":"matrix","text":"x","rows":[{"key":"r","text":"行"},{"key":"r","text":"行2"}]}])", "questions[0].rows[1].key", "duplicate"},
      {R"([{"key":"a","kind":"nps","text":"x","measures":"satisfaction"}])", "questions[0].measures", "satisfaction_needs_rating"},
      {R"([{"key":"a","kind":"rating","text":"x","measures":"rebuy"},{"key":"b","kind":"nps","text":"y","measures":"rebuy"}])",
       "questions[1].measures", "measured_twice"},
      {R"([{"key":"a","kind":"single","text":"x","options":["会","不会"],"measures":"rebuy"}])", "questions[0].positive", "required"},
      {R"([{"key":"a","kind":"single","text":"x","options":["会","不会"],"measures":"rebuy","positive":["也许"]}])", "questions[0].positive[0]",
       "not_an_option"},
      {R"([{"key":"a","kind":"text","text":"x","show_if":{"key":"b","op":"answered"}},{"key":"b","kind":"rating","text":"y"}])",
       "questions[0].show_if.key", "not_an_earlier_question"},
      {R"([{"key":"a","kind":"rating","text":"x"},{"key":"b","kind":"text","text":"y","show_if":{"key":"a","op":"lte","value":9}}])",
       "questions[1].show_if.value", "not_an_answer"},
      {R"([{"key":"a","kind":"single","text":"x","options":["是","否"]},{"key":"b","kind":"text","text":"y","show_if":{"key":"a","op":"gte","value":"是"}}])",
       "questions[1].show_if.op", "not_for_this_question"},
      {R"([{"key":"a","kind":"rating","text":"x","colour":"red"}])", "questions[0].colour", "unknown_field", ErrorCode::kBadRequest},
  };
  for (const auto& c : cases) {
    auto q = ParseQuestions(boost::json::parse(c.questions));
    ASSERT_FALSE(q) << c.questions;
    EXPECT_EQ(q.error().code, c.code) << c.questions;
    bool found = false;
    for (const auto& f : q.error().fields) found = found || (f.field == c.field && f.reason == c.reason);
    EXPECT_TRUE(found) << c.questions << " → " << q.error().fields.at(0).field << " " << q.error().fields.at(0).reason;
  }
}

TEST(Questionnaire, TheStandardOwnerSurveyIsValidAndMeasuresAllThree) {
  const auto standard = StandardOwnerSurvey();
  auto again = ParseQuestions(ToJson(standard));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->size(), standard.size());
  for (Measure m : {Measure::kSatisfaction, Measure::kRebuy, Measure::kRecommend}) EXPECT_NE(QuestionMeasuring(*again, m), nullptr);
}

const char* kSurvey = R"([
  {"key":"overall","kind":"rating","text":"总体满意度","required":true,"measures":"satisfaction"},
  {"key":"why","kind":"multi","text":"原因","options":["质量","维修","物业"],"required":true,"show_if":{"key":"overall","op":"lte","value":2}},
  {"key":"chain","kind":"matrix","text":"各方面","required":true,"rows":[{"key":"q","text":"质量","item":"quality"},{"key":"r","text":"维修","item":"repairs"}]},
  {"key":"house","kind":"rating","text":"房屋质量","item":"quality","scale":10},
  {"key":"rebuy","kind":"single","text":"再买","options":["会","不会"],"positive":["会"],"measures":"rebuy","required":true},
  {"key":"nps","kind":"nps","text":"推荐","measures":"recommend","required":true},
  {"key":"note","kind":"text","text":"建议"}
])";

struct Answers {
  const char* answers;
  const char* field;  // nullptr: accepted
  const char* reason;
};

TEST(Questionnaire, ChecksAnswersAgainstKindRangeAndSkipLogic) {
  const auto questions = Parse(kSurvey);
  const Answers cases[] = {
      {R"({"overall":5,"chain":{"q":4,"r":5},"rebuy":"会","nps":9})", nullptr, nullptr},
      {R"({"overall":2,"why":["维修"],"chain":{"q":2,"r":1},"rebuy":"不会","nps":3,"note":"太慢"})", nullptr, nullptr},
      {R"({"overall":2,"chain":{"q":2,"r":1},"rebuy":"不会","nps":3})", "answers.why", "required"},
      {R"({"overall":5,"why":["维修"],"chain":{"q":4,"r":5},"rebuy":"会","nps":9})", "answers.why", "not_shown"},
      {R"({"overall":6,"chain":{"q":4,"r":5},"rebuy":"会","nps":9})", "answers.overall", "out_of_range"},
      {R"({"overall":5,"chain":{"q":4},"rebuy":"会","nps":9})", "answers.chain.r", "required"},
      {R"({"overall":5,"chain":{"q":4,"r":9},"rebuy":"会","nps":9})", "answers.chain.r", "out_of_range"},
      {R"({"overall":5,"chain":{"q":4,"r":5},"rebuy":"也许","nps":9})", "answers.rebuy", "not_an_option"},
      {R"({"overall":5,"chain":{"q":4,"r":5},"rebuy":"会","nps":11})", "answers.nps", "out_of_range"},
      {R"({"overall":5,"chain":{"q":4,"r":5},"rebuy":"会"})", "answers.nps", "required"},
      {R"({"overall":5,"chain":{"q":4,"r":5},"rebuy":"会","nps":9,"extra":1})", "answers.extra", "unknown_field"},
      {R"({"overall":"5","chain":{"q":4,"r":5},"rebuy":"会","nps":9})", "answers.overall", "must_be_integer"},
  };
  for (const auto& c : cases) {
    auto a = CheckAnswers(questions, boost::json::parse(c.answers), true);
    if (!c.field) {
      EXPECT_TRUE(a) << c.answers << " " << (a ? "" : a.error().fields.at(0).field + " " + a.error().fields.at(0).reason);
      continue;
    }
    ASSERT_FALSE(a) << c.answers;
    bool found = false;
    for (const auto& f : a.error().fields) found = found || (f.field == c.field && f.reason == c.reason);
    EXPECT_TRUE(found) << c.answers << " → " << a.error().fields.at(0).field << " " << a.error().fields.at(0).reason;
  }
  // A draft need not be complete.
  EXPECT_TRUE(CheckAnswers(questions, boost::json::parse(R"({"overall":3})"), false));
}

TEST(Questionnaire, ScoresTheIndicesAndTheItemsOfOneRespondent) {
  const auto questions = Parse(kSurvey);
  auto answers = CheckAnswers(questions, boost::json::parse(R"({"overall":4,"chain":{"q":2,"r":5},"house":10,"rebuy":"不会","nps":9})"), true);
  ASSERT_TRUE(answers);
  const Scored s = Score(questions, *answers);
  EXPECT_EQ(s.satisfied, true) << "4 of 5 is in the top two boxes";
  EXPECT_DOUBLE_EQ(*s.overall, 75.0);
  EXPECT_EQ(s.rebuy, false);
  EXPECT_EQ(s.recommend, true) << "9 on the NPS question is a promoter";
  EXPECT_EQ(s.nps, 9);
  // quality: the matrix row (2 of 5 = 25 points) and the 10-point rating (10 = 100 points), averaged.
  EXPECT_DOUBLE_EQ(s.items.at("quality").first, 62.5);
  EXPECT_FALSE(s.items.at("quality").second);
  EXPECT_DOUBLE_EQ(s.items.at("repairs").first, 100.0);
  EXPECT_TRUE(s.items.at("repairs").second);
  const Scored low = Score(questions, *CheckAnswers(questions, boost::json::parse(R"({"overall":3,"chain":{"q":3,"r":3},"rebuy":"会","nps":6})"), true));
  EXPECT_EQ(low.satisfied, false);
  EXPECT_EQ(low.recommend, false);
  EXPECT_EQ(low.rebuy, true);
}

TEST(Cohorts, ByTenureOnTheDay) {
  struct Case {
    const char* status;
    std::optional<std::string> delivered_on;
    std::optional<Cohort> cohort;
  };
  const Case cases[] = {
      {"contracted", std::nullopt, Cohort::kProspective},
      {"delivered", "2026-12-01", Cohort::kRunIn},
      {"delivered", "2025-12-08", Cohort::kRunIn},   // 364 days: still under a year
      {"delivered", "2025-12-07", Cohort::kStable},  // a year to the day
      {"delivered", "2024-12-08", Cohort::kStable},
      {"delivered", "2024-12-07", Cohort::kOld},  // two years to the day
      {"delivered", "2019-06-01", Cohort::kOld},
      {"delivered", std::nullopt, std::nullopt},  // delivered, day unknown: no cohort
      {"available", std::nullopt, std::nullopt},
      {"subscribed", std::nullopt, std::nullopt},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(CohortOf(c.status, c.delivered_on, "2026-12-07"), c.cohort) << c.status << " " << c.delivered_on.value_or("-");
  }
}

TEST(Stats, WilsonIntervalsAndNps) {
  const auto s = ShareOf(73, 100);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->share, 0.73);
  EXPECT_NEAR(s->low, 0.636, 0.001);
  EXPECT_NEAR(s->high, 0.807, 0.001);
  EXPECT_FALSE(ShareOf(0, 0));
  const auto none = ShareOf(0, 10);
  EXPECT_DOUBLE_EQ(none->low, 0.0);
  EXPECT_GT(none->high, 0.25) << "ten answers cannot rule out a quarter";
  const auto nps = NpsOf(50, 20, 100);
  ASSERT_TRUE(nps);
  EXPECT_DOUBLE_EQ(nps->score, 30.0);
  EXPECT_EQ(nps->passives, 30);
  EXPECT_NEAR(nps->high - nps->low, 2 * 1.96 * std::sqrt((0.5 + 0.2 - 0.09) / 100) * 100, 0.01);
  EXPECT_NEAR(*Correlation(4, 10, 10, 30, 30, 30), 1.0, 1e-9) << "x = y over 1..4";
  EXPECT_FALSE(Correlation(4, 8, 10, 16, 30, 20)) << "x does not vary";
}

}  // namespace
}  // namespace hearth::surveys
