// HTTP of the service centre's case library and standard answers: parse → use case → JSON. No SQL, no rules.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/service/service_routes.hpp"

namespace hearth::service {

namespace {

using http::Request;
using http::Response;

Result<Response> PostFileCase(Request& req, KnowledgeService& k) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto title = in.String("title", {.max_chars = 200});
  auto problem = in.String("problem", {.required = true, .max_chars = 5000, .multiline = true});
  auto solution = in.String("solution", {.required = true, .max_chars = 5000, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(k.FileCase(req.context, id, title, *problem, *solution), http::kCreated,
                      [](const TicketCase& c) { return ToJson(c); });
}

Result<Response> PostAnswer(Request& req, KnowledgeService& k) {
  auto body = req.JsonObject();
  HEARTH_TRY(body);
  http::BodyReader in(*body);
  StandardAnswer a;
  a.category_id = in.Int("category_id");
  a.kind = in.Enum("kind", kTicketKinds);
  auto title = in.String("title", {.required = true, .max_chars = 100});
  auto text = in.String("body", {.required = true, .max_chars = 5000, .multiline = true});
  HEARTH_TRY(in.Finish());
  a.title = *title;
  a.body = *text;
  return http::Render(k.CreateAnswer(req.context, a), http::kCreated, [](const StandardAnswer& x) { return ToJson(x); });
}

}  // namespace

void AddKnowledgeRoutes(platform::Manifest& m, KnowledgeService& knowledge) {
  m.Route({"POST", "/api/v1/tickets/{id}/file-case", Permission::kRecordWrite}, [&knowledge](Request& r) -> Result<http::Response> { return PostFileCase(r, knowledge); });
  m.Route({"GET", "/api/v1/cases", Permission::kRecordRead}, [&knowledge](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto category, http::QueryInt(r, "category_id"));
    HEARTH_ASSIGN(auto list, knowledge.Cases(r.context, category, r.Query("q")));
    return http::ListResponse(list, std::nullopt, [](const TicketCase& c) { return ToJson(c); });
  });
  m.Route({"GET", "/api/v1/standard-answers", Permission::kRecordRead}, [&knowledge](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto category, http::QueryInt(r, "category_id"));
    HEARTH_ASSIGN(auto kind, http::QueryEnum(r, "kind", kTicketKinds));
    HEARTH_ASSIGN(auto list, knowledge.Answers(r.context, category, kind));
    return http::ListResponse(list, std::nullopt, [](const StandardAnswer& a) { return ToJson(a); });
  });
  m.Route({"POST", "/api/v1/standard-answers", Permission::kServiceConfig}, [&knowledge](Request& r) -> Result<http::Response> { return PostAnswer(r, knowledge); });
  m.Route({"DELETE", "/api/v1/standard-answers/{id}", Permission::kServiceConfig}, [&knowledge](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::RenderNoContent(knowledge.DeleteAnswer(r.context, id));
  });
}

}  // namespace hearth::service
