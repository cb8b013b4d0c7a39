// The segments module's manifest and HTTP: parse → use case → JSON.
#include <boost/json.hpp>
#include <cmath>

#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "http/conventions.hpp"
#include "http/router.hpp"
#include "modules/segments/segments_module.hpp"

namespace hearth::segments {
namespace {

using http::Request;
using http::Response;

std::string KindWord(FactKind k) {
  switch (k) {
    case FactKind::kNumber: return "number";
    case FactKind::kText: return "text";
    case FactKind::kList: return "list";
    case FactKind::kBool: return "bool";
  }
  return "text";
}

boost::json::array SegmentsJson(const std::vector<SegmentDef>& segments) {
  boost::json::array out;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& s = segments[i];
    boost::json::object o{{"index", i}, {"code", s.code}, {"name", s.name}, {"rule", s.rule}, {"description", s.description}};
    o["published_share"] = s.published_share ? boost::json::value(*s.published_share) : nullptr;
    o["subs"] = SegmentsJson(s.subs);
    out.push_back(std::move(o));
  }
  return out;
}

boost::json::value FactJson(const FactValue& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* s = std::get_if<std::string>(&v)) return boost::json::value(*s);
  if (const auto* b = std::get_if<bool>(&v)) return *b;
  if (const auto* l = std::get_if<std::vector<std::string>>(&v)) {
    boost::json::array a;
    for (const auto& x : *l) a.push_back(boost::json::value(x));
    return a;
  }
  return nullptr;
}

boost::json::object ToJson(const SegmentModel& m) {
  return {{"id", m.id},
          {"org_unit_id", m.org_unit_id},
          {"org_unit_name", m.org_unit_name},
          {"preset", m.preset ? boost::json::value(*m.preset) : nullptr},
          {"name", m.name},
          {"description", m.description},
          {"segments", SegmentsJson(m.def.segments)},
          {"version", m.version},
          {"computed_version", m.computed_version},
          {"stale", m.computed_version != m.version},
          {"computed_at", JsonTime(m.computed_at)},
          {"computed_ms", m.computed_ms ? boost::json::value(*m.computed_ms) : nullptr},
          {"customers", m.customers},
          {"profiles", boost::json::parse(m.profiles_json)},
          {"editable", m.editable},
          {"created_at", FormatRfc3339(m.created_at)},
          {"updated_at", FormatRfc3339(m.updated_at)}};
}

boost::json::array CellsJson(const std::vector<ShareCell>& cells, std::int64_t total) {
  boost::json::array out;
  for (const auto& c : cells) {
    out.push_back(boost::json::object{{"segment", c.segment},
                                      {"sub", c.sub},
                                      {"customers", c.customers},
                                      {"share", total > 0 ? static_cast<double>(c.customers) / static_cast<double>(total) : 0.0}});
  }
  return out;
}

boost::json::object PartsJson(const ValueParts& p) {
  return {{"base_cents", p.base},         {"repurchase_cents", p.repurchase}, {"referral_cents", p.referral},
          {"saving_cents", p.saving},     {"premium_cents", p.premium},       {"acquisition_cents", p.acquisition},
          {"total_cents", p.Total()}};
}

/// A segment's value: its households with a home, their value summed and per household.
boost::json::array ValueCellsJson(const std::vector<ShareCell>& cells) {
  boost::json::array out;
  for (const auto& c : cells) {
    ValueParts average;
    if (c.owners > 0) {
      const auto per = [&](std::int64_t x) { return static_cast<std::int64_t>(std::llround(static_cast<double>(x) / static_cast<double>(c.owners))); };
      average = {per(c.value.base), per(c.value.repurchase), per(c.value.referral), per(c.value.saving), per(c.value.premium), per(c.value.acquisition)};
    }
    out.push_back(boost::json::object{{"segment", c.segment}, {"sub", c.sub}, {"customers", c.customers}, {"households", c.owners},
                                      {"total", PartsJson(c.value)}, {"per_household", PartsJson(average)}});
  }
  return out;
}

boost::json::object AssumptionsJson(const AssumptionsView& v) {
  return {{"org_unit_id", v.org_unit_id},
          {"org_unit_name", v.org_unit_name},
          {"source_unit_id", v.source_unit_id ? boost::json::value(*v.source_unit_id) : nullptr},
          {"source_unit_name", v.source_unit_id ? boost::json::value(v.source_unit_name) : nullptr},
          {"version", v.version},
          {"editable", v.editable},
          {"assumptions", v.assumptions.ToJson()},
          {"defaults", ValueAssumptions{}.ToJson()}};
}

boost::json::object HouseholdValueJson(const CustomerValue& cv) {
  const HouseholdValue& v = cv.value;
  boost::json::array years, lines;
  for (const auto& y : v.years) {
    years.push_back(boost::json::object{{"year", y.year},          {"expected", y.expected},   {"base_cents", y.base},
                                        {"repurchase_cents", y.repurchase}, {"referral_cents", y.referral}, {"saving_cents", y.saving},
                                        {"premium_cents", y.premium},      {"acquisition_cents", y.acquisition},
                                        {"discounted_cents", y.discounted}});
  }
  for (const auto& l : v.lines) lines.push_back(boost::json::value(l));
  return {{"customer_id", cv.customer_id},
          {"owner", v.owner},
          {"first_year", v.owner ? boost::json::value(v.first_year) : nullptr},
          {"value_cents", v.parts.Total()},
          {"parts", PartsJson(v.parts)},
          {"average_price_cents", v.average_price_cents},
          {"repurchase_rate", v.repurchase_rate},
          {"referral_rate", v.referral_rate},
          {"years", std::move(years)},
          {"lines", std::move(lines)},
          {"assumptions", AssumptionsJson(cv.assumptions)}};
}

/// A model's fields from a POST or PATCH body (the rules are checked by the use case).
Result<ModelInput> ReadModel(const boost::json::object& body, bool create) {
  http::BodyReader in(body);
  ModelInput m;
  m.name = in.String("name", {.min_chars = 1, .max_chars = 60});
  m.description = in.String("description", {.max_chars = 2000, .multiline = true});
  if (create) m.preset = in.String("preset", {.max_chars = 40});
  else if (in.Has("preset")) in.Invalid("preset", "read_only");
  const auto* segments = in.Raw("segments");
  HEARTH_TRY(in.Finish());
  if (segments) {
    std::vector<FieldError> errors;
    m.segments = ReadSegmentsInput(*segments, errors);
    if (!errors.empty()) return Fail(ErrorCode::kInvalidArgument, "validation_failed", "a segment is not valid", std::move(errors));
  }
  return m;
}

}  // namespace

platform::Manifest BuildManifest(SegmentsModule& module) {
  platform::Manifest m{.name = "segments", .folder = "modules/segments", .tables = {
      {"segment_models"}, {"segment_members"}, {"segment_counts"}, {"segment_schedule"}, {"value_assumptions"}}};
  SegmentService& s = module.models;
  ValueService& value = module.value;
  m.seed = [&s] { return s.Seed(); };
  m.demo = [&module](platform::Demo& demo) { return AddDemoSegments(module, demo); };
  m.jobs.push_back({SegmentService::kNightlyJob, [&s](db::Tx& tx, const platform::Job& job) { return s.OnNightlyJob(tx, job); }});

  m.Route({"GET", "/api/v1/segment-facts", Permission::kRecordRead}, [](Request&) -> Result<Response> {
    boost::json::array items;
    for (const auto& f : Facts().defs()) {
      boost::json::array words;
      for (const auto& w : f.words) words.push_back(boost::json::value(w));
      items.push_back(boost::json::object{{"code", f.code}, {"label", f.label}, {"kind", KindWord(f.kind)}, {"words", std::move(words)}, {"unit", f.unit}});
    }
    return http::Json(http::kOk, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
  });
  m.Route({"GET", "/api/v1/segment-presets", Permission::kRecordRead}, [](Request&) -> Result<Response> {
    boost::json::array items;
    for (const auto& p : Presets()) {
      items.push_back(boost::json::object{{"code", p.code}, {"name", p.name}, {"description", p.description}, {"segments", SegmentsJson(p.segments)}});
    }
    return http::Json(http::kOk, boost::json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
  });
  m.Route({"GET", "/api/v1/segment-models", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    return http::RenderList(s.List(r.context), [](const SegmentModel& x) { return ToJson(x); });
  });
  m.Route({"POST", "/api/v1/segment-models", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto body, r.JsonObject());
    HEARTH_ASSIGN(auto input, ReadModel(body, true));
    return http::Render(s.Create(r.context, input), http::kCreated, [](const SegmentModel& x) { return ToJson(x); });
  });
  // On the worker pool: a preview reads a sample of 20,000 customers.
  m.Route({"POST", "/api/v1/segment-models/preview", Permission::kRecordRead, http::BodyLimit::kJson, /*slow=*/true},
          [&s](Request& r) -> Result<Response> {
            HEARTH_ASSIGN(auto body, r.JsonObject());
            HEARTH_ASSIGN(auto input, ReadModel(body, true));
            return http::Render(s.PreviewOf(r.context, input), http::kOk, [](const Preview& p) {
              return boost::json::object{{"sampled", p.sampled}, {"whole", p.whole}, {"cells", CellsJson(p.cells, p.sampled)}};
            });
          });
  m.Route({"GET", "/api/v1/segment-models/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(s.Get(r.context, id), http::kOk, [](const SegmentModel& x) { return ToJson(x); });
  });
  m.Route({"PATCH", "/api/v1/segment-models/{id}", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto patch, http::ReadPatch(r));
    HEARTH_ASSIGN(auto input, ReadModel(patch.body, false));
    return http::Render(s.Update(r.context, patch.id, input, patch.version), http::kOk, [](const SegmentModel& x) { return ToJson(x); });
  });
  // On the worker pool: a computation reads every customer of the model's unit.
  m.Route({"POST", "/api/v1/segment-models/{id}/recompute", Permission::kRecordRead, http::BodyLimit::kJson, /*slow=*/true},
          [&s](Request& r) -> Result<Response> {
            HEARTH_ASSIGN(auto id, r.PathId("id"));
            return http::Render(s.Recompute(r.context, id), http::kOk, [](const SegmentModel& x) { return ToJson(x); });
          });
  // The counts kept by the last computation, within the caller's scope: as shares, or as value.
  const auto counts_route = [&s](auto cells_json) {
    return [&s, cells_json](Request& r) -> Result<Response> {
      HEARTH_ASSIGN(auto id, r.PathId("id"));
      const std::string by = r.Query("by").value_or("all");
      if (by != "all" && by != "city" && by != "project") return http::BadQuery("by", "invalid_value", "by is all, city or project");
      return http::Render(s.SharesOf(r.context, id, by), http::kOk, [&cells_json](const Shares& x) {
        boost::json::array rows;
        for (const auto& row : x.rows) {
          rows.push_back(boost::json::object{{"key", row.key}, {"name", row.name}, {"customers", row.customers}, {"cells", cells_json(row)}});
        }
        return boost::json::object{{"by", x.by}, {"rows", std::move(rows)}};
      });
    };
  };
  m.Route({"GET", "/api/v1/segment-models/{id}/shares", Permission::kRecordRead},
          counts_route([](const ShareRow& row) { return CellsJson(row.cells, row.customers); }));
  m.Route({"GET", "/api/v1/segment-models/{id}/value", Permission::kRecordRead},
          counts_route([](const ShareRow& row) { return ValueCellsJson(row.cells); }));
  m.Route({"GET", "/api/v1/value-assumptions", Permission::kRecordRead}, [&value](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto unit, http::QueryInt(r, "org_unit_id"));
    return http::Render(value.Assumptions(r.context, unit), http::kOk, AssumptionsJson);
  });
  m.Route({"PUT", "/api/v1/value-assumptions/{org_unit_id}", Permission::kRecordRead}, [&value](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto unit, r.PathId("org_unit_id"));
    HEARTH_ASSIGN(auto version, http::IfMatchVersion(r));
    HEARTH_ASSIGN(auto body, r.JsonObject());
    return http::Render(value.SetAssumptions(r.context, unit, body, version), http::kOk, AssumptionsJson);
  });
  m.Route({"DELETE", "/api/v1/value-assumptions/{org_unit_id}", Permission::kRecordRead}, [&value](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto unit, r.PathId("org_unit_id"));
    return http::Render(value.ClearAssumptions(r.context, unit), http::kOk, AssumptionsJson);
  });
  m.Route({"GET", "/api/v1/customers/{id}/value", Permission::kRecordRead}, [&value](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::Render(value.OfCustomer(r.context, id), http::kOk, HouseholdValueJson);
  });
  m.Route({"GET", "/api/v1/customers/{id}/segments", Permission::kRecordRead}, [&s](Request& r) -> Result<Response> {
    HEARTH_ASSIGN(auto id, r.PathId("id"));
    return http::RenderList(s.OfCustomer(r.context, id), [](const CustomerPlacement& p) {
      boost::json::object facts;
      for (const auto& [code, value] : p.facts) facts[code] = FactJson(value);
      boost::json::object o{{"model_id", p.model_id}, {"model_name", p.model_name}, {"facts", std::move(facts)}};
      o["segment"] = p.placement.segment < 0 ? boost::json::value(nullptr)
                                             : boost::json::value(boost::json::object{{"index", p.placement.segment}, {"code", p.segment_code}, {"name", p.segment_name}});
      o["sub"] = p.placement.sub < 0 ? boost::json::value(nullptr)
                                     : boost::json::value(boost::json::object{{"index", p.placement.sub}, {"code", p.sub_code}, {"name", p.sub_name}});
      return o;
    });
  });
  return m;
}

Result<void> AddDemoSegments(SegmentsModule& module, platform::Demo& demo) {
  HEARTH_TRY(module.models.Seed());
  if (demo.tenant_id == 0) return {};
  auto list = module.models.ModelIds(demo.tenant_id);
  for (const auto id : list) module.models.Compute(demo.tenant_id, id);
  demo.made.push_back(std::to_string(list.size()) + " segment models computed");
  return {};
}

}  // namespace hearth::segments
