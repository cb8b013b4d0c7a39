// Waves: sampling the owners of projects by tenure cohort, their invitations, sending and reminding.
#include "modules/surveys/waves/wave_service.hpp"

#include <algorithm>
#include <random>
#include <set>
#include <unordered_set>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "modules/delivery/delivery_common.hpp"
#include "platform/directory.hpp"
#include "platform/org_scope.hpp"
#include "platform/password.hpp"

namespace hearth::surveys {

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr std::size_t kChunk = 500;     // candidates checked for exclusions at a time
constexpr std::size_t kInsertRows = 100;  // invitations per INSERT

std::vector<std::int64_t> IdsOf(const std::string& text) {
  std::vector<std::int64_t> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& e : v.as_array()) {
    if (e.is_int64()) out.push_back(e.as_int64());
  }
  return out;
}

std::vector<std::string> WordsOf(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& e : v.as_array()) {
    if (e.is_string()) out.emplace_back(e.as_string());
  }
  return out;
}

boost::json::object ObjectOf(const std::string& text) {
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  return !ec && v.is_object() ? v.as_object() : boost::json::object{};
}

const db::Columns<Wave> kColumns{
    {"id", &Wave::id},
    {"tenant_id", &Wave::tenant_id},
    {"survey_id", &Wave::survey_id},
    {"version_id", &Wave::version_id},
    {"org_unit_id", &Wave::org_unit_id},
    {"name", &Wave::name},
    {"channel", &Wave::channel},
    {"project_ids", [](Wave& w, const db::Row& r, std::size_t i) { w.project_ids = IdsOf(r.Text(i)); }},
    {"cohorts", [](Wave& w, const db::Row& r, std::size_t i) { w.cohorts = WordsOf(r.Text(i)); }},
    {"sample_per_project", &Wave::sample_per_project},
    {"exclude_days", &Wave::exclude_days},
    {"exclude_no_consent", &Wave::exclude_no_consent},
    {"send_per_minute", &Wave::send_per_minute},
    {"closes_on", &Wave::closes_on},
    {"status", &Wave::status},
    {"population", &Wave::population},
    {"invited", &Wave::invited},
    {"sampling", &Wave::sampling_text},
    {"origin", &Wave::origin},
    {"created_by", &Wave::created_by},
    {"version", &Wave::version},
    {"created_at", &Wave::created_at},
    {"updated_at", &Wave::updated_at},
};
const db::Columns<Invitation> kInvitationColumns{
    {"id", &Invitation::id},
    {"wave_id", &Invitation::wave_id},
    {"survey_id", &Invitation::survey_id},
    {"project_id", &Invitation::project_id},
    {"org_unit_id", &Invitation::org_unit_id},
    {"org_path", &Invitation::org_path},
    {"company_id", &Invitation::company_id},
    {"unit_id", &Invitation::unit_id},
    {"customer_id", &Invitation::customer_id},
    {"cohort", &Invitation::cohort},
    {"token", &Invitation::token},
    {"status", &Invitation::status},
    {"message_id", &Invitation::message_id},
    {"sent_at", &Invitation::sent_at},
    {"opened_at", &Invitation::opened_at},
    {"answered_at", &Invitation::answered_at},
    {"reminders", &Invitation::reminders},
    {"reminded_at", &Invitation::reminded_at},
    {"draft", &Invitation::draft},
    {"created_at", &Invitation::created_at},
};

const std::string kFind = "SELECT " + kColumns.List() + " FROM survey_waves WHERE id = $1 AND tenant_id = $2";
const std::string kOfSurvey = "SELECT " + kColumns.List() + " FROM survey_waves WHERE survey_id = $1 AND tenant_id = $2 ORDER BY id DESC";
constexpr std::string_view kInsertWave = R"sql(
INSERT INTO survey_waves (tenant_id, survey_id, version_id, org_unit_id, name, channel, project_ids, cohorts, sample_per_project,
                          exclude_days, exclude_no_consent, send_per_minute, closes_on, origin, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id)sql";
constexpr std::string_view kSampled = R"sql(
UPDATE survey_waves SET population = $2, invited = $3, sampling = $4 WHERE id = $1)sql";
constexpr std::string_view kCloseWave = R"sql(
UPDATE survey_waves SET status = 'closed', version = version + 1, updated_at = $3 WHERE id = $1 AND tenant_id = $2 AND status = 'open')sql";
// The wave's invitations by project, cohort and state (the progress and the counts).
constexpr std::string_view kProgress = R"sql(
SELECT project_id, cohort, status, COUNT(*), SUM(CASE WHEN opened_at IS NOT NULL THEN 1 ELSE 0 END),
       SUM(CASE WHEN reminders > 0 THEN 1 ELSE 0 END)
  FROM survey_invitations WHERE wave_id = $1 GROUP BY project_id, cohort, status)sql";
// Those of a chunk of candidates who opted out, or were invited to a survey since $2.
constexpr std::string_view kOptedOut = "SELECT customer_id FROM survey_opt_outs WHERE tenant_id = $1 AND customer_id IN ({})";
constexpr std::string_view kInvitedSince = R"sql(
SELECT DISTINCT customer_id FROM survey_invitations WHERE tenant_id = $1 AND created_at >= $2 AND customer_id IN ({}))sql";
const std::string kInvitations = "SELECT " + kInvitationColumns.List() + R"sql( FROM survey_invitations
 WHERE wave_id = $1 AND (CAST($2 AS BIGINT) IS NULL OR id > $2)
   AND (CAST($3 AS TEXT) IS NULL OR status = $3 OR ($3 = 'opened' AND status = 'sent' AND opened_at IS NOT NULL))
   AND (CAST($4 AS BIGINT) IS NULL OR project_id = $4) AND (CAST($5 AS TEXT) IS NULL OR cohort = $5)
 ORDER BY id LIMIT $6)sql";
const std::string kByToken = "SELECT " + kInvitationColumns.List() + ", tenant_id FROM survey_invitations WHERE token = $1";
// The job's page: invitations to send and reminders due.
const std::string kToSend = "SELECT " + kInvitationColumns.List() + R"sql( FROM survey_invitations
 WHERE wave_id = $1 AND (status = 'queued' OR remind_due) ORDER BY id LIMIT $2)sql";
constexpr std::string_view kMarkSent = R"sql(
UPDATE survey_invitations SET status = 'sent', sent_at = $2, message_id = $3 WHERE id = $1 AND status = 'queued')sql";
constexpr std::string_view kMarkReminded = R"sql(
UPDATE survey_invitations SET remind_due = FALSE, reminders = reminders + 1, reminded_at = $2, message_id = $3 WHERE id = $1)sql";
constexpr std::string_view kMarkNoContact = R"sql(
UPDATE survey_invitations SET status = 'no_contact', remind_due = FALSE WHERE id = $1 AND status = 'queued')sql";
constexpr std::string_view kRemindable = R"sql(
SELECT id, reminders, COALESCE(reminded_at, sent_at) FROM survey_invitations WHERE wave_id = $1 AND status = 'sent' AND NOT remind_due)sql";
constexpr std::string_view kRemindDue = "UPDATE survey_invitations SET remind_due = TRUE WHERE id = $1";

std::string UrlOf(const std::string& origin, const std::string& token) { return origin + "/s/" + token; }

}  // namespace

boost::json::object ToJson(const Wave& w, const std::string& today) {
  boost::json::object counts;
  for (const char* k : {"queued", "sent", "no_contact", "answered", "opened", "reminded"}) {
    const auto it = w.counts.find(k);
    counts[k] = it == w.counts.end() ? 0 : it->second;
  }
  const std::int64_t reached = counts["sent"].as_int64() + counts["answered"].as_int64();
  const bool closed = w.status == "closed" || w.closes_on < today;
  return {{"id", w.id},
          {"survey_id", w.survey_id},
          {"survey_title", w.survey_title},
          {"version_id", w.version_id},
          {"version_number", w.version_number},
          {"name", w.name},
          {"channel", w.channel},
          {"project_ids", boost::json::array(w.project_ids.begin(), w.project_ids.end())},
          {"cohorts", boost::json::array(w.cohorts.begin(), w.cohorts.end())},
          {"sample_per_project", w.sample_per_project},
          {"exclude_days", w.exclude_days},
          {"exclude_no_consent", w.exclude_no_consent},
          {"send_per_minute", w.send_per_minute},
          {"closes_on", w.closes_on},
          {"status", closed ? "closed" : "open"},
          {"population", w.population},
          {"invited", w.invited},
          {"sampling", w.sampling},
          {"counts", std::move(counts)},
          {"response_rate", reached > 0 ? boost::json::value(static_cast<double>(w.counts.count("answered") ? w.counts.at("answered") : 0) /
                                                            static_cast<double>(reached))
                                        : boost::json::value(nullptr)},
          {"progress", w.progress},
          {"created_by", w.created_by},
          {"created_by_name", w.created_by_name},
          {"version", w.version},
          {"created_at", FormatRfc3339(w.created_at)},
          {"updated_at", FormatRfc3339(w.updated_at)}};
}

boost::json::object ToJson(const Invitation& i) {
  std::string state = i.status;
  if (state == "sent" && i.opened_at) state = "opened";
  return {{"id", i.id},
          {"wave_id", i.wave_id},
          {"project_id", i.project_id},
          {"project_name", i.project_name},
          {"unit_id", i.unit_id},
          {"unit_code", i.unit_code},
          {"customer_id", i.customer_id},
          {"customer_name", i.customer_name},
          {"customer_phone", i.customer_phone},
          {"cohort", i.cohort},
          {"status", i.status},
          {"state", state},
          {"message_id", JsonOr(i.message_id)},
          {"sent_at", JsonTime(i.sent_at)},
          {"opened_at", JsonTime(i.opened_at)},
          {"answered_at", JsonTime(i.answered_at)},
          {"reminders", i.reminders},
          {"reminded_at", JsonTime(i.reminded_at)},
          {"url", i.url.empty() ? boost::json::value(nullptr) : boost::json::value(i.url)},
          {"created_at", FormatRfc3339(i.created_at)}};
}

boost::json::object ToJson(const PublicSurvey& p) {
  return {{"state", p.state},
          {"title", p.title},
          {"description", p.description},
          {"questions", p.questions && p.state != "answered" ? ToJson(*p.questions) : boost::json::array{}},
          {"project_name", p.project_name},
          {"owner", p.owner},
          {"closes_on", p.closes_on},
          {"draft", p.draft},
          {"opted_out", p.opted_out}};
}

WaveService::WaveService(db::Database& db, const Clock& clock, platform::AuditLog& audit, platform::JobScheduler& jobs,
                         platform::MessageGateway& messages, customers::CustomerService& customers, inventory::InventoryService& inventory,
                         service::TicketService& tickets, SurveyService& surveys)
    : db_(db),
      clock_(clock),
      audit_(audit),
      jobs_(jobs),
      messages_(messages),
      customers_(customers),
      inventory_(inventory),
      tickets_(tickets),
      surveys_(surveys) {}

std::string WaveService::Today() const { return delivery::ChinaToday(clock_); }

bool WaveService::Closed(const Wave& w) const { return w.status == "closed" || w.closes_on < Today(); }

std::optional<Wave> WaveService::Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFind, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return kColumns.Read(rows.front());
}

std::set<std::int64_t> WaveService::VisibleProjects(db::Tx& tx, const Actor& actor, const Wave& w) {
  std::set<std::int64_t> out;
  for (auto p : w.project_ids) {
    if (inventory_.ProjectFor(tx, actor, p)) out.insert(p);
  }
  return out;
}

void WaveService::Decorate(db::Tx& tx, const Actor& actor, Wave& w) {
  const auto projects = inventory_.NamesOfProjects(tx, w.tenant_id);
  // Another company's projects of a group-wide wave are its own business: neither named nor counted.
  const auto visible = VisibleProjects(tx, actor, w);
  std::map<std::pair<std::int64_t, std::string>, boost::json::object> groups;
  for (const auto& r : tx.Execute(kProgress, w.id)) {
    if (!visible.contains(r.Int(0))) continue;
    const std::string status = r.Text(2);
    w.counts[status] += r.Int(3);
    w.counts["opened"] += r.Int(4);
    w.counts["reminded"] += r.Int(5);
    auto& g = groups[{r.Int(0), r.Text(1)}];
    if (g.empty()) {
      const auto name = projects.find(r.Int(0));
      g = {{"project_id", r.Int(0)}, {"project_name", name == projects.end() ? "" : name->second}, {"cohort", r.Text(1)},
           {"invited", 0}, {"answered", 0}, {"opened", 0}, {"no_contact", 0}};
    }
    g["invited"] = g["invited"].as_int64() + r.Int(3);
    g["opened"] = g["opened"].as_int64() + r.Int(4);
    if (status == "answered") g["answered"] = r.Int(3);
    if (status == "no_contact") g["no_contact"] = r.Int(3);
  }
  w.progress.clear();
  for (auto& [key, g] : groups) w.progress.push_back(std::move(g));
  if (auto v = surveys_.VersionById(tx, w.tenant_id, w.version_id)) {
    w.survey_title = v->title;
    w.version_number = v->number;
  }
  const auto names = platform::directory::NamesOf(tx, w.tenant_id, {w.created_by});
  if (auto it = names.find(w.created_by); it != names.end()) w.created_by_name = it->second.Shown();
  // The sampling's plan, each planned group by name too (read only here: the owners' page reads the
  // wave on every answer and needs none of it).
  w.sampling = ObjectOf(w.sampling_text);
  if (auto* plan = w.sampling.if_contains("plan"); plan && plan->is_array()) {
    boost::json::array seen;
    std::int64_t population = 0, invited = 0;
    for (auto& p : plan->as_array()) {
      auto& o = p.as_object();
      const std::int64_t project = o.at("project_id").as_int64();
      if (!visible.contains(project)) continue;
      const auto name = projects.find(project);
      o["project_name"] = name == projects.end() ? "" : name->second;
      population += o.at("population").as_int64();
      invited += o.at("sampled").as_int64();
      seen.push_back(std::move(o));
    }
    if (visible.size() < w.project_ids.size()) {
      w.population = population;
      w.invited = invited;
      w.project_ids.assign(visible.begin(), visible.end());
    }
    *plan = std::move(seen);
  }
}

Result<Wave> WaveService::WaveFor(db::Tx& tx, const Actor& actor, std::int64_t id) {
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  auto w = Find(tx, actor.tenant_id, id);
  if (!w) return NotFound("no such wave");
  HEARTH_TRY(surveys_.SurveyFor(tx, actor, w->survey_id));
  // A wave is its projects' business: seen when one of them is in the caller's scope.
  if (VisibleProjects(tx, actor, *w).empty()) return NotFound("no such wave");
  Decorate(tx, actor, *w);
  return std::move(*w);
}

Result<Wave> WaveService::Create(const RequestContext& ctx, std::int64_t survey_id, const WaveInput& in, const std::string& origin) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations send surveys");
  const std::string today = Today();
  const std::string closes_on = in.closes_on.value_or(FormatIsoDate(ParseIsoDate(today).value_or(0) + 30));
  if (closes_on < today) return FailField("closes_on", "in_the_past");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Wave> {
    HEARTH_ASSIGN(const Survey survey, surveys_.SurveyFor(tx, actor, survey_id));
    if (survey.status == "archived") return Fail(ErrorCode::kConflict, "invalid_transition", "an archived survey sends no more waves");
    HEARTH_ASSIGN(const SurveyVersion version, surveys_.LatestVersion(tx, survey));
    std::vector<inventory::Project> projects;
    std::set<std::int64_t> seen_projects;
    for (std::size_t i = 0; i < in.project_ids.size(); ++i) {
      auto p = inventory_.ProjectFor(tx, actor, in.project_ids[i]);
      if (!p) return FailField(fmt::format("project_ids[{}]", i), "not_found");
      if (seen_projects.insert(p->id).second) projects.push_back(std::move(*p));
    }
    std::vector<std::string> cohort_words;
    for (Cohort c : in.cohorts) cohort_words.emplace_back(kCohorts.Name(c));
    boost::json::array project_json(in.project_ids.begin(), in.project_ids.end());
    const std::string name = in.name.value_or(fmt::format("{} {}", survey.title, today));
    const std::int64_t wave_id =
        tx.Execute(kInsertWave, actor.tenant_id, survey.id, version.id, actor.org_unit_id, name, in.channel,
                   boost::json::serialize(project_json), boost::json::serialize(boost::json::array(cohort_words.begin(), cohort_words.end())),
                   in.sample_per_project, in.exclude_days, in.exclude_no_consent, in.send_per_minute, closes_on, origin, actor.user_id, now)
            .front()
            .Int(0);

    std::mt19937_64 rng(static_cast<std::uint64_t>(wave_id) * 0x9E3779B97F4A7C15ULL);
    const Timestamp since{now.ms - in.exclude_days * kDayMs};
    std::map<std::string, std::int64_t> excluded{{"opted_out", 0}, {"surveyed_recently", 0}, {"no_consent", 0}, {"no_contact", 0}};
    boost::json::array plan;
    std::int64_t population = 0, invited = 0;
    std::vector<db::Value> rows;  // the pending INSERT's values
    std::size_t pending = 0;
    auto flush = [&] {
      if (pending == 0) return;
      std::string sql =
          "INSERT INTO survey_invitations (tenant_id, wave_id, survey_id, project_id, org_unit_id, org_path, company_id, unit_id, customer_id, "
          "cohort, token, status, sent_at, created_at) VALUES ";
      for (std::size_t r = 0; r < pending; ++r) {
        sql += r == 0 ? "(" : ", (";
        for (std::size_t c = 0; c < 14; ++c) sql += fmt::format("{}${}", c == 0 ? "" : ", ", r * 14 + c + 1);
        sql += ")";
      }
      tx.ExecuteValues(sql, rows);
      rows.clear();
      pending = 0;
    };
    const bool link = in.channel == "link";
    std::unordered_set<std::int64_t> in_wave;  // an owner of homes in two of the projects is invited once
    for (const auto& project : projects) {
      const std::int64_t company = delivery::CompanyOfUnit(tx, project.org_unit_id);
      const auto project_unit = platform::directory::UnitOrFirstGroup(tx, project.org_unit_id);
      const std::string org_path = project_unit ? project_unit->path : std::string("/");
      // One candidate per owner (their first home in the project), by cohort.
      std::map<Cohort, std::vector<std::pair<std::int64_t, std::int64_t>>> buckets;  // cohort → (customer, unit)
      std::unordered_set<std::int64_t> owners;
      for (const auto& h : inventory_.OwnedHomes(tx, actor.tenant_id, project.id)) {
        const auto cohort = CohortOf(h.status, h.delivered_on, today);
        if (!cohort || in_wave.contains(h.customer_id) || !owners.insert(h.customer_id).second) continue;
        if (std::find(in.cohorts.begin(), in.cohorts.end(), *cohort) == in.cohorts.end()) continue;
        buckets[*cohort].emplace_back(h.customer_id, h.unit_id);
      }
      // Quotas: as given, or the sample split evenly, what a short cohort leaves going to the others.
      std::map<Cohort, std::int64_t> quota;
      if (!in.quotas.empty()) {
        quota = in.quotas;
      } else {
        const auto n = static_cast<std::int64_t>(in.cohorts.size());
        for (std::size_t i = 0; i < in.cohorts.size(); ++i) {
          quota[in.cohorts[i]] = in.sample_per_project / n + (static_cast<std::int64_t>(i) < in.sample_per_project % n ? 1 : 0);
        }
      }
      std::map<Cohort, std::size_t> cursor;
      std::map<Cohort, std::int64_t> taken;
      for (auto& [c, list] : buckets) std::shuffle(list.begin(), list.end(), rng);
      // Walks the cohort's shuffled owners from where it stopped, taking up to `want` of those no
      // exclusion leaves out (checked a chunk at a time).
      auto take = [&](Cohort c, std::int64_t want) {
        auto& list = buckets[c];
        auto& at = cursor[c];
        std::int64_t got = 0;
        while (got < want && at < list.size()) {
          const std::size_t end = std::min(list.size(), at + kChunk);
          std::vector<std::int64_t> ids;
          for (std::size_t i = at; i < end; ++i) ids.push_back(list[i].first);
          std::unordered_set<std::int64_t> opted, recent;
          db::SelectIn(tx, kOptedOut, {actor.tenant_id}, ids, [&](const db::Row& r) { opted.insert(r.Int(0)); });
          if (in.exclude_days > 0) {
            db::SelectIn(tx, kInvitedSince, {actor.tenant_id, since.ms}, ids, [&](const db::Row& r) { recent.insert(r.Int(0)); });
          }
          const auto contacts = customers_.ContactsOf(tx, actor.tenant_id, ids);
          for (; at < end && got < want; ++at) {
            const auto [customer, unit] = list[at];
            const auto contact = contacts.find(customer);
            const char* reason = nullptr;
            if (opted.contains(customer)) reason = "opted_out";
            else if (recent.contains(customer)) reason = "surveyed_recently";
            else if (contact == contacts.end()) reason = "no_contact";
            else if (in.exclude_no_consent && !contact->second.consent_marketing) reason = "no_consent";
            else if (in.channel == "sms" && contact->second.phone.empty()) reason = "no_contact";
            else if (in.channel == "email" && !contact->second.email) reason = "no_contact";
            if (reason) {
              ++excluded[reason];
              continue;
            }
            for (const db::Value& v : std::initializer_list<db::Value>{
                     actor.tenant_id, wave_id, survey.id, project.id, project.org_unit_id, org_path, company, unit, customer,
                     std::string(kCohorts.Name(c)), platform::RandomToken(), std::string(link ? "sent" : "queued"),
                     link ? db::Value(now.ms) : db::Value(std::monostate{}), now.ms}) {
              rows.push_back(v);
            }
            in_wave.insert(customer);
            if (++pending == kInsertRows) flush();
            ++got;
          }
        }
        taken[c] += got;
        return got;
      };
      for (Cohort c : in.cohorts) take(c, quota[c]);
      if (in.quotas.empty()) {
        std::int64_t short_by = 0;
        for (Cohort c : in.cohorts) short_by += quota[c] - taken[c];
        for (Cohort c : in.cohorts) {
          if (short_by <= 0) break;
          short_by -= take(c, short_by);
        }
      }
      for (Cohort c : in.cohorts) {
        const auto size = static_cast<std::int64_t>(buckets[c].size());
        population += size;
        invited += taken[c];
        plan.push_back(boost::json::object{{"project_id", project.id}, {"cohort", kCohorts.Name(c)}, {"population", size},
                                           {"quota", quota[c]}, {"sampled", taken[c]}});
      }
    }
    flush();
    boost::json::object excluded_json;
    for (const auto& [k, v] : excluded) excluded_json[k] = v;
    tx.Execute(kSampled, wave_id, population, invited,
               boost::json::serialize(boost::json::object{{"excluded", std::move(excluded_json)}, {"plan", std::move(plan)}}));
    if (!link && invited > 0) jobs_.Enqueue(tx, actor.tenant_id, kSendJob, boost::json::object{{"wave_id", wave_id}}, now);
    audit_.Record(tx, ctx, "survey_wave.created", "survey", survey.id, nullptr,
                  boost::json::object{{"wave_id", wave_id}, {"name", name}, {"invited", invited}, {"channel", in.channel}});
    return WaveFor(tx, actor, wave_id);
  });
}

Result<Wave> WaveService::Get(const RequestContext& ctx, std::int64_t id) {
  return db_.Read([&](db::Tx& tx) { return WaveFor(tx, ctx.actor_ref(), id); });
}

Result<std::vector<Wave>> WaveService::OfSurvey(const RequestContext& ctx, std::int64_t survey_id) {
  const Actor& actor = ctx.actor_ref();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<Wave>> {
    HEARTH_TRY(surveys_.SurveyFor(tx, actor, survey_id));
    std::vector<Wave> out;
    for (const auto& r : tx.Execute(kOfSurvey, survey_id, actor.tenant_id)) {
      Wave w = kColumns.Read(r);
      if (VisibleProjects(tx, actor, w).empty()) continue;
      Decorate(tx, actor, w);
      out.push_back(std::move(w));
    }
    return out;
  });
}

Result<platform::Listing<Invitation>> WaveService::Invitations(const RequestContext& ctx, std::int64_t wave_id, const InvitationFilter& filter,
                                                               const Page& page) {
  const Actor& actor = ctx.actor_ref();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Invitation>> {
    HEARTH_ASSIGN(const Wave w, WaveFor(tx, actor, wave_id));
    platform::Listing<Invitation> out;
    // The caller's projects of the wave only.
    std::set<std::int64_t> visible;
    for (auto p : w.project_ids) {
      if (inventory_.ProjectFor(tx, actor, p)) visible.insert(p);
    }
    if (filter.project_id && !visible.contains(*filter.project_id)) return out;
    std::optional<std::int64_t> after = page.after_id;
    while (true) {
      auto rows = tx.Execute(kInvitations, wave_id, after, filter.status, filter.project_id, filter.cohort, page.limit + 1);
      for (const auto& r : rows) {
        Invitation i = kInvitationColumns.Read(r);
        after = i.id;
        if (visible.contains(i.project_id)) out.items.push_back(std::move(i));
      }
      if (static_cast<int>(rows.size()) <= page.limit || static_cast<int>(out.items.size()) > page.limit) break;
    }
    out.next_cursor = TrimToPage(out.items, page, [](const Invitation& i) { return i.id; });
    std::vector<std::int64_t> customers, units;
    for (const auto& i : out.items) {
      customers.push_back(i.customer_id);
      units.push_back(i.unit_id);
    }
    const auto cards = customers_.CardsOf(tx, actor.tenant_id, customers);
    const auto codes = inventory_.CodesOf(tx, actor.tenant_id, units);
    const auto projects = inventory_.NamesOfProjects(tx, actor.tenant_id);
    const bool staff = actor.Can(Permission::kDeliveryWork);
    for (auto& i : out.items) {
      if (auto it = cards.find(i.customer_id); it != cards.end()) {
        i.customer_name = it->second.name;
        i.customer_phone = it->second.phone;
      }
      if (auto it = codes.find(i.unit_id); it != codes.end()) i.unit_code = it->second;
      if (auto it = projects.find(i.project_id); it != projects.end()) i.project_name = it->second;
      if (staff && i.status != "answered" && i.status != "no_contact") i.url = UrlOf(w.origin, i.token);
    }
    return out;
  });
}

Result<Table> WaveService::Links(const RequestContext& ctx, std::int64_t wave_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations hand out survey links");
  Table table;
  table.header = {"项目", "房号", "业主", "客户类型", "状态", "链接"};
  Page page{.limit = 500, .after_id = std::nullopt};
  while (true) {
    HEARTH_ASSIGN(auto list, Invitations(ctx, wave_id, {}, page));
    for (const auto& i : list.items) {
      table.rows.push_back({i.project_name, i.unit_code, i.customer_name, std::string(kCohortLabels.Name(kCohorts.Stored(i.cohort))),
                            std::string(i.status == "answered" ? "已答" : i.status == "no_contact" ? "无联系方式" : "未答"), i.url});
    }
    if (!list.next_cursor || list.items.empty()) break;
    page.after_id = list.items.back().id;
  }
  return table;
}

Result<RemindReport> WaveService::Remind(const RequestContext& ctx, std::int64_t wave_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations remind owners");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<RemindReport> {
    HEARTH_ASSIGN(const Wave w, WaveFor(tx, actor, wave_id));
    if (Closed(w)) return Fail(ErrorCode::kConflict, "survey_closed", "the wave is closed");
    if (w.channel == "link") return Fail(ErrorCode::kConflict, "no_channel", "a link wave has no channel to remind by");
    RemindReport report;
    for (const auto& r : tx.Execute(kRemindable, wave_id)) {
      if (r.Int(1) >= kMaxReminders) {
        ++report.max_reached;
      } else if (r.Int(2) > now.ms - kRemindAfterDays * kDayMs) {
        ++report.too_soon;
      } else {
        tx.Execute(kRemindDue, r.Int(0));
        ++report.queued;
      }
    }
    if (report.queued > 0) jobs_.Enqueue(tx, actor.tenant_id, kSendJob, boost::json::object{{"wave_id", wave_id}}, now);
    audit_.Record(tx, ctx, "survey_wave.reminded", "survey", w.survey_id, nullptr,
                  boost::json::object{{"wave_id", wave_id}, {"queued", report.queued}});
    return report;
  });
}

std::optional<WaveService::WaveBrief> WaveService::BriefOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t wave_id) {
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(cache_mutex_);
    if (auto it = briefs_.find(wave_id); it != briefs_.end() && now - it->second.second < std::chrono::seconds(5)) return it->second.first;
  }
  auto rows = tx.Execute("SELECT version_id, closes_on, status FROM survey_waves WHERE id = $1 AND tenant_id = $2", wave_id, tenant_id);
  if (rows.empty()) return std::nullopt;
  WaveBrief brief{rows.front().Int(0), rows.front().Text(1), rows.front().Text(2)};
  std::lock_guard lock(cache_mutex_);
  briefs_[wave_id] = {brief, now};
  return brief;
}

std::string WaveService::ProjectNameOf(db::Tx& tx, std::int64_t tenant_id, std::int64_t project_id) {
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(cache_mutex_);
    if (auto it = project_names_.find(project_id); it != project_names_.end() && now - it->second.second < std::chrono::seconds(60)) {
      return it->second.first;
    }
  }
  const RequestContext owner = delivery::OwnerContext(tenant_id, "survey-link", "");
  auto project = inventory_.ProjectFor(tx, owner.actor_ref(), project_id);
  const std::string name = project ? project->name : std::string();
  std::lock_guard lock(cache_mutex_);
  project_names_[project_id] = {name, now};
  return name;
}

Result<Wave> WaveService::Close(const RequestContext& ctx, std::int64_t wave_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations close waves");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<Wave> {
    HEARTH_ASSIGN(const Wave w, WaveFor(tx, actor, wave_id));
    if (tx.Execute(kCloseWave, wave_id, actor.tenant_id, now).affected == 0) {
      return Fail(ErrorCode::kConflict, "invalid_transition", "the wave is closed already");
    }
    {
      std::lock_guard lock(cache_mutex_);
      briefs_.erase(wave_id);
    }
    audit_.Record(tx, ctx, "survey_wave.closed", "survey", w.survey_id, nullptr, boost::json::object{{"wave_id", wave_id}});
    return WaveFor(tx, actor, wave_id);
  });
}

Result<void> WaveService::OnSendJob(db::Tx& tx, const platform::Job& job) {
  const auto* id = job.payload.if_contains("wave_id");
  if (!id || !id->is_int64()) return {};
  auto w = Find(tx, job.tenant_id, id->as_int64());
  if (!w || Closed(*w)) return {};
  const Timestamp now = clock_.Now();
  std::vector<Invitation> page;
  for (const auto& r : tx.Execute(kToSend, w->id, w->send_per_minute)) page.push_back(kInvitationColumns.Read(r));
  if (page.empty()) return {};
  std::vector<std::int64_t> customers;
  for (const auto& i : page) customers.push_back(i.customer_id);
  const auto contacts = customers_.ContactsOf(tx, w->tenant_id, customers);
  const auto projects = inventory_.NamesOfProjects(tx, w->tenant_id);
  for (const auto& i : page) {
    const auto contact = contacts.find(i.customer_id);
    const bool reminder = i.status != "queued";
    const std::string to = contact == contacts.end() ? std::string()
                           : w->channel == "email"   ? contact->second.email.value_or("")
                                                     : contact->second.phone;
    if (to.empty()) {
      tx.Execute(kMarkNoContact, i.id);
      if (reminder) tx.Execute(kMarkReminded, i.id, now, i.message_id);
      continue;
    }
    const std::string project = projects.contains(i.project_id) ? projects.at(i.project_id) : std::string();
    auto text = [&](const std::string& url) {
      return reminder ? fmt::format("尊敬的{}业主：您还未完成{}的满意度调查，期待听到您的意见：{}", contact->second.name, project, url)
                      : fmt::format("尊敬的{}业主：{}邀请您参加满意度调查（约 3 分钟），您的意见将帮助我们改进：{}", contact->second.name,
                                    project, url);
    };
    const std::string url = UrlOf(w->origin, i.token), masked = UrlOf(w->origin, "******");
    std::int64_t message = 0;
    if (w->channel == "email") {
      message = messages_.SendEmail(tx, {w->tenant_id, i.org_unit_id, to, project + " 满意度调查", "survey", text(url) + "\n\n不想再收到调查，可在页面底部退订。",
                                         text(masked), "survey_invitation", i.id});
    } else {
      message = messages_.SendSms(tx, {w->tenant_id, i.org_unit_id, to, "survey", text(url), text(masked), "survey_invitation", i.id});
    }
    if (reminder) tx.Execute(kMarkReminded, i.id, now, message);
    else tx.Execute(kMarkSent, i.id, now, message);
  }
  if (static_cast<std::int64_t>(page.size()) == w->send_per_minute) {
    jobs_.Enqueue(tx, w->tenant_id, kSendJob, boost::json::object{{"wave_id", w->id}}, Timestamp{now.ms + 60 * 1000});
  }
  return {};
}

std::optional<Invitation> WaveService::ByToken(db::Tx& tx, const std::string& token) {
  if (token.size() < 20 || token.size() > 100) return std::nullopt;
  auto rows = tx.Execute(kByToken, token);
  if (rows.empty()) return std::nullopt;
  Invitation i = kInvitationColumns.Read(rows.front());
  i.tenant_id = rows.front().Int(kInvitationColumns.size());
  return i;
}

}  // namespace hearth::surveys
