// HTTP of 不利因素公示: parse → use case → JSON.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/delivery/delivery_routes.hpp"

namespace hearth::delivery {

namespace {

using http::Request;
using http::Response;

Result<Response> PostFactor(Request& req, DisclosureService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto project = in.Int("project_id", true);
  auto title = in.String("title", {.required = true, .min_chars = 1, .max_chars = 200});
  auto detail = in.String("detail", {.max_chars = 4000, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(s.Publish(req.context, *project, *title, detail.value_or("")), http::kCreated,
                      [](const AdverseFactor& x) { return ToJson(x); });
}

Result<Response> PostWithdraw(Request& req, DisclosureService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto reason = in.String("reason", {.required = true, .min_chars = 1, .max_chars = 500, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(s.Withdraw(req.context, id, *reason), http::kOk, [](const AdverseFactor& x) { return ToJson(x); });
}

Result<Response> PostAck(Request& req, DisclosureService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto project = in.Int("project_id", true);
  auto customer = in.Int("customer_id", true);
  auto method = in.Enum("method", {"paper", "onsite", "online"});
  auto note = in.String("note", {.max_chars = 1000, .multiline = true});
  HEARTH_TRY(in.Finish());
  return http::Render(s.Acknowledge(req.context, *project, *customer, method.value_or("paper"), note.value_or("")), http::kCreated,
                      [](const DisclosureAck& x) { return ToJson(x); });
}

Result<std::int64_t> RequiredProject(const Request& req) {
  HEARTH_ASSIGN(auto project, http::QueryInt(req, "project_id"));
  if (!project) return http::BadQuery("project_id", "required", "project_id is required");
  return *project;
}

}  // namespace

void AddDisclosureRoutes(platform::Manifest& m, DisclosureService& s) {
  m.Route({"POST", "/api/v1/adverse-factors", Permission::kDeliveryWork}, [&s](Request& r) -> Result<Response> { return PostFactor(r, s); });
  m.Route({"GET", "/api/v1/adverse-factors", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto project, RequiredProject(r));
    const bool withdrawn = r.Query("include_withdrawn").value_or("") == "true";
    HEARTH_ASSIGN(auto list, s.Factors(r.context, project, withdrawn));
    return http::ListResponse(list, std::nullopt, [](const AdverseFactor& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/adverse-factors/{id}/withdraw", Permission::kDeliveryWork},
          [&s](Request& r) -> Result<Response> { return PostWithdraw(r, s); });
  m.Route({"POST", "/api/v1/disclosure-acks", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> { return PostAck(r, s); });
  m.Route({"GET", "/api/v1/disclosure-acks", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto project, RequiredProject(r));
    HEARTH_ASSIGN(auto customer, http::QueryInt(r, "customer_id"));
    HEARTH_ASSIGN(auto list, s.Acks(r.context, project, customer));
    return http::ListResponse(list, std::nullopt, [](const DisclosureAck& x) { return ToJson(x); });
  });
}

}  // namespace hearth::delivery
