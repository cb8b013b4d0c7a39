#include "modules/service/tickets/ticket_routing.hpp"

namespace hearth::service {

namespace {

template <typename T>
bool Matches(const std::optional<T>& condition, T value) {
  return !condition || *condition == value;
}

bool CategoryMatches(const ServiceConfig& config, const std::optional<std::int64_t>& condition,
                     const std::optional<std::int64_t>& category) {
  return !condition || (category && config.IsUnder(*category, *condition));
}

}  // namespace

Routing RouteTicket(const ServiceConfig& config, const TicketFacts& facts) {
  Routing out;
  for (const auto& rule : config.rules) {
    if (!rule.active || !Matches(rule.kind, facts.kind) || !Matches(rule.grade, facts.grade)) continue;
    if (rule.project_id && rule.project_id != facts.project_id) continue;
    if (rule.unit_status && (!facts.unit_status || *facts.unit_status != *rule.unit_status)) continue;
    if (!CategoryMatches(config, rule.category_id, facts.category_id)) continue;
    out.department = rule.department;
    out.rule = &rule;
    break;
  }
  if (out.department == Department::kProject && facts.team_dissolved) {
    out.department = Department::kEngineering;
    out.team_dissolved_fallback = true;
  }
  return out;
}

const SlaPolicy* SelectSlaPolicy(const ServiceConfig& config, const TicketFacts& facts) {
  const SlaPolicy* best = nullptr;
  int best_score = -1;
  for (const auto& p : config.policies) {
    if (!Matches(p.kind, facts.kind) || !Matches(p.grade, facts.grade)) continue;
    if (!CategoryMatches(config, p.category_id, facts.category_id)) continue;
    const int score = (p.category_id ? 4 : 0) + (p.grade ? 2 : 0) + (p.kind ? 1 : 0);
    if (score > best_score) {
      best_score = score;
      best = &p;
    }
  }
  return best;
}

}  // namespace hearth::service
