#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "platform/attachments.hpp"
#include "platform/audit.hpp"

namespace hearth::service {

class TicketService;

/// Photos of the defect (and other files) on a ticket. Whoever may read the ticket may see them;
/// whoever may write records may add them; the uploader or an administrator may remove one.
/// Adding and removing are written to the ticket's history and the audit log.
class TicketAttachments {
 public:
  TicketAttachments(db::Database& db, const Clock& clock, platform::AuditLog& audit, TicketService& tickets)
      : db_(db), clock_(clock), audit_(audit), tickets_(tickets) {}

  Result<platform::Attachment> Add(const RequestContext& ctx, std::int64_t ticket_id, std::string_view file_name,
                                   std::string_view bytes);
  Result<std::vector<platform::Attachment>> List(const RequestContext& ctx, std::int64_t ticket_id);
  /// The file and its bytes; 404 when it is not the ticket's or the ticket is out of scope.
  Result<std::pair<platform::Attachment, std::string>> Content(const RequestContext& ctx, std::int64_t ticket_id,
                                                               std::int64_t id);
  Result<void> Remove(const RequestContext& ctx, std::int64_t ticket_id, std::int64_t id);

 private:
  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  TicketService& tickets_;
  platform::AttachmentStore store_;
};

}  // namespace hearth::service
