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
                               customers::CustomerService& customers, inventory::InventoryService& inventory,
                               sales::LeadService& leads, sales::ReferralService& referrals, surveys::ResultsService& opinions)
    : db_(db), clock_(clock), audit_(audit), jobs_(jobs), customers_(customers), inventory_(inventory), leads_(leads),
      referrals_(referrals), opinions_(opinions) {}

std::string SegmentService::Today() const {
  return FormatIsoDate((clock_.Now().ms + kChinaMs) / kDayMs);
}

std::optional<SegmentModel> SegmentService::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  static const std::string kSql = fmt::format("SELECT {} FROM segment_models m WHERE m.id = $1 AND m.tenant_id = $2", kColumns);
  const auto rows = tx.Execute(kSql, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
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
  const auto names = platform::directory::UnitNamesOf(tx, tenant_id, {m.org_unit_id});
  if (auto it = names.find(m.org_unit_id); it != names.end()) m.org_unit_name = it->second;
  return m;
}

Result<SegmentModel> SegmentService::Visible(db::Tx& tx, const Actor& actor, std::int64_t id) {
  static const std::string kPath = "SELECT" HEARTH_ORG_PATH_OF("m.org_unit_id") "FROM segment_models m WHERE m.id = $1 AND m.tenant_id = $2";
  const auto rows = tx.Execute(kPath, id, actor.tenant_id);
  if (rows.empty()) return NotFound("no such segment model");
  const std::string path = rows.front().Text(0);
  // A model of the caller's unit or one above it (the group's) is theirs to read; below, too.
  const bool below = actor.InScope(path);
  const bool above = actor.org_path.starts_with(path);
  if (!below && !above) return NotFound("no such segment model");
  auto m = Find(tx, actor.tenant_id, id);
  if (!m) return NotFound("no such segment model");
  m->editable = (actor.IsAdmin() || std::find(actor.roles.begin(), actor.roles.end(), "manager") != actor.roles.end()) && below;
  return *m;
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
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<SegmentModel>> {
    std::vector<SegmentModel> out;
    const auto rows = tx.Execute("SELECT id FROM segment_models WHERE tenant_id = $1 ORDER BY id", actor.tenant_id);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (auto m = Visible(tx, actor, rows[i].Int(0))) out.push_back(std::move(*m));
    }
    return out;
  });
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
  if (!actor.IsAdmin() && std::find(actor.roles.begin(), actor.roles.end(), "manager") == actor.roles.end()) {
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

std::vector<std::pair<std::int64_t, FactRow>> SegmentService::FactsOfPage(db::Tx& tx, std::int64_t tenant_id,
                                                                         const std::vector<customers::Customer>& page,
                                                                         const std::string& today) {
  std::vector<std::pair<std::int64_t, FactRow>> out;
  if (page.empty()) return out;
  const auto homes = inventory_.HomeFactsOf(tx, tenant_id, page.front().id, page.back().id);
  const auto motives = leads_.NeedTypesOf(tx, tenant_id, page.front().id, page.back().id);
  const auto referred = referrals_.SignedReferralsOf(tx, tenant_id, page.front().id, page.back().id);
  const auto answers = opinions_.OpinionsOf(tx, tenant_id, page.front().id, page.back().id);
  std::size_t h = 0;
  out.reserve(page.size());
  for (const auto& c : page) {
    PersonRecord p;
    p.id = c.id;
    p.birth_date = c.birth_date;
    p.id_number = c.id_number;
    p.gender = c.gender;
    p.marital_status = c.marital_status;
    p.children_birth_years = c.children_birth_years;
    p.elders = c.elders;
    p.income_level = c.income_level;
    p.city = c.city.value_or("");
    p.occupation = c.occupation.value_or("");
    p.source_channel = c.source_channel.value_or("");
    p.tags = c.tags;
    p.consent_marketing = c.consent_marketing;
    std::vector<HomeRecord> mine;
    while (h < homes.size() && homes[h].customer_id < c.id) ++h;
    for (; h < homes.size() && homes[h].customer_id == c.id; ++h) {
      mine.push_back({homes[h].project_id, homes[h].area_m2, homes[h].list_price_cents, homes[h].delivered_on});
    }
    Opinions o;
    if (auto m = motives.find(c.id); m != motives.end()) o.purchase_motive = m->second;
    if (auto r = referred.find(c.id); r != referred.end()) o.referrals = static_cast<int>(r->second);
    if (auto a = answers.find(c.id); a != answers.end()) {
      o.satisfied = a->second.satisfied;
      o.would_rebuy = a->second.rebuy;
      o.would_recommend = a->second.recommend;
      o.nps = a->second.nps;
    }
    out.emplace_back(c.id, FactsOf(p, mine, o, today));
  }
  return out;
}

void SegmentService::Compute(std::int64_t tenant_id, std::int64_t model_id) {
  // One computation at a time in this process: two of one model would delete each other's rows.
  std::lock_guard one_at_a_time(compute_mutex_);
  const auto started = std::chrono::steady_clock::now();
  std::optional<SegmentModel> model;
  std::string path;
  db_.Read([&](db::Tx& tx) {
    model = Find(tx, tenant_id, model_id);
    if (model) path = tx.Execute("SELECT" HEARTH_ORG_PATH_OF("$1"), model->org_unit_id).front().Text(0);
    return 0;
  });
  if (!model) return;
  auto compiled = CompiledModel::Compile(model->def);
  if (!std::holds_alternative<CompiledModel>(compiled)) return;  // refused when saved: cannot happen
  const CompiledModel& cm = std::get<CompiledModel>(compiled);
  const std::string today = Today();
  // This computation's mark on its rows (a random number: another process's run is another).
  const int run = static_cast<int>(std::random_device{}() & 0x7fffffff);
  const std::size_t n = model->def.segments.size();
  // (dim, key, org unit, segment, sub) → customers; the org unit's path is read once at the end.
  std::map<std::tuple<std::string, std::string, std::int64_t, int, int>, std::int64_t> counts;
  std::vector<Profile> profiles(n + 1);
  std::int64_t total = 0;
  for (std::int64_t after = 0;;) {
    std::vector<customers::Customer> page;
    std::vector<std::pair<std::int64_t, FactRow>> facts;
    db_.Read([&](db::Tx& tx) {
      page = customers_.PageAfter(tx, tenant_id, path, after, kPage);
      facts = FactsOfPage(tx, tenant_id, page, today);
      return 0;
    });
    if (page.empty()) break;
    after = page.back().id;
    std::vector<std::tuple<std::int64_t, int, int>> placed;
    placed.reserve(page.size());
    for (std::size_t i = 0; i < page.size(); ++i) {
      const FactRow& f = facts[i].second;
      const Placement p = cm.Place(f);
      placed.emplace_back(page[i].id, p.segment, p.sub);
      profiles[p.segment < 0 ? n : static_cast<std::size_t>(p.segment)].Add(f);
      const std::int64_t org = page[i].org_unit_id;
      const auto* city = std::get_if<std::string>(&f[kCity]);
      const auto add = [&](int sub) {  // the segment's row, and its sub-class's when it has one
        ++counts[{"all", "", org, p.segment, sub}];
        ++counts[{"city", city ? *city : "", org, p.segment, sub}];
      };
      add(-1);
      if (p.sub >= 0) add(p.sub);
      ++total;
    }
    // The customers' homes' projects: a customer counts once per project.
    db_.Read([&](db::Tx& tx) {
      const auto homes = inventory_.HomeFactsOf(tx, tenant_id, page.front().id, page.back().id);
      std::set<std::pair<std::int64_t, std::int64_t>> seen;
      std::map<std::int64_t, std::pair<int, int>> where;
      for (const auto& [id, seg, sub] : placed) where[id] = {seg, sub};
      for (const auto& h : homes) {
        if (!seen.insert({h.customer_id, h.project_id}).second) continue;
        const auto it = where.find(h.customer_id);
        if (it == where.end()) continue;
        ++counts[{"project", std::to_string(h.project_id), 0, it->second.first, -1}];
        if (it->second.second >= 0) ++counts[{"project", std::to_string(h.project_id), 0, it->second.first, it->second.second}];
      }
      return 0;
    });
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
    for (const auto& [key, customers] : counts) {
      const auto& [dim, dim_key, org, seg, sub] = key;
      std::string org_path;
      if (org != 0) {
        auto it = paths.find(org);
        if (it == paths.end()) it = paths.emplace(org, tx.Execute("SELECT" HEARTH_ORG_PATH_OF("$1"), org).front().OptText(0).value_or("")).first;
        org_path = it->second;
      }
      tx.Execute(R"sql(INSERT INTO segment_counts (model_id, tenant_id, dim, dim_key, org_path, segment, sub, customer_count)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8))sql", model_id, tenant_id, dim, dim_key, org_path, seg, sub, customers);
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
  if (!actor.IsAdmin() && std::find(actor.roles.begin(), actor.roles.end(), "manager") == actor.roles.end()) {
    return Forbidden("only managers compute segment models");
  }
  Compute(actor.tenant_id, id);
  return db_.Read([&](db::Tx& tx) { return Visible(tx, actor, id); });
}

Result<Preview> SegmentService::PreviewOf(const RequestContext& ctx, const ModelInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  HEARTH_ASSIGN(ModelDef def, CheckDefinition(in, std::nullopt));
  auto compiled = CompiledModel::Compile(def);
  const CompiledModel& cm = std::get<CompiledModel>(compiled);
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
      for (const auto& [id, f] : FactsOfPage(tx, actor.tenant_id, page, today)) {
        const Placement p = cm.Place(f);
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
  for (const auto& [k, v] : cells) out.cells.push_back({k.first, k.second, v});
  return out;
}

Result<Shares> SegmentService::SharesOf(const RequestContext& ctx, std::int64_t id, const std::string& by) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  if (by != "all" && by != "city" && by != "project") return FailField("by", "invalid_value");
  return db_.Read([&](db::Tx& tx) -> Result<Shares> {
    HEARTH_ASSIGN(SegmentModel m, Visible(tx, actor, id));
    Shares out{by, {}};
    const std::string path = actor.IsAdmin() ? "/" : actor.org_path;
    const auto rows = by == "project"
                          ? tx.Execute(R"sql(SELECT dim_key, segment, sub, sum(customer_count) FROM segment_counts
 WHERE model_id = $1 AND tenant_id = $2 AND dim = 'project' GROUP BY dim_key, segment, sub ORDER BY dim_key)sql", id, actor.tenant_id)
                          : tx.Execute(R"sql(SELECT dim_key, segment, sub, sum(customer_count) FROM segment_counts
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
      row.cells.push_back({static_cast<int>(rows[i].Int(1)), sub, n});
      if (sub == -1) row.customers += n;
    }
    for (auto& [k, row] : grouped) out.rows.push_back(std::move(row));
    std::stable_sort(out.rows.begin(), out.rows.end(), [](const ShareRow& a, const ShareRow& b) { return a.customers > b.customers; });
    (void)m;
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
    const auto facts = FactsOfPage(tx, actor.tenant_id, page, Today());
    std::vector<CustomerPlacement> out;
    const auto ids = tx.Execute("SELECT id FROM segment_models WHERE tenant_id = $1 ORDER BY id", actor.tenant_id);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      auto m = Visible(tx, actor, ids[i].Int(0));
      if (!m) continue;
      auto compiled = CompiledModel::Compile(m->def);
      if (!std::holds_alternative<CompiledModel>(compiled)) continue;
      const auto& cm = std::get<CompiledModel>(compiled);
      CustomerPlacement cp;
      cp.model_id = m->id;
      cp.model_name = m->name;
      cp.placement = cm.Place(facts.front().second);
      if (cp.placement.segment >= 0) {
        const auto& s = m->def.segments[static_cast<std::size_t>(cp.placement.segment)];
        cp.segment_code = s.code;
        cp.segment_name = s.name;
        if (cp.placement.sub >= 0) {
          cp.sub_code = s.subs[static_cast<std::size_t>(cp.placement.sub)].code;
          cp.sub_name = s.subs[static_cast<std::size_t>(cp.placement.sub)].name;
        }
      }
      for (const std::size_t f : cm.facts()) cp.facts.emplace_back(Facts().defs()[f].code, facts.front().second[f]);
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
