#include "modules/surveys/builder/survey_service.hpp"

#include <map>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "platform/directory.hpp"
#include "platform/org_scope.hpp"

namespace hearth::surveys {

namespace {

std::vector<Question> QuestionsOf(const std::string& text) {
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec) return {};
  auto parsed = ParseQuestions(v);
  return parsed ? std::move(*parsed) : std::vector<Question>{};
}

std::optional<CallbackRule> RuleOf(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  boost::system::error_code ec;
  auto v = boost::json::parse(*text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto* n = v.as_object().if_contains("at_most");
  if (!n || !n->is_int64()) return std::nullopt;
  return CallbackRule{static_cast<int>(n->as_int64())};
}

std::optional<std::string> RuleText(const std::optional<CallbackRule>& r) {
  if (!r) return std::nullopt;
  return boost::json::serialize(ToJson(r));
}

const db::Columns<Survey> kColumns{
    {"id", &Survey::id},
    {"tenant_id", &Survey::tenant_id},
    {"org_unit_id", &Survey::org_unit_id},
    {"title", &Survey::title},
    {"description", &Survey::description},
    {"questions", [](Survey& s, const db::Row& r, std::size_t i) { s.questions = QuestionsOf(r.Text(i)); }},
    {"callback_rule", [](Survey& s, const db::Row& r, std::size_t i) { s.callback_rule = RuleOf(r.OptText(i)); }},
    {"status", &Survey::status},
    {"published_version", &Survey::published_version},
    {"draft_changed", &Survey::draft_changed},
    {"created_by", &Survey::created_by},
    {"version", &Survey::version},
    {"created_at", &Survey::created_at},
    {"updated_at", &Survey::updated_at},
};
const db::Columns<SurveyVersion> kVersionColumns{
    {"id", &SurveyVersion::id},
    {"tenant_id", &SurveyVersion::tenant_id},
    {"survey_id", &SurveyVersion::survey_id},
    {"number", &SurveyVersion::number},
    {"title", &SurveyVersion::title},
    {"description", &SurveyVersion::description},
    {"questions", [](SurveyVersion& s, const db::Row& r, std::size_t i) { s.questions = QuestionsOf(r.Text(i)); }},
    {"callback_rule", [](SurveyVersion& s, const db::Row& r, std::size_t i) { s.callback_rule = RuleOf(r.OptText(i)); }},
    {"published_by", &SurveyVersion::published_by},
    {"published_at", &SurveyVersion::published_at},
};

const std::string kFind = "SELECT " + kColumns.List("s") + " FROM surveys s WHERE s.id = $1 AND s.tenant_id = $2";
// The surveys a caller sees: of their subtree, or of a unit above them (the group's, their company's).
const std::string kList = "SELECT " + kColumns.List("s") + " FROM surveys s" HEARTH_JOIN_ORG_UNIT("s") R"sql(
 WHERE s.tenant_id = $1 AND (o.path LIKE $2 OR $3 LIKE o.path || '%') AND (CAST($4 AS BIGINT) IS NULL OR s.id < $4)
 ORDER BY s.id DESC LIMIT $5)sql";
const std::string kCount = "SELECT COUNT(*) FROM surveys s" HEARTH_JOIN_ORG_UNIT("s") R"sql(
 WHERE s.tenant_id = $1 AND (o.path LIKE $2 OR $3 LIKE o.path || '%'))sql";
constexpr std::string_view kWaveCounts = "SELECT survey_id, COUNT(*) FROM survey_waves WHERE tenant_id = $1 AND survey_id IN ({}) GROUP BY survey_id";
constexpr std::string_view kResponseCounts = R"sql(
SELECT survey_id, COUNT(*) FROM survey_responses WHERE tenant_id = $1 AND org_path LIKE $2 AND survey_id IN ({}) GROUP BY survey_id)sql";
constexpr std::string_view kInsert = R"sql(
INSERT INTO surveys (tenant_id, org_unit_id, title, description, questions, callback_rule, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id)sql";
constexpr std::string_view kUpdate = R"sql(
UPDATE surveys SET title = $3, description = $4, questions = $5, callback_rule = $6, draft_changed = TRUE, version = version + 1,
       updated_at = $7
 WHERE id = $1 AND tenant_id = $2 AND version = $8)sql";
constexpr std::string_view kPublished = R"sql(
UPDATE surveys SET status = 'published', published_version = $3, draft_changed = FALSE, version = version + 1, updated_at = $4
 WHERE id = $1 AND tenant_id = $2 AND version = $5)sql";
constexpr std::string_view kArchived = R"sql(
UPDATE surveys SET status = 'archived', version = version + 1, updated_at = $3 WHERE id = $1 AND tenant_id = $2 AND status <> 'archived')sql";
constexpr std::string_view kInsertVersion = R"sql(
INSERT INTO survey_versions (tenant_id, survey_id, number, title, description, questions, callback_rule, published_by, published_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id)sql";
const std::string kVersions = "SELECT " + kVersionColumns.List() + " FROM survey_versions WHERE survey_id = $1 ORDER BY number DESC";
const std::string kVersionById = "SELECT " + kVersionColumns.List() + " FROM survey_versions WHERE id = $1 AND tenant_id = $2";
const std::string kLatest = "SELECT " + kVersionColumns.List() + " FROM survey_versions WHERE survey_id = $1 AND number = $2";

std::string ScopeOf(const Actor& a) { return (a.IsAdmin() ? std::string("/") : a.org_path) + "%"; }

}  // namespace

boost::json::object ToJson(const Survey& s) {
  return {{"id", s.id},
          {"org_unit_id", s.org_unit_id},
          {"org_unit_name", s.org_unit_name},
          {"title", s.title},
          {"description", s.description},
          {"questions", ToJson(s.questions)},
          {"callback_rule", ToJson(s.callback_rule)},
          {"status", s.status},
          {"published_version", s.published_version},
          {"draft_changed", s.draft_changed},
          {"editable", s.editable},
          {"wave_count", s.wave_count},
          {"response_count", s.response_count},
          {"created_by", s.created_by},
          {"created_by_name", s.created_by_name},
          {"version", s.version},
          {"created_at", FormatRfc3339(s.created_at)},
          {"updated_at", FormatRfc3339(s.updated_at)}};
}

boost::json::object ToJson(const SurveyVersion& v) {
  return {{"id", v.id},
          {"survey_id", v.survey_id},
          {"number", v.number},
          {"title", v.title},
          {"description", v.description},
          {"questions", ToJson(v.questions)},
          {"callback_rule", ToJson(v.callback_rule)},
          {"published_by", v.published_by},
          {"published_by_name", v.published_by_name},
          {"published_at", FormatRfc3339(v.published_at)}};
}

SurveyService::SurveyService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::OrgService& orgs)
    : db_(db), clock_(clock), audit_(audit), orgs_(orgs) {}

std::optional<Survey> SurveyService::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFind, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return kColumns.Read(rows.front());
}

void SurveyService::Decorate(db::Tx& tx, const Actor& actor, std::vector<Survey>& surveys) {
  std::vector<std::int64_t> units, users;
  for (const auto& s : surveys) {
    units.push_back(s.org_unit_id);
    users.push_back(s.created_by);
  }
  const auto unit_names = platform::directory::UnitNamesOf(tx, actor.tenant_id, units);
  const auto user_names = platform::directory::NamesOf(tx, actor.tenant_id, users);
  for (auto& s : surveys) {
    if (auto it = unit_names.find(s.org_unit_id); it != unit_names.end()) s.org_unit_name = it->second;
    if (auto it = user_names.find(s.created_by); it != user_names.end()) s.created_by_name = it->second.Shown();
    s.editable = actor.Can(Permission::kDeliveryWork) && orgs_.FindInScope(tx, actor, s.org_unit_id).has_value();
  }
  // Its waves, and the answers from the caller's projects.
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, Survey*> by_id;
  for (auto& s : surveys) {
    ids.push_back(s.id);
    by_id[s.id] = &s;
  }
  db::SelectIn(tx, kWaveCounts, {actor.tenant_id}, ids, [&](const db::Row& r) { by_id[r.Int(0)]->wave_count = r.Int(1); });
  db::SelectIn(tx, kResponseCounts, {actor.tenant_id, ScopeOf(actor)}, ids, [&](const db::Row& r) { by_id[r.Int(0)]->response_count = r.Int(1); });
}

Result<std::int64_t> SurveyService::Count(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::int64_t> {
    return tx.Execute(kCount, actor.tenant_id, ScopeOf(actor), actor.org_path).front().Int(0);
  });
}

Result<Survey> SurveyService::SurveyFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  auto s = Find(tx, actor.tenant_id, id);
  if (!s) return NotFound("no such survey");
  // Seen in the caller's subtree, or from below (a unit above the caller made it).
  const auto unit = platform::directory::UnitOrFirstGroup(tx, s->org_unit_id);
  if (!unit || !(actor.InScope(unit->path) || actor.org_path.starts_with(unit->path))) return NotFound("no such survey");
  std::vector<Survey> one{std::move(*s)};
  Decorate(tx, actor, one);
  return std::move(one.front());
}

Result<Survey> SurveyService::Create(const RequestContext& ctx, const SurveyInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations build surveys");
  if (!in.title) return FailField("title", "required");
  if (!in.questions) return FailField("questions", "required");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Survey> {
    const std::int64_t unit = in.org_unit_id.value_or(actor.org_unit_id);
    if (!orgs_.FindInScope(tx, actor, unit)) return FailField("org_unit_id", "not_found");
    const auto id = tx.Execute(kInsert, actor.tenant_id, unit, *in.title, in.description.value_or(""),
                               boost::json::serialize(ToJson(*in.questions)), RuleText(in.callback_rule.value_or(std::nullopt)),
                               actor.user_id, now)
                        .front()
                        .Int(0);
    audit_.Record(tx, ctx, "survey.created", "survey", id, nullptr, boost::json::object{{"title", *in.title}});
    return SurveyFor(tx, actor, id);
  });
}

Result<Survey> SurveyService::Get(const RequestContext& ctx, std::int64_t id) {
  return db_.Read([&](db::Tx& tx) { return SurveyFor(tx, ctx.actor_ref(), id); });
}

Result<platform::Listing<Survey>> SurveyService::List(const RequestContext& ctx, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Survey>> {
    platform::Listing<Survey> out;
    for (const auto& r : tx.Execute(kList, actor.tenant_id, ScopeOf(actor), actor.org_path, page.after_id, page.limit + 1)) {
      out.items.push_back(kColumns.Read(r));
    }
    out.next_cursor = TrimToPage(out.items, page, [](const Survey& s) { return s.id; });
    Decorate(tx, actor, out.items);
    return out;
  });
}

Result<Survey> SurveyService::Update(const RequestContext& ctx, std::int64_t id, const SurveyInput& in,
                                     std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations build surveys");
  if (in.org_unit_id) return FailField("org_unit_id", "read_only");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Survey> {
    HEARTH_ASSIGN(Survey s, SurveyFor(tx, actor, id));
    if (!s.editable) return Forbidden("this survey belongs to a unit above yours");
    if (s.status == "archived") return Fail(ErrorCode::kConflict, "invalid_transition", "an archived survey is not edited");
    if (expected_version && *expected_version != s.version) return Fail(ErrorCode::kConflict, "version_conflict", "the survey changed meanwhile");
    const auto before = ToJson(s);
    if (in.title) s.title = *in.title;
    if (in.description) s.description = *in.description;
    if (in.questions) s.questions = *in.questions;
    if (in.callback_rule) s.callback_rule = *in.callback_rule;
    // A rule needs the satisfaction question it reads.
    if (s.callback_rule) {
      const Question* q = QuestionMeasuring(s.questions, Measure::kSatisfaction);
      if (!q) return FailField("callback_rule", "needs_satisfaction_question");
      if (s.callback_rule->at_most >= q->scale) return FailField("callback_rule.at_most", "out_of_range");
    }
    const auto changed = tx.Execute(kUpdate, id, actor.tenant_id, s.title, s.description, boost::json::serialize(ToJson(s.questions)),
                                    RuleText(s.callback_rule), now, s.version)
                             .affected;
    if (changed == 0) return Fail(ErrorCode::kConflict, "version_conflict", "the survey changed meanwhile");
    audit_.Record(tx, ctx, "survey.updated", "survey", id, before.at("title"), boost::json::value(s.title));
    return SurveyFor(tx, actor, id);
  });
}

Result<Survey> SurveyService::Publish(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations publish surveys");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Survey> {
    HEARTH_ASSIGN(Survey s, SurveyFor(tx, actor, id));
    if (!s.editable) return Forbidden("this survey belongs to a unit above yours");
    if (s.status == "archived") return Fail(ErrorCode::kConflict, "invalid_transition", "an archived survey is not published");
    if (!s.draft_changed && s.published_version > 0) {
      return Fail(ErrorCode::kConflict, "unchanged", fmt::format("nothing changed since version {}", s.published_version));
    }
    if (s.questions.empty()) return FailField("questions", "required");
    const std::int64_t number = s.published_version + 1;
    tx.Execute(kInsertVersion, actor.tenant_id, id, number, s.title, s.description, boost::json::serialize(ToJson(s.questions)),
               RuleText(s.callback_rule), actor.user_id, now);
    if (tx.Execute(kPublished, id, actor.tenant_id, number, now, s.version).affected == 0) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the survey changed meanwhile");
    }
    audit_.Record(tx, ctx, "survey.published", "survey", id, nullptr, boost::json::object{{"version", number}});
    return SurveyFor(tx, actor, id);
  });
}

Result<Survey> SurveyService::Archive(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations archive surveys");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Survey> {
    HEARTH_ASSIGN(Survey s, SurveyFor(tx, actor, id));
    if (!s.editable) return Forbidden("this survey belongs to a unit above yours");
    if (tx.Execute(kArchived, id, actor.tenant_id, now).affected == 0) {
      return Fail(ErrorCode::kConflict, "invalid_transition", "the survey is archived already");
    }
    audit_.Record(tx, ctx, "survey.archived", "survey", id, nullptr, nullptr);
    return SurveyFor(tx, actor, id);
  });
}

Result<std::vector<SurveyVersion>> SurveyService::Versions(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<SurveyVersion>> {
    HEARTH_TRY(SurveyFor(tx, actor, id));
    std::vector<SurveyVersion> out;
    std::vector<std::int64_t> users;
    for (const auto& r : tx.Execute(kVersions, id)) {
      out.push_back(kVersionColumns.Read(r));
      users.push_back(out.back().published_by);
    }
    const auto names = platform::directory::NamesOf(tx, actor.tenant_id, users);
    for (auto& v : out) {
      if (auto it = names.find(v.published_by); it != names.end()) v.published_by_name = it->second.Shown();
    }
    return out;
  });
}

Result<SurveyVersion> SurveyService::LatestVersion(db::Tx& tx, const Survey& s) {
  if (s.published_version == 0) return Fail(ErrorCode::kConflict, "not_published", "publish the survey before sending it");
  auto rows = tx.Execute(kLatest, s.id, s.published_version);
  if (rows.empty()) return Fail(ErrorCode::kConflict, "not_published", "publish the survey before sending it");
  return kVersionColumns.Read(rows.front());
}

std::optional<SurveyVersion> SurveyService::VersionById(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kVersionById, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return kVersionColumns.Read(rows.front());
}

std::shared_ptr<const SurveyVersion> SurveyService::CachedVersion(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  {
    std::lock_guard lock(versions_mutex_);
    if (auto it = versions_.find(id); it != versions_.end()) return it->second->tenant_id == tenant_id ? it->second : nullptr;
  }
  auto v = VersionById(tx, tenant_id, id);
  if (!v) return nullptr;
  auto shared = std::make_shared<const SurveyVersion>(std::move(*v));
  std::lock_guard lock(versions_mutex_);
  return versions_.emplace(id, std::move(shared)).first->second;
}

}  // namespace hearth::surveys
