#include "modules/service/tickets/ticket.hpp"

#include <algorithm>
#include <array>

#include <boost/json/parse.hpp>

namespace hearth::service {

const std::vector<std::string> kTicketStatuses{"new",      "assigned", "in_progress", "on_hold",
                                               "resolved", "reopened", "closed",      "cancelled"};
const std::vector<std::string> kTicketKinds{"inquiry", "complaint", "repair", "suggestion", "praise"};
const std::vector<std::string> kTicketChannels{"hotline", "web", "wechat", "onsite", "email", "letter", "media"};
const std::vector<std::string> kTicketGrades{"general", "important", "hot", "major"};
const std::vector<std::string> kDepartments{"customer_relations", "engineering", "project", "property", "sales", "design"};
const std::vector<std::string> kResponsibilities{"contractor", "design", "property", "customer", "force_majeure", "none"};
const std::vector<std::string> kTicketActions{"assign", "start", "hold", "resume", "resolve", "callback",
                                              "reopen", "cancel", "comment"};

namespace {

struct Transition {
  std::string_view action;
  std::array<std::string_view, 5> from;  // "" pads
  std::string_view to;                   // "" keeps the status
};

// The status machine of API.md, with hold/resume (waiting for the customer pauses the SLA).
constexpr std::array<Transition, 9> kTransitions{{
    {"assign", {"new", "assigned", "in_progress", "reopened", ""}, "assigned"},
    {"start", {"assigned", "reopened", "", "", ""}, "in_progress"},
    {"hold", {"assigned", "in_progress", "reopened", "", ""}, "on_hold"},
    {"resume", {"on_hold", "", "", "", ""}, "in_progress"},
    {"resolve", {"new", "assigned", "in_progress", "reopened", ""}, "resolved"},
    {"callback", {"resolved", "", "", "", ""}, "closed"},
    {"reopen", {"resolved", "closed", "", "", ""}, "reopened"},
    {"cancel", {"new", "assigned", "in_progress", "reopened", "on_hold"}, "cancelled"},
    {"comment", {"", "", "", "", ""}, ""},
}};

boost::json::value Time(const std::optional<Timestamp>& t) {
  return t ? boost::json::value(FormatRfc3339(*t)) : boost::json::value(nullptr);
}
template <typename T>
boost::json::value Opt(const std::optional<T>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace

bool IsOpen(std::string_view status) {
  return status != "resolved" && status != "closed" && status != "cancelled";
}

bool SlaBreached(const Ticket& t, Timestamp now) {
  // The moment the clock stopped, if it did.
  Timestamp end = now;
  if (t.paused_at) end = *t.paused_at;
  if (t.status == "cancelled" && t.closed_at) end = *t.closed_at;
  const bool waiting = IsOpen(t.status) || t.status == "cancelled";
  const Timestamp replied = t.responded_at ? *t.responded_at : end;
  if ((t.responded_at || waiting) && replied.ms > t.response_due_at.ms) return true;
  const Timestamp resolved = (!IsOpen(t.status) && t.status != "cancelled" && t.resolved_at) ? *t.resolved_at : end;
  return resolved.ms > t.resolve_due_at.ms;
}

Result<std::string> NextStatus(std::string_view action, std::string_view status, int satisfaction) {
  for (const auto& tr : kTransitions) {
    if (tr.action != action) continue;
    if (tr.to.empty()) return std::string(status);
    if (std::find(tr.from.begin(), tr.from.end(), status) == tr.from.end() || status.empty()) break;
    if (action == "callback" && satisfaction > 0 && satisfaction <= 2) return std::string("reopened");
    return std::string(tr.to);
  }
  Error e{ErrorCode::kConflict, "invalid_transition",
          "a ticket that is " + std::string(status) + " cannot be given the action " + std::string(action), {}, {}};
  e.extra.emplace_back("status", std::string(status));
  return tl::unexpected(std::move(e));
}

boost::json::object ToJson(const Ticket& t, Timestamp now) {
  return {{"id", t.id},
          {"kind", t.kind},
          {"channel", t.channel},
          {"grade", t.grade},
          {"status", t.status},
          {"customer_id", t.customer_id},
          {"unit_id", Opt(t.unit_id)},
          {"project_id", Opt(t.project_id)},
          {"category_id", Opt(t.category_id)},
          {"title", t.title},
          {"description", t.description},
          {"department", t.department},
          {"org_unit_id", t.org_unit_id},
          {"assignee_id", Opt(t.assignee_id)},
          {"routing_rule_id", Opt(t.routing_rule_id)},
          {"resolution", Opt(t.resolution)},
          {"responsibility", Opt(t.responsibility)},
          {"satisfaction", Opt(t.satisfaction)},
          {"response_due_at", FormatRfc3339(t.response_due_at)},
          {"resolve_due_at", FormatRfc3339(t.resolve_due_at)},
          {"responded_at", Time(t.responded_at)},
          {"resolved_at", Time(t.resolved_at)},
          {"closed_at", Time(t.closed_at)},
          {"paused_at", Time(t.paused_at)},
          {"sla_breached", SlaBreached(t, now)},
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
          {"from_status", Opt(e.from_status)},
          {"to_status", Opt(e.to_status)},
          {"actor_id", Opt(e.actor_id)},
          {"detail", ec ? boost::json::value(boost::json::object{}) : detail}};
}

}  // namespace hearth::service
