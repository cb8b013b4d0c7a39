// The service configuration admins edit: categories, routing rules, SLA policies, business
// calendars, department members, and the defaults every new group starts with.
#include <algorithm>
#include <map>

#include <boost/json/array.hpp>

#include "modules/service/config/config_service.hpp"

#include "modules/service/config/config_repo.hpp"
#include "platform/directory.hpp"

namespace hearth::service {

namespace {

/// How long a server keeps a group's configuration before reading it again (other servers' edits).
constexpr std::int64_t kConfigCacheMs = 2000;

boost::json::object CategoryJson(const Category& c) {
  return {{"id", c.id}, {"parent_id", c.parent_id ? boost::json::value(*c.parent_id) : boost::json::value(nullptr)},
          {"name", c.name}, {"position", c.position}, {"active", c.active},
          {"warranty", c.warranty ? boost::json::value(*c.warranty) : boost::json::value(nullptr)}};
}

/// The statutory warranty of each default category's defects (children inherit).
const std::map<std::string, std::string>& DefaultWarranties() {
  static const std::map<std::string, std::string> kWarranty{
      {"渗漏", "waterproofing"}, {"门窗", "fitout"},       {"空鼓开裂", "fitout"},    {"电路故障", "electrical"},
      {"给排水故障", "plumbing"}, {"燃气", "equipment"}, {"暖通空调", "heating_cooling"}};
  return kWarranty;
}

/// The seeds' category tree (渗漏, 门窗, 空鼓开裂…), two levels.
const std::vector<std::pair<std::string, std::vector<std::string>>>& DefaultCategories() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> kTree{
      {"渗漏", {"屋面渗漏", "外墙渗漏", "卫生间渗漏", "窗边渗漏", "地下室渗漏"}},
      {"门窗", {"门窗变形", "密封不严", "五金损坏", "玻璃破损"}},
      {"空鼓开裂", {"墙面开裂", "地面空鼓", "瓷砖空鼓"}},
      {"水电", {"电路故障", "给排水故障", "燃气", "暖通空调"}},
      {"配套承诺", {"学校", "商业", "交通", "会所"}},
      {"物业服务", {"安保", "保洁", "绿化", "收费"}},
      {"销售承诺", {"面积差异", "赠送面积", "交付标准"}},
      {"设计", {"户型设计", "采光通风"}},
      {"其他", {}},
  };
  return kTree;
}

}  // namespace

ConfigService::ConfigService(db::Database& db, const Clock& clock, platform::AuditLog& audit,
                             inventory::InventoryService& inventory)
    : db_(db), clock_(clock), audit_(audit), inventory_(inventory) {}

std::shared_ptr<const ServiceConfig> ConfigService::Load(db::Tx& tx, std::int64_t tenant_id) {
  const std::int64_t now = clock_.Now().ms;
  {
    std::lock_guard lock(config_mutex_);
    auto it = configs_.find(tenant_id);
    if (it != configs_.end() && now - it->second.loaded_ms >= 0 && now - it->second.loaded_ms < kConfigCacheMs) {
      return it->second.config;
    }
  }
  auto config = std::make_shared<ServiceConfig>();
  config->categories = repo_->Categories(tx, tenant_id);
  config->rules = repo_->Rules(tx, tenant_id);
  config->policies = repo_->Policies(tx, tenant_id);
  if (auto row = repo_->FindCalendar(tx, tenant_id, "CN")) {
    config->calendar = BusinessCalendar(row->day_start_min, row->day_end_min);
    for (const auto& day : row->days) config->calendar.Set(day);
  } else {
    for (const auto& day : OfficialChinaCalendar2025And2026()) config->calendar.Set(day);
  }
  std::lock_guard lock(config_mutex_);
  configs_[tenant_id] = {config, now};
  return config;
}

void ConfigService::ForgetConfig(std::int64_t tenant_id) {
  std::lock_guard lock(config_mutex_);
  configs_.erase(tenant_id);
}

Result<void> ConfigService::RequireConfigRights(const Actor& actor) const {
  if (!actor.Can(Permission::kServiceConfig)) return Forbidden("only administrators change the service configuration");
  return {};
}

std::vector<std::int64_t> ConfigService::MembersSeeing(db::Tx& tx, std::int64_t tenant_id,
                                                       Department department, const std::string& org_path) {
  return repo_->MembersSeeing(tx, tenant_id, department, org_path);
}

bool ConfigService::IsMember(db::Tx& tx, std::int64_t tenant_id, Department department, std::int64_t user_id) {
  const auto members = repo_->Members(tx, tenant_id, department);
  return std::any_of(members.begin(), members.end(), [&](const ConfigRepo::MemberRow& m) { return m.user_id == user_id; });
}

std::optional<std::int64_t> ConfigService::TakeTurn(db::Tx& tx, std::int64_t tenant_id, Department department,
                                                    const std::string& org_path, Timestamp now) {
  auto chosen = repo_->NextInRotation(tx, tenant_id, department, org_path);
  if (chosen) repo_->MarkAssigned(tx, tenant_id, department, *chosen, now);
  return chosen;
}

std::vector<Category> ConfigService::CategoryTree(db::Tx& tx, std::int64_t tenant_id) {
  return repo_->Categories(tx, tenant_id);
}

template <typename Change>
std::invoke_result_t<Change, db::Tx&> ConfigService::EditConfig(const RequestContext& ctx, Change&& change) {
  const Actor& actor = ctx.actor_ref();
  HEARTH_TRY(RequireConfigRights(actor));
  auto result = db_.Transact(std::forward<Change>(change));
  ForgetConfig(actor.tenant_id);  // other servers' copies expire within two seconds
  return result;
}

bool ConfigService::CategoryExists(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  const auto all = repo_->Categories(tx, tenant_id);
  return std::any_of(all.begin(), all.end(), [&](const Category& c) { return c.id == id; });
}

Result<std::vector<Category>> ConfigService::Categories(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<Category>> { return repo_->Categories(tx, actor.tenant_id); });
}

Result<Category> ConfigService::CreateCategory(const RequestContext& ctx, Category c) {
  const Actor& actor = ctx.actor_ref();
  const Timestamp now = clock_.Now();
  c.tenant_id = actor.tenant_id;
  return EditConfig(ctx, [&](db::Tx& tx) -> Result<Category> {
    if (c.parent_id && !CategoryExists(tx, actor.tenant_id, *c.parent_id)) return FailField("parent_id", "not_found");
    c.id = repo_->InsertCategory(tx, c, now);
    audit_.Record(tx, ctx, "ticket_category.created", "ticket_category", c.id, nullptr, CategoryJson(c));
    return c;
  });
}

Result<Category> ConfigService::UpdateCategory(const RequestContext& ctx, std::int64_t id,
                                               const std::optional<std::string>& name, std::optional<int> position,
                                               std::optional<bool> active, std::optional<std::int64_t> expected_version) {
  const Actor& actor = ctx.actor_ref();
  const Timestamp now = clock_.Now();
  return EditConfig(ctx, [&](db::Tx& tx) -> Result<Category> {
    auto all = repo_->Categories(tx, actor.tenant_id);
    auto it = std::find_if(all.begin(), all.end(), [&](const Category& x) { return x.id == id; });
    if (it == all.end()) return NotFound("no such category");
    Category c = *it;
    const auto before = CategoryJson(c);
    if (name) c.name = *name;
    if (position) c.position = *position;
    if (active) c.active = *active;
    if (!repo_->UpdateCategory(tx, c, expected_version, now)) {
      return Fail(ErrorCode::kConflict, "version_conflict", "the category was changed by someone else; reload it");
    }
    ++c.version;
    audit_.Record(tx, ctx, "ticket_category.updated", "ticket_category", c.id, before, CategoryJson(c));
    return c;
  });
}

Result<std::vector<RoutingRule>> ConfigService::Rules(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<RoutingRule>> { return repo_->Rules(tx, actor.tenant_id); });
}

Result<RoutingRule> ConfigService::CreateRule(const RequestContext& ctx, RoutingRule r) {
  return SaveRule(ctx, std::nullopt, std::move(r));
}

Result<RoutingRule> ConfigService::UpdateRule(const RequestContext& ctx, std::int64_t id, RoutingRule r) {
  return SaveRule(ctx, id, std::move(r));
}

Result<RoutingRule> ConfigService::SaveRule(const RequestContext& ctx, std::optional<std::int64_t> id, RoutingRule r) {
  const Actor& actor = ctx.actor_ref();
  const Timestamp now = clock_.Now();
  r.tenant_id = actor.tenant_id;
  return EditConfig(ctx, [&](db::Tx& tx) -> Result<RoutingRule> {
    if (r.category_id && !CategoryExists(tx, actor.tenant_id, *r.category_id)) return FailField("category_id", "not_found");
    if (r.project_id && !inventory_.ProjectFor(tx, actor, *r.project_id)) return FailField("project_id", "not_found");
    if (id) {
      r.id = *id;
      if (!repo_->UpdateRule(tx, r, now)) return NotFound("no such routing rule");
    } else {
      r.id = repo_->InsertRule(tx, r, now);
    }
    audit_.Record(tx, ctx, id ? "routing_rule.updated" : "routing_rule.created", "routing_rule", r.id, nullptr,
                  boost::json::object{{"name", r.name}, {"department", kDepartments.Name(r.department)},
                                      {"position", r.position}, {"active", r.active}});
    return r;
  });
}

Result<void> ConfigService::DeleteRule(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  return EditConfig(ctx, [&](db::Tx& tx) -> Result<void> {
    if (!repo_->DeleteRule(tx, actor.tenant_id, id)) return NotFound("no such routing rule");
    audit_.Record(tx, ctx, "routing_rule.deleted", "routing_rule", id, nullptr, nullptr);
    return {};
  });
}

Result<std::vector<SlaPolicy>> ConfigService::Policies(const RequestContext& ctx) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<SlaPolicy>> { return repo_->Policies(tx, actor.tenant_id); });
}

Result<SlaPolicy> ConfigService::CreatePolicy(const RequestContext& ctx, SlaPolicy p) {
  return SavePolicy(ctx, std::nullopt, std::move(p));
}

Result<SlaPolicy> ConfigService::UpdatePolicy(const RequestContext& ctx, std::int64_t id, SlaPolicy p) {
  return SavePolicy(ctx, id, std::move(p));
}

Result<SlaPolicy> ConfigService::SavePolicy(const RequestContext& ctx, std::optional<std::int64_t> id, SlaPolicy p) {
  const Actor& actor = ctx.actor_ref();
  if (p.resolve_minutes < p.response_minutes) return FailField("resolve_minutes", "before_response");
  const Timestamp now = clock_.Now();
  p.tenant_id = actor.tenant_id;
  return EditConfig(ctx, [&](db::Tx& tx) -> Result<SlaPolicy> {
    if (p.category_id && !CategoryExists(tx, actor.tenant_id, *p.category_id)) return FailField("category_id", "not_found");
    if (id) {
      p.id = *id;
      if (!repo_->UpdatePolicy(tx, p, now)) return NotFound("no such SLA policy");
    } else {
      p.id = repo_->InsertPolicy(tx, p, now);
    }
    audit_.Record(tx, ctx, id ? "sla_policy.updated" : "sla_policy.created", "sla_policy", p.id, nullptr,
                  boost::json::object{{"name", p.name}, {"response_minutes", p.response_minutes},
                                      {"resolve_minutes", p.resolve_minutes}});
    return p;
  });
}

Result<void> ConfigService::DeletePolicy(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  return EditConfig(ctx, [&](db::Tx& tx) -> Result<void> {
    if (!repo_->DeletePolicy(tx, actor.tenant_id, id)) return NotFound("no such SLA policy");
    audit_.Record(tx, ctx, "sla_policy.deleted", "sla_policy", id, nullptr, nullptr);
    return {};
  });
}

Result<std::vector<ConfigService::Member>> ConfigService::Members(const RequestContext& ctx, Department department) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<std::vector<Member>> {
    const auto rows = repo_->Members(tx, actor.tenant_id, department);
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.user_id);
    const auto names = platform::directory::NamesOf(tx, actor.tenant_id, ids);
    std::vector<Member> out;
    for (const auto& r : rows) {
      auto name = names.find(r.user_id);
      if (name == names.end()) continue;
      out.push_back({r.user_id, name->second.username, name->second.display_name, r.last_assigned_at});
    }
    return out;
  });
}

Result<std::vector<ConfigService::Member>> ConfigService::SetMembers(const RequestContext& ctx,
                                                                     Department department,
                                                                     const std::vector<std::int64_t>& user_ids) {
  const Actor& actor = ctx.actor_ref();
  HEARTH_TRY(RequireConfigRights(actor));
  const Timestamp now = clock_.Now();
  HEARTH_TRY(db_.Transact([&](db::Tx& tx) -> Result<void> {
    for (std::size_t i = 0; i < user_ids.size(); ++i) {
      if (!platform::directory::UserExists(tx, actor.tenant_id, user_ids[i], false)) {
        return FailField("user_ids[" + std::to_string(i) + "]", "not_found");
      }
    }
    repo_->SetMembers(tx, actor.tenant_id, department, user_ids, now);
    boost::json::array ids;
    for (auto u : user_ids) ids.push_back(u);
    audit_.Record(tx, ctx, "department.members_set", "department", std::nullopt, nullptr,
                  boost::json::object{{"department", kDepartments.Name(department)}, {"user_ids", std::move(ids)}});
    return {};
  }));
  return Members(ctx, department);
}

Result<CalendarRow> ConfigService::Calendar(const RequestContext& ctx, const std::string& region) {
  const Actor& actor = ctx.actor_ref();
  if (!actor.Can(Permission::kRecordRead)) return Forbidden();
  return db_.Read([&](db::Tx& tx) -> Result<CalendarRow> {
    auto c = repo_->FindCalendar(tx, actor.tenant_id, region);
    if (!c) return NotFound("no such calendar");
    return *c;
  });
}

Result<CalendarRow> ConfigService::SetHours(const RequestContext& ctx, const std::string& region, int start_min,
                                            int end_min) {
  const Actor& actor = ctx.actor_ref();
  if (start_min < 0 || start_min >= 24 * 60) return FailField("day_start", "invalid_value");
  if (end_min <= start_min || end_min > 24 * 60) return FailField("day_end", "before_start");
  const Timestamp now = clock_.Now();
  return EditConfig(ctx, [&](db::Tx& tx) -> Result<CalendarRow> {
    auto c = repo_->FindCalendar(tx, actor.tenant_id, region);
    if (!c) return NotFound("no such calendar");
    repo_->UpdateCalendarHours(tx, c->id, start_min, end_min, now);
    audit_.Record(tx, ctx, "calendar.hours_changed", "business_calendar", c->id, nullptr,
                  boost::json::object{{"day_start_min", start_min}, {"day_end_min", end_min}});
    return *repo_->FindCalendar(tx, actor.tenant_id, region);
  });
}

Result<CalendarRow> ConfigService::PutDay(const RequestContext& ctx, const std::string& region, const CalendarDay& day) {
  const Actor& actor = ctx.actor_ref();
  const Timestamp now = clock_.Now();
  return EditConfig(ctx, [&](db::Tx& tx) -> Result<CalendarRow> {
    auto c = repo_->FindCalendar(tx, actor.tenant_id, region);
    if (!c) return NotFound("no such calendar");
    repo_->PutDay(tx, c->id, day, now);
    audit_.Record(tx, ctx, "calendar.day_set", "business_calendar", c->id, nullptr,
                  boost::json::object{{"day", FormatChinaDay(day.day)}, {"working", day.working}, {"name", day.name}});
    return *repo_->FindCalendar(tx, actor.tenant_id, region);
  });
}

Result<CalendarRow> ConfigService::DeleteDay(const RequestContext& ctx, const std::string& region, ChinaDay day) {
  const Actor& actor = ctx.actor_ref();
  return EditConfig(ctx, [&](db::Tx& tx) -> Result<CalendarRow> {
    auto c = repo_->FindCalendar(tx, actor.tenant_id, region);
    if (!c) return NotFound("no such calendar");
    if (!repo_->DeleteDay(tx, c->id, day)) return NotFound("no such day in the calendar");
    audit_.Record(tx, ctx, "calendar.day_removed", "business_calendar", c->id, nullptr,
                  boost::json::object{{"day", FormatChinaDay(day)}});
    return *repo_->FindCalendar(tx, actor.tenant_id, region);
  });
}

Result<void> ConfigService::SeedDefaults() {
  const Timestamp now = clock_.Now();
  return db_.Transact([&](db::Tx& tx) -> Result<void> {
    for (const std::int64_t tenant : platform::directory::Groups(tx)) {
      if (!repo_->Categories(tx, tenant).empty()) continue;  // seeded before: admins own it now
      std::unordered_map<std::string, std::int64_t> ids;
      int position = 0;
      for (const auto& [parent, children] : DefaultCategories()) {
        auto warranty_of = [&](const std::string& name) -> std::optional<std::string> {
          auto it = DefaultWarranties().find(name);
          return it == DefaultWarranties().end() ? std::nullopt : std::optional<std::string>(it->second);
        };
        const auto parent_id =
            repo_->InsertCategory(tx, {0, tenant, std::nullopt, parent, position++, true, 1, warranty_of(parent)}, now);
        ids[parent] = parent_id;
        int child_position = 0;
        for (const auto& child : children) {
          ids[child] = repo_->InsertCategory(tx, {0, tenant, parent_id, child, child_position++, true, 1, warranty_of(child)}, now);
        }
      }
      // The work interface of the seeds: 物业 handles property matters, 销售 its promises,
      // 设计 design, repairs of delivered homes go to the project team (engineering once it
      // has been dissolved), other repairs and every major case to engineering, the rest to 客关.
      using enum TicketKind;
      using enum TicketGrade;
      using enum Department;
      constexpr auto any = std::nullopt;
      int rule_position = 10;
      auto rule = [&](std::string name, std::optional<TicketKind> kind, std::optional<std::int64_t> category,
                      std::optional<TicketGrade> grade, std::optional<inventory::UnitStatus> unit_status,
                      Department department) {
        repo_->InsertRule(tx, {0, tenant, rule_position, std::move(name), kind, category, grade, std::nullopt,
                              unit_status, department, std::nullopt, true, 1},
                         now);
        rule_position += 10;
      };
      rule("物业服务归物业", any, ids["物业服务"], any, any, kProperty);
      rule("销售承诺归营销", any, ids["销售承诺"], any, any, kSales);
      rule("设计问题归设计", any, ids["设计"], any, any, kDesign);
      rule("重大投诉由工程部界定责任", kComplaint, any, kMajor, any, kEngineering);
      rule("已交付房屋报修由项目部整改", kRepair, any, any, inventory::UnitStatus::kDelivered, kProject);
      rule("其他报修归工程部", kRepair, any, any, any, kEngineering);
      // SLA policies in minutes of working time (a working day is 9 hours).
      auto policy = [&](std::string name, std::optional<TicketKind> kind, std::optional<TicketGrade> grade,
                        int response, int resolve) {
        repo_->InsertPolicy(tx, {0, tenant, std::move(name), kind, grade, std::nullopt, response, resolve, 1}, now);
      };
      policy("默认：24 工作小时内答复", any, any, 24 * 60, 10 * 9 * 60);
      policy("咨询", kInquiry, any, 4 * 60, 2 * 9 * 60);
      policy("报修", kRepair, any, 24 * 60, 15 * 9 * 60);
      policy("重要", any, kImportant, 8 * 60, 10 * 9 * 60);
      policy("热点", any, kHot, 4 * 60, 8 * 9 * 60);
      policy("重大", any, kMajor, 2 * 60, 5 * 9 * 60);
      // Standard answers (标准答复) an agent starts from.
      auto answer = [&](std::optional<std::int64_t> category, std::optional<TicketKind> kind, const std::string& title,
                        const std::string& body) {
        tx.Execute("INSERT INTO standard_answers (tenant_id, category_id, kind, title, body, created_at, updated_at) "
                   "VALUES ($1, $2, $3, $4, $5, $6, $6)",
                   tenant, category, kind, title, body, now);
      };
      answer(ids["渗漏"], std::nullopt, "渗漏：安排上门查勘",
             "您好，感谢您的反馈。关于房屋渗漏，我们将在24小时内安排工程人员与您预约上门查勘，确认渗漏点与原因后告知维修方案和完成时间。"
             "如渗漏影响正常居住，请先关闭相关水阀并移开贵重物品。");
      answer(ids["门窗"], std::nullopt, "门窗：预约维修",
             "您好，门窗问题我们已登记，维修人员将与您电话预约上门时间。在保修期内的维修不收取费用。");
      answer(ids["配套承诺"], std::nullopt, "配套承诺：核实后答复",
             "您好，关于配套设施的承诺，我们会与营销和规划部门核实销售时的宣传资料与合同约定，并在3个工作日内给您书面答复。");
      answer(ids["物业服务"], std::nullopt, "物业服务：转物业跟进",
             "您好，您反映的物业服务问题已转交物业服务中心，物业负责人会在24小时内联系您并跟进处理。");
      answer(std::nullopt, kComplaint, "投诉：致歉与承诺",
             "非常抱歉给您带来不便。您的投诉我们已记录，客户关系中心将全程跟进，并在24个工作小时内给您答复处理进展。");
      answer(std::nullopt, std::nullopt, "通用：已受理", "您好，您的诉求已受理，工单号将以短信发送给您，您也可以通过链接随时查看处理进度。");
      if (!repo_->FindCalendar(tx, tenant, "CN")) {
        const auto calendar = repo_->InsertCalendar(tx, tenant, {0, "CN", 9 * 60, 18 * 60, 1, {}}, now);
        for (const auto& day : OfficialChinaCalendar2025And2026()) repo_->PutDay(tx, calendar, day, now);
      }
    }
    return {};
  });
}

}  // namespace hearth::service
