// HTTP of price lists: parse → use case → JSON. No SQL, no rules.
#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/sales/sales_routes.hpp"

namespace hearth::sales {

namespace {

using http::Request;
using http::Response;

Result<Response> PostAdjustment(Request& req, PriceService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  AdjustmentInput a;
  auto project = in.Int("project_id", true);
  auto name = in.String("name", {.required = true, .min_chars = 1, .max_chars = 60});
  auto reason = in.String("reason", {.max_chars = 500, .multiline = true});
  auto method = in.Enum("method", kAdjustMethods, true);
  auto value = in.Int("value", true);
  a.building = in.String("building", {.min_chars = 1, .max_chars = 20});
  HEARTH_TRY(in.Finish());
  a.project_id = *project;
  a.name = *name;
  a.reason = reason.value_or("");
  a.method = *method;
  a.value = *value;
  return http::Render(s.Draft(req.context, a), http::kCreated, [](const Adjustment& x) { return ToJson(x, true); });
}

Result<Response> PostScheme(Request& req, PriceService& s) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  DiscountScheme d;
  auto project = in.Int("project_id", true);
  auto name = in.String("name", {.required = true, .min_chars = 1, .max_chars = 60});
  auto percent = in.Int("percent_off_bp");
  auto amount = in.Int("amount_off_cents");
  d.valid_from = in.String("valid_from", {.max_chars = 10});
  d.valid_to = in.String("valid_to", {.max_chars = 10});
  d.max_uses = in.Int("max_uses");
  auto stackable = in.Bool("stackable");
  auto active = in.Bool("active");
  HEARTH_TRY(in.Finish());
  d.project_id = *project;
  d.name = *name;
  d.percent_off_bp = percent.value_or(0);
  d.amount_off_cents = amount.value_or(0);
  d.stackable = stackable.value_or(true);
  d.active = active.value_or(true);
  return http::Render(s.CreateScheme(req.context, d), http::kCreated, [](const DiscountScheme& x) { return ToJson(x); });
}

Result<Response> PatchScheme(Request& req, PriceService& s) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto version, http::IfMatchVersion(req));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  SchemePatch p;
  p.name = in.String("name", {.min_chars = 1, .max_chars = 60});
  p.active = in.Bool("active");
  p.stackable = in.Bool("stackable");
  if (in.IsNull("valid_to")) {
    p.valid_to = std::optional<std::string>();
  } else if (auto to = in.String("valid_to", {.max_chars = 10})) {
    p.valid_to = to;
  }
  if (in.IsNull("max_uses")) {
    p.max_uses = std::optional<std::int64_t>();
  } else if (auto uses = in.Int("max_uses")) {
    p.max_uses = uses;
  }
  HEARTH_TRY(in.Finish({"id", "project_id", "version", "uses", "percent_off_bp", "amount_off_cents", "valid_from",
                        "created_at", "updated_at"}));
  return http::Render(s.UpdateScheme(req.context, id, p, version), http::kOk, [](const DiscountScheme& x) { return ToJson(x); });
}

Result<std::int64_t> RequiredProject(Request& r) {
  HEARTH_ASSIGN(auto project, http::QueryInt(r, "project_id"));
  if (!project) return http::BadQuery("project_id", "required", "name the project: ?project_id=");
  return *project;
}

}  // namespace

void AddPriceRoutes(platform::Manifest& m, PriceService& s) {
  m.Route({"POST", "/api/v1/price-adjustments", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostAdjustment(r, s); });
  m.Route({"GET", "/api/v1/price-adjustments", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto project, RequiredProject(r));
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, s.ListAdjustments(r.context, project, page));
    return http::ListResponse(list.items, list.next_cursor, [](const Adjustment& x) { return ToJson(x, false); });
  });
  m.Route({"GET", "/api/v1/price-adjustments/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.GetAdjustment(r.context, id), http::kOk, [](const Adjustment& x) { return ToJson(x, true); });
  });
  m.Route({"POST", "/api/v1/price-adjustments/{id}/apply", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Apply(r.context, id), http::kOk, [](const Adjustment& x) { return ToJson(x, true); });
  });
  m.Route({"POST", "/api/v1/price-adjustments/{id}/cancel", Permission::kRecordWrite}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.CancelAdjustment(r.context, id), http::kOk, [](const Adjustment& x) { return ToJson(x, false); });
  });
  m.Route({"GET", "/api/v1/units/{id}/price-history", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto list, s.History(r.context, id));
    return http::ListResponse(list, std::nullopt, [](const PriceChange& c) {
      return boost::json::object{{"adjustment_id", c.adjustment_id}, {"name", c.name},     {"before_cents", c.before_cents},
                                 {"after_cents", c.after_cents},     {"at", FormatRfc3339(c.at)}, {"by_name", c.by_name}};
    });
  });

  m.Route({"POST", "/api/v1/discount-schemes", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PostScheme(r, s); });
  m.Route({"GET", "/api/v1/discount-schemes", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto project, RequiredProject(r));
    HEARTH_ASSIGN(auto list, s.Schemes(r.context, project));
    return http::ListResponse(list, std::nullopt, [](const DiscountScheme& x) { return ToJson(x); });
  });
  m.Route({"PATCH", "/api/v1/discount-schemes/{id}", Permission::kRecordWrite},
          [&s](Request& r) -> Result<Response> { return PatchScheme(r, s); });
}

}  // namespace hearth::sales
