#include "modules/service/tickets/ticket_service.hpp"

#include <algorithm>

#include <boost/json/serialize.hpp>

#include "modules/service/tickets/ticket_repo.hpp"
#include "modules/service/tickets/ticket_routing.hpp"
#include "platform/directory.hpp"
#include "platform/password.hpp"
#include "platform/roles.hpp"

namespace hearth::service {

namespace {

constexpr int kDefaultResponseMinutes = 24 * 60;  // Vanke: a reply within 24 hours of working time
constexpr int kDefaultResolveMinutes = 10 * 9 * 60;

std::string KindLabel(TicketKind kind) { return kTicketKindLabels.Text(kind); }

std::string Detail(boost::json::object o) { return boost::json::serialize(o); }

}  // namespace

void TicketService::FindWarrantyOf(Ticket& t, const ServiceConfig& config,
                                   const std::optional<std::string>& completion_date) const {
  t.warranty.reset();
  if (!t.category_id || !completion_date) return;
  if (auto type = config.WarrantyOf(*t.category_id)) t.warranty = FindWarranty(*type, *completion_date, t.created_at);
}

TicketService::TicketService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                             platform::JobScheduler& jobs, platform::Notifications& notifications,
                             ConfigService& config, MassAlertService& alerts,
                             customers::CustomerService& customers, inventory::InventoryService& inventory)
    : db_(db),
      clock_(clock),
      audit_(audit),
      jobs_(jobs),
      notifications_(notifications),
      alerts_(alerts),
      customers_(customers),
      inventory_(inventory),
      config_(config) {
  customers_.AddMergeHook([this](db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into) {
    repo_->MoveCustomer(tx, tenant_id, from, into);
  });
  // The audit log names tickets by title.
  audit_.AddNamer("ticket", [this](db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids) {
    return repo_->TitlesOf(tx, tenant_id, ids);
  });
}

std::vector<TicketBrief> TicketService::BriefsOf(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& ids) {
  return repo_->BriefsOf(tx, tenant_id, ids);
}

void TicketService::Label(db::Tx& tx, const Actor& actor, std::span<Ticket> tickets) {
  if (tickets.empty()) return;
  std::vector<std::int64_t> customers, units, users;
  for (const Ticket& t : tickets) {
    customers.push_back(t.customer_id);
    if (t.unit_id) units.push_back(*t.unit_id);
    if (t.assignee_id) users.push_back(*t.assignee_id);
  }
  const auto cards = customers_.CardsOf(tx, actor.tenant_id, customers);
  const auto codes = inventory_.CodesOf(tx, actor.tenant_id, units);
  const auto people = platform::directory::NamesOf(tx, actor.tenant_id, users);
  auto projects = inventory_.ProjectNames(tx, actor);
  for (Ticket& t : tickets) {
    TicketLabels& l = t.labels;
    if (auto c = cards.find(t.customer_id); c != cards.end()) {
      l.customer_name = c->second.name;
      if (!c->second.phone.empty()) l.customer_phone = c->second.phone;
    }
    if (auto u = t.unit_id ? codes.find(*t.unit_id) : codes.end(); u != codes.end()) l.unit_code = u->second;
    if (projects && t.project_id) {
      if (auto p = projects->find(*t.project_id); p != projects->end()) l.project_name = p->second;
    }
    if (auto a = t.assignee_id ? people.find(*t.assignee_id) : people.end(); a != people.end()) {
      l.assignee_name = a->second.Shown();
    }
  }
}

void TicketService::Note(db::Tx& tx, std::int64_t tenant_id, const TicketEvent& event) {
  repo_->AddEvent(tx, tenant_id, event);
}

void TicketService::ScheduleDeadline(db::Tx& tx, const Ticket& t, const ServiceConfig& config, Timestamp now) {
  const boost::json::object payload{{"ticket_id", t.id}, {"due", t.resolve_due_at.ms}};
  const std::int64_t window = config.calendar.WorkingMsBetween(now, t.resolve_due_at);
  if (window > 0) jobs_.Enqueue(tx, t.tenant_id, "ticket.remind", payload, config.calendar.AddMs(now, window * 4 / 5));
  jobs_.Enqueue(tx, t.tenant_id, "ticket.breach", payload, t.resolve_due_at);
}

Result<void> TicketService::OnDeadlineJob(db::Tx& tx, const platform::Job& job, int level) {
  const auto* id = job.payload.if_contains("ticket_id");
  const auto* due = job.payload.if_contains("due");
  if (!id || !due || !id->is_int64() || !due->is_int64()) return {};
  auto found = repo_->FindTicket(tx, job.tenant_id, id->as_int64());
  if (!found) return {};
  Ticket t = std::move(found->first);
  const std::string org_path = std::move(found->second);
  // Resolved, on hold, or the deadline moved since this job was planned: nothing to do.
  if (!IsOpen(t.status) || t.paused_at || t.resolve_due_at.ms != due->as_int64()) return {};
  const Timestamp now = clock_.Now();
  const std::string link = "工单 #" + std::to_string(t.id) + "：" + t.title;
  if (level == 0) {
    if (now.ms >= t.resolve_due_at.ms) return {};  // too late for a reminder: the breach job escalates
    std::vector<std::int64_t> to;
    if (t.assignee_id) {
      to.push_back(*t.assignee_id);
    } else {
      // Nobody has taken it: the department's members who can see it, so that one picks it up.
      to = config_.MembersSeeing(tx, t.tenant_id, t.department, org_path);
    }
    for (auto u : platform::Notifications::UsersWithRole(tx, t.org_unit_id, {"manager"})) {
      if (std::find(to.begin(), to.end(), u) == to.end()) to.push_back(u);
    }
    notifications_.Notify(tx, t.tenant_id, to, "ticket.reminder", "工单即将超时",
                          link + "，处理时限 " + FormatRfc3339(t.resolve_due_at), "ticket", t.id);
    repo_->AddEvent(tx, t.tenant_id, {0, t.id, now, "reminded", std::nullopt, std::nullopt, std::nullopt,
                                     boost::json::serialize(boost::json::object{{"notified", to.size()}})});
    return {};
  }
  if (t.escalation_level >= level) return {};
  // One level up the org tree per escalation (the group at the top stays the group).
  std::int64_t target = t.org_unit_id;
  for (int step = 0; step < level; ++step) {
    auto parent = platform::directory::ParentOf(tx, target);
    if (!parent) break;
    target = *parent;
  }
  t.escalation_level = level;
  t.updated_at = now;
  repo_->UpdateTicket(tx, t, std::nullopt);
  auto to = platform::Notifications::UsersWithRole(tx, target, {"manager", "admin"});
  notifications_.Notify(tx, t.tenant_id, to, "ticket.escalated", level == 1 ? "工单已超时，升级处理" : "工单超时未解决，再次升级",
                        link, "ticket", t.id);
  repo_->AddEvent(tx, t.tenant_id, {0, t.id, now, "escalated", std::nullopt, std::nullopt, std::nullopt,
                                   boost::json::serialize(boost::json::object{
                                       {"level", level}, {"org_unit_id", target}, {"notified", to.size()}})});
  if (level == 1) {
    jobs_.Enqueue(tx, t.tenant_id, "ticket.escalate", job.payload,
                  config_.Load(tx, t.tenant_id)->calendar.Add(now, kEscalateAgainMinutes));
  }
  return {};
}

Result<std::pair<Ticket, std::string>> TicketService::InScope(db::Tx& tx, const Actor& actor, std::int64_t id) {
  auto found = repo_->FindTicket(tx, actor.tenant_id, id);
  if (!found || !actor.InScope(found->second)) return NotFound("no such ticket");
  return *found;
}

Result<TicketService::Subjects> TicketService::FindSubjects(db::Tx& tx, const Actor& actor, const TicketInput& in) {
  Subjects found;
  auto customer = customers_.CustomerFor(tx, actor, in.customer_id);
  if (!customer) return FailField("customer_id", "not_found");
  found.customer_org_unit_id = customer->org_unit_id;
  if (in.unit_id) {
    auto unit = inventory_.UnitFor(tx, actor, *in.unit_id);
    if (!unit) return FailField("unit_id", "not_found");
    found.unit = std::move(*unit);
    if (in.project_id && *in.project_id != found.unit->project_id) return FailField("project_id", "not_the_units_project");
  }
  if (const auto project_id = found.unit ? std::optional<std::int64_t>(found.unit->project_id) : in.project_id) {
    auto project = inventory_.ProjectFor(tx, actor, *project_id);
    if (!project) return FailField("project_id", "not_found");
    found.project = std::move(*project);
  }
  return found;
}

namespace {

/// The category the caller named: by id, by name or path, or both when they agree; none is fine.
Result<std::optional<std::int64_t>> ChooseCategory(const ServiceConfig& config, const TicketInput& in) {
  std::optional<std::int64_t> chosen;
  if (in.category_id) {
    auto it = std::find_if(config.categories.begin(), config.categories.end(),
                           [&](const Category& c) { return c.id == *in.category_id; });
    if (it == config.categories.end() || !it->active) return FailField("category_id", "not_found");
    chosen = it->id;
  }
  if (in.category) {
    HEARTH_ASSIGN(const std::int64_t named, FindCategory(config.categories, *in.category));
    if (chosen && *chosen != named) return FailField("category", "does_not_match_category_id");
    chosen = named;
  }
  return chosen;
}

/// Routing (工作界面) and the SLA, chosen by the pure functions of ticket_routing.hpp: the
/// department (and owning company, when the rule says), the deadlines on the business calendar.
/// Returns what was decided, for the ticket's history.
boost::json::object Route(Ticket& t, const ServiceConfig& config, const TicketService::Subjects& subjects,
                          Timestamp now) {
  const TicketFacts facts{t.kind, t.grade, t.project_id, t.category_id,
                          subjects.unit ? std::optional<inventory::UnitStatus>(subjects.unit->status) : std::nullopt,
                          subjects.project && subjects.project->team_dissolved};
  const Routing route = RouteTicket(config, facts);
  t.department = route.department;
  boost::json::object decided{{"rule", nullptr}};
  if (route.rule) {
    t.routing_rule_id = route.rule->id;
    if (route.rule->org_unit_id) t.org_unit_id = *route.rule->org_unit_id;
    decided = {{"rule", route.rule->id}, {"rule_name", route.rule->name}};
  }
  if (route.team_dissolved_fallback) decided["fallback"] = "team_dissolved";
  decided["department"] = kDepartments.Name(t.department);
  const SlaPolicy* policy = SelectSlaPolicy(config, facts);
  t.response_due_at = config.calendar.Add(now, policy ? policy->response_minutes : kDefaultResponseMinutes);
  t.resolve_due_at = config.calendar.Add(now, policy ? policy->resolve_minutes : kDefaultResolveMinutes);
  decided["sla_policy"] = policy ? boost::json::value(policy->id) : boost::json::value(nullptr);
  return decided;
}

}  // namespace

Result<Ticket> TicketService::Create(const RequestContext& ctx, const TicketInput& in) {
  return db_.Transact([&](db::Tx& tx) -> Result<Ticket> { return CreateIn(tx, ctx, in); });
}

Result<Ticket> TicketService::CreateIn(db::Tx& tx, const RequestContext& ctx, const TicketInput& in) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not open tickets");
  const Timestamp now = clock_.Now();
  // 1. Who and what it is about: the customer, the unit and its project, each in the caller's scope.
  HEARTH_ASSIGN(const Subjects subjects, FindSubjects(tx, actor, in));
  const auto config = config_.Load(tx, actor.tenant_id);
  HEARTH_ASSIGN(const auto category_id, ChooseCategory(*config, in));
  // 2. The ticket, owned by the project's company, else the customer's.
  Ticket t;
  t.tenant_id = actor.tenant_id;
  t.org_unit_id = subjects.project ? subjects.project->org_unit_id : subjects.customer_org_unit_id;
  t.kind = in.kind;
  t.channel = in.channel;
  t.grade = in.grade;
  t.customer_id = in.customer_id;
  t.unit_id = in.unit_id;
  t.project_id = subjects.project ? std::optional<std::int64_t>(subjects.project->id) : std::nullopt;
  t.category_id = category_id;
  t.title = in.title;
  t.description = in.description;
  t.created_at = t.updated_at = now;
  // 3. Where it goes and by when.
  const boost::json::object routing = Route(t, *config, subjects, now);
  // 4. Stored, with its deadline jobs, its warranty and its place in a mass-complaint cluster.
  t.id = repo_->InsertTicket(tx, t, t.category_id ? std::optional<std::int64_t>(config->RootOf(*t.category_id)) : std::nullopt);
  // The customer is the ticket's company's customer too (the sharing rule; tickets are never
  // deleted, so one share per company: source 0).
  customers_.Share(tx, &ctx, t.tenant_id, t.customer_id, t.org_unit_id, customers::ShareReason::kTicket, 0);
  ScheduleDeadline(tx, t, *config, now);
  if (subjects.project) FindWarrantyOf(t, *config, subjects.project->completion_date);
  alerts_.OnTicket(tx, t, subjects.unit ? std::optional<std::string>(subjects.unit->building) : std::nullopt, *config);
  // 5. Told: the ticket's history, the customer's timeline, the unit's history, the audit log.
  repo_->AddEvent(tx, t.tenant_id, {0, t.id, now, "created", std::nullopt, kTicketStatuses.Text(t.status), actor.user_id, Detail(routing)});
  customers_.AppendTimeline(tx, t.tenant_id,
                            {0, t.customer_id, now, "ticket", "ticket", t.id, KindLabel(t.kind) + "：" + t.title},
                            actor.user_id);
  if (t.unit_id) {
    inventory_.NoteUnitEvent(tx, t.tenant_id, *t.unit_id, "ticket",
                             KindLabel(t.kind) + "：" + t.title + "（工单 #" + std::to_string(t.id) + "）",
                             actor.user_id, now);
  }
  audit_.Record(tx, ctx, "ticket.created", "ticket", t.id, nullptr, ToJson(t, now));
  Label(tx, actor, {&t, 1});
  return t;
}

std::vector<std::pair<std::int64_t, int>> TicketService::Ratings(db::Tx& tx, std::int64_t tenant_id, const std::string& path_prefix,
                                                                  Timestamp from, Timestamp to) {
  return repo_->Ratings(tx, tenant_id, path_prefix, from, to);
}

Result<Ticket> TicketService::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<Ticket> {
    HEARTH_ASSIGN(auto found, InScope(tx, actor, id));
    Ticket t = std::move(found.first);
    if (t.project_id && t.category_id) {
      if (auto project = inventory_.ProjectFor(tx, actor, *t.project_id)) {
        FindWarrantyOf(t, *config_.Load(tx, actor.tenant_id), project->completion_date);
      }
    }
    Label(tx, actor, {&t, 1});
    return t;
  });
}

Result<platform::Listing<Ticket>> TicketService::List(const RequestContext& ctx, const TicketFilter& given,
                                                      const Page& page) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  const Timestamp now = clock_.Now();
  TicketFilter filter = given;
  if (filter.mine) filter.assignee_id = actor.user_id;
  if (filter.q) {
    // A ticket number, a phone, a customer's name or words of the title.
    TicketFilter::Text text;
    text.title = *filter.q;
    const bool digits = std::all_of(filter.q->begin(), filter.q->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && filter.q->size() <= 18) text.id = std::stoll(*filter.q);
    if (auto found = customers_.Search(ctx, *filter.q, 50)) {  // too short for a name or phone: title only
      for (const auto& c : found->items) text.customer_ids.push_back(c.id);
    }
    filter.text = std::move(text);
  }
  return db_.Read([&](db::Tx& tx) -> Result<platform::Listing<Ticket>> {
    platform::Listing<Ticket> out;
    const std::string path = actor.IsAdmin() ? "/" : actor.org_path;
    if (!filter.breached && !filter.sla_state) {
      out.items = repo_->ListTickets(tx, actor.tenant_id, path, filter, page);
      out.next_cursor = TrimToPage(out.items, page, [](const Ticket& t) { return t.id; });
      Label(tx, actor, out.items);
      return out;
    }
    // Breach is computed when read: page through the matches, keeping those that agree.
    Page chunk = page;
    chunk.limit = 200;
    for (int round = 0; round < 50 && static_cast<int>(out.items.size()) <= page.limit; ++round) {
      auto rows = repo_->ListTickets(tx, actor.tenant_id, path, filter, chunk);
      const bool more = static_cast<int>(rows.size()) > chunk.limit;
      if (more) rows.resize(static_cast<std::size_t>(chunk.limit));
      for (auto& t : rows) {
        const bool keep = (!filter.breached || SlaBreached(t, now) == *filter.breached) &&
                          (!filter.sla_state || SlaStateOf(t, now) == *filter.sla_state);
        if (keep) out.items.push_back(std::move(t));
      }
      if (!more || rows.empty()) break;
      chunk.after_id = rows.back().id;
    }
    out.next_cursor = TrimToPage(out.items, page, [](const Ticket& t) { return t.id; });
    Label(tx, actor, out.items);
    return out;
  });
}

Result<Ticket> TicketService::Act(const RequestContext& ctx, std::int64_t id, TicketAction action,
                                  const ActionInput& in, std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not work on tickets");
  using enum TicketAction;
  using enum TicketStatus;
  // What each action needs, checked before anything is read.
  if (action == kAssign && !in.department) return FailField("department", "required");
  if (action == kAssign && in.round_robin && in.assignee_id) return FailField("round_robin", "with_assignee_id");
  if (action == kResolve && (!in.resolution || in.resolution->empty())) return FailField("resolution", "required");
  if (action == kCallback && !in.satisfaction) return FailField("satisfaction", "required");
  if (action == kCallback && (*in.satisfaction < 1 || *in.satisfaction > 5)) return FailField("satisfaction", "out_of_range");
  if ((action == kReopen || action == kCancel || action == kHold) && (!in.reason || in.reason->empty())) {
    return FailField("reason", "required");
  }
  if (action == kComment && (!in.text || in.text->empty())) return FailField("text", "required");
  return db_.Transact([&](db::Tx& tx) -> Result<Ticket> { return ActIn(tx, ctx, id, action, in, expected_version); });
}

Result<Ticket> TicketService::ActIn(db::Tx& tx, const RequestContext& ctx, std::int64_t id, TicketAction action,
                                    const ActionInput& in, std::optional<std::int64_t> expected_version) {
  using enum TicketAction;
  using enum TicketStatus;
  const Actor& actor = ctx.actor_ref();
  const Timestamp now = clock_.Now();
  HEARTH_ASSIGN(auto found, InScope(tx, actor, id));
  Ticket t = std::move(found.first);
  const TicketStatus from = t.status;
  HEARTH_ASSIGN(const TicketStatus to, NextStatus(action, from, in.satisfaction.value_or(0)));
  auto config = config_.Load(tx, actor.tenant_id);
  boost::json::object detail;
  if (action == kAssign) {
    if (!in.assignee_id && in.round_robin) {
      // Round-robin among the department's members whose unit contains the ticket's.
      auto chosen = config_.TakeTurn(tx, actor.tenant_id, *in.department, found.second, now);
      if (!chosen) return FailField("assignee_id", "no_department_member");
      t.assignee_id = *chosen;
    }
    if (in.assignee_id) {
      // Someone who works tickets: not a viewer (no record.write), not a sales consultant only.
      const auto roles = platform::directory::RolesOf(tx, actor.tenant_id, *in.assignee_id);
      if (!roles) return FailField("assignee_id", "not_found");
      const bool works_tickets = std::any_of(roles->begin(), roles->end(), [](const std::string& r) {
        return (platform::PermissionsOf({r}) & (std::uint64_t{1} << static_cast<std::uint32_t>(Permission::kRecordWrite))) &&
               r != "sales";
      });
      if (!works_tickets) return FailField("assignee_id", "cannot_work_tickets");
    }
    if (!in.round_robin) t.assignee_id = in.assignee_id;
    detail = {{"department", kDepartments.Name(*in.department)}, {"from_department", kDepartments.Name(t.department)},
              {"round_robin", in.round_robin},
              {"assignee_id", t.assignee_id ? boost::json::value(*t.assignee_id) : boost::json::value(nullptr)}};
    t.department = *in.department;
  } else if (action == kStart || action == kHold || action == kResolve) {
    if (!t.responded_at) t.responded_at = now;  // the customer has heard back
  }
  if (action == kHold) {
    t.paused_at = now;
    detail = {{"reason", *in.reason}};
  } else if (action == kResume && t.paused_at) {
    // The time spent waiting for the customer does not count: push both deadlines.
    const std::int64_t paused = config->calendar.WorkingMsBetween(*t.paused_at, now);
    t.resolve_due_at = config->calendar.AddMs(t.resolve_due_at, paused);
    if (!t.responded_at) t.response_due_at = config->calendar.AddMs(t.response_due_at, paused);
    detail = {{"paused_working_minutes", paused / 60000}};
    t.paused_at.reset();
  } else if (action == kResolve) {
    t.resolution = *in.resolution;
    t.responsibility = in.responsibility;
    t.resolved_at = now;
    detail = {{"resolution", *in.resolution},
              {"responsibility", in.responsibility ? boost::json::value(kResponsibilities.Name(*in.responsibility))
                                                   : boost::json::value(nullptr)}};
  } else if (action == kCallback) {
    t.satisfaction = *in.satisfaction;
    detail = {{"satisfaction", *in.satisfaction}, {"comment", in.comment.value_or("")}};
    if (to == kClosed) t.closed_at = now;
  } else if (action == kCancel) {
    t.closed_at = now;
    t.paused_at.reset();
    detail = {{"reason", *in.reason}};
  } else if (action == kReopen) {
    detail = {{"reason", *in.reason}};
  } else if (action == kComment) {
    detail = {{"text", *in.text}};
  }
  if (to == kReopened) {
    // A reopened ticket gets a fresh resolution deadline from now, by the same policy length.
    const std::int64_t length = config->calendar.WorkingMsBetween(t.created_at, t.resolve_due_at);
    t.resolve_due_at = config->calendar.AddMs(now, length);
    t.resolved_at.reset();
    t.closed_at.reset();
  }
  t.status = to;
  t.updated_at = now;
  if (!repo_->UpdateTicket(tx, t, expected_version)) {
    return Fail(ErrorCode::kConflict, "version_conflict", "the ticket was changed by someone else; reload it");
  }
  if (action == kResume || to == kReopened) ScheduleDeadline(tx, t, *config, now);
  ++t.version;
  repo_->AddEvent(tx, t.tenant_id,
                 {0, t.id, now, kTicketActions.Text(action), kTicketStatuses.Text(from),
                  to == from ? std::optional<std::string>() : std::optional<std::string>(kTicketStatuses.Text(to)),
                  actor.user_id, Detail(detail)});
  if (action == kResolve || action == kCallback || to == kClosed) {
    std::string summary = action == kResolve ? "工单已解决：" + t.title
                          : to == kClosed    ? "回访满意度 " + std::to_string(t.satisfaction.value_or(0)) + " 分，工单关闭"
                                              : "回访不满意（" + std::to_string(t.satisfaction.value_or(0)) + " 分），工单重开";
    customers_.AppendTimeline(tx, t.tenant_id, {0, t.customer_id, now, "ticket", "ticket", t.id, summary}, actor.user_id);
  }
  if (action != kComment) audit_.Record(tx, ctx, "ticket." + kTicketActions.Text(action), "ticket", t.id, nullptr, detail);
  Label(tx, actor, {&t, 1});
  return t;
}

Result<std::vector<TicketEvent>> TicketService::Events(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<TicketEvent>> {
    HEARTH_TRY(InScope(tx, actor, id));
    auto events = repo_->Events(tx, id);
    platform::directory::NameActors(tx, actor.tenant_id, events);
    return events;
  });
}

Result<std::string> TicketService::Share(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordWrite)) return Forbidden("your role may not work on tickets");
  const std::string token = platform::RandomToken();
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<std::string> {
    HEARTH_ASSIGN(auto found, InScope(tx, actor, id));
    repo_->SetPublicToken(tx, id, Sha256Hex(token));
    repo_->AddEvent(tx, actor.tenant_id, {0, id, now, "shared", std::nullopt, std::nullopt, actor.user_id, "{}"});
    audit_.Record(tx, ctx, "ticket.shared", "ticket", id, nullptr, nullptr);
    return token;
  });
}

Result<std::pair<Ticket, std::vector<TicketEvent>>> TicketService::PublicView(const std::string& token) {
  if (token.size() < 20 || token.size() > 100) return NotFound("no such ticket");
  return db_.Read([&](db::Tx& tx) -> Result<std::pair<Ticket, std::vector<TicketEvent>>> {
    auto t = repo_->FindByPublicToken(tx, Sha256Hex(token));
    if (!t) return NotFound("no such ticket");
    auto events = repo_->Events(tx, t->id);
    // Only the changes of status: comments, assignments to people and internal notes stay inside.
    std::erase_if(events, [](const TicketEvent& e) { return !e.to_status; });
    return std::make_pair(std::move(*t), std::move(events));
  });
}

Result<Ticket> TicketService::PublicConfirm(const std::string& token, int satisfaction, const std::string& comment,
                                            const std::string& remote_address) {
  HEARTH_ASSIGN(auto view, PublicView(token));
  // The customer acts through the ticket's own rules, as a caller scoped to the ticket's tenant.
  RequestContext ctx;
  ctx.request_id = "public:" + std::to_string(view.first.id);
  ctx.remote_address = remote_address;
  ctx.actor = Actor{0, "customer", view.first.tenant_id, view.first.tenant_id, "/", {"admin"},
                    platform::PermissionsOf({"admin"}), 0};
  ActionInput in;
  in.satisfaction = satisfaction;
  in.comment = "客户自评：" + comment;
  return Act(ctx, view.first.id, TicketAction::kCallback, in, std::nullopt);
}

}  // namespace hearth::service
