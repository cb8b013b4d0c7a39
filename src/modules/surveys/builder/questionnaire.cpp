#include "modules/surveys/builder/questionnaire.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "core/text.hpp"

namespace hearth::surveys {

namespace {

constexpr std::size_t kMaxQuestions = 100;
constexpr std::size_t kMaxOptions = 30;
constexpr std::size_t kMaxRows = 30;
constexpr std::size_t kMaxTextAnswer = 2000;

std::size_t Chars(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool IsKey(std::string_view k) {
  if (k.empty() || k.size() > 40) return false;
  return std::all_of(k.begin(), k.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

/// Collects the faults of one questionnaire: wrong JSON types (400) apart from broken rules (422).
struct Faults {
  std::vector<FieldError> types, rules;
  void Type(std::string f, std::string why) { types.push_back({std::move(f), std::move(why)}); }
  void Rule(std::string f, std::string why) { rules.push_back({std::move(f), std::move(why)}); }
  template <typename T>
  Result<T> Outcome(T value) const {
    if (!types.empty()) {
      auto all = types;
      all.insert(all.end(), rules.begin(), rules.end());
      return Fail(ErrorCode::kBadRequest, "bad_request", "some fields have the wrong type", std::move(all));
    }
    if (!rules.empty()) return Fail(ErrorCode::kInvalidArgument, "validation_failed", "some fields are not valid", rules);
    return value;
  }
};

std::optional<std::string> Text(const boost::json::object& o, std::string_view key, const std::string& path, Faults& f,
                                bool required, std::size_t max_chars) {
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) {
    if (required) f.Rule(path, "required");
    return std::nullopt;
  }
  if (!v->is_string()) {
    f.Type(path, "must_be_string");
    return std::nullopt;
  }
  std::string s(v->as_string());
  if (required && s.find_first_not_of(' ') == std::string::npos) f.Rule(path, "required");
  else if (Chars(s) > max_chars) f.Rule(path, "too_long");
  else if (HasControlCharacter(s)) f.Rule(path, "control_character");
  return s;
}

std::vector<std::string> Strings(const boost::json::object& o, std::string_view key, const std::string& path, Faults& f,
                                 std::size_t max_items) {
  std::vector<std::string> out;
  const auto* v = o.if_contains(key);
  if (!v || v->is_null()) return out;
  if (!v->is_array()) {
    f.Type(path, "must_be_array");
    return out;
  }
  if (v->as_array().size() > max_items) f.Rule(path, "too_many");
  std::set<std::string> seen;
  for (std::size_t i = 0; i < v->as_array().size(); ++i) {
    const auto& e = v->as_array()[i];
    const std::string at = fmt::format("{}[{}]", path, i);
    if (!e.is_string()) {
      f.Type(at, "must_be_string");
      continue;
    }
    std::string s(e.as_string());
    if (s.empty() || s.find_first_not_of(' ') == std::string::npos) f.Rule(at, "required");
    else if (Chars(s) > 100) f.Rule(at, "too_long");
    else if (HasControlCharacter(s)) f.Rule(at, "control_character");
    else if (!seen.insert(s).second) f.Rule(at, "duplicate");
    out.push_back(std::move(s));
  }
  return out;
}

std::optional<std::string> Item(const boost::json::object& o, const std::string& path, Faults& f) {
  auto item = Text(o, "item", path, f, false, 40);
  if (item && !IsItem(*item)) {
    f.Rule(path, "unknown_item");
    return std::nullopt;
  }
  return item;
}

/// The numeric answer of a rating, NPS or one matrix row, when it is one.
std::optional<std::int64_t> IntOf(const boost::json::value* v) {
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() < 1000) return static_cast<std::int64_t>(v->as_uint64());
  return std::nullopt;
}

void ParseShowIf(const boost::json::value& v, const std::string& path, const std::map<std::string, std::size_t>& earlier,
                 const std::vector<Question>& parsed, Question& q, Faults& f) {
  if (v.is_null()) return;
  if (!v.is_object()) {
    f.Type(path, "must_be_object");
    return;
  }
  const auto& o = v.as_object();
  for (const auto& [k, _] : o) {
    if (k != "key" && k != "op" && k != "value") f.Type(fmt::format("{}.{}", path, std::string_view(k)), "unknown_field");
  }
  ShowIf s;
  s.key = Text(o, "key", path + ".key", f, true, 40).value_or("");
  s.op = Text(o, "op", path + ".op", f, true, 10).value_or("");
  const auto it = earlier.find(s.key);
  if (!s.key.empty() && it == earlier.end()) {
    f.Rule(path + ".key", "not_an_earlier_question");
    return;
  }
  static const std::set<std::string> kOps{"eq", "ne", "lte", "gte", "in", "answered"};
  if (!s.op.empty() && !kOps.contains(s.op)) {
    f.Rule(path + ".op", "unknown_op");
    return;
  }
  if (s.key.empty() || s.op.empty()) return;
  const Question& ref = parsed[it->second];
  const auto* value = o.if_contains("value");
  const bool numeric = ref.kind == QuestionKind::kRating || ref.kind == QuestionKind::kNps;
  const bool choice = ref.kind == QuestionKind::kSingle || ref.kind == QuestionKind::kMulti;
  auto fits = [&](const boost::json::value& x) {
    if (numeric) {
      const auto n = IntOf(&x);
      const int lo = ref.kind == QuestionKind::kNps ? 0 : 1, hi = ref.kind == QuestionKind::kNps ? 10 : ref.scale;
      return n && *n >= lo && *n <= hi;
    }
    if (choice) return x.is_string() && std::find(ref.options.begin(), ref.options.end(), std::string(x.as_string())) != ref.options.end();
    return false;
  };
  if (s.op == "answered") {
    s.value = nullptr;
  } else if (!numeric && !choice) {
    f.Rule(path + ".op", "not_for_this_question");
  } else if ((s.op == "lte" || s.op == "gte") && !numeric) {
    f.Rule(path + ".op", "not_for_this_question");
  } else if (s.op == "in") {
    if (!value || !value->is_array() || value->as_array().empty()) f.Rule(path + ".value", "must_be_list");
    else if (!std::all_of(value->as_array().begin(), value->as_array().end(), fits)) f.Rule(path + ".value", "not_an_answer");
    else s.value = *value;
  } else if (!value || !fits(*value)) {
    f.Rule(path + ".value", "not_an_answer");
  } else {
    s.value = *value;
  }
  q.show_if = std::move(s);
}

}  // namespace

bool IsItem(std::string_view item) { return std::find(kItems.begin(), kItems.end(), item) != kItems.end(); }

Result<std::vector<Question>> ParseQuestions(const boost::json::value& value) {
  Faults f;
  std::vector<Question> out;
  if (!value.is_array()) {
    f.Type("questions", "must_be_array");
    return f.Outcome(out);
  }
  const auto& list = value.as_array();
  if (list.empty()) f.Rule("questions", "required");
  if (list.size() > kMaxQuestions) {
    f.Rule("questions", "too_many");
    return f.Outcome(out);
  }
  std::map<std::string, std::size_t> earlier;  // key → index in out
  std::set<Measure> measured;
  out.reserve(list.size());
  static const std::set<std::string> kKnown{"key",   "kind", "text", "options", "required", "show_if",
                                            "measures", "scale", "item", "rows",    "positive"};
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = fmt::format("questions[{}]", i);
    if (!list[i].is_object()) {
      f.Type(at, "must_be_object");
      continue;
    }
    const auto& o = list[i].as_object();
    for (const auto& [k, _] : o) {
      if (!kKnown.contains(std::string(k))) f.Type(fmt::format("{}.{}", at, std::string_view(k)), "unknown_field");
    }
    Question q;
    q.key = Text(o, "key", at + ".key", f, true, 40).value_or("");
    if (!q.key.empty() && !IsKey(q.key)) f.Rule(at + ".key", "invalid_key");
    else if (!q.key.empty() && earlier.contains(q.key)) f.Rule(at + ".key", "duplicate");
    const auto kind = Text(o, "kind", at + ".kind", f, true, 10);
    if (kind) {
      if (auto k = kQuestionKinds.Parse(*kind)) q.kind = *k;
      else f.Rule(at + ".kind", "unknown_kind");
    }
    q.text = Text(o, "text", at + ".text", f, true, 500).value_or("");
    if (const auto* r = o.if_contains("required"); r && !r->is_null()) {
      if (r->is_bool()) q.required = r->as_bool();
      else f.Type(at + ".required", "must_be_boolean");
    }
    if (const auto* s = o.if_contains("scale"); s && !s->is_null()) {
      const auto n = IntOf(s);
      if (!n) f.Type(at + ".scale", "must_be_integer");
      else if (q.kind != QuestionKind::kRating && q.kind != QuestionKind::kMatrix) f.Rule(at + ".scale", "not_for_this_question");
      else if (*n < 3 || *n > 10) f.Rule(at + ".scale", "out_of_range");
      else q.scale = static_cast<int>(*n);
    }
    q.options = Strings(o, "options", at + ".options", f, kMaxOptions);
    const bool choice = q.kind == QuestionKind::kSingle || q.kind == QuestionKind::kMulti;
    if (choice && q.options.size() < 2) f.Rule(at + ".options", "at_least_two");
    if (!choice && !q.options.empty()) f.Rule(at + ".options", "not_for_this_question");
    q.item = Item(o, at + ".item", f);
    if (q.item && q.kind != QuestionKind::kRating) f.Rule(at + ".item", "not_for_this_question");
    if (const auto* rows = o.if_contains("rows"); rows && !rows->is_null()) {
      if (!rows->is_array()) {
        f.Type(at + ".rows", "must_be_array");
      } else if (q.kind != QuestionKind::kMatrix) {
        f.Rule(at + ".rows", "not_for_this_question");
      } else if (rows->as_array().size() > kMaxRows) {
        f.Rule(at + ".rows", "too_many");
      } else {
        std::set<std::string> keys;
        for (std::size_t j = 0; j < rows->as_array().size(); ++j) {
          const std::string rat = fmt::format("{}.rows[{}]", at, j);
          const auto& rv = rows->as_array()[j];
          if (!rv.is_object()) {
            f.Type(rat, "must_be_object");
            continue;
          }
          MatrixRow row;
          row.key = Text(rv.as_object(), "key", rat + ".key", f, true, 40).value_or("");
          if (!row.key.empty() && !IsKey(row.key)) f.Rule(rat + ".key", "invalid_key");
          else if (!row.key.empty() && !keys.insert(row.key).second) f.Rule(rat + ".key", "duplicate");
          row.text = Text(rv.as_object(), "text", rat + ".text", f, true, 200).value_or("");
          row.item = Item(rv.as_object(), rat + ".item", f);
          for (const auto& [k, _] : rv.as_object()) {
            if (k != "key" && k != "text" && k != "item") f.Type(fmt::format("{}.{}", rat, std::string_view(k)), "unknown_field");
          }
          q.rows.push_back(std::move(row));
        }
      }
    }
    if (q.kind == QuestionKind::kMatrix && q.rows.empty()) f.Rule(at + ".rows", "required");
    if (auto m = Text(o, "measures", at + ".measures", f, false, 20)) {
      const auto measure = kMeasures.Parse(*m);
      if (!measure) {
        f.Rule(at + ".measures", "unknown_measure");
      } else if (!measured.insert(*measure).second) {
        f.Rule(at + ".measures", "measured_twice");
      } else if (*measure == Measure::kSatisfaction && q.kind != QuestionKind::kRating) {
        f.Rule(at + ".measures", "satisfaction_needs_rating");
      } else if (q.kind != QuestionKind::kRating && q.kind != QuestionKind::kNps && q.kind != QuestionKind::kSingle) {
        f.Rule(at + ".measures", "not_for_this_question");
      } else {
        q.measures = measure;
      }
    }
    q.positive = Strings(o, "positive", at + ".positive", f, kMaxOptions);
    if (q.kind == QuestionKind::kSingle && q.measures) {
      if (q.positive.empty()) f.Rule(at + ".positive", "required");
      for (std::size_t j = 0; j < q.positive.size(); ++j) {
        if (std::find(q.options.begin(), q.options.end(), q.positive[j]) == q.options.end()) {
          f.Rule(fmt::format("{}.positive[{}]", at, j), "not_an_option");
        }
      }
    } else if (!q.positive.empty()) {
      f.Rule(at + ".positive", "not_for_this_question");
    }
    if (const auto* s = o.if_contains("show_if")) ParseShowIf(*s, at + ".show_if", earlier, out, q, f);
    if (!q.key.empty()) earlier.emplace(q.key, out.size());
    out.push_back(std::move(q));
  }
  return f.Outcome(std::move(out));
}

Result<std::optional<CallbackRule>> ParseCallbackRule(const boost::json::value* value, const std::vector<Question>& questions) {
  if (!value || value->is_null()) return std::optional<CallbackRule>();
  if (!value->is_object()) return Fail(ErrorCode::kBadRequest, "bad_request", "callback_rule must be an object", {{"callback_rule", "must_be_object"}});
  const auto& o = value->as_object();
  for (const auto& [k, _] : o) {
    if (k != "at_most") return Fail(ErrorCode::kBadRequest, "bad_request", "unknown field", {{"callback_rule." + std::string(k), "unknown_field"}});
  }
  const auto n = IntOf(o.if_contains("at_most"));
  if (!n) return FailField("callback_rule.at_most", "required");
  const Question* q = QuestionMeasuring(questions, Measure::kSatisfaction);
  if (!q) return FailField("callback_rule", "needs_satisfaction_question");
  if (*n < 1 || *n >= q->scale) return FailField("callback_rule.at_most", "out_of_range");
  return std::optional<CallbackRule>(CallbackRule{static_cast<int>(*n)});
}

boost::json::array ToJson(const std::vector<Question>& questions) {
  boost::json::array out;
  for (const auto& q : questions) {
    boost::json::object o{{"key", q.key}, {"kind", kQuestionKinds.Name(q.kind)}, {"text", q.text}, {"required", q.required}};
    if (!q.options.empty()) o["options"] = boost::json::array(q.options.begin(), q.options.end());
    if (q.kind == QuestionKind::kRating || q.kind == QuestionKind::kMatrix) o["scale"] = q.scale;
    if (q.item) o["item"] = *q.item;
    if (q.measures) o["measures"] = kMeasures.Name(*q.measures);
    if (!q.positive.empty()) o["positive"] = boost::json::array(q.positive.begin(), q.positive.end());
    if (!q.rows.empty()) {
      boost::json::array rows;
      for (const auto& r : q.rows) {
        boost::json::object row{{"key", r.key}, {"text", r.text}};
        if (r.item) row["item"] = *r.item;
        rows.push_back(std::move(row));
      }
      o["rows"] = std::move(rows);
    }
    if (q.show_if) o["show_if"] = boost::json::object{{"key", q.show_if->key}, {"op", q.show_if->op}, {"value", q.show_if->value}};
    out.push_back(std::move(o));
  }
  return out;
}

boost::json::value ToJson(const std::optional<CallbackRule>& rule) {
  if (!rule) return nullptr;
  return boost::json::object{{"at_most", rule->at_most}};
}

bool Shown(const Question& q, const boost::json::object& answers) {
  if (!q.show_if) return true;
  const ShowIf& s = *q.show_if;
  const auto* a = answers.if_contains(s.key);
  if (!a || a->is_null()) return false;
  if (s.op == "answered") return true;
  // A multiple choice meets eq / in when any of its choices does; ne when none does.
  auto matches = [&](const boost::json::value& want) {
    if (a->is_array()) return std::find(a->as_array().begin(), a->as_array().end(), want) != a->as_array().end();
    if (const auto x = IntOf(a), y = IntOf(&want); x && y) return *x == *y;
    return *a == want;
  };
  if (s.op == "eq") return matches(s.value);
  if (s.op == "ne") return !matches(s.value);
  if (s.op == "in") {
    return s.value.is_array() && std::any_of(s.value.as_array().begin(), s.value.as_array().end(), matches);
  }
  const auto x = IntOf(a), y = IntOf(&s.value);
  if (!x || !y) return false;
  return s.op == "lte" ? *x <= *y : *x >= *y;
}

Result<boost::json::object> CheckAnswers(const std::vector<Question>& questions, const boost::json::value& answers, bool complete) {
  Faults f;
  boost::json::object out;
  if (!answers.is_object()) {
    f.Type("answers", "must_be_object");
    return f.Outcome(out);
  }
  const auto& in = answers.as_object();
  std::set<std::string> known;
  for (const auto& q : questions) known.insert(q.key);
  for (const auto& [k, _] : in) {
    if (!known.contains(std::string(k))) f.Type("answers." + std::string(k), "unknown_field");
  }
  for (const auto& q : questions) {
    const std::string at = "answers." + q.key;
    const auto* v = in.if_contains(q.key);
    const bool given = v && !v->is_null();
    if (!Shown(q, out)) {
      if (given) f.Rule(at, "not_shown");
      continue;
    }
    if (!given) {
      if (complete && q.required) f.Rule(at, "required");
      continue;
    }
    switch (q.kind) {
      case QuestionKind::kRating:
      case QuestionKind::kNps: {
        const auto n = IntOf(v);
        const int lo = q.kind == QuestionKind::kNps ? 0 : 1, hi = q.kind == QuestionKind::kNps ? 10 : q.scale;
        if (!n) f.Type(at, "must_be_integer");
        else if (*n < lo || *n > hi) f.Rule(at, "out_of_range");
        else out[q.key] = *n;
        break;
      }
      case QuestionKind::kSingle:
        if (!v->is_string()) f.Type(at, "must_be_string");
        else if (std::find(q.options.begin(), q.options.end(), std::string(v->as_string())) == q.options.end()) f.Rule(at, "not_an_option");
        else out[q.key] = *v;
        break;
      case QuestionKind::kMulti: {
        if (!v->is_array()) {
          f.Type(at, "must_be_array");
          break;
        }
        std::set<std::string> seen;
        bool good = true;
        for (const auto& e : v->as_array()) {
          if (!e.is_string() || std::find(q.options.begin(), q.options.end(), std::string(e.as_string())) == q.options.end() ||
              !seen.insert(std::string(e.as_string())).second) {
            good = false;
          }
        }
        if (!good) f.Rule(at, "not_an_option");
        else if (v->as_array().empty() && complete && q.required) f.Rule(at, "required");
        else out[q.key] = *v;
        break;
      }
      case QuestionKind::kText:
        if (!v->is_string()) f.Type(at, "must_be_string");
        else if (Chars(v->as_string()) > kMaxTextAnswer) f.Rule(at, "too_long");
        else if (HasControlCharacter(v->as_string(), {.line_breaks = true})) f.Rule(at, "control_character");
        else if (complete && q.required && v->as_string().empty()) f.Rule(at, "required");
        else out[q.key] = *v;
        break;
      case QuestionKind::kMatrix: {
        if (!v->is_object()) {
          f.Type(at, "must_be_object");
          break;
        }
        boost::json::object rows;
        for (const auto& [k, rv] : v->as_object()) {
          const auto row = std::find_if(q.rows.begin(), q.rows.end(), [&](const MatrixRow& r) { return r.key == k; });
          const auto n = IntOf(&rv);
          if (row == q.rows.end()) f.Type(at + "." + std::string(k), "unknown_field");
          else if (rv.is_null()) continue;
          else if (!n) f.Type(at + "." + std::string(k), "must_be_integer");
          else if (*n < 1 || *n > q.scale) f.Rule(at + "." + std::string(k), "out_of_range");
          else rows[k] = *n;
        }
        if (complete && q.required) {
          for (const auto& r : q.rows) {
            if (!rows.contains(r.key)) f.Rule(at + "." + r.key, "required");
          }
        }
        out[q.key] = std::move(rows);
        break;
      }
    }
  }
  return f.Outcome(std::move(out));
}

const Question* QuestionMeasuring(const std::vector<Question>& questions, Measure m) {
  for (const auto& q : questions) {
    if (q.measures == m) return &q;
  }
  return nullptr;
}

Scored Score(const std::vector<Question>& questions, const boost::json::object& answers) {
  Scored s;
  std::map<std::string, std::pair<double, int>> sums;  // item → sum of points, count
  auto points = [](std::int64_t v, int scale) { return 100.0 * static_cast<double>(v - 1) / static_cast<double>(scale - 1); };
  auto top = [](std::int64_t v, int scale) { return v >= scale - 1; };
  auto rate = [&](const std::string& item, std::int64_t v, int scale) {
    auto& [sum, n] = sums[item];
    sum += points(v, scale);
    ++n;
  };
  for (const auto& q : questions) {
    const auto* v = answers.if_contains(q.key);
    if (!v || v->is_null()) continue;
    const auto n = IntOf(v);
    if (q.kind == QuestionKind::kNps && n && !s.nps) s.nps = static_cast<int>(*n);
    if (q.kind == QuestionKind::kRating && n && q.item) rate(*q.item, *n, q.scale);
    if (q.kind == QuestionKind::kMatrix && v->is_object()) {
      for (const auto& r : q.rows) {
        if (const auto rv = IntOf(v->as_object().if_contains(r.key)); rv && r.item) rate(*r.item, *rv, q.scale);
      }
    }
    if (!q.measures) continue;
    std::optional<bool> yes;
    if (q.kind == QuestionKind::kRating && n) yes = top(*n, q.scale);
    if (q.kind == QuestionKind::kNps && n) yes = *n >= 9;
    if (q.kind == QuestionKind::kSingle && v->is_string()) {
      yes = std::find(q.positive.begin(), q.positive.end(), std::string(v->as_string())) != q.positive.end();
    }
    switch (*q.measures) {
      case Measure::kSatisfaction:
        s.satisfied = yes;
        if (n) {
          s.overall = points(*n, q.scale);
          s.overall_raw = *n;
        }
        break;
      case Measure::kRebuy: s.rebuy = yes; break;
      case Measure::kRecommend: s.recommend = yes; break;
    }
  }
  // An item's top two boxes: its mean in points at or above what a 4 of 5 scores (75).
  for (const auto& [item, sum] : sums) {
    const double mean = sum.first / sum.second;
    s.items[item] = {mean, mean >= 75.0 - 1e-9};
  }
  return s;
}

std::vector<Question> StandardOwnerSurvey() {
  std::vector<Question> q;
  auto rating = [&](std::string key, std::string text, std::optional<std::string> item, bool required = true) {
    Question x;
    x.key = std::move(key);
    x.kind = QuestionKind::kRating;
    x.text = std::move(text);
    x.item = std::move(item);
    x.required = required;
    q.push_back(std::move(x));
  };
  rating("overall", "总体而言，您对我们的产品和服务满意吗？", std::nullopt);
  q.back().measures = Measure::kSatisfaction;
  Question chain;
  chain.key = "chain";
  chain.kind = QuestionKind::kMatrix;
  chain.text = "请对以下各方面打分（1 分很不满意，5 分很满意）";
  chain.required = true;
  chain.rows = {{"sales", "销售过程与承诺兑现", "sales"},
                {"amenities", "社区配套（商业、教育、交通）", "amenities"},
                {"environment", "园林与社区环境", "environment"},
                {"design", "户型与设计", "design"},
                {"quality", "房屋质量", "quality"},
                {"repairs", "报修与维修", "repairs"},
                {"property", "物业服务", "property"},
                {"complaints", "投诉处理", "complaints"},
                {"club", "万客会与社区活动", "club"}};
  q.push_back(std::move(chain));
  Question why;
  why.key = "low_reasons";
  why.kind = QuestionKind::kMulti;
  why.text = "您不满意的主要原因是？（可多选）";
  why.options = {"房屋质量", "维修不及时", "物业服务", "配套未兑现", "投诉无人处理", "其他"};
  why.show_if = ShowIf{"overall", "lte", 2};
  q.push_back(std::move(why));
  Question rebuy;
  rebuy.key = "rebuy";
  rebuy.kind = QuestionKind::kSingle;
  rebuy.text = "如果再次购房，您会再选择我们吗？";
  rebuy.options = {"一定会", "可能会", "不确定", "可能不会", "一定不会"};
  rebuy.positive = {"一定会", "可能会"};
  rebuy.measures = Measure::kRebuy;
  rebuy.required = true;
  q.push_back(std::move(rebuy));
  Question nps;
  nps.key = "recommend";
  nps.kind = QuestionKind::kNps;
  nps.text = "您有多大可能向亲友推荐我们的楼盘？（0 分完全不可能，10 分非常可能）";
  nps.measures = Measure::kRecommend;
  nps.required = true;
  q.push_back(std::move(nps));
  Question text;
  text.key = "suggestion";
  text.kind = QuestionKind::kText;
  text.text = "您还有什么意见或建议？";
  q.push_back(std::move(text));
  return q;
}

}  // namespace hearth::surveys
