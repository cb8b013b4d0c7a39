#pragma once
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/service/tickets/ticket.hpp"
#include "modules/service/config/service_config.hpp"
#include "platform/audit.hpp"

namespace hearth::service {


class ConfigService;
class TicketService;

/// A closed ticket filed in the case library (案例库).
struct TicketCase {
  std::int64_t id = 0;
  std::int64_t ticket_id = 0;
  std::optional<std::int64_t> category_id;
  TicketKind kind = TicketKind::kInquiry;
  std::string title;
  std::string problem;
  std::string solution;
  Timestamp created_at;
};

/// A standard answer (标准答复) for a category (and the categories under it) and/or a kind.
struct StandardAnswer {
  std::int64_t id = 0;
  std::optional<std::int64_t> category_id;
  std::optional<TicketKind> kind;
  std::string title;
  std::string body;
};

boost::json::object ToJson(const TicketCase& c);
boost::json::object ToJson(const StandardAnswer& a);

/// The case library and the standard answers: what the centre learnt, offered back to agents.
class KnowledgeService {
 public:
  KnowledgeService(db::Database& db, const Clock& clock, platform::AuditLog& audit, ConfigService& config,
                   TicketService& tickets)
      : db_(db), clock_(clock), audit_(audit), config_(config), tickets_(tickets) {}

  /// Files a closed ticket as a case (409 invalid_transition unless closed; once per ticket).
  Result<TicketCase> FileCase(const RequestContext& ctx, std::int64_t ticket_id, const std::optional<std::string>& title,
                              const std::string& problem, const std::string& solution);
  /// Cases under a category (with its children) and/or containing `q`, newest first (at most 50).
  Result<std::vector<TicketCase>> Cases(const RequestContext& ctx, std::optional<std::int64_t> category_id,
                                        const std::optional<std::string>& q);
  /// The answers that fit a ticket of this category and kind, most specific first.
  Result<std::vector<StandardAnswer>> Answers(const RequestContext& ctx, std::optional<std::int64_t> category_id,
                                              std::optional<TicketKind> kind);
  Result<StandardAnswer> CreateAnswer(const RequestContext& ctx, StandardAnswer answer);
  Result<void> DeleteAnswer(const RequestContext& ctx, std::int64_t id);

 private:
  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  ConfigService& config_;
  TicketService& tickets_;
};

}  // namespace hearth::service
