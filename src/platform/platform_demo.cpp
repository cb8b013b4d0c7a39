// hearth demo, the platform's part: regions, city companies and project org units of a demo
// group, and demo staff of the first company (password "Demo-pass-1") so that a demo shows
// masking and scope.
#include <tuple>

#include "platform/directory.hpp"
#include "platform/org_repo.hpp"
#include "platform/platform_module.hpp"
#include "platform/user_repo.hpp"

namespace hearth::platform {

namespace {

constexpr std::string_view kCities = "SELECT id FROM org_units WHERE tenant_id = $1 AND kind = 'city' ORDER BY id";

/// The group's city companies, after making the tree on a group that has none.
void EnsureOrgTree(db::Tx& tx, Platform& platform, const Clock& clock, Demo& demo) {
  const auto first = directory::UnitOrFirstGroup(tx, 0);
  const std::int64_t group_id = first ? first->id : platform.orgs.CreateGroup(tx, demo.group_name).id;
  demo.tenant_id = group_id;
  const auto existing = tx.Execute(kCities, group_id);
  for (std::size_t i = 0; i < existing.size(); ++i) demo.companies.push_back(existing[i].Int(0));
  if (!demo.companies.empty()) return;  // the group was set up before: the modules add to it
  const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::vector<std::string>>>>> plan{
      {"华南区域", {{"深圳公司", {"深圳湾一号", "四季花城"}}, {"广州公司", {"金色家园", "城市花园"}}}},
      {"华北区域", {{"北京公司", {"西山庭院", "朝阳新城"}}}},
      {"华东区域", {{"上海公司", {"翡翠滨江", "浦东星河湾"}}, {"杭州公司", {"良渚文化村"}}}},
      {"中西部区域", {{"成都公司", {"天府公园城"}}, {"武汉公司", {"四季花城(武汉)"}}, {"重庆公司", {"水晶郦城"}}}},
  };
  OrgRepo orgs;
  const Timestamp now = clock.Now();
  auto root = *orgs.Find(tx, group_id, group_id);
  for (const auto& [region, cities] : plan) {
    auto r = orgs.Insert(tx, region, "region", &root, now);
    for (const auto& [city, projects] : cities) {
      auto c = orgs.Insert(tx, city, "city", &r, now);
      demo.companies.push_back(c.id);
      for (const auto& project : projects) demo.projects.emplace_back(orgs.Insert(tx, project, "project", &c, now).id, project);
    }
  }
}

}  // namespace

Result<void> AddDemo(db::Database& db, Platform& platform, const Clock& clock, Demo& demo) {
  return db.Transact([&](db::Tx& tx) -> Result<void> {
    EnsureOrgTree(tx, platform, clock, demo);
    if (UserRepo().FindForLogin(tx, "agent")) return {};
    auto unit = *OrgRepo().Find(tx, demo.tenant_id, demo.companies.front());
    RequestContext ctx;
    ctx.request_id = "demo";
    for (const auto& [username, role, name] : std::vector<std::tuple<std::string, std::string, std::string>>{
             {"manager", "manager", "客关经理 陈敏"}, {"agent", "agent", "客服专员 李娜"},
             {"sales", "sales", "置业顾问 王强"}, {"sales2", "sales", "置业顾问 刘洋"}, {"viewer", "viewer", "只读 访客"}}) {
      CreateUser cmd{username, "Demo-pass-1", name, {role}, unit.id, std::nullopt, std::nullopt};
      HEARTH_TRY(platform.users.CreateUnchecked(tx, ctx, cmd, unit));
    }
    // A consultant in every other company, so that each project's sales centre has someone.
    for (std::size_t i = 1; i < demo.companies.size(); ++i) {
      auto company = *OrgRepo().Find(tx, demo.tenant_id, demo.companies[i]);
      CreateUser cmd{"sales" + std::to_string(i + 2), "Demo-pass-1", "置业顾问（" + company.name + "）", {"sales"}, company.id,
                     std::nullopt, std::nullopt};
      HEARTH_TRY(platform.users.CreateUnchecked(tx, ctx, cmd, company));
      // And a customer-relations agent, who runs the company's deliveries and call-backs.
      CreateUser kf{"kf" + std::to_string(i + 2), "Demo-pass-1", "客关专员（" + company.name + "）", {"agent"}, company.id,
                    std::nullopt, std::nullopt};
      HEARTH_TRY(platform.users.CreateUnchecked(tx, ctx, kf, company));
    }
    return {};
  });
}

}  // namespace hearth::platform
