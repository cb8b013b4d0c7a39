#include <boost/json/array.hpp>

#include "core/xlsx_reader.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "modules/customers/customers_module.hpp"
#include "modules/customers/demo_data.hpp"

// HTTP of Customer 360: parse → service → JSON. No SQL, no rules.
namespace hearth::customers {

namespace {

using http::Request;
using http::Response;

// Renders customers masked or not by the caller's role, auditing unmasked reads.
Response Shown(CustomerService& service, const Request& req, const Customer& c) {
  const bool unmasked = CustomerService::SeesPersonalData(req.context);
  if (unmasked) service.NoteUnmaskedRead(req.context, {&c});
  JsonWriter w;
  WriteJson(w, c, unmasked);
  return http::JsonText(http::kOk, std::move(w).Take());
}

Result<Response> PostCustomer(Request& req, CustomerService& service) {
  HEARTH_ASSIGN(auto body, req.JsonObject());
  HEARTH_ASSIGN(auto input, ParseCustomerInput(body, false));
  HEARTH_ASSIGN(auto created, service.Create(req.context, input));
  return http::Json(http::kCreated, ToJson(created, CustomerService::SeesPersonalData(req.context)));
}

Result<Response> PatchCustomer(Request& req, CustomerService& service) {
  HEARTH_ASSIGN(auto patch, http::ReadPatch(req));
  HEARTH_ASSIGN(auto input, ParseCustomerInput(patch.body, true));
  HEARTH_ASSIGN(auto updated, service.Update(req.context, patch.id, input, patch.version));
  return http::Json(http::kOk, ToJson(updated, CustomerService::SeesPersonalData(req.context)));
}

Result<Response> ListCustomers(Request& req, CustomerService& service) {
  HEARTH_ASSIGN(auto page, http::PageOf(req));
  const bool unmasked = CustomerService::SeesPersonalData(req.context);
  // A page of customers: {"items": […], "next_cursor": …, "total": …, "total_capped": …}.
  auto render = [&](const std::vector<Customer>& items, std::optional<std::int64_t> next,
                    std::optional<std::int64_t> total, bool total_capped) {
    if (unmasked) {
      std::vector<const Customer*> shown;
      for (const auto& c : items) shown.push_back(&c);
      service.NoteUnmaskedRead(req.context, shown);
    }
    JsonWriter w;
    w.BeginObject();
    w.Key("items");
    w.BeginArray();
    for (const auto& c : items) WriteJson(w, c, unmasked);
    w.EndArray();
    w.Key("next_cursor");
    next ? w.String(EncodeCursor(*next)) : w.Null();
    w.Key("total");
    total ? w.Int(*total) : w.Null();
    w.Key("total_capped");
    w.Bool(total_capped);
    w.EndObject();
    return http::JsonText(http::kOk, std::move(w).Take());
  };
  if (auto q = req.Query("q"); q && !q->empty()) {
    if (q->size() > 100) return tl::unexpected(Error{ErrorCode::kInvalidArgument, "validation_failed", "q is too long", {{"q", "too_long"}}, {}});
    // The cursor of a search is the place in the ranking where the next page starts.
    const int offset = static_cast<int>(std::min<std::int64_t>(page.after_id.value_or(0), CustomerService::kSearchRankCap));
    HEARTH_ASSIGN(auto found, service.Search(req.context, *q, page.limit == 50 && !req.Query("limit") ? 20 : page.limit,
                                             offset));
    return render(found.items, found.next_offset, found.total, found.total_capped);
  }
  HEARTH_ASSIGN(auto list, service.List(req.context, page));
  std::optional<std::int64_t> next;
  if (list.next_cursor && !list.items.empty()) next = list.items.back().id;
  return render(list.items, next, std::nullopt, false);
}

Result<Response> GetTimeline(Request& req, CustomerService& service) {
  auto id = req.PathId("id");
  HEARTH_TRY(id);
  // The timeline has a cursor of its own (time and id): only the limit is read the common way.
  HEARTH_ASSIGN(auto limit_only, ParsePage(req.Query("limit"), std::nullopt));
  auto kind = req.Query("kind");
  if (kind && kind->empty()) kind.reset();
  HEARTH_ASSIGN(auto events, service.TimelinePage(req.context, *id, kind, req.Query("cursor"), limit_only.limit));
  return http::ListResponse(events.first, events.second, [](const TimelineEvent& e) { return ToJson(e); });
}

Result<Response> PostMerge(Request& req, CustomerService& service) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  http::BodyReader in(body);
  auto from_id = in.Int("from_id", true);
  HEARTH_TRY(in.Finish());
  HEARTH_ASSIGN(auto merged, service.Merge(req.context, id, *from_id));
  return http::Json(http::kOk, ToJson(merged, CustomerService::SeesPersonalData(req.context)));
}

Result<Response> PostReveal(Request& req, CustomerService& service) {
  HEARTH_ASSIGN(auto id, req.PathId("id"));
  std::string reason;
  if (!req.body.empty()) {
    HEARTH_ASSIGN(auto body, req.JsonObject());
    http::BodyReader in(body);
    auto r = in.String("reason", {.max_chars = 200, .multiline = true});
    HEARTH_TRY(in.Finish());
    reason = r.value_or("");
  }
  HEARTH_ASSIGN(auto revealed, service.Reveal(req.context, id, reason));
  return http::Json(http::kOk, ToJson(revealed, true));
}

constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Result<Response> PostImport(Request& req, CustomersModule& module) {
  ImportOptions options;
  auto dry_run = req.Query("dry_run");
  options.dry_run = dry_run && (*dry_run == "true" || *dry_run == "1");
  auto on_duplicate = req.Query("on_duplicate");
  if (on_duplicate && *on_duplicate != "skip" && *on_duplicate != "merge") {
    return http::BadQuery("on_duplicate", "invalid_value", "on_duplicate is skip or merge");
  }
  options.merge_duplicates = on_duplicate && *on_duplicate == "merge";
  HEARTH_ASSIGN(auto org, http::QueryInt(req, "org_unit_id"));
  options.org_unit_id = org;
  // The file's first bytes decide between CSV and XLSX; the type only has to be one of them.
  const auto type = req.Header("content-type").value_or("text/csv");
  const bool xlsx_type = type.starts_with(kXlsxType);
  if (!type.starts_with("text/csv") && !type.starts_with("text/plain") && !type.starts_with("application/octet-stream") &&
      !xlsx_type) {
    return tl::unexpected(Error{ErrorCode::kInvalidArgument, "validation_failed", "send the file as CSV or XLSX",
                                     {{"file", "unsupported_format"}}, {}});
  }
  if (xlsx_type && !LooksLikeZip(req.Bytes())) return FailField("file", "not_xlsx");
  // RFC 7240: with "Prefer: respond-async" the answer is the job, at once; GET it for progress.
  if (req.Header("prefer").value_or("").find("respond-async") != std::string_view::npos) {
    HEARTH_ASSIGN(auto job, module.imports.Start(req.context, req.TakeBytes(), options));
    auto res = http::Json(http::kAccepted, ToJson(job));
    res.headers.emplace_back("Location", "/api/v1/imports/" + std::to_string(job.id));
    res.headers.emplace_back("Preference-Applied", "respond-async");
    return res;
  }
  HEARTH_ASSIGN(auto report, module.service.Import(req.context, req.Bytes(), options));
  return http::Json(options.dry_run ? http::kOk : http::kCreated, ToJson(report));
}

Result<Response> GetExport(Request& req, CustomerService& service) {
  const std::string format = req.Query("format").value_or("csv");
  if (format != "csv" && format != "xlsx") {
    return http::BadQuery("format", "invalid_value", "format is csv or xlsx");
  }
  HEARTH_ASSIGN(auto file, service.Export(req.context, req.Query("q"), format, 100000));
  http::Response res{http::kOk,
                     format == "csv" ? "text/csv; charset=utf-8"
                                     : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     std::move(file), {}};
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"customers." + format + "\"");
  return res;
}

}  // namespace

platform::Manifest BuildManifest(CustomersModule& module) {
  platform::Manifest m{.name = "customers", .folder = "modules/customers", .tables = {{"customers"}, {"customer_phones"}, {"customer_shares"}, {"timeline_events"}, {"import_jobs"}, {"import_error_reports"}, {"customer_fts", "", true}, {"customer_search_state", ""}}};
  m.constraints.push_back({"uq_customer_phones_phone", {"phone", "taken", ErrorCode::kConflict, "duplicate_customer"}});
  m.constraints.push_back({"uq_customers_id_number", {"id_number", "taken", ErrorCode::kConflict, "duplicate_customer"}});
  m.constraints.push_back({"ck_customers_gender", {"gender", "invalid_value", ErrorCode::kInvalidArgument, "validation_failed"}});
  CustomerService& s = module.service;
  m.Route({"GET", "/api/v1/customers", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> { return ListCustomers(r, s); });
  m.Route({"POST", "/api/v1/customers", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> { return PostCustomer(r, s); });
  m.Route({"GET", "/api/v1/customers/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto c, s.Get(r.context, id));
    return Shown(s, r, c);
  });
  m.Route({"PATCH", "/api/v1/customers/{id}", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> { return PatchCustomer(r, s); });
  m.Route({"DELETE", "/api/v1/customers/{id}", Permission::kPersonalDataView}, [&s](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    HEARTH_ASSIGN(auto c, s.Anonymize(r.context, id));
    return http::Json(http::kOk, ToJson(c, true));
  });
  m.Route({"GET", "/api/v1/customers/{id}/timeline", Permission::kRecordRead}, [&s](Request& r) -> Result<http::Response> { return GetTimeline(r, s); });
  m.Route({"POST", "/api/v1/customers/{id}/merge", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> { return PostMerge(r, s); });
  m.Route({"POST", "/api/v1/customers/{id}/reveal", Permission::kRecordWrite}, [&s](Request& r) -> Result<http::Response> { return PostReveal(r, s); });
  m.Route({"POST", "/api/v1/imports/customers", Permission::kRecordWrite, http::BodyLimit::kUpload, true}, [&module](Request& r) -> Result<http::Response> { return PostImport(r, module); });
  m.Route({"GET", "/api/v1/imports", Permission::kRecordRead}, [&module](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto page, http::PageOf(r));
    HEARTH_ASSIGN(auto list, module.imports.List(r.context, page));
    return http::ListResponse(list.items, list.next_cursor, [](const ImportJob& j) { return ToJson(j); });
  });
  m.Route({"GET", "/api/v1/imports/{id}", Permission::kRecordRead}, [&module](Request& r) -> Result<http::Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(module.imports.Get(r.context, id), http::kOk, [](const ImportJob& j) { return ToJson(j); });
  });
  m.Route({"GET", "/api/v1/imports/customers/error-reports/{id}", Permission::kRecordWrite, http::BodyLimit::kJson, true},
          [&s](Request& r) -> Result<http::Response> {
            HEARTH_ASSIGN(auto id, r.PathId("id"));
            const std::string format = r.Query("format").value_or("csv");
            if (format != "csv" && format != "xlsx") return http::BadQuery("format", "invalid_value", "format is csv or xlsx");
            HEARTH_ASSIGN(auto file, s.ErrorReport(r.context, id, format));
            http::Response res{http::kOk, format == "csv" ? "text/csv; charset=utf-8" : std::string(kXlsxType), std::move(file), {}};
            res.headers.emplace_back("Content-Disposition",
                                     "attachment; filename=\"import-errors-" + std::to_string(id) + "." + format + "\"");
            return res;
          });
  m.Route({"GET", "/api/v1/exports/customers", Permission::kRecordRead, http::BodyLimit::kJson, true}, [&s](Request& r) -> Result<http::Response> { return GetExport(r, s); });
  m.seed = [&s]() -> Result<void> {
    HEARTH_TRY(s.RefreshSearchTerms());
    return {};
  };
  m.demo = [&module](platform::Demo& demo) { return AddDemoCustomers(module.db, module.clock, demo); };
  return m;
}

}  // namespace hearth::customers
