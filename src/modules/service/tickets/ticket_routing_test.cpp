#include "modules/service/tickets/ticket_routing.hpp"

#include <gtest/gtest.h>

namespace hearth::service {
namespace {

// Categories: 渗漏 (1) › 屋面渗漏 (2); 保洁 (3).
ServiceConfig Config() {
  ServiceConfig c;
  auto category = [](std::int64_t id, std::optional<std::int64_t> parent, std::string name) {
    Category out;
    out.id = id;
    out.parent_id = parent;
    out.name = std::move(name);
    return out;
  };
  c.categories = {category(1, std::nullopt, "渗漏"), category(2, 1, "屋面渗漏"), category(3, std::nullopt, "保洁")};
  auto rule = [](std::int64_t id, std::string department) {
    RoutingRule r;
    r.id = id;
    r.name = "rule " + std::to_string(id);
    r.department = kDepartments.Parse(department).value();
    return r;
  };
  RoutingRule leaks = rule(10, "engineering");
  leaks.kind = kTicketKinds.Parse("repair").value();
  leaks.category_id = 1;
  RoutingRule cleaning = rule(11, "property");
  cleaning.category_id = 3;
  RoutingRule retired = rule(12, "design");
  retired.kind = kTicketKinds.Parse("suggestion").value();
  retired.active = false;
  RoutingRule handover = rule(13, "project");
  handover.kind = kTicketKinds.Parse("complaint").value();
  handover.unit_status = inventory::UnitStatus::kDelivered;
  RoutingRule vip = rule(14, "sales");
  vip.project_id = 7;
  vip.grade = kTicketGrades.Parse("major").value();
  c.rules = {leaks, cleaning, retired, handover, vip};
  auto policy = [](std::int64_t id, int response, int resolve) {
    SlaPolicy p;
    p.id = id;
    p.response_minutes = response;
    p.resolve_minutes = resolve;
    return p;
  };
  SlaPolicy repairs = policy(20, 240, 4800);
  repairs.kind = kTicketKinds.Parse("repair").value();
  SlaPolicy hot = policy(21, 120, 2400);
  hot.grade = kTicketGrades.Parse("hot").value();
  SlaPolicy leaks_sla = policy(22, 60, 540);
  leaks_sla.category_id = 1;
  SlaPolicy hot_repairs = policy(23, 90, 1000);
  hot_repairs.kind = kTicketKinds.Parse("repair").value();
  hot_repairs.grade = kTicketGrades.Parse("hot").value();
  c.policies = {repairs, hot, leaks_sla, hot_repairs};
  return c;
}

TicketFacts Facts(std::string kind, std::string grade = "general", std::optional<std::int64_t> category = std::nullopt) {
  TicketFacts f;
  f.kind = kTicketKinds.Parse(kind).value();  // the words of the API, as the tables read best
  f.grade = kTicketGrades.Parse(grade).value();
  f.category_id = category;
  return f;
}

TEST(RouteTicket, FirstMatchingActiveRuleByPosition) {
  const auto config = Config();
  struct Case {
    const char* what;
    TicketFacts facts;
    std::string department;
    std::int64_t rule;  ///< 0: none
    bool fallback;
  };
  TicketFacts delivered = Facts("complaint");
  delivered.unit_status = inventory::UnitStatus::kDelivered;
  TicketFacts dissolved = delivered;
  dissolved.team_dissolved = true;
  TicketFacts vip = Facts("inquiry", "major");
  vip.project_id = 7;
  TicketFacts other_project = vip;
  other_project.project_id = 8;
  const Case cases[] = {
      {"a repair under 渗漏 matches the leak rule (category subtree)", Facts("repair", "general", 2), "engineering", 10, false},
      {"the same category as a complaint does not", Facts("complaint", "general", 2), "customer_relations", 0, false},
      {"cleaning by category, any kind", Facts("inquiry", "general", 3), "property", 11, false},
      {"an inactive rule never matches", Facts("suggestion"), "customer_relations", 0, false},
      {"a complaint about a delivered unit goes to the project team", delivered, "project", 13, false},
      {"…to engineering once the team has dissolved", dissolved, "engineering", 13, true},
      {"a complaint without a unit skips the unit-status rule", Facts("complaint"), "customer_relations", 0, false},
      {"project and grade together", vip, "sales", 14, false},
      {"another project does not match", other_project, "customer_relations", 0, false},
      {"no category: category rules skip", Facts("repair"), "customer_relations", 0, false},
  };
  for (const Case& c : cases) {
    const Routing r = RouteTicket(config, c.facts);
    EXPECT_EQ(kDepartments.Name(r.department), c.department) << c.what;
    EXPECT_EQ(r.rule ? r.rule->id : 0, c.rule) << c.what;
    EXPECT_EQ(r.team_dissolved_fallback, c.fallback) << c.what;
  }
}

TEST(SelectSlaPolicy, MostSpecificWins) {
  const auto config = Config();
  struct Case {
    const char* what;
    TicketFacts facts;
    std::int64_t policy;  ///< 0: none, the defaults apply
  };
  const Case cases[] = {
      {"kind only", Facts("repair"), 20},
      {"grade beats kind", Facts("complaint", "hot"), 21},
      {"kind and grade beat grade alone", Facts("repair", "hot"), 23},
      {"category beats kind and grade", Facts("repair", "hot", 2), 22},
      {"category subtree", Facts("inquiry", "general", 2), 22},
      {"another category: none of the category's", Facts("inquiry", "general", 3), 0},
      {"nothing matches", Facts("praise"), 0},
  };
  for (const Case& c : cases) {
    const SlaPolicy* p = SelectSlaPolicy(config, c.facts);
    EXPECT_EQ(p ? p->id : 0, c.policy) << c.what;
  }
}

}  // namespace
}  // namespace hearth::service
