#include "modules/delivery/fund/fund_service.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/json.hpp"
#include "db/columns.hpp"
#include "modules/delivery/delivery_common.hpp"
#include "platform/directory.hpp"

namespace hearth::delivery {

namespace {

const db::Columns<FundEntry> kEntryColumns{
    {"id", &FundEntry::id},
    {"tenant_id", &FundEntry::tenant_id},
    {"company_id", &FundEntry::company_id},
    {"kind", &FundEntry::kind},
    {"amount_cents", &FundEntry::amount_cents},
    {"balance_after_cents", &FundEntry::balance_after_cents},
    {"on_day", &FundEntry::on},
    {"project_id", &FundEntry::project_id},
    {"proposal_id", &FundEntry::proposal_id},
    {"note", &FundEntry::note},
    {"created_by", &FundEntry::created_by},
    {"created_at", &FundEntry::created_at},
};
const db::Columns<FundProposal> kProposalColumns{
    {"id", &FundProposal::id},
    {"tenant_id", &FundProposal::tenant_id},
    {"company_id", &FundProposal::company_id},
    {"project_id", &FundProposal::project_id},
    {"org_unit_id", &FundProposal::org_unit_id},
    {"title", &FundProposal::title},
    {"detail", &FundProposal::detail},
    {"meeting_on", &FundProposal::meeting_on},
    {"owners_present", &FundProposal::owners_present},
    {"amount_cents", &FundProposal::amount_cents},
    {"status", &FundProposal::status},
    {"decision_note", &FundProposal::decision_note},
    {"decided_by", &FundProposal::decided_by},
    {"decided_at", &FundProposal::decided_at},
    {"entry_id", &FundProposal::entry_id},
    {"created_by", &FundProposal::created_by},
    {"version", &FundProposal::version},
    {"created_at", &FundProposal::created_at},
    {"updated_at", &FundProposal::updated_at},
};

constexpr std::string_view kFundRow = R"sql(
SELECT balance_cents, inflow_cents, spent_cents, updated_at, corrected_cents FROM journey_funds WHERE company_id = $1 AND tenant_id = $2)sql";
constexpr std::string_view kPending = R"sql(
SELECT COUNT(*), COALESCE(SUM(amount_cents), 0) FROM fund_proposals WHERE company_id = $1 AND status = 'proposed')sql";
// The companies that have a fund or a proposal: a handful per group.
constexpr std::string_view kCompanies = R"sql(
SELECT company_id FROM journey_funds WHERE tenant_id = $1
UNION SELECT company_id FROM fund_proposals WHERE tenant_id = $1 ORDER BY 1)sql";
constexpr std::string_view kOpenFund = R"sql(
INSERT INTO journey_funds (company_id, tenant_id, balance_cents, inflow_cents, spent_cents, created_at, updated_at)
VALUES ($1, $2, 0, 0, 0, $3, $3) ON CONFLICT (company_id) DO NOTHING)sql";
// The compare-and-set that keeps the balance at or above zero: of two spendings that together
// exceed it, the second finds the first's balance and takes nothing.
constexpr std::string_view kMove = R"sql(
UPDATE journey_funds SET balance_cents = balance_cents + $3, inflow_cents = inflow_cents + $4, spent_cents = spent_cents + $5,
       corrected_cents = corrected_cents + $7, updated_at = $6
 WHERE company_id = $1 AND tenant_id = $2 AND balance_cents + $3 >= 0 RETURNING balance_cents)sql";
constexpr std::string_view kBalance = "SELECT balance_cents FROM journey_funds WHERE company_id = $1";
constexpr std::string_view kInsertEntry = R"sql(
INSERT INTO fund_entries (tenant_id, company_id, kind, amount_cents, balance_after_cents, on_day, project_id, proposal_id, note,
                          created_by, created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id)sql";
const std::string kFindEntry = "SELECT " + kEntryColumns.List() + " FROM fund_entries WHERE id = $1";
const std::string kEntries = "SELECT " + kEntryColumns.List() + R"sql( FROM fund_entries
 WHERE company_id = $1 AND (CAST($2 AS BIGINT) = 0 OR id < $2) ORDER BY id DESC LIMIT $3)sql";
const std::string kPeriodEntries = "SELECT " + kEntryColumns.List() + R"sql( FROM fund_entries
 WHERE company_id = $1 AND on_day >= $2 AND on_day <= $3 ORDER BY id LIMIT $4)sql";
constexpr std::string_view kPeriodTotals = R"sql(
SELECT kind, SUM(amount_cents) FROM fund_entries WHERE company_id = $1 AND on_day >= $2 AND on_day <= $3 GROUP BY kind)sql";
// Days are recorded, never back-dated, so the last entry before the period holds its opening.
constexpr std::string_view kOpening = R"sql(
SELECT balance_after_cents FROM fund_entries WHERE company_id = $1 AND on_day < $2 ORDER BY id DESC LIMIT 1)sql";

const std::string kFindProposal = "SELECT " + kProposalColumns.List() + " FROM fund_proposals WHERE id = $1 AND tenant_id = $2";
const std::string kProposals = "SELECT " + kProposalColumns.List() + R"sql( FROM fund_proposals
 WHERE tenant_id = $1 AND (CAST($2 AS BIGINT) = 0 OR company_id = $2) AND (CAST($3 AS BIGINT) = 0 OR project_id = $3)
   AND ($4 = '' OR status = $4) AND (CAST($5 AS BIGINT) = 0 OR id < $5) ORDER BY id DESC LIMIT $6)sql";
constexpr std::string_view kInsertProposal = R"sql(
INSERT INTO fund_proposals (tenant_id, company_id, project_id, org_unit_id, title, detail, meeting_on, owners_present, amount_cents,
                            created_by, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id)sql";
constexpr std::string_view kDecide = R"sql(
UPDATE fund_proposals SET status = $3, decision_note = $4, decided_by = $5, decided_at = $6, version = version + 1, updated_at = $6
 WHERE id = $1 AND tenant_id = $2 AND status = 'proposed')sql";
constexpr std::string_view kLinkEntry = "UPDATE fund_proposals SET entry_id = $2 WHERE id = $1";

std::string Yuan(std::int64_t cents) {
  const std::int64_t a = cents < 0 ? -cents : cents;
  return fmt::format("{}¥{}.{:02}", cents < 0 ? "−" : "", a / 100, a % 100);
}

}  // namespace

boost::json::object ToJson(const JourneyFund& f) {
  return {{"company_id", f.company_id},
          {"company_name", f.company_name},
          {"balance_cents", f.balance_cents},
          {"inflow_cents", f.inflow_cents},
          {"spent_cents", f.spent_cents},
          {"correction_cents", f.correction_cents},
          {"pending_cents", f.pending_cents},
          {"pending_proposals", f.pending_proposals},
          {"updated_at", f.updated_at ? boost::json::value(FormatRfc3339(*f.updated_at)) : boost::json::value(nullptr)}};
}

boost::json::object ToJson(const FundEntry& e) {
  return {{"id", e.id},
          {"company_id", e.company_id},
          {"kind", e.kind},
          {"amount_cents", e.amount_cents},
          {"balance_after_cents", e.balance_after_cents},
          {"on", e.on},
          {"project_id", JsonOr(e.project_id)},
          {"project_name", JsonOr(e.project_name)},
          {"proposal_id", JsonOr(e.proposal_id)},
          {"proposal_title", JsonOr(e.proposal_title)},
          {"note", e.note},
          {"created_by", e.created_by},
          {"created_by_name", e.created_by_name},
          {"created_at", FormatRfc3339(e.created_at)}};
}

boost::json::object ToJson(const FundProposal& p) {
  return {{"id", p.id},
          {"company_id", p.company_id},
          {"company_name", p.company_name},
          {"project_id", p.project_id},
          {"project_name", p.project_name},
          {"title", p.title},
          {"detail", p.detail},
          {"meeting_on", p.meeting_on},
          {"owners_present", p.owners_present},
          {"amount_cents", p.amount_cents},
          {"status", p.status},
          {"decision_note", JsonOr(p.decision_note)},
          {"decided_by_name", JsonOr(p.decided_by_name)},
          {"decided_at", p.decided_at ? boost::json::value(FormatRfc3339(*p.decided_at)) : boost::json::value(nullptr)},
          {"entry_id", JsonOr(p.entry_id)},
          {"created_by", p.created_by},
          {"created_by_name", p.created_by_name},
          {"version", p.version},
          {"created_at", FormatRfc3339(p.created_at)},
          {"updated_at", FormatRfc3339(p.updated_at)}};
}

boost::json::object ToJson(const FundStatement& s) {
  boost::json::array entries;
  for (const auto& e : s.entries) entries.push_back(ToJson(e));
  return {{"company_id", s.company_id},
          {"company_name", s.company_name},
          {"from", s.from},
          {"to", s.to},
          {"opening_cents", s.opening_cents},
          {"profit_share_cents", s.profit_share_cents},
          {"owner_contribution_cents", s.owner_contribution_cents},
          {"correction_cents", s.correction_cents},
          {"spent_cents", s.spent_cents},
          {"closing_cents", s.closing_cents},
          {"entries", std::move(entries)},
          {"truncated", s.truncated}};
}

FundService::FundService(db::Database& db, const Clock& clock, platform::AuditLog& audit, inventory::InventoryService& inventory)
    : db_(db), clock_(clock), audit_(audit), inventory_(inventory) {}

std::string FundService::Today() const { return ChinaToday(clock_); }

Result<platform::OrgUnit> FundService::CompanyFor(db::Tx& tx, const Actor& actor, std::int64_t company_id, bool write) {
  if (write && (!actor.Can(Permission::kDeliveryWork) || !ManagesDelivery(actor))) {
    return Forbidden("only a manager records the fund's inflows and decides its spending");
  }
  auto unit = company_id > 0 ? platform::directory::UnitOrFirstGroup(tx, company_id) : std::nullopt;
  // A company's own staff and those of its projects read its fund; only those above or at it manage it.
  const bool visible = unit && unit->tenant_id == actor.tenant_id && unit->kind != "project" &&
                       (actor.InScope(unit->path) || (!write && actor.org_path.starts_with(unit->path)));
  if (!visible) return NotFound("no such company");
  return *unit;
}

JourneyFund FundService::ReadFund(db::Tx& tx, const platform::OrgUnit& company) {
  JourneyFund f;
  f.company_id = company.id;
  f.company_name = company.name;
  if (auto rows = tx.Execute(kFundRow, company.id, company.tenant_id); !rows.empty()) {
    f.balance_cents = rows.front().Int(0);
    f.inflow_cents = rows.front().Int(1);
    f.spent_cents = rows.front().Int(2);
    f.updated_at = Timestamp{rows.front().Int(3)};
    f.correction_cents = rows.front().Int(4);
  }
  const auto pending = tx.Execute(kPending, company.id);
  f.pending_proposals = pending.front().Int(0);
  f.pending_cents = pending.front().Int(1);
  return f;
}

Result<platform::Listing<JourneyFund>> FundService::Funds(const RequestContext& ctx, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<JourneyFund>> {
    platform::Listing<JourneyFund> out;
    for (const auto& r : tx.Execute(kCompanies, actor.tenant_id)) {
      const std::int64_t id = r.Int(0);
      if (page.after_id && id <= *page.after_id) continue;
      auto company = CompanyFor(tx, actor, id, false);
      if (!company) continue;
      out.items.push_back(ReadFund(tx, *company));
      if (static_cast<int>(out.items.size()) > page.limit) break;
    }
    out.next_cursor = TrimToPage(out.items, page, [](const JourneyFund& f) { return f.company_id; });
    return out;
  });
}

Result<JourneyFund> FundService::Fund(const RequestContext& ctx, std::int64_t company_id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<JourneyFund> {
    HEARTH_ASSIGN(auto company, CompanyFor(tx, actor, company_id, false));
    return ReadFund(tx, company);
  });
}

void FundService::Name(db::Tx& tx, std::int64_t tenant_id, std::vector<FundEntry>& entries) {
  if (entries.empty()) return;
  std::vector<std::int64_t> users, proposals;
  bool any_project = false;
  for (const auto& e : entries) {
    users.push_back(e.created_by);
    if (e.proposal_id) proposals.push_back(*e.proposal_id);
    any_project = any_project || e.project_id.has_value();
  }
  const auto people = platform::directory::NamesOf(tx, tenant_id, users);
  const auto projects = any_project ? inventory_.NamesOfProjects(tx, tenant_id) : std::map<std::int64_t, std::string>{};
  std::map<std::int64_t, std::string> titles;
  db::SelectIn(tx, "SELECT id, title FROM fund_proposals WHERE tenant_id = $1 AND id IN ({})", {tenant_id}, proposals,
               [&](const db::Row& r) { titles.emplace(r.Int(0), r.Text(1)); });
  for (auto& e : entries) {
    if (auto it = people.find(e.created_by); it != people.end()) e.created_by_name = it->second.Shown();
    if (e.project_id) {
      if (auto it = projects.find(*e.project_id); it != projects.end()) e.project_name = it->second;
    }
    if (e.proposal_id) {
      if (auto it = titles.find(*e.proposal_id); it != titles.end()) e.proposal_title = it->second;
    }
  }
}

void FundService::Name(db::Tx& tx, std::int64_t tenant_id, std::vector<FundProposal>& proposals) {
  if (proposals.empty()) return;
  std::vector<std::int64_t> users, companies;
  for (const auto& p : proposals) {
    users.push_back(p.created_by);
    if (p.decided_by) users.push_back(*p.decided_by);
    companies.push_back(p.company_id);
  }
  const auto people = platform::directory::NamesOf(tx, tenant_id, users);
  const auto units = platform::directory::UnitNamesOf(tx, tenant_id, companies);
  const auto projects = inventory_.NamesOfProjects(tx, tenant_id);
  for (auto& p : proposals) {
    if (auto it = people.find(p.created_by); it != people.end()) p.created_by_name = it->second.Shown();
    if (p.decided_by) {
      if (auto it = people.find(*p.decided_by); it != people.end()) p.decided_by_name = it->second.Shown();
    }
    if (auto it = units.find(p.company_id); it != units.end()) p.company_name = it->second;
    if (auto it = projects.find(p.project_id); it != projects.end()) p.project_name = it->second;
  }
}

Result<platform::Listing<FundEntry>> FundService::Entries(const RequestContext& ctx, std::int64_t company_id, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<FundEntry>> {
    HEARTH_ASSIGN(auto company, CompanyFor(tx, actor, company_id, false));
    platform::Listing<FundEntry> out;
    for (const auto& r : tx.Execute(kEntries, company.id, page.after_id.value_or(0), page.limit + 1)) {
      out.items.push_back(kEntryColumns.Read(r));
    }
    out.next_cursor = TrimToPage(out.items, page, [](const FundEntry& e) { return e.id; });
    Name(tx, actor.tenant_id, out.items);
    return out;
  });
}

Result<FundEntry> FundService::Post(db::Tx& tx, const Actor& actor, std::int64_t company_id, const std::string& kind,
                                    std::int64_t amount, std::optional<std::int64_t> project_id,
                                    std::optional<std::int64_t> proposal_id, const std::string& note) {
  const Timestamp now = clock_.Now();
  tx.Execute(kOpenFund, company_id, actor.tenant_id, now);
  const std::int64_t inflow = kind == "profit_share" || kind == "owner_contribution" ? amount : 0;
  const std::int64_t spent = kind == "spending" ? -amount : 0;
  const std::int64_t corrected = kind == "correction" ? amount : 0;
  auto moved = tx.Execute(kMove, company_id, actor.tenant_id, amount, inflow, spent, now, corrected);
  if (moved.empty()) {
    const std::int64_t balance = tx.Execute(kBalance, company_id).front().Int(0);
    Error e{ErrorCode::kConflict, "fund_insufficient",
            fmt::format("一路同行基金余额 {}，不足以支出 {}", Yuan(balance), Yuan(-amount)), {}, {}};
    e.extra.emplace_back("balance_cents", std::to_string(balance));
    return tl::unexpected(std::move(e));
  }
  const std::int64_t after = moved.front().Int(0);
  const auto id = tx.Execute(kInsertEntry, actor.tenant_id, company_id, kind, amount, after, Today(), project_id, proposal_id, note,
                             actor.user_id, now)
                      .front()
                      .Int(0);
  std::vector<FundEntry> one{kEntryColumns.Read(tx.Execute(kFindEntry, id).front())};
  Name(tx, actor.tenant_id, one);
  return one.front();
}

Result<FundEntry> FundService::Record(const RequestContext& ctx, std::int64_t company_id, const FundInflow& in) {
  const Actor& actor = ctx.actor_ref();
  if (in.amount_cents == 0 || in.amount_cents > kMaxAmount || in.amount_cents < -kMaxAmount ||
      (in.amount_cents < 0 && in.kind != "correction")) {
    return FailField("amount_cents", in.amount_cents == 0 ? "zero" : "out_of_range");
  }
  if (in.kind == "correction" && in.note.empty()) return FailField("note", "required");
  return db_.Transact([&](db::Tx& tx) -> Result<FundEntry> {
    HEARTH_ASSIGN(auto company, CompanyFor(tx, actor, company_id, true));
    if (in.project_id) {
      // The project whose owners contributed: one of the company's.
      auto project = inventory_.ProjectFor(tx, actor, *in.project_id);
      if (!project) return FailField("project_id", "not_found");
      auto unit = platform::directory::UnitOrFirstGroup(tx, project->org_unit_id);
      if (!unit || !unit->path.starts_with(company.path)) return FailField("project_id", "another_company");
    }
    HEARTH_ASSIGN(auto entry, Post(tx, actor, company.id, in.kind, in.amount_cents, in.project_id, std::nullopt, in.note));
    audit_.Record(tx, ctx, "journey_fund.recorded", "journey_fund", company.id, nullptr, ToJson(entry));
    return entry;
  });
}

Result<FundStatement> FundService::Statement(const RequestContext& ctx, std::int64_t company_id, std::optional<std::string> from,
                                             std::optional<std::string> to) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const std::string today = Today();
  if (!to) to = today;
  if (!from) from = to->substr(0, 4) + "-01-01";
  const auto first = ParseIsoDate(*from), last = ParseIsoDate(*to);
  if (!first) return FailField("from", "invalid_format");
  if (!last) return FailField("to", "invalid_format");
  if (*last < *first) return FailField("to", "before_from");
  if (*last - *first > 366) return FailField("to", "over_366_days");
  return db_.Read([&](db::Tx& tx) -> Result<FundStatement> {
    HEARTH_ASSIGN(auto company, CompanyFor(tx, actor, company_id, false));
    FundStatement s;
    s.company_id = company.id;
    s.company_name = company.name;
    s.from = *from;
    s.to = *to;
    if (auto rows = tx.Execute(kOpening, company.id, *from); !rows.empty()) s.opening_cents = rows.front().Int(0);
    for (const auto& r : tx.Execute(kPeriodTotals, company.id, *from, *to)) {
      const std::string kind = r.Text(0);
      const std::int64_t sum = r.Int(1);
      if (kind == "profit_share") s.profit_share_cents = sum;
      if (kind == "owner_contribution") s.owner_contribution_cents = sum;
      if (kind == "correction") s.correction_cents = sum;
      if (kind == "spending") s.spent_cents = -sum;
    }
    s.closing_cents = s.opening_cents + s.profit_share_cents + s.owner_contribution_cents + s.correction_cents - s.spent_cents;
    for (const auto& r : tx.Execute(kPeriodEntries, company.id, *from, *to, static_cast<std::int64_t>(kStatementEntries) + 1)) {
      s.entries.push_back(kEntryColumns.Read(r));
    }
    if (s.entries.size() > kStatementEntries) {
      s.entries.resize(kStatementEntries);
      s.truncated = true;
    }
    Name(tx, actor.tenant_id, s.entries);
    return s;
  });
}

Result<FundProposal> FundService::Propose(const RequestContext& ctx, const NewFundProposal& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork)) return Forbidden("only customer relations record the owners' proposals");
  if (in.amount_cents <= 0 || in.amount_cents > kMaxAmount) return FailField("amount_cents", "out_of_range");
  const auto meeting = ParseIsoDate(in.meeting_on);
  if (!meeting) return FailField("meeting_on", "invalid_format");
  const std::string today = Today();
  if (*meeting > *ParseIsoDate(today)) return FailField("meeting_on", "in_the_future");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<FundProposal> {
    auto project = inventory_.ProjectFor(tx, actor, in.project_id);
    if (!project) return FailField("project_id", "not_found");
    const std::int64_t company = CompanyOfUnit(tx, project->org_unit_id);
    const auto id = tx.Execute(kInsertProposal, actor.tenant_id, company, project->id, project->org_unit_id, in.title, in.detail,
                               in.meeting_on, in.owners_present, in.amount_cents, actor.user_id, now)
                        .front()
                        .Int(0);
    std::vector<FundProposal> one{kProposalColumns.Read(tx.Execute(kFindProposal, id, actor.tenant_id).front())};
    Name(tx, actor.tenant_id, one);
    audit_.Record(tx, ctx, "fund_proposal.created", "journey_fund", company, nullptr, ToJson(one.front()));
    return one.front();
  });
}

Result<FundProposal> FundService::ProposalFor(db::Tx& tx, const Actor& actor, std::int64_t id, bool write) {
  auto rows = tx.Execute(kFindProposal, id, actor.tenant_id);
  if (rows.empty()) return NotFound("no such proposal");
  FundProposal p = kProposalColumns.Read(rows.front());
  // Those who see the project see its proposals; a decision is the company's managers'.
  if (!inventory_.ProjectFor(tx, actor, p.project_id)) return NotFound("no such proposal");
  if (write) {
    auto company = CompanyFor(tx, actor, p.company_id, true);
    if (!company && company.error().code == ErrorCode::kNotFound) return NotFound("no such proposal");
    if (!company) return tl::unexpected(company.error());
  }
  return p;
}

Result<FundProposal> FundService::Proposal(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<FundProposal> {
    HEARTH_ASSIGN(auto p, ProposalFor(tx, actor, id, false));
    std::vector<FundProposal> one{std::move(p)};
    Name(tx, actor.tenant_id, one);
    return one.front();
  });
}

Result<platform::Listing<FundProposal>> FundService::Proposals(const RequestContext& ctx, const FundProposalFilter& filter, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<FundProposal>> {
    if (filter.company_id && !CompanyFor(tx, actor, *filter.company_id, false)) return FailField("company_id", "not_found");
    if (filter.project_id && !inventory_.ProjectFor(tx, actor, *filter.project_id)) return FailField("project_id", "not_found");
    platform::Listing<FundProposal> out;
    // Read past those outside the caller's projects until the page is full.
    std::int64_t after = page.after_id.value_or(0);
    std::map<std::int64_t, bool> visible;  // project → in scope
    for (int round = 0; round < 20 && static_cast<int>(out.items.size()) <= page.limit; ++round) {
      const auto rows = tx.Execute(kProposals, actor.tenant_id, filter.company_id.value_or(0), filter.project_id.value_or(0),
                                   filter.status.value_or(""), after, page.limit + 1);
      for (const auto& r : rows) {
        FundProposal p = kProposalColumns.Read(r);
        after = p.id;
        auto [it, fresh] = visible.try_emplace(p.project_id, false);
        if (fresh) it->second = inventory_.ProjectFor(tx, actor, p.project_id).has_value();
        if (it->second) out.items.push_back(std::move(p));
        if (static_cast<int>(out.items.size()) > page.limit) break;
      }
      if (static_cast<int>(rows.size()) <= page.limit) break;
    }
    out.next_cursor = TrimToPage(out.items, page, [](const FundProposal& p) { return p.id; });
    Name(tx, actor.tenant_id, out.items);
    return out;
  });
}

Result<FundProposal> FundService::Decide(const RequestContext& ctx, std::int64_t id, bool approve, const std::string& note) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kDeliveryWork) || !ManagesDelivery(actor)) return Forbidden("only a manager decides the fund's spending");
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<FundProposal> {
    HEARTH_ASSIGN(auto before, ProposalFor(tx, actor, id, true));
    std::optional<std::string> kept = note.empty() ? std::nullopt : std::optional<std::string>(note);
    // The status first (a compare-and-set): of two approvals of one proposal, one spends.
    if (tx.Execute(kDecide, id, actor.tenant_id, approve ? "approved" : "rejected", kept, actor.user_id, now).affected != 1) {
      return Fail(ErrorCode::kConflict, "invalid_transition", fmt::format("the proposal is {} already", before.status));
    }
    if (approve) {
      HEARTH_ASSIGN(auto entry, Post(tx, actor, before.company_id, "spending", -before.amount_cents, before.project_id, before.id,
                                     note.empty() ? before.title : note));
      tx.Execute(kLinkEntry, id, entry.id);
    }
    std::vector<FundProposal> one{kProposalColumns.Read(tx.Execute(kFindProposal, id, actor.tenant_id).front())};
    Name(tx, actor.tenant_id, one);
    audit_.Record(tx, ctx, approve ? "fund_proposal.approved" : "fund_proposal.rejected", "journey_fund", before.company_id,
                  ToJson(before), ToJson(one.front()));
    return one.front();
  });
}

Result<FundProposal> FundService::Approve(const RequestContext& ctx, std::int64_t id, const std::string& note) {
  return Decide(ctx, id, true, note);
}

Result<FundProposal> FundService::Reject(const RequestContext& ctx, std::int64_t id, const std::string& reason) {
  if (reason.empty()) return FailField("reason", "required");
  return Decide(ctx, id, false, reason);
}

}  // namespace hearth::delivery
