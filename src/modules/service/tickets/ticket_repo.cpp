#include "modules/service/tickets/ticket_repo.hpp"

#include <algorithm>

#include "core/hidden_impl.hpp"
#include "db/columns.hpp"
#include "db/like.hpp"
#include "platform/org_scope.hpp"

namespace hearth::service {

namespace {

// A ticket's columns, declared once: the SELECTs list them and TicketFrom reads them.
const db::Columns<Ticket> kTicketColumns{
    {"id", &Ticket::id},
    {"tenant_id", &Ticket::tenant_id},
    {"org_unit_id", &Ticket::org_unit_id},
    {"kind", &Ticket::kind, kTicketKinds},
    {"channel", &Ticket::channel, kTicketChannels},
    {"grade", &Ticket::grade, kTicketGrades},
    {"status", &Ticket::status, kTicketStatuses},
    {"customer_id", &Ticket::customer_id},
    {"unit_id", &Ticket::unit_id},
    {"project_id", &Ticket::project_id},
    {"category_id", &Ticket::category_id},
    {"title", &Ticket::title},
    {"description", &Ticket::description},
    {"department", &Ticket::department, kDepartments},
    {"assignee_id", &Ticket::assignee_id},
    {"routing_rule_id", &Ticket::routing_rule_id},
    {"resolution", &Ticket::resolution},
    {"responsibility", &Ticket::responsibility, kResponsibilities},
    {"satisfaction", &Ticket::satisfaction},
    {"response_due_at", &Ticket::response_due_at},
    {"resolve_due_at", &Ticket::resolve_due_at},
    {"responded_at", &Ticket::responded_at},
    {"resolved_at", &Ticket::resolved_at},
    {"closed_at", &Ticket::closed_at},
    {"paused_at", &Ticket::paused_at},
    {"escalation_level", &Ticket::escalation_level},
    {"version", &Ticket::version},
    {"created_at", &Ticket::created_at},
    {"updated_at", &Ticket::updated_at},
};
// Reports read the tickets of a period a chunk at a time, in (created_at, id) order, with only
// the columns they count: memory stays flat however long the period.
const db::Columns<Ticket> kReportColumns = kTicketColumns.Only(
    {"id", "kind", "grade", "status", "project_id", "category_id", "department", "satisfaction", "response_due_at",
     "resolve_due_at", "responded_at", "resolved_at", "closed_at", "paused_at", "created_at"});

constexpr std::string_view kInsertTicket = R"sql(
INSERT INTO tickets (tenant_id, org_unit_id, kind, channel, grade, status, customer_id, unit_id, project_id, category_id,
                     title, description, department, assignee_id, routing_rule_id, response_due_at, resolve_due_at,
                     created_at, updated_at, category_root_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $19) RETURNING id)sql";
const std::string kFindTicket = "SELECT " + kTicketColumns.List("t") + R"sql(, o.path
  FROM tickets t)sql" HEARTH_JOIN_ORG_UNIT("t") R"sql(
 WHERE t.id = $1 AND t.tenant_id = $2)sql";
const std::string kByToken = "SELECT " + kTicketColumns.List("t") + " FROM tickets t WHERE t.public_token_hash = $1";
constexpr std::string_view kSetToken = "UPDATE tickets SET public_token_hash = $2 WHERE id = $1";
constexpr std::string_view kUpdateTicket = R"sql(
UPDATE tickets SET grade = $3, status = $4, category_id = $5, title = $6, description = $7, department = $8,
       assignee_id = $9, resolution = $10, responsibility = $11, satisfaction = $12, response_due_at = $13,
       resolve_due_at = $14, responded_at = $15, resolved_at = $16, closed_at = $17, paused_at = $18,
       escalation_level = $19, org_unit_id = $20, updated_at = $21, version = version + 1
 WHERE id = $1 AND tenant_id = $2 AND (CAST($22 AS BIGINT) IS NULL OR version = $22))sql";
const std::string kListTicketsHead =
    "SELECT " + kTicketColumns.List("t") + " FROM tickets t" HEARTH_JOIN_ORG_UNIT("t") "WHERE t.id ";
const std::string kReportChunk = "SELECT " + kReportColumns.List("t") + R"sql(
  FROM tickets t)sql" HEARTH_JOIN_ORG_UNIT("t") R"sql(
 WHERE t.tenant_id = $1 AND t.created_at >= $6 AND t.created_at < $3 AND (t.created_at > $6 OR t.id > $7)
   AND o.path LIKE $4 AND (CAST($5 AS BIGINT) IS NULL OR t.project_id = $5)
 ORDER BY t.created_at, t.id LIMIT $2)sql";
constexpr std::string_view kAddEvent = R"sql(
INSERT INTO ticket_events (tenant_id, ticket_id, at, action, from_status, to_status, actor_id, detail, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $3, $3))sql";
constexpr std::string_view kEvents = R"sql(
SELECT id, ticket_id, at, action, from_status, to_status, actor_id, detail FROM ticket_events
 WHERE ticket_id = $1 ORDER BY id)sql";
constexpr std::string_view kMoveCustomer =
    "UPDATE tickets SET customer_id = $3, version = version + 1 WHERE customer_id = $2 AND tenant_id = $1";

constexpr std::string_view kInsertHistoric = R"sql(
INSERT INTO tickets (tenant_id, org_unit_id, kind, channel, grade, status, customer_id, unit_id, project_id, category_id,
                     title, description, department, response_due_at, resolve_due_at, responded_at, resolved_at,
                     closed_at, satisfaction, resolution, responsibility, created_at, updated_at, category_root_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '', $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21, $22)
RETURNING id)sql";

Ticket TicketFrom(const db::Row& r) { return kTicketColumns.Read(r); }

}  // namespace

std::int64_t TicketRepo::InsertTicket(db::Tx& tx, const Ticket& t, std::optional<std::int64_t> category_root) {
  return tx.Execute(kInsertTicket, t.tenant_id, t.org_unit_id, t.kind, t.channel, t.grade, t.status, t.customer_id,
                    t.unit_id, t.project_id, t.category_id, t.title, t.description, t.department, t.assignee_id,
                    t.routing_rule_id, t.response_due_at, t.resolve_due_at, t.created_at, category_root)
      .front()
      .Int(0);
}

std::optional<std::pair<Ticket, std::string>> TicketRepo::FindTicket(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFindTicket, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return std::make_pair(TicketFrom(rows.front()), rows.front().Text(kTicketColumns.size()));
}

bool TicketRepo::UpdateTicket(db::Tx& tx, const Ticket& t, std::optional<std::int64_t> expected_version) {
  std::optional<std::int64_t> satisfaction;
  if (t.satisfaction) satisfaction = *t.satisfaction;
  return tx.Execute(kUpdateTicket, t.id, t.tenant_id, t.grade, t.status, t.category_id, t.title, t.description,
                    t.department, t.assignee_id, t.resolution, t.responsibility, satisfaction, t.response_due_at,
                    t.resolve_due_at, t.responded_at, t.resolved_at, t.closed_at, t.paused_at,
                    static_cast<std::int64_t>(t.escalation_level), t.org_unit_id, t.updated_at, expected_version)
             .affected == 1;
}

// GCC 12 reports a std::variant<…, std::string> in a vector as maybe-uninitialized (a false
// positive, GCC bug 105593 and kin).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
std::vector<Ticket> TicketRepo::ListTickets(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                             const TicketFilter& f, const Page& page) {
  // Only the filters given appear in the SQL (values still bound), so that the planner can use
  // the queue indexes: (tenant, status, id), (tenant, department, status, id), (customer, id)…
  // A catch-all "($n IS NULL OR col = $n)" form scanned a million tickets for a rare status.
  std::string sql(kListTicketsHead);
  sql += f.oldest_first ? "> $2" : "< $2";
  std::vector<db::Value> values{tenant_id, page.after_id.value_or(f.oldest_first ? 0 : INT64_MAX)};
  // With a customer, unit, project or assignee the tenant check must not pick the index: the
  // unary plus keeps SQLite (which has no statistics) off (tenant_id, id) and its scan of the
  // whole group's tickets for one customer's (20 ms → 0.3 ms at a million).
  const bool narrow = f.customer_id || f.unit_id || f.project_id || f.assignee_id;
  sql += narrow ? " AND +t.tenant_id = $1" : " AND t.tenant_id = $1";
  auto where = [&](std::string_view column, db::Value value) {
    values.push_back(std::move(value));
    sql += " AND t.";
    sql += column;
    sql += " = $" + std::to_string(values.size());
  };
  if (f.status) where("status", db::ToValue(*f.status));
  if (f.department) where("department", db::ToValue(*f.department));
  if (f.grade) where("grade", db::ToValue(*f.grade));
  if (f.kind) where("kind", db::ToValue(*f.kind));
  if (f.customer_id) where("customer_id", *f.customer_id);
  if (f.unit_id) where("unit_id", *f.unit_id);
  if (f.project_id) where("project_id", *f.project_id);
  if (f.assignee_id) where("assignee_id", *f.assignee_id);
  if (f.open_only) sql += " AND t.status NOT IN ('closed', 'cancelled')";
  if (f.text) {
    // Number, customers or title: one OR of bound values (the customers are at most a page).
    auto bind = [&](db::Value v) {
      values.push_back(std::move(v));
      return "$" + std::to_string(values.size());
    };
    std::string any = "t.title LIKE " + bind(db::LikeContaining(f.text->title)) + " ESCAPE '\\'";
    if (f.text->id) any += " OR t.id = " + bind(*f.text->id);
    if (!f.text->customer_ids.empty()) {
      any += " OR t.customer_id IN (";
      for (std::size_t i = 0; i < f.text->customer_ids.size(); ++i) {
        any += (i ? ", " : "") + bind(f.text->customer_ids[i]);
      }
      any += ")";
    }
    sql += " AND (" + any + ")";
  }
  if (path_prefix != "/") {
    values.push_back(path_prefix + "%");
    sql += " AND o.path LIKE $" + std::to_string(values.size());
  }
  values.push_back(std::int64_t{page.limit + 1});
  sql += f.oldest_first ? " ORDER BY t.id LIMIT $" : " ORDER BY t.id DESC LIMIT $";
  sql += std::to_string(values.size());
  auto rows = tx.ExecuteValues(sql, values);
  std::vector<Ticket> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out.push_back(TicketFrom(rows[i]));
  return out;
}
#pragma GCC diagnostic pop

void TicketRepo::SetPublicToken(db::Tx& tx, std::int64_t id, const std::string& token_hash) {
  tx.Execute(kSetToken, id, token_hash);
}

std::optional<Ticket> TicketRepo::FindByPublicToken(db::Tx& tx, const std::string& token_hash) {
  auto rows = tx.Execute(kByToken, token_hash);
  if (rows.empty()) return std::nullopt;
  return TicketFrom(rows.front());
}

void TicketRepo::ForEachCreatedBetween(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                        Timestamp from, Timestamp to, std::optional<std::int64_t> project_id,
                                        const std::function<void(const Ticket&)>& each, std::int64_t chunk) {
  Timestamp after_created = from;
  std::int64_t after_id = 0;
  for (;;) {
    auto rows = tx.Execute(kReportChunk, tenant_id, chunk, to, path_prefix + "%", project_id, after_created, after_id);
    Ticket t;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      kReportColumns.Fill(t, rows[i]);
      each(t);
    }
    if (static_cast<std::int64_t>(rows.size()) < chunk) return;
    after_created = t.created_at;
    after_id = t.id;
  }
}

void TicketRepo::AddEvent(db::Tx& tx, std::int64_t tenant_id, const TicketEvent& e) {
  tx.Execute(kAddEvent, tenant_id, e.ticket_id, e.at, e.action, e.from_status, e.to_status, e.actor_id, e.detail);
}

std::vector<TicketEvent> TicketRepo::Events(db::Tx& tx, std::int64_t ticket_id) {
  auto rows = tx.Execute(kEvents, ticket_id);
  std::vector<TicketEvent> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    out.push_back({r.Int(0), r.Int(1), r.Time(2), r.Text(3), r.OptText(4), r.OptText(5), r.OptInt(6), r.Text(7)});
  }
  return out;
}

std::map<std::int64_t, std::string> TicketRepo::TitlesOf(db::Tx& tx, std::int64_t tenant_id,
                                                        const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::string> out;
  db::SelectIn(tx, "SELECT id, title FROM tickets WHERE id IN ({}) AND tenant_id + 0 = $1", {tenant_id}, ids,
               [&](const db::Row& r) { out[r.Int(0)] = r.Text(1); });
  return out;
}

std::vector<TicketBrief> TicketRepo::BriefsOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids) {
  std::vector<TicketBrief> out;
  db::SelectIn(tx, "SELECT id, title, status FROM tickets WHERE id IN ({}) AND tenant_id + 0 = $1", {tenant_id}, ids,
               [&](const db::Row& r) { out.push_back({r.Int(0), r.Text(1), kTicketStatuses.Stored(r.Text(2))}); });
  std::sort(out.begin(), out.end(), [](const TicketBrief& a, const TicketBrief& b) { return a.id < b.id; });
  return out;
}

void TicketRepo::MoveCustomer(db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into) {
  tx.Execute(kMoveCustomer, tenant_id, from, into);
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"  // GCC bug 105593, as above
std::int64_t TicketRepo::InsertHistoric(db::Tx& tx, const Ticket& t, std::int64_t category_root) {
  std::optional<std::int64_t> satisfaction;
  if (t.satisfaction) satisfaction = *t.satisfaction;
  return tx.Execute(kInsertHistoric, t.tenant_id, t.org_unit_id, t.kind, t.channel, t.grade, t.status, t.customer_id,
                    t.unit_id, t.project_id, t.category_id, t.title, t.department, t.response_due_at, t.resolve_due_at,
                    t.responded_at, t.resolved_at, t.closed_at, satisfaction, t.resolution,
                    t.responsibility, t.created_at, category_root)
      .front()
      .Int(0);
}
#pragma GCC diagnostic pop

std::vector<std::pair<std::int64_t, int>> TicketRepo::Ratings(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                               Timestamp from, Timestamp to) {
  static const std::string kRatings = "SELECT t.id, t.satisfaction FROM tickets t" HEARTH_JOIN_ORG_UNIT("t") R"sql(
 WHERE t.tenant_id = $1 AND o.path LIKE $2 AND t.closed_at >= $3 AND t.closed_at < $4 AND t.satisfaction IS NOT NULL
 ORDER BY t.id)sql";
  std::vector<std::pair<std::int64_t, int>> out;
  for (const auto& r : tx.Execute(kRatings, tenant_id, path_prefix, from, to)) out.emplace_back(r.Int(0), static_cast<int>(r.Int(1)));
  return out;
}

}  // namespace hearth::service

template class hearth::Hidden<hearth::service::TicketRepo>;  // owned by the module's services (core/hidden.hpp)
