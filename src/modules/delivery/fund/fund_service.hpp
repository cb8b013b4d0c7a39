#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/inventory/inventory_service.hpp"
#include "platform/audit.hpp"
#include "platform/org_service.hpp"
#include "platform/org_unit.hpp"

namespace hearth::delivery {

/// 一路同行: a company's fund as its ledger leaves it.
struct JourneyFund {
  std::int64_t company_id = 0;
  std::string company_name;
  std::int64_t balance_cents = 0;
  std::int64_t inflow_cents = 0;      ///< profit shares and owners' contributions
  std::int64_t spent_cents = 0;       ///< approved proposals
  std::int64_t correction_cents = 0;  ///< signed corrections
  std::int64_t pending_cents = 0;  ///< what the proposals awaiting a decision ask for
  std::int64_t pending_proposals = 0;
  std::optional<Timestamp> updated_at;
};
boost::json::object ToJson(const JourneyFund& f);

/// One line of the ledger: signed (positive flows in), with the balance after it.
struct FundEntry {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t company_id = 0;
  std::string kind;  ///< profit_share | owner_contribution | spending | correction
  std::int64_t amount_cents = 0;
  std::int64_t balance_after_cents = 0;
  std::string on;  ///< the China day it was recorded
  std::optional<std::int64_t> project_id;
  std::optional<std::int64_t> proposal_id;
  std::string note;
  std::int64_t created_by = 0;
  Timestamp created_at;
  std::optional<std::string> project_name = std::nullopt;
  std::optional<std::string> proposal_title = std::nullopt;
  std::string created_by_name = {};
};
boost::json::object ToJson(const FundEntry& e);

/// A renovation proposal of an owners' meeting, paid from the fund once a manager approves it.
struct FundProposal {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t company_id = 0;
  std::int64_t project_id = 0;
  std::int64_t org_unit_id = 0;
  std::string title;
  std::string detail;
  std::string meeting_on;
  std::int64_t owners_present = 0;
  std::int64_t amount_cents = 0;
  std::string status;  ///< proposed | approved | rejected
  std::optional<std::string> decision_note;
  std::optional<std::int64_t> decided_by;
  std::optional<Timestamp> decided_at;
  std::optional<std::int64_t> entry_id;
  std::int64_t created_by = 0;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  std::string company_name = {};
  std::string project_name = {};
  std::string created_by_name = {};
  std::optional<std::string> decided_by_name = std::nullopt;
};
boost::json::object ToJson(const FundProposal& p);

/// A period of the ledger: the balance before it, the totals by kind, the balance after it.
struct FundStatement {
  std::int64_t company_id = 0;
  std::string company_name;
  std::string from, to;
  std::int64_t opening_cents = 0;
  std::int64_t profit_share_cents = 0;
  std::int64_t owner_contribution_cents = 0;
  std::int64_t correction_cents = 0;
  std::int64_t spent_cents = 0;  ///< positive
  std::int64_t closing_cents = 0;
  std::vector<FundEntry> entries;  ///< oldest first, at most kStatementEntries
  bool truncated = false;
};
boost::json::object ToJson(const FundStatement& s);

/// What a manager records by hand: an inflow, or a signed correction (with a note).
struct FundInflow {
  std::string kind;  ///< profit_share | owner_contribution | correction
  std::int64_t amount_cents = 0;
  std::optional<std::int64_t> project_id;
  std::string note;
};

struct NewFundProposal {
  std::int64_t project_id = 0;
  std::string title;
  std::string detail;
  std::string meeting_on;
  std::int64_t owners_present = 0;
  std::int64_t amount_cents = 0;
};

struct FundProposalFilter {
  std::optional<std::int64_t> company_id;
  std::optional<std::int64_t> project_id;
  std::optional<std::string> status;
};

/// 一路同行 fund (6+2 step 7): a ledger per company — inflows from a share of profit and owners'
/// contributions, spending on the renovation proposals of owners' meetings once approved — whose
/// balance never goes below zero, and its statement for a period. The company is the org unit
/// above a project (or the project's own unit when that is a company). Staff of a company and of
/// its projects read its fund; managers in the company's scope record inflows and decide.
class FundService {
 public:
  static constexpr std::int64_t kMaxAmount = 1'000'000'000'000;  ///< 10¹² fen: 100 亿元
  static constexpr std::size_t kStatementEntries = 5000;

  FundService(db::Database& db, const Clock& clock, platform::AuditLog& audit, inventory::InventoryService& inventory);

  Result<platform::Listing<JourneyFund>> Funds(const RequestContext& ctx, const Page& page);
  Result<JourneyFund> Fund(const RequestContext& ctx, std::int64_t company_id);
  Result<platform::Listing<FundEntry>> Entries(const RequestContext& ctx, std::int64_t company_id, const Page& page);
  Result<FundEntry> Record(const RequestContext& ctx, std::int64_t company_id, const FundInflow& in);
  Result<FundStatement> Statement(const RequestContext& ctx, std::int64_t company_id, std::optional<std::string> from,
                                  std::optional<std::string> to);

  Result<FundProposal> Propose(const RequestContext& ctx, const NewFundProposal& in);
  Result<FundProposal> Proposal(const RequestContext& ctx, std::int64_t id);
  Result<platform::Listing<FundProposal>> Proposals(const RequestContext& ctx, const FundProposalFilter& filter, const Page& page);
  Result<FundProposal> Approve(const RequestContext& ctx, std::int64_t id, const std::string& note);
  Result<FundProposal> Reject(const RequestContext& ctx, std::int64_t id, const std::string& reason);

 private:
  std::string Today() const;
  /// The company `company_id` when the caller may read its fund (`write`: and manage it); else
  /// a 404 naming company_id (or 403 for a role that may not manage funds).
  Result<platform::OrgUnit> CompanyFor(db::Tx& tx, const Actor& actor, std::int64_t company_id, bool write);
  JourneyFund ReadFund(db::Tx& tx, const platform::OrgUnit& company);
  /// Adds `amount` (signed) to the company's balance, never below zero, and writes the entry.
  Result<FundEntry> Post(db::Tx& tx, const Actor& actor, std::int64_t company_id, const std::string& kind, std::int64_t amount,
                         std::optional<std::int64_t> project_id, std::optional<std::int64_t> proposal_id, const std::string& note);
  void Name(db::Tx& tx, std::int64_t tenant_id, std::vector<FundEntry>& entries);
  void Name(db::Tx& tx, std::int64_t tenant_id, std::vector<FundProposal>& proposals);
  Result<FundProposal> ProposalFor(db::Tx& tx, const Actor& actor, std::int64_t id, bool write);
  Result<FundProposal> Decide(const RequestContext& ctx, std::int64_t id, bool approve, const std::string& note);

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  inventory::InventoryService& inventory_;
};

}  // namespace hearth::delivery
