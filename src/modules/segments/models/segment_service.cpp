#include "modules/segments/models/segment_service.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <random>
#include <set>

#include "core/json.hpp"
#include "http/body_reader.hpp"
#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::segments {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kChinaMs = 8 * 3'600'000;

/// The value columns of segment_counts, summed (after the customers' count).
#define SEGMENT_VALUE_SUMS "sum(owners), sum(base_cents), sum(repurchase_cents), sum(referral_cents), sum(saving_cents), sum(premium_cents), sum(acquisition_cents)"

constexpr std::string_view kColumns =
    "m.id, m.tenant_id, m.org_unit_id, m.preset, m.name, m.description, m.definition, m.version, m.computed_version, "
    "m.computed_at, m.computed_ms, m.customer_count, m.profiles, m.created_at, m.updated_at," HEARTH_ORG_PATH_OF("m.org_unit_id");

boost::json::array SegmentsJson(const std::vector<SegmentDef>& segments) {
  boost::json::array out;
  for (const auto& s : segments) {
    boost::json::object o{{"code", s.code}, {"name", s.name}, {"rule", s.rule}, {"description", s.description}};
    o["published_share"] = s.published_share ? boost::json::value(*s.published_share) : nullptr;
    if (!s.subs.empty()) o["subs"] = SegmentsJson(s.subs);
    out.push_back(std::move(o));
  }
  return out;
}

std::string Text(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

/// Reads segments as SegmentsJson writes them, or as a client sends them: every fault named by
/// its path, all at once.
std::vector<SegmentDef> ReadSegments(const boost::json::value& v, const std::string& at, bool subs, std::vector<FieldError>& errors) {
  std::vector<SegmentDef> out;
  if (!v.is_array()) {
    errors.push_back({at, "must_be_array"});
    return out;
  }
  const auto& a = v.as_array();
  const std::size_t max = subs ? 12 : 30;
  if (!subs && a.empty()) errors.push_back({at, "required"});
  if (a.size() > max) errors.push_back({at, "too_many"});
  std::set<std::string> codes;
  for (std::size_t i = 0; i < a.size() && i < max; ++i) {
    const std::string here = at + "[" + std::to_string(i) + "]";
    if (!a[i].is_object()) {
      errors.push_back({here, "must_be_object"});
      continue;
    }
    const auto& o = a[i].as_object();
    SegmentDef s;
    s.code = Text(o, "code");
    s.name = Text(o, "name");
    s.rule = Text(o, "rule");
    s.description = Text(o, "description");
    const bool code_ok = !s.code.empty() && s.code.size() <= 40 && std::islower(static_cast<unsigned char>(s.code[0])) &&
                         std::all_of(s.code.begin(), s.code.end(), [](char c) {
                           return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_';
                         });
    if (s.code.empty()) errors.push_back({here + ".code", "required"});
    else if (!code_ok) errors.push_back({here + ".code", "invalid_code"});
    else if (!codes.insert(s.code).second) errors.push_back({here + ".code", "duplicate"});
    if (s.name.empty()) errors.push_back({here + ".name", "required"});
    else if (http::Utf8Length(s.name) > 40) errors.push_back({here + ".name", "too_long"});
    if (s.rule.empty()) errors.push_back({here + ".rule", "required"});
    else if (s.rule.size() > 2000) errors.push_back({here + ".rule", "too_long"});
    if (http::Utf8Length(s.description) > 500) errors.push_back({here + ".description", "too_long"});
    if (const auto* share = o.if_contains("published_share"); share && !share->is_null()) {
      const double d = share->is_double() ? share->as_double() : share->is_int64() ? static_cast<double>(share->as_int64()) : -1;
      if (d < 0 || d > 1) errors.push_back({here + ".published_share", "out_of_range"});
      else s.published_share = d;
    }
    if (const auto* sv = o.if_contains("subs"); sv && !sv->is_null()) {
      if (subs) errors.push_back({here + ".subs", "not_for_this_segment"});
      else s.subs = ReadSegments(*sv, here + ".subs", true, errors);
    }
    for (const auto& [key, value] : o) {
      static constexpr std::string_view kKnown[] = {"code", "name", "rule", "description", "published_share", "subs"};
      if (std::find(std::begin(kKnown), std::end(kKnown), key) == std::end(kKnown)) errors.push_back({here + "." + std::string(key), "unknown_field"});
    }
    out.push_back(std::move(s));
  }
  return out;
}

/// Each segment's profile (基本状况, 生活形态, 房屋价值, 房屋需求), summed over its customers.
struct Profile {
  std::int64_t customers = 0;
  double age_sum = 0;
  std::int64_t age_known = 0;
  std::int64_t married = 0, marital_known = 0;
  double children_sum = 0;
  std::int64_t children_known = 0;
  std::map<std::string, std::int64_t> income, life_stage, motive, city;
  std::int64_t owners = 0;
  double units_sum = 0, value_sum = 0, area_sum = 0, tenure_sum = 0;
  std::int64_t tenure_known = 0;
  std::int64_t repurchased = 0;
  std::int64_t satisfied = 0, satisfaction_known = 0;

  void Add(const FactRow& f) {
    ++customers;
    if (const auto* a = std::get_if<double>(&f[kAge])) age_sum += *a, ++age_known;
    if (const auto* m = std::get_if<std::string>(&f[kMaritalStatus]); m && *m != "unknown") marital_known++, married += *m == "married";
    if (const auto* c = std::get_if<double>(&f[kChildren])) children_sum += *c, ++children_known;
    if (const auto* s = std::get_if<std::string>(&f[kIncomeLevel])) ++income[*s];
    if (const auto* s = std::get_if<std::string>(&f[kLifeStage])) ++life_stage[*s];
    if (const auto* s = std::get_if<std::string>(&f[kPurchaseMotive])) ++motive[*s];
    if (const auto* s = std::get_if<std::string>(&f[kCity])) ++city[*s];
    if (std::get<bool>(f[kOwner])) {
      ++owners;
      units_sum += std::get<double>(f[kUnitsOwned]);
      if (const auto* v = std::get_if<double>(&f[kHomeValue])) value_sum += *v;
      if (const auto* v = std::get_if<double>(&f[kHomeArea])) area_sum += *v;
      if (const auto* t = std::get_if<double>(&f[kTenureYears])) tenure_sum += *t, ++tenure_known;
      repurchased += std::get<bool>(f[kRepurchased]) ? 1 : 0;
    }
    if (const auto* s = std::get_if<bool>(&f[kSatisfied])) ++satisfaction_known, satisfied += *s;
  }

  static boost::json::value Avg(double sum, std::int64_t n, int digits) {
    if (n == 0) return nullptr;
    const double scale = std::pow(10.0, digits);
    return std::round(sum / static_cast<double>(n) * scale) / scale;
  }
  static boost::json::object Mix(const std::map<std::string, std::int64_t>& m, std::size_t top = 0) {
    std::vector<std::pair<std::string, std::int64_t>> v(m.begin(), m.end());
    std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (top > 0 && v.size() > top) v.resize(top);
    boost::json::object o;
    for (const auto& [k, n] : v) o[k] = n;
    return o;
  }

  boost::json::object ToJson() const {
    return {{"customers", customers},
            {"basics", boost::json::object{{"average_age", Avg(age_sum, age_known, 1)},
                                           {"married_share", Avg(static_cast<double>(married), marital_known, 3)},
                                           {"average_children", Avg(children_sum, children_known, 2)},
                                           {"income", Mix(income)},
                                           {"cities", Mix(city, 5)}}},
            {"lifestyle", boost::json::object{{"life_stage", Mix(life_stage)}}},
            {"home_value", boost::json::object{{"owners", owners},
                                               {"average_units", Avg(units_sum, owners, 2)},
                                               {"average_value_yuan", Avg(value_sum, owners, 0)},
                                               {"average_area_m2", Avg(area_sum, owners, 1)},
                                               {"average_tenure_years", Avg(tenure_sum, tenure_known, 1)},
                                               {"repurchase_share", Avg(static_cast<double>(repurchased), owners, 3)}}},
            {"home_needs", boost::json::object{{"motive", Mix(motive)},
                                               {"satisfied_share", Avg(static_cast<double>(satisfied), satisfaction_known, 3)}}}};
  }
};

}  // namespace

SegmentService::SegmentService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
                               customers::CustomerService& customers, inventory::InventoryService& inventory, FactReader& facts)
    : db_(db), clock_(clock), audit_(audit), jobs_(jobs), customers_(customers), inventory_(inventory), facts_(facts) {}

std::string SegmentService::Today() const {
  return FormatIsoDate((clock_.Now().ms + kChinaMs) / kDayMs);
}

namespace {

SegmentModel ReadModel(const db::Row& r) {
  SegmentModel m;
  m.id = r.Int(0);
  m.tenant_id = r.Int(1);
  m.org_unit_id = r.Int(2);
  m.preset = r.OptText(3);
  m.name = r.Text(4);
  m.description = r.Text(5);
  std::vector<FieldError> ignored;
  const auto def = boost::json::parse(r.Text(6));
  m.def = {m.preset.value_or(""), m.name, m.description, ReadSegments(def.as_object().at("segments"), "segments", false, ignored)};
  m.version = static_cast<int>(r.Int(7));
  m.computed_version = static_cast<int>(r.Int(8));
  if (auto at = r.OptInt(9)) m.computed_at = Timestamp{*at};
  m.computed_ms = r.OptInt(10);
  m.customers = r.Int(11);
  m.profiles_json = r.OptText(12).value_or("[]");
  m.created_at = Timestamp{r.Int(13)};
  m.updated_at = Timestamp{r.Int(14)};
  m.org_path = r.OptText(15).value_or("");
  return m;
}

/// Whether the caller reads the model (one of their unit, above it — the group's — or below it),
/// and marks whether they may change it (managers, of their unit or below).
bool SeenBy(SegmentModel& m, const Actor& actor) {
  const bool below = actor.InScope(m.org_path);
  const bool above = actor.org_path.starts_with(m.org_path);
  m.editable = actor.IsManager() && below;
  return below || above;
}

}  // namespace

std::vector<SegmentModel> SegmentService::Models(db::Tx& tx, std::int64_t tenant_id, std::optional<std::int64_t> id) {
  static const std::string kSql =
      fmt::format("SELECT {} FROM segment_models m WHERE m.tenant_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR m.id = $2) ORDER BY m.id", kColumns);
  const auto rows = tx.Execute(kSql, tenant_id, id);
  std::vector<SegmentModel> out;
  std::vector<std::int64_t> units;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out.push_back(ReadModel(rows[i]));
    units.push_back(out.back().org_unit_id);
  }
  const auto names = platform::directory::UnitNamesOf(tx, tenant_id, units);
  for (auto& m : out) {
    if (auto it = names.find(m.org_unit_id); it != names.end()) m.org_unit_name = it->second;
  }
  return out;
}

std::optional<SegmentModel> SegmentService::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto models = Models(tx, tenant_id, id);
  if (models.empty()) return std::nullopt;
  return std::move(models.front());
}

std::vector<std::int64_t> SegmentService::MembersAfter(db::Tx& tx, std::int64_t model_id, const std::vector<int>& segments,
                                                      std::int64_t after_customer_id, int limit) {
  // The primary key (model, customer) in order, the segment tested on each row: one range scan.
  std::string in;
  for (int s : segments) in += (in.empty() ? "" : ", ") + std::to_string(s);
  std::vector<std::int64_t> out;
  if (in.empty()) return out;
  const std::string sql = "SELECT customer_id FROM segment_members WHERE model_id = $1 AND customer_id > $2 AND segment IN (" + in +
                          ") ORDER BY customer_id LIMIT $3";
  for (const auto& r : tx.Execute(sql, model_id, after_customer_id, limit)) out.push_back(r.Int(0));
  return out;
}

Result<SegmentModel> SegmentService::Visible(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto m = Find(tx, actor.tenant_id, id);
  if (!m || !SeenBy(*m, actor)) return NotFound("no such segment model");
  return std::move(*m);
}

std::vector<SegmentModel> SegmentService::VisibleModels(db::Tx& tx, const Actor& actor) {
  auto models = Models(tx, actor.tenant_id, std::nullopt);
  std::erase_if(models, [&](SegmentModel& m) { return !SeenBy(m, actor); });
  return models;
}

std::shared_ptr<const CompiledModel> SegmentService::CompiledOf(const SegmentModel& m) {
  std::lock_guard lock(compiled_mutex_);
  auto& slot = compiled_[m.id];
  if (!slot.second || slot.first != m.version) {
    auto compiled = CompiledModel::Compile(m.def);
    // A kept model's rules were checked when saved; a fault here means a fact was taken away.
    if (!std::holds_alternative<CompiledModel>(compiled)) return nullptr;
    slot = {m.version, std::make_shared<const CompiledModel>(std::move(std::get<CompiledModel>(compiled)))};
  }
  return slot.second;
}

std::vector<SegmentDef> ReadSegmentsInput(const boost::json::value& v, std::vector<FieldError>& errors) {
  return ReadSegments(v, "segments", false, errors);
}

std::vector<std::int64_t> SegmentService::ModelIds(std::int64_t tenant_id) {
  std::vector<std::int64_t> ids;
  db_.Read([&](db::Tx& tx) {
    const auto rows = tx.Execute("SELECT id FROM segment_models WHERE tenant_id = $1 ORDER BY id", tenant_id);
    for (std::size_t i = 0; i < rows.size(); ++i) ids.push_back(rows[i].Int(0));
    return 0;
  });
  return ids;
}

Result<std::vector<SegmentModel>> SegmentService::List(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<SegmentModel>> { return VisibleModels(tx, actor); });
}

Result<SegmentModel> SegmentService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) { return Visible(tx, actor, id); });
}

Result<ModelDef> SegmentService::CheckDefinition(const ModelInput& in, const std::optional<ModelDef>& base) {
  ModelDef def = base.value_or(ModelDef{});
  if (in.preset && !base) {
    const ModelDef* preset = PresetByCode(*in.preset);
    if (!preset) return FailField("preset", "unknown_preset");
    def = *preset;
  }
  if (in.name) def.name = *in.name;
  if (in.description) def.description = *in.description;
  if (in.segments) def.segments = *in.segments;
  if (def.segments.empty()) return FailField("segments", "required");
  auto compiled = CompiledModel::Compile(def);
  if (auto* errors = std::get_if<std::vector<ModelError>>(&compiled)) {
    Error e{ErrorCode::kInvalidArgument, "validation_failed", "a rule is not valid: " + errors->front().error.message, {}, {}};
    boost::json::array detail;
    for (const auto& err : *errors) {
      e.fields.push_back({err.field, "invalid_rule"});
      detail.push_back(boost::json::object{{"field", err.field}, {"position", err.error.position}, {"message", err.error.message}});
    }
    e.extra.emplace_back("rule_errors", boost::json::serialize(detail));
    return tl::unexpected(std::move(e));
  }
  return def;
}

Result<SegmentModel> SegmentService::Create(const RequestContext& ctx, const ModelInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.IsManager()) {
    return Forbidden("only managers define segment models");
  }
  if (!in.name && !in.preset) return FailField("name", "required");
  HEARTH_ASSIGN(ModelDef def, CheckDefinition(in, std::nullopt));
  if (!in.name && in.preset) def.name = PresetByCode(*in.preset)->name;
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<SegmentModel> {
    const std::string definition = boost::json::serialize(boost::json::object{{"segments", SegmentsJson(def.segments)}});
    const std::int64_t id = tx.Execute(R"sql(
INSERT INTO segment_models (tenant_id, org_unit_id, preset, name, description, definition, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id)sql",
                                       actor.tenant_id, actor.org_unit_id, in.preset, def.name, def.description, definition,
                                       actor.user_id, now.ms)
                                .front()
                                .Int(0);
    audit_.Record(tx, ctx, "segment_model.created", "segment_model", id, nullptr, boost::json::object{{"name", def.name}});
    jobs_.Enqueue(tx, actor.tenant_id, kNightlyJob, boost::json::object{{"model_id", id}}, now);  // computed at once, in the background
    return Visible(tx, actor, id);
  });
}

Result<SegmentModel> SegmentService::Update(const RequestContext& ctx, std::int64_t id, const ModelInput& in,
                                            std::optional<int> if_match) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  if (in.preset) return FailField("preset", "read_only");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<SegmentModel> {
    HEARTH_ASSIGN(SegmentModel m, Visible(tx, actor, id));
    if (!m.editable) return Forbidden("only managers of its unit change this model");
    if (if_match && *if_match != m.version) return Fail(ErrorCode::kConflict, "version_conflict", "the model was changed meanwhile");
    HEARTH_ASSIGN(ModelDef def, CheckDefinition(in, m.def));
    const std::string definition = boost::json::serialize(boost::json::object{{"segments", SegmentsJson(def.segments)}});
    tx.Execute(R"sql(UPDATE segment_models SET name = $3, description = $4, definition = $5, version = version + 1, updated_at = $6
 WHERE id = $1 AND tenant_id = $2)sql", id, actor.tenant_id, def.name, def.description, definition, now.ms);
    audit_.Record(tx, ctx, "segment_model.changed", "segment_model", id, boost::json::object{{"version", m.version}},
                  boost::json::object{{"version", m.version + 1}});
    jobs_.Enqueue(tx, actor.tenant_id, kNightlyJob, boost::json::object{{"model_id", id}}, now);
    return Visible(tx, actor, id);
  });
}

void SegmentService::Compute(std::int64_t tenant_id, std::int64_t model_id) {
  // One computation at a time in this process: two of one model would delete each other's rows.
  std::lock_guard one_at_a_time(compute_mutex_);
  const auto started = std::chrono::steady_clock::now();
  std::optional<SegmentModel> model;
  db_.Read([&](db::Tx& tx) {
    model = Find(tx, tenant_id, model_id);
    return 0;
  });
  if (!model) return;
  const std::string& path = model->org_path;
  const auto cm = CompiledOf(*model);
  if (!cm) return;  // refused when saved: cannot happen
  const std::string today = Today();
  // This computation's mark on its rows (a random number: another process's run is another).
  const int run = static_cast<int>(std::random_device{}() & 0x7fffffff);
  const std::size_t n = model->def.segments.size();
  // (dim, key, org unit, segment, sub) → customers and their value; the org unit's path is read
  // once at the end.
  struct Cell {
    std::int64_t customers = 0;
    std::int64_t owners = 0;
    ValueParts value;
  };
  std::map<std::tuple<std::string, std::string, std::int64_t, int, int>, Cell> counts;
  // Each customer's value with the assumptions of their company (the nearest unit up with any).
  AssumptionsIndex assumptions;
  std::map<std::int64_t, const ValueAssumptions*> assumptions_of_unit;
  std::vector<Profile> profiles(n + 1);
  std::int64_t total = 0;
  for (std::int64_t after = 0;;) {
    std::vector<customers::Customer> page;
    std::vector<CustomerFacts> facts;
    db_.Read([&](db::Tx& tx) {
      if (after == 0) assumptions = AssumptionsIndex::Load(tx, tenant_id);
      page = customers_.PageAfter(tx, tenant_id, path, after, kPage);
      facts = facts_.OfPage(tx, tenant_id, page, today);
      for (const auto& c : page) {
        if (assumptions_of_unit.contains(c.org_unit_id)) continue;
        const auto unit_path = tx.Execute("SELECT" HEARTH_ORG_PATH_OF("$1"), c.org_unit_id).front().OptText(0).value_or("");
        assumptions_of_unit[c.org_unit_id] = assumptions.For(unit_path).second;
      }
      return 0;
    });
    if (page.empty()) break;
    after = page.back().id;
    std::vector<std::tuple<std::int64_t, int, int>> placed;
    placed.reserve(page.size());
    for (std::size_t i = 0; i < page.size(); ++i) {
      const FactRow& f = facts[i].facts;
      const Placement p = cm->Place(f);
      placed.emplace_back(page[i].id, p.segment, p.sub);
      profiles[p.segment < 0 ? n : static_cast<std::size_t>(p.segment)].Add(f);
      const std::int64_t org = page[i].org_unit_id;
      const auto* city = std::get_if<std::string>(&f[kCity]);
      const HouseholdValue value = ValueOf(f, facts[i].homes, *assumptions_of_unit[org], today, /*explain=*/false);
      const auto projects = facts[i].Projects();
      // The segment's row, and its sub-class's when it has one; a customer counts once in each
      // project where they have a home.
      const auto count = [&](Cell& cell) {
        ++cell.customers;
        if (value.owner) ++cell.owners, cell.value += value.parts;
      };
      const auto add = [&](int sub) {
        count(counts[{"all", "", org, p.segment, sub}]);
        count(counts[{"city", city ? *city : "", org, p.segment, sub}]);
        for (const std::int64_t project : projects) count(counts[{"project", std::to_string(project), 0, p.segment, sub}]);
      };
      add(-1);
      if (p.sub >= 0) add(p.sub);
      ++total;
    }
    db_.Transact([&](db::Tx& tx) -> Result<void> {
      for (const auto& [id, seg, sub] : placed) {
        tx.Execute(R"sql(INSERT INTO segment_members (model_id, customer_id, tenant_id, segment, sub, run) VALUES ($1, $2, $3, $4, $5, $6)
ON CONFLICT (model_id, customer_id) DO UPDATE SET segment = excluded.segment, sub = excluded.sub, run = excluded.run)sql",
                   model_id, id, tenant_id, seg, sub, run);
      }
      return {};
    });
  }
  boost::json::array profile_json;
  for (std::size_t i = 0; i <= n; ++i) {
    auto o = profiles[i].ToJson();
    o["segment"] = i < n ? boost::json::value(model->def.segments[i].code) : boost::json::value(nullptr);
    profile_json.push_back(std::move(o));
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  db_.Transact([&](db::Tx& tx) -> Result<void> {
    tx.Execute("DELETE FROM segment_members WHERE model_id = $1 AND run <> $2", model_id, run);
    tx.Execute("DELETE FROM segment_counts WHERE model_id = $1", model_id);
    std::map<std::int64_t, std::string> paths;
    for (const auto& [key, cell] : counts) {
      const auto& [dim, dim_key, org, seg, sub] = key;
      std::string org_path;
      if (org != 0) {
        auto it = paths.find(org);
        if (it == paths.end()) it = paths.emplace(org, tx.Execute("SELECT" HEARTH_ORG_PATH_OF("$1"), org).front().OptText(0).value_or("")).first;
        org_path = it->second;
      }
      tx.Execute(R"sql(INSERT INTO segment_counts (model_id, tenant_id, dim, dim_key, org_path, segment, sub, customer_count, owners,
 base_cents, repurchase_cents, referral_cents, saving_cents, premium_cents, acquisition_cents)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15))sql", model_id, tenant_id, dim, dim_key, org_path, seg, sub,
                 cell.customers, cell.owners, cell.value.base, cell.value.repurchase, cell.value.referral, cell.value.saving,
                 cell.value.premium, cell.value.acquisition);
    }
    tx.Execute(R"sql(UPDATE segment_models SET computed_version = $3, computed_at = $4, computed_ms = $5, customer_count = $6, profiles = $7
 WHERE id = $1 AND tenant_id = $2)sql", model_id, tenant_id, model->version, clock_.Now().ms, static_cast<std::int64_t>(ms), total,
               boost::json::serialize(profile_json));
    return {};
  });
}

Result<SegmentModel> SegmentService::Recompute(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  HEARTH_ASSIGN(SegmentModel m, db_.Read([&](db::Tx& tx) { return Visible(tx, actor, id); }));
  // Computing changes no rule: any manager who sees the model may ask for fresh counts.
  if (!actor.IsManager()) {
    return Forbidden("only managers compute segment models");
  }
  Compute(actor.tenant_id, id);
  return db_.Read([&](db::Tx& tx) { return Visible(tx, actor, id); });
}

Result<Preview> SegmentService::PreviewOf(const RequestContext& ctx, const ModelInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  HEARTH_ASSIGN(ModelDef def, CheckDefinition(in, std::nullopt));
  const auto compiled = CompiledModel::Compile(def);
  const CompiledModel& cm = std::get<CompiledModel>(compiled);  // CheckDefinition compiled it
  const std::string path = actor.IsAdmin() ? "/" : actor.org_path;
  const std::string today = Today();
  Preview out;
  std::map<std::pair<int, int>, std::int64_t> cells;
  db_.Read([&](db::Tx& tx) {
    // The whole population when small; else runs of consecutive customers from points spread
    // over the range of ids (one run in each of kRuns equal stretches, at a random place in it).
    const auto [lo, hi] = customers_.IdRange(tx, actor.tenant_id);
    if (hi == 0) return 0;
    constexpr int kRun = 500;
    constexpr int kRuns = kPreviewSample / kRun;
    std::mt19937_64 rng(static_cast<std::uint64_t>(hi));
    const bool whole = hi - lo < static_cast<std::int64_t>(kPreviewSample) * 2;
    const std::int64_t stretch = (hi - lo + 1) / kRuns;
    std::int64_t after = lo - 1;
    for (int run = 0; whole || run < kRuns; ++run) {
      if (!whole) after = lo - 1 + stretch * run + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(std::max<std::int64_t>(1, stretch - kRun)));
      auto page = customers_.PageAfter(tx, actor.tenant_id, path, after, whole ? kPage : kRun);
      if (page.empty()) {
        if (whole) break;
        continue;
      }
      for (const auto& c : facts_.OfPage(tx, actor.tenant_id, page, today)) {
        const Placement p = cm.Place(c.facts);
        ++cells[{p.segment, -1}];
        if (p.sub >= 0) ++cells[{p.segment, p.sub}];
        ++out.sampled;
      }
      after = page.back().id;
      if (whole && out.sampled >= kPreviewSample) break;
    }
    out.whole = whole;
    return 0;
  });
  for (const auto& [k, v] : cells) out.cells.push_back({k.first, k.second, v, 0, {}});
  return out;
}

Result<Shares> SegmentService::SharesOf(const RequestContext& ctx, std::int64_t id, const std::string& by) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  if (by != "all" && by != "city" && by != "project") return FailField("by", "invalid_value");
  return db_.Read([&](db::Tx& tx) -> Result<Shares> {
    HEARTH_TRY(Visible(tx, actor, id));
    Shares out{by, {}};
    const std::string path = actor.IsAdmin() ? "/" : actor.org_path;
    const auto rows = by == "project"
                          ? tx.Execute(R"sql(SELECT dim_key, segment, sub, sum(customer_count), )sql" SEGMENT_VALUE_SUMS R"sql( FROM segment_counts
 WHERE model_id = $1 AND tenant_id = $2 AND dim = 'project' GROUP BY dim_key, segment, sub ORDER BY dim_key)sql", id, actor.tenant_id)
                          : tx.Execute(R"sql(SELECT dim_key, segment, sub, sum(customer_count), )sql" SEGMENT_VALUE_SUMS R"sql( FROM segment_counts
 WHERE model_id = $1 AND tenant_id = $2 AND dim = $3 AND org_path LIKE $4 GROUP BY dim_key, segment, sub ORDER BY dim_key)sql",
                                       id, actor.tenant_id, by, path + "%");
    std::map<std::string, ShareRow> grouped;
    std::map<std::int64_t, std::optional<std::string>> project_names;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const std::string key = rows[i].Text(0);
      if (by == "project") {
        const std::int64_t pid = std::stoll(key);
        auto it = project_names.find(pid);
        if (it == project_names.end()) {
          auto project = inventory_.ProjectFor(tx, actor, pid);
          it = project_names.emplace(pid, project ? std::optional<std::string>(project->name) : std::nullopt).first;
        }
        if (!it->second) continue;  // a project outside the caller's scope
        grouped[key].name = *it->second;
      } else {
        grouped[key].name = by == "all" ? "全部" : key.empty() ? "未填城市" : key;
      }
      ShareRow& row = grouped[key];
      row.key = key;
      const int sub = static_cast<int>(rows[i].Int(2));
      const std::int64_t n = rows[i].Int(3);
      const auto& r = rows[i];
      row.cells.push_back({static_cast<int>(r.Int(1)), sub, n, r.Int(4), {r.Int(5), r.Int(6), r.Int(7), r.Int(8), r.Int(9), r.Int(10)}});
      if (sub == -1) row.customers += n;
    }
    for (auto& [k, row] : grouped) out.rows.push_back(std::move(row));
    std::stable_sort(out.rows.begin(), out.rows.end(), [](const ShareRow& a, const ShareRow& b) { return a.customers > b.customers; });
    return out;
  });
}

Result<std::vector<CustomerPlacement>> SegmentService::OfCustomer(const RequestContext& ctx, std::int64_t customer_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<CustomerPlacement>> {
    HEARTH_TRY(customers_.CheckInScope(tx, actor, customer_id));
    auto page = customers_.PageAfter(tx, actor.tenant_id, "/", customer_id - 1, 1);
    if (page.empty() || page.front().id != customer_id) return NotFound("no such customer");
    const auto facts = facts_.OfPage(tx, actor.tenant_id, page, Today());
    std::vector<CustomerPlacement> out;
    for (const auto& m : VisibleModels(tx, actor)) {
      const auto cm = CompiledOf(m);
      if (!cm) continue;
      CustomerPlacement cp;
      cp.model_id = m.id;
      cp.model_name = m.name;
      cp.placement = cm->Place(facts.front().facts);
      if (cp.placement.segment >= 0) {
        const auto& s = m.def.segments[static_cast<std::size_t>(cp.placement.segment)];
        cp.segment_code = s.code;
        cp.segment_name = s.name;
        if (cp.placement.sub >= 0) {
          cp.sub_code = s.subs[static_cast<std::size_t>(cp.placement.sub)].code;
          cp.sub_name = s.subs[static_cast<std::size_t>(cp.placement.sub)].name;
        }
      }
      for (const std::size_t f : cm->facts()) cp.facts.emplace_back(Facts().defs()[f].code, facts.front().facts[f]);
      out.push_back(std::move(cp));
    }
    return out;
  });
}

Result<void> SegmentService::Seed() {
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<void> {
    for (const std::int64_t tenant : platform::directory::Groups(tx)) {
      // The group's schedule row is its first start's mark: of servers starting together on one
      // database, one inserts it (the others wait for its commit and insert nothing).
      const bool first = tx.Execute("INSERT INTO segment_schedule (tenant_id, next_at) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING",
                                    tenant, now.ms)
                             .affected == 1;
      if (!first) continue;
      if (tx.Execute("SELECT 1 FROM segment_models WHERE tenant_id = $1 LIMIT 1", tenant).empty()) {
        for (const auto& p : Presets()) {
          const std::string definition = boost::json::serialize(boost::json::object{{"segments", SegmentsJson(p.segments)}});
          tx.Execute(R"sql(INSERT INTO segment_models (tenant_id, org_unit_id, preset, name, description, definition, created_at, updated_at)
VALUES ($1, $1, $2, $3, $4, $5, $6, $6))sql", tenant, p.code, p.name, p.description, definition, now.ms);
        }
      }
      jobs_.Enqueue(tx, tenant, kNightlyJob, {}, now);
    }
    return {};
  });
}

Result<void> SegmentService::OnNightlyJob(db::Tx& tx, const platform::Job& job) {
  // The computation reads and writes in transactions of its own, a page at a time: the job's
  // transaction only schedules the next night (02:00 China time). It runs after this one commits.
  const std::int64_t tenant = job.tenant_id;
  if (job.payload.contains("all")) {  // the value assumptions changed: every model, nothing scheduled
    tx.AfterCommit([this, tenant] {
      for (const auto id : ModelIds(tenant)) Compute(tenant, id);
    });
    return {};
  }
  if (const auto* model = job.payload.if_contains("model_id"); model && model->is_int64()) {
    // A model just made or changed: computed once, nothing scheduled.
    tx.AfterCommit([this, tenant, id = model->as_int64()] { Compute(tenant, id); });
    return {};
  }
  tx.AfterCommit([this, tenant] {
    for (const auto id : ModelIds(tenant)) Compute(tenant, id);
  });
  const std::int64_t tomorrow = (clock_.Now().ms + kChinaMs) / kDayMs + 1;
  const Timestamp next{tomorrow * kDayMs - kChinaMs + 2 * 3'600'000LL};
  tx.Execute("UPDATE segment_schedule SET next_at = $2 WHERE tenant_id = $1", tenant, next.ms);
  jobs_.Enqueue(tx, tenant, kNightlyJob, {}, next);
  return {};
}

}  // namespace hearth::segments
