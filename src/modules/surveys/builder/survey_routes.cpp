// HTTP of the questionnaire builder: parse → use case → JSON.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/surveys/surveys_routes.hpp"

namespace hearth::surveys {

namespace {

using http::Request;
using http::Response;

/// The survey's fields of a POST or PATCH body; the questions and the rule are checked whole.
Result<SurveyInput> ReadSurvey(const boost::json::object& body, bool create) {
  http::BodyReader in(body);
  SurveyInput s;
  s.title = in.String("title", {.required = create, .min_chars = 1, .max_chars = 100});
  s.description = in.String("description", {.max_chars = 2000, .multiline = true});
  if (create) s.org_unit_id = in.Int("org_unit_id");
  else if (in.Has("org_unit_id")) in.Invalid("org_unit_id", "read_only");
  const auto* questions = in.Raw("questions");
  if (create && !questions) in.Invalid("questions", "required");
  const bool has_rule = in.Has("callback_rule");
  const auto* rule = in.Raw("callback_rule");
  HEARTH_TRY(in.Finish());
  if (questions) {
    HEARTH_ASSIGN(auto parsed, ParseQuestions(*questions));
    s.questions = std::move(parsed);
  }
  if (has_rule) {
    // The rule reads the questions sent with it, or on a PATCH without them, those kept (checked there).
    if (rule && s.questions) {
      HEARTH_ASSIGN(auto r, ParseCallbackRule(rule, *s.questions));
      s.callback_rule = r;
    } else if (rule) {
      if (!rule->is_object()) return Fail(ErrorCode::kBadRequest, "bad_request", "callback_rule must be an object", {{"callback_rule", "must_be_object"}});
      const auto* n = rule->as_object().if_contains("at_most");
      if (!n || !n->is_int64()) return FailField("callback_rule.at_most", "required");
      if (n->as_int64() < 1) return FailField("callback_rule.at_most", "out_of_range");
      s.callback_rule = std::optional<CallbackRule>(CallbackRule{static_cast<int>(n->as_int64())});
    } else {
      s.callback_rule = std::optional<CallbackRule>();
    }
  }
  return s;
}

boost::json::object TemplateJson() {
  return {{"key", "owner_standard"},
          {"title", kStandardTitle},
          {"description", "覆盖客户体验链（销售、配套、环境、设计、质量、维修、物业、投诉、会员）的标准业主满意度问卷，含总体满意度、再次购买意愿与推荐意愿（NPS）。"},
          {"questions", ToJson(StandardOwnerSurvey())},
          {"callback_rule", boost::json::object{{"at_most", 2}}}};
}

}  // namespace

void AddBuilderRoutes(platform::Manifest& m, SurveyService& s, WaveService& waves) {
  m.Route({"POST", "/api/v1/surveys", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto body, r.JsonObject());
    HEARTH_ASSIGN(auto input, ReadSurvey(body, true));
    return http::Render(s.Create(r.context, input), http::kCreated, [](const Survey& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/surveys", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.List(r.context, page));
    HEARTH_ASSIGN(const auto total, s.Count(r.context));
    boost::json::array items;
    for (const auto& x : list.items) items.push_back(ToJson(x));
    return http::Json(http::kOk, boost::json::object{{"items", std::move(items)},
                                                     {"next_cursor", list.next_cursor ? boost::json::value(*list.next_cursor) : nullptr},
                                                     {"total", total}});
  });
  m.Route({"GET", "/api/v1/surveys/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Get(r.context, id), http::kOk, [](const Survey& x) { return ToJson(x); });
  });
  m.Route({"PATCH", "/api/v1/surveys/{id}", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto patch, http::ReadPatch(r));
    HEARTH_ASSIGN(auto input, ReadSurvey(patch.body, false));
    return http::Render(s.Update(r.context, patch.id, input, patch.version), http::kOk, [](const Survey& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/surveys/{id}/publish", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Publish(r.context, id), http::kOk, [](const Survey& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/surveys/{id}/archive", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Archive(r.context, id), http::kOk, [](const Survey& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/surveys/{id}/versions", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::RenderList(s.Versions(r.context, id), [](const SurveyVersion& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/surveys/{id}/preview", Permission::kRecordRead}, [&waves](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(waves.Preview(r.context, id), http::kOk, [](const PublicSurvey& x) { return ToJson(x); });
  });
  m.Route({"GET", "/api/v1/survey-templates", Permission::kRecordRead}, [](Request&) -> Result<Response> {
    return http::Json(http::kOk, boost::json::object{{"items", boost::json::array{TemplateJson()}}, {"next_cursor", nullptr}});
  });
}

}  // namespace hearth::surveys
