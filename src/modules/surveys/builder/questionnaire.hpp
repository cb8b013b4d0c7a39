#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/error.hpp"
#include "core/vocabulary.hpp"

namespace hearth::surveys {

enum class QuestionKind { kRating, kNps, kSingle, kMulti, kText, kMatrix };
inline constexpr Vocabulary<QuestionKind, 6> kQuestionKinds{{"rating", "nps", "single", "multi", "text", "matrix"}};

/// What a question measures for the indices (at most one question each).
enum class Measure { kSatisfaction, kRebuy, kRecommend };
inline constexpr Vocabulary<Measure, 3> kMeasures{{"satisfaction", "rebuy", "recommend"}};

/// The experience chain (客户体验链) the score card is kept over: 销售, 配套, 环境, 设计, 质量,
/// 维修, 物业, 投诉, 会员.
inline constexpr std::array<std::string_view, 9> kItems{"sales",  "amenities", "environment", "design", "quality",
                                                        "repairs", "property",  "complaints",  "club"};
bool IsItem(std::string_view item);

/// When a question is shown: an earlier question's answer compared with `value`
/// (eq, ne, lte, gte: a number or an option; in: a list; answered: given at all).
struct ShowIf {
  std::string key;
  std::string op;
  boost::json::value value;
};

struct MatrixRow {
  std::string key;
  std::string text;
  std::optional<std::string> item;
};

/// One question of a questionnaire, as the builder keeps it and a version freezes it.
struct Question {
  std::string key;  ///< [a-z0-9_], 1–40 characters, unique in the questionnaire
  QuestionKind kind = QuestionKind::kRating;
  std::string text;
  std::vector<std::string> options;  ///< single, multi
  bool required = false;
  std::optional<ShowIf> show_if;
  std::optional<Measure> measures;
  int scale = 5;                      ///< rating and matrix: 1..scale (3–10)
  std::optional<std::string> item;    ///< rating: the experience item it scores
  std::vector<MatrixRow> rows;        ///< matrix: each row rated 1..scale, each may score an item
  std::vector<std::string> positive;  ///< single with `measures`: the options that count as yes
};

/// A low answer opens a call-back ticket: the satisfaction question answered `at_most` or lower.
struct CallbackRule {
  int at_most = 2;
};

/// Reads and checks a questionnaire's questions from JSON; every fault is reported by its path
/// ("questions[2].options", reason "required"…), as a 422 (400 for wrong JSON types).
Result<std::vector<Question>> ParseQuestions(const boost::json::value& value);
/// Reads {"at_most"} (1..scale−1 of the satisfaction question); null for none.
Result<std::optional<CallbackRule>> ParseCallbackRule(const boost::json::value* value, const std::vector<Question>& questions);
boost::json::array ToJson(const std::vector<Question>& questions);
boost::json::value ToJson(const std::optional<CallbackRule>& rule);

/// The answers of one respondent, checked against the questions: each key a question, of its
/// kind and range; a question hidden by its show_if takes no answer (not_shown); a shown required
/// one must have one (required). `complete` false checks a draft (nothing required).
Result<boost::json::object> CheckAnswers(const std::vector<Question>& questions, const boost::json::value& answers,
                                         bool complete);
/// Whether the question is shown given the answers so far.
bool Shown(const Question& q, const boost::json::object& answers);

/// What the indices read from one set of answers.
struct Scored {
  std::optional<double> overall;  ///< the satisfaction question in points 0–100
  std::optional<bool> satisfied;  ///< the top two boxes of the satisfaction question (4–5 of 5)
  std::optional<bool> rebuy;
  std::optional<bool> recommend;
  std::optional<int> nps;  ///< the first NPS question's 0–10
  /// item → points 0–100 (the mean of the questions rated for it) and whether in the top two boxes.
  std::map<std::string, std::pair<double, bool>> items;
  /// The satisfaction question's raw answer (the call-back rule reads it).
  std::optional<std::int64_t> overall_raw;
};
Scored Score(const std::vector<Question>& questions, const boost::json::object& answers);

/// The measure questions' positions: which question each index reads (for the template's check
/// and the results' captions).
const Question* QuestionMeasuring(const std::vector<Question>& questions, Measure m);

/// The standard owner survey over the experience chain, as the builder's template.
std::vector<Question> StandardOwnerSurvey();
inline constexpr std::string_view kStandardTitle = "业主满意度调查";

}  // namespace hearth::surveys
