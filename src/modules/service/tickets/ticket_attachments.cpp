#include "modules/service/tickets/ticket_attachments.hpp"

#include <boost/json/serialize.hpp>

#include "modules/service/tickets/ticket_service.hpp"

namespace hearth::service {

namespace {

constexpr std::string_view kOwner = "ticket";

void AddHistory(TicketService& tickets, db::Tx& tx, const Actor& actor, std::int64_t ticket_id, Timestamp now, std::string_view action,
                const platform::Attachment& a) {
  tickets.Note(tx, actor.tenant_id,
                         {0, ticket_id, now, std::string(action), std::nullopt, std::nullopt, actor.user_id,
                          boost::json::serialize(boost::json::object{
                              {"attachment", a.id}, {"file_name", a.file_name}, {"content_type", a.content_type}})});
}

}  // namespace

Result<platform::Attachment> TicketAttachments::Add(const RequestContext& ctx, std::int64_t ticket_id,
                                                    std::string_view file_name, std::string_view bytes) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not add files to tickets");
  HEARTH_TRY(tickets_.Get(ctx, ticket_id));
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<platform::Attachment> {
    HEARTH_ASSIGN(auto a, store_.Add(tx, actor.tenant_id, kOwner, ticket_id, file_name, bytes, actor.user_id, now));
    AddHistory(tickets_, tx, actor, ticket_id, now, "attachment_added", a);
    audit_.Record(tx, ctx, "ticket.attachment_added", "ticket", ticket_id, nullptr, platform::ToJson(a));
    return a;
  });
}

Result<std::vector<platform::Attachment>> TicketAttachments::List(const RequestContext& ctx, std::int64_t ticket_id) {
  HEARTH_TRY(tickets_.Get(ctx, ticket_id));
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<platform::Attachment>> {
    return store_.List(tx, ctx.actor_ref().tenant_id, kOwner, ticket_id);
  });
}

Result<std::pair<platform::Attachment, std::string>> TicketAttachments::Content(const RequestContext& ctx,
                                                                                std::int64_t ticket_id, std::int64_t id) {
  HEARTH_TRY(tickets_.Get(ctx, ticket_id));
  return db_.Read([&](db::Tx& tx) -> Result<std::pair<platform::Attachment, std::string>> {
    auto a = store_.Find(tx, ctx.actor_ref().tenant_id, kOwner, ticket_id, id);
    if (!a) return NotFound("no such file on this ticket");
    return std::pair{*a, store_.Content(tx, id)};
  });
}

Result<void> TicketAttachments::Remove(const RequestContext& ctx, std::int64_t ticket_id, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not remove files from tickets");
  HEARTH_TRY(tickets_.Get(ctx, ticket_id));
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<void> {
    auto a = store_.Find(tx, actor.tenant_id, kOwner, ticket_id, id);
    if (!a) return NotFound("no such file on this ticket");
    if (a->created_by != actor.user_id && !actor.IsAdmin()) {
      return Forbidden("only whoever added the file, or an administrator, may remove it");
    }
    store_.Remove(tx, actor.tenant_id, kOwner, ticket_id, id);
    AddHistory(tickets_, tx, actor, ticket_id, now, "attachment_removed", *a);
    audit_.Record(tx, ctx, "ticket.attachment_removed", "ticket", ticket_id, platform::ToJson(*a), nullptr);
    return {};
  });
}

}  // namespace hearth::service
