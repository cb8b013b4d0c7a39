#include "modules/service/knowledge/knowledge.hpp"

#include "db/like.hpp"

#include <algorithm>

#include <boost/json/serialize.hpp>

#include "modules/service/tickets/ticket_service.hpp"

namespace hearth::service {

namespace {

constexpr std::string_view kInsertCase = R"sql(
INSERT INTO ticket_cases (tenant_id, ticket_id, category_id, kind, title, problem, solution, created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id)sql";
constexpr std::string_view kCases = R"sql(
SELECT id, ticket_id, category_id, kind, title, problem, solution, created_at FROM ticket_cases
 WHERE tenant_id = $1 AND (CAST($2 AS TEXT) IS NULL OR title LIKE $2 ESCAPE '\' OR problem LIKE $2 ESCAPE '\'
                           OR solution LIKE $2 ESCAPE '\')
 ORDER BY id DESC LIMIT 500)sql";
constexpr std::string_view kAnswers =
    "SELECT id, category_id, kind, title, body FROM standard_answers WHERE tenant_id = $1 ORDER BY id";
constexpr std::string_view kInsertAnswer = R"sql(
INSERT INTO standard_answers (tenant_id, category_id, kind, title, body, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id)sql";
constexpr std::string_view kDeleteAnswer = "DELETE FROM standard_answers WHERE id = $1 AND tenant_id = $2";


}  // namespace

boost::json::object ToJson(const TicketCase& c) {
  return {{"id", c.id},
          {"ticket_id", c.ticket_id},
          {"category_id", c.category_id ? boost::json::value(*c.category_id) : boost::json::value(nullptr)},
          {"kind", kTicketKinds.Name(c.kind)},
          {"title", c.title},
          {"problem", c.problem},
          {"solution", c.solution},
          {"created_at", FormatRfc3339(c.created_at)}};
}

boost::json::object ToJson(const StandardAnswer& a) {
  return {{"id", a.id},
          {"category_id", a.category_id ? boost::json::value(*a.category_id) : boost::json::value(nullptr)},
          {"kind", a.kind ? boost::json::value(kTicketKinds.Name(*a.kind)) : boost::json::value(nullptr)},
          {"title", a.title},
          {"body", a.body}};
}

Result<TicketCase> KnowledgeService::FileCase(const RequestContext& ctx, std::int64_t ticket_id,
                                              const std::optional<std::string>& title, const std::string& problem,
                                              const std::string& solution) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not file cases");
  HEARTH_ASSIGN(Ticket t, tickets_.Get(ctx, ticket_id));
  if (t.status != TicketStatus::kClosed) {
    Error e{ErrorCode::kConflict, "invalid_transition", "only a closed ticket can be filed as a case", {}, {}};
    e.extra.emplace_back("status", kTicketStatuses.Text(t.status));
    return tl::unexpected(std::move(e));
  }
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<TicketCase> {
    TicketCase c{0, t.id, t.category_id, t.kind, title.value_or(t.title), problem, solution, now};
    c.id = tx.Execute(kInsertCase, actor.tenant_id, c.ticket_id, c.category_id, c.kind, c.title, c.problem, c.solution,
                      actor.user_id, now)
               .front()
               .Int(0);
    tickets_.Note(tx, actor.tenant_id,
                           {0, t.id, now, "filed_case", std::nullopt, std::nullopt, actor.user_id,
                            boost::json::serialize(boost::json::object{{"case_id", c.id}, {"title", c.title}})});
    audit_.Record(tx, ctx, "ticket_case.filed", "ticket", t.id, nullptr, ToJson(c));
    return c;
  });
}

Result<std::vector<TicketCase>> KnowledgeService::Cases(const RequestContext& ctx, std::optional<std::int64_t> category_id,
                                                        const std::optional<std::string>& q) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<TicketCase>> {
    ServiceConfig tree;
    tree.categories = config_.CategoryTree(tx, actor.tenant_id);
    auto rows = tx.Execute(kCases, actor.tenant_id,
                           q && !q->empty() ? std::optional<std::string>(db::LikeContaining(*q)) : std::nullopt);
    std::vector<TicketCase> out;
    for (std::size_t i = 0; i < rows.size() && out.size() < 50; ++i) {
      const auto& r = rows[i];
      TicketCase c{r.Int(0), r.Int(1), r.OptInt(2), kTicketKinds.Stored(r.Text(3)), r.Text(4), r.Text(5), r.Text(6), r.Time(7)};
      if (category_id && !(c.category_id && tree.IsUnder(*c.category_id, *category_id))) continue;
      out.push_back(std::move(c));
    }
    return out;
  });
}

Result<std::vector<StandardAnswer>> KnowledgeService::Answers(const RequestContext& ctx,
                                                              std::optional<std::int64_t> category_id,
                                                              std::optional<TicketKind> kind) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<StandardAnswer>> {
    ServiceConfig tree;
    tree.categories = config_.CategoryTree(tx, actor.tenant_id);
    auto rows = tx.Execute(kAnswers, actor.tenant_id);
    // Fit: an answer's category must contain the ticket's; its kind must be the ticket's. The
    // closer the category and a kind given, the earlier it comes.
    std::vector<std::pair<int, StandardAnswer>> fit;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      StandardAnswer a{rows[i].Int(0), rows[i].OptInt(1), kTicketKinds.StoredOptional(rows[i].OptText(2)), rows[i].Text(3), rows[i].Text(4)};
      if (a.kind && (!kind || *a.kind != *kind)) continue;
      int score = a.kind ? 1 : 0;
      if (a.category_id) {
        if (!category_id || !tree.IsUnder(*category_id, *a.category_id)) continue;
        score += *category_id == *a.category_id ? 8 : 4;
      }
      fit.emplace_back(score, std::move(a));
    }
    std::stable_sort(fit.begin(), fit.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    std::vector<StandardAnswer> out;
    for (auto& [score, a] : fit) out.push_back(std::move(a));
    return out;
  });
}

Result<StandardAnswer> KnowledgeService::CreateAnswer(const RequestContext& ctx, StandardAnswer a) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kServiceConfig)) return Forbidden("only administrators change the standard answers");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<StandardAnswer> {
    if (a.category_id) {
      const auto all = config_.CategoryTree(tx, actor.tenant_id);
      if (std::none_of(all.begin(), all.end(), [&](const Category& c) { return c.id == *a.category_id; })) {
        return FailField("category_id", "not_found");
      }
    }
    a.id = tx.Execute(kInsertAnswer, actor.tenant_id, a.category_id, a.kind, a.title, a.body, now).front().Int(0);
    audit_.Record(tx, ctx, "standard_answer.created", "standard_answer", a.id, nullptr, ToJson(a));
    return a;
  });
}

Result<void> KnowledgeService::DeleteAnswer(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kServiceConfig)) return Forbidden("only administrators change the standard answers");
  return db_.Transact([&](db::Tx& tx) -> Result<void> {
    if (tx.Execute(kDeleteAnswer, id, actor.tenant_id).affected != 1) return NotFound("no such standard answer");
    audit_.Record(tx, ctx, "standard_answer.deleted", "standard_answer", id, nullptr, nullptr);
    return {};
  });
}

}  // namespace hearth::service
