#include "modules/service/tickets/ticket.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

#include <boost/json/parse.hpp>

#include "core/json.hpp"

namespace hearth::service {

namespace {

using enum TicketAction;
using enum TicketStatus;

struct Transition {
  TicketAction action;
  std::initializer_list<TicketStatus> from;
  std::optional<TicketStatus> to;  // nullopt keeps the status
};

// The status machine of API.md, with hold/resume (waiting for the customer pauses the SLA).
const Transition kTransitions[] = {
    {kAssign, {kNew, kAssigned, kInProgress, kReopened}, TicketStatus::kAssigned},
    {kStart, {kAssigned, kReopened}, kInProgress},
    {kHold, {kAssigned, kInProgress, kReopened}, kOnHold},
    {kResume, {kOnHold}, kInProgress},
    {kResolve, {kNew, kAssigned, kInProgress, kReopened}, kResolved},
    {kCallback, {kResolved}, kClosed},
    {kReopen, {kResolved, kClosed}, kReopened},
    {kCancel, {kNew, kAssigned, kInProgress, kReopened, kOnHold}, kCancelled},
    {kComment, {}, std::nullopt},
};


}  // namespace

bool IsOpen(TicketStatus status) {
  return status != TicketStatus::kResolved && status != TicketStatus::kClosed && status != TicketStatus::kCancelled;
}

bool SlaBreached(const Ticket& t, Timestamp now) {
  // The moment the clock stopped, if it did.
  Timestamp end = now;
  if (t.paused_at) end = *t.paused_at;
  if (t.status == TicketStatus::kCancelled && t.closed_at) end = *t.closed_at;
  const bool waiting = IsOpen(t.status) || t.status == TicketStatus::kCancelled;
  const Timestamp replied = t.responded_at ? *t.responded_at : end;
  if ((t.responded_at || waiting) && replied.ms > t.response_due_at.ms) return true;
  const Timestamp resolved = (!IsOpen(t.status) && t.status != TicketStatus::kCancelled && t.resolved_at) ? *t.resolved_at : end;
  return resolved.ms > t.resolve_due_at.ms;
}

SlaState SlaStateOf(const Ticket& t, Timestamp now) {
  if (t.status == TicketStatus::kCancelled) return SlaState::kNone;
  const bool breached = SlaBreached(t, now);
  if (!IsOpen(t.status)) return breached ? SlaState::kLate : SlaState::kMet;
  if (breached) return SlaState::kBreached;
  const Timestamp at = t.paused_at ? *t.paused_at : now;
  // The next deadline still to meet, and the time the ticket was given for it.
  const Timestamp due = t.responded_at ? t.resolve_due_at : t.response_due_at;
  const std::int64_t window = due.ms - t.created_at.ms;
  return window > 0 && (at.ms - t.created_at.ms) * 5 >= window * 4 ? SlaState::kAtRisk : SlaState::kOnTrack;
}

Result<TicketStatus> NextStatus(TicketAction action, TicketStatus status, int satisfaction) {
  for (const auto& tr : kTransitions) {
    if (tr.action != action) continue;
    if (!tr.to) return status;
    if (std::find(tr.from.begin(), tr.from.end(), status) == tr.from.end()) break;
    if (action == kCallback && satisfaction > 0 && satisfaction <= 2) return TicketStatus::kReopened;
    return *tr.to;
  }
  const std::string name(kTicketStatuses.Name(status));
  Error e{ErrorCode::kConflict, "invalid_transition",
          "a ticket that is " + name + " cannot be given the action " + kTicketActions.Text(action), {}, {}};
  e.extra.emplace_back("status", name);
  return tl::unexpected(std::move(e));
}

boost::json::object ToJson(const Ticket& t, Timestamp now) {
  return {{"id", t.id},
          {"kind", kTicketKinds.Name(t.kind)},
          {"channel", kTicketChannels.Name(t.channel)},
          {"grade", kTicketGrades.Name(t.grade)},
          {"status", kTicketStatuses.Name(t.status)},
          {"customer_id", t.customer_id},
          {"unit_id", JsonOr(t.unit_id)},
          {"project_id", JsonOr(t.project_id)},
          {"category_id", JsonOr(t.category_id)},
          {"title", t.title},
          {"description", t.description},
          {"department", kDepartments.Name(t.department)},
          {"org_unit_id", t.org_unit_id},
          {"assignee_id", JsonOr(t.assignee_id)},
          {"routing_rule_id", JsonOr(t.routing_rule_id)},
          {"resolution", JsonOr(t.resolution)},
          {"responsibility", JsonOr(t.responsibility)},
          {"satisfaction", JsonOr(t.satisfaction)},
          {"response_due_at", FormatRfc3339(t.response_due_at)},
          {"resolve_due_at", FormatRfc3339(t.resolve_due_at)},
          {"responded_at", JsonTime(t.responded_at)},
          {"resolved_at", JsonTime(t.resolved_at)},
          {"closed_at", JsonTime(t.closed_at)},
          {"paused_at", JsonTime(t.paused_at)},
          {"sla_breached", SlaBreached(t, now)},
          {"sla_state", kSlaStates.Name(SlaStateOf(t, now))},
          {"customer_name", JsonOr(t.labels.customer_name)},
          {"customer_phone", JsonOr(t.labels.customer_phone)},
          {"unit_code", JsonOr(t.labels.unit_code)},
          {"project_name", JsonOr(t.labels.project_name)},
          {"assignee_name", JsonOr(t.labels.assignee_name)},
          {"escalation_level", t.escalation_level},
          {"warranty", t.warranty ? boost::json::value(ToJson(*t.warranty)) : boost::json::value(nullptr)},
          {"version", t.version},
          {"created_at", FormatRfc3339(t.created_at)},
          {"updated_at", FormatRfc3339(t.updated_at)}};
}

boost::json::object ToJson(const TicketEvent& e) {
  boost::system::error_code ec;
  auto detail = boost::json::parse(e.detail, ec);
  return {{"id", e.id},
          {"at", FormatRfc3339(e.at)},
          {"action", e.action},
          {"from_status", JsonOr(e.from_status)},
          {"to_status", JsonOr(e.to_status)},
          {"actor_id", JsonOr(e.actor_id)},
          {"actor_name", JsonOr(e.actor_name)},
          {"detail", ec ? boost::json::value(boost::json::object{}) : detail}};
}

}  // namespace hearth::service
