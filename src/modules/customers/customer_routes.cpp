#include <boost/json/array.hpp>

#include "core/xlsx_reader.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/customers/customers_module.hpp"

// HTTP of Customer 360: parse → service → JSON. No SQL, no rules.
namespace hearth::customers {

namespace {

using http::Request;
using http::Response;

// Renders customers masked or not by the caller's role, auditing unmasked reads.
boost::json::object Shown(CustomerService& service, const Request& req, const Customer& c) {
  const bool unmasked = CustomerService::SeesPersonalData(req.context);
  if (unmasked) service.NoteUnmaskedRead(req.context, {&c});
  return ToJson(c, unmasked);
}

Response PostCustomer(Request& req, CustomerService& service) {
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  auto input = ParseCustomerInput(*body, false);
  if (!input) return http::ErrorResponse(input.error());
  auto created = service.Create(req.context, *input);
  if (!created) return http::ErrorResponse(created.error());
  return http::Json(http::kCreated, ToJson(*created, CustomerService::SeesPersonalData(req.context)));
}

Response PatchCustomer(Request& req, CustomerService& service) {
  auto patch = http::ReadPatch(req);
  if (!patch) return http::ErrorResponse(patch.error());
  auto input = ParseCustomerInput(patch->body, true);
  if (!input) return http::ErrorResponse(input.error());
  auto updated = service.Update(req.context, patch->id, *input, patch->version);
  if (!updated) return http::ErrorResponse(updated.error());
  return http::Json(http::kOk, ToJson(*updated, CustomerService::SeesPersonalData(req.context)));
}

Response ListCustomers(Request& req, CustomerService& service) {
  auto page = http::PageOf(req);
  if (!page) return http::ErrorResponse(page.error());
  const bool unmasked = CustomerService::SeesPersonalData(req.context);
  auto render = [&](const std::vector<Customer>& items, const std::optional<std::string>& next) {
    if (unmasked) {
      std::vector<const Customer*> shown;
      for (const auto& c : items) shown.push_back(&c);
      service.NoteUnmaskedRead(req.context, shown);
    }
    return http::ListResponse(items, next, [&](const Customer& c) { return ToJson(c, unmasked); });
  };
  if (auto q = req.Query("q"); q && !q->empty()) {
    if (q->size() > 100) return http::ErrorResponse(Error{ErrorCode::kInvalidArgument, "validation_failed", "q is too long", {{"q", "too_long"}}, {}});
    auto found = service.Search(req.context, *q, page->limit == 50 && !req.Query("limit") ? 20 : page->limit);
    if (!found) return http::ErrorResponse(found.error());
    return render(found->items, std::nullopt);
  }
  auto list = service.List(req.context, *page);
  if (!list) return http::ErrorResponse(list.error());
  return render(list->items, list->next_cursor);
}

Response GetTimeline(Request& req, CustomerService& service) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  // The timeline has a cursor of its own (time and id): only the limit is read the common way.
  auto limit_only = ParsePage(req.Query("limit"), std::nullopt);
  if (!limit_only) return http::ErrorResponse(limit_only.error());
  auto kind = req.Query("kind");
  if (kind && kind->empty()) kind.reset();
  auto events = service.TimelinePage(req.context, *id, kind, req.Query("cursor"), limit_only->limit);
  if (!events) return http::ErrorResponse(events.error());
  return http::ListResponse(events->first, events->second, [](const TimelineEvent& e) { return ToJson(e); });
}

Response PostMerge(Request& req, CustomerService& service) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  auto body = req.JsonObject();
  if (!body) return http::ErrorResponse(body.error());
  http::BodyReader in(*body);
  auto from_id = in.Int("from_id", true);
  if (auto done = in.Finish({"from_id"}); !done) return http::ErrorResponse(done.error());
  auto merged = service.Merge(req.context, *id, *from_id);
  if (!merged) return http::ErrorResponse(merged.error());
  return http::Json(http::kOk, ToJson(*merged, CustomerService::SeesPersonalData(req.context)));
}

Response PostReveal(Request& req, CustomerService& service) {
  auto id = req.PathId("id");
  if (!id) return http::ErrorResponse(id.error());
  std::string reason;
  if (!req.body.empty()) {
    auto body = req.JsonObject();
    if (!body) return http::ErrorResponse(body.error());
    http::BodyReader in(*body);
    auto r = in.String("reason", {.max_chars = 200});
    if (auto done = in.Finish({"reason"}); !done) return http::ErrorResponse(done.error());
    reason = r.value_or("");
  }
  auto revealed = service.Reveal(req.context, *id, reason);
  if (!revealed) return http::ErrorResponse(revealed.error());
  return http::Json(http::kOk, ToJson(*revealed, true));
}

constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Response PostImport(Request& req, CustomersModule& module) {
  ImportOptions options;
  auto dry_run = req.Query("dry_run");
  options.dry_run = dry_run && (*dry_run == "true" || *dry_run == "1");
  auto on_duplicate = req.Query("on_duplicate");
  if (on_duplicate && *on_duplicate != "skip" && *on_duplicate != "merge") {
    return http::ErrorResponse(Error{ErrorCode::kBadRequest, "bad_request", "on_duplicate is skip or merge",
                                     {{"on_duplicate", "invalid_value"}}, {}});
  }
  options.merge_duplicates = on_duplicate && *on_duplicate == "merge";
  auto org = http::QueryInt(req, "org_unit_id");
  if (!org) return http::ErrorResponse(org.error());
  options.org_unit_id = *org;
  // The file's first bytes decide between CSV and XLSX; the type only has to be one of them.
  const auto type = req.Header("content-type").value_or("text/csv");
  const bool xlsx_type = type.starts_with(kXlsxType);
  if (!type.starts_with("text/csv") && !type.starts_with("text/plain") && !type.starts_with("application/octet-stream") &&
      !xlsx_type) {
    return http::ErrorResponse(Error{ErrorCode::kInvalidArgument, "validation_failed", "send the file as CSV or XLSX",
                                     {{"file", "unsupported_format"}}, {}});
  }
  if (xlsx_type && !LooksLikeZip(req.body)) return http::ErrorResponse(FailField("file", "not_xlsx").value());
  // RFC 7240: with "Prefer: respond-async" the answer is the job, at once; GET it for progress.
  if (req.Header("prefer").value_or("").find("respond-async") != std::string_view::npos) {
    auto job = module.imports.Start(req.context, std::move(req.body), options);
    if (!job) return http::ErrorResponse(job.error());
    auto res = http::Json(http::kAccepted, ToJson(*job));
    res.headers.emplace_back("Location", "/api/v1/imports/" + std::to_string(job->id));
    res.headers.emplace_back("Preference-Applied", "respond-async");
    return res;
  }
  auto report = module.service.Import(req.context, req.body, options);
  if (!report) return http::ErrorResponse(report.error());
  return http::Json(options.dry_run ? http::kOk : http::kCreated, ToJson(*report));
}

Response GetExport(Request& req, CustomerService& service) {
  const std::string format = req.Query("format").value_or("csv");
  if (format != "csv" && format != "xlsx") {
    return http::ErrorResponse(Error{ErrorCode::kBadRequest, "bad_request", "format is csv or xlsx",
                                     {{"format", "invalid_value"}}, {}});
  }
  auto file = service.Export(req.context, req.Query("q"), format, 100000);
  if (!file) return http::ErrorResponse(file.error());
  http::Response res{http::kOk,
                     format == "csv" ? "text/csv; charset=utf-8"
                                     : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     std::move(*file), {}};
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"customers." + format + "\"");
  return res;
}

}  // namespace

void Register(http::Router& router, CustomersModule& module) {
  db::RegisterConstraint("uq_customer_phones_phone", {"phone", "taken", ErrorCode::kConflict, "duplicate_customer"});
  db::RegisterConstraint("uq_customers_id_number", {"id_number", "taken", ErrorCode::kConflict, "duplicate_customer"});
  db::RegisterConstraint("ck_customers_gender", {"gender", "invalid_value", ErrorCode::kInvalidArgument, "validation_failed"});
  CustomerService& s = module.service;
  router.Add({"GET", "/api/v1/customers"}, [&s](Request& r) { return ListCustomers(r, s); });
  router.Add({"POST", "/api/v1/customers"}, [&s](Request& r) { return PostCustomer(r, s); });
  router.Add({"GET", "/api/v1/customers/{id}"}, [&s](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    auto c = s.Get(r.context, *id);
    if (!c) return http::ErrorResponse(c.error());
    return http::Json(http::kOk, Shown(s, r, *c));
  });
  router.Add({"PATCH", "/api/v1/customers/{id}"}, [&s](Request& r) { return PatchCustomer(r, s); });
  router.Add({"DELETE", "/api/v1/customers/{id}"}, [&s](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    auto c = s.Anonymize(r.context, *id);
    if (!c) return http::ErrorResponse(c.error());
    return http::Json(http::kOk, ToJson(*c, true));
  });
  router.Add({"GET", "/api/v1/customers/{id}/timeline"}, [&s](Request& r) { return GetTimeline(r, s); });
  router.Add({"POST", "/api/v1/customers/{id}/merge"}, [&s](Request& r) { return PostMerge(r, s); });
  router.Add({"POST", "/api/v1/customers/{id}/reveal"}, [&s](Request& r) { return PostReveal(r, s); });
  router.Add({"POST", "/api/v1/imports/customers", true, true}, [&module](Request& r) { return PostImport(r, module); });
  router.Add({"GET", "/api/v1/imports"}, [&module](Request& r) {
    auto page = http::PageOf(r);
    if (!page) return http::ErrorResponse(page.error());
    auto list = module.imports.List(r.context, *page);
    if (!list) return http::ErrorResponse(list.error());
    return http::ListResponse(list->items, list->next_cursor, [](const ImportJob& j) { return ToJson(j); });
  });
  router.Add({"GET", "/api/v1/imports/{id}"}, [&module](Request& r) {
    auto id = r.PathId("id");
    if (!id) return http::ErrorResponse(id.error());
    return http::Render(module.imports.Get(r.context, *id), http::kOk, [](const ImportJob& j) { return ToJson(j); });
  });
  router.Add({"GET", "/api/v1/exports/customers", true, true}, [&s](Request& r) { return GetExport(r, s); });
  // Who may call what (checked before the handler; the services check again, with the org scope). Erasing a customer's personal data needs personal_data.view besides record.write, which every role holding it has.
  const std::vector<http::AccessRule> access{
      {"GET", "/api/v1/customers", Permission::kRecordRead},
      {"POST", "/api/v1/customers", Permission::kRecordWrite},
      {"GET", "/api/v1/customers/{id}", Permission::kRecordRead},
      {"PATCH", "/api/v1/customers/{id}", Permission::kRecordWrite},
      {"DELETE", "/api/v1/customers/{id}", Permission::kPersonalDataView},
      {"GET", "/api/v1/customers/{id}/timeline", Permission::kRecordRead},
      {"POST", "/api/v1/customers/{id}/merge", Permission::kRecordWrite},
      {"POST", "/api/v1/customers/{id}/reveal", Permission::kRecordWrite},
      {"POST", "/api/v1/imports/customers", Permission::kRecordWrite},
      {"GET", "/api/v1/imports", Permission::kRecordRead},
      {"GET", "/api/v1/imports/{id}", Permission::kRecordRead},
      {"GET", "/api/v1/exports/customers", Permission::kRecordRead},
  };
  router.Declare(access);
}

}  // namespace hearth::customers
