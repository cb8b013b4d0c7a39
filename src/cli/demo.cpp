#include <chrono>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "core/csv.hpp"
#include "modules/customers/customer_repo.hpp"
#include "modules/customers/demo_data.hpp"
#include "modules/customers/timeline.hpp"
#include "modules/inventory/inventory_repo.hpp"
#include "platform/org_repo.hpp"
#include "platform/user_repo.hpp"

namespace hearth::cli {

namespace {

struct DemoTree {
  std::int64_t tenant_id = 0;
  std::vector<std::int64_t> companies;  // city companies: customers belong to them
  std::vector<std::pair<std::int64_t, std::string>> projects;  // project org units and their names
};

// Regions, city companies and projects of a demo group (skipped when the group has them).
DemoTree EnsureOrgTree(db::Tx& tx, App& app) {
  DemoTree tree;
  auto group = tx.Execute("SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1");
  const std::int64_t group_id = group.empty() ? app.platform->orgs.CreateGroup(tx, app.config.group_name).id
                                              : group.front().Int(0);
  tree.tenant_id = group_id;
  auto existing = tx.Execute("SELECT id FROM org_units WHERE tenant_id = $1 AND kind = 'city' ORDER BY id", group_id);
  for (std::size_t i = 0; i < existing.size(); ++i) tree.companies.push_back(existing[i].Int(0));
  if (!tree.companies.empty()) return tree;  // the group was set up before: add customers only
  const std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::vector<std::string>>>>> plan{
      {"华南区域", {{"深圳公司", {"深圳湾一号", "四季花城"}}, {"广州公司", {"金色家园", "城市花园"}}}},
      {"华北区域", {{"北京公司", {"西山庭院", "朝阳新城"}}}},
      {"华东区域", {{"上海公司", {"翡翠滨江", "浦东星河湾"}}, {"杭州公司", {"良渚文化村"}}}},
      {"中西部区域", {{"成都公司", {"天府公园城"}}, {"武汉公司", {"四季花城(武汉)"}}, {"重庆公司", {"水晶郦城"}}}},
  };
  platform::OrgRepo orgs;
  const Timestamp now = app.clock->Now();
  auto root = *orgs.Find(tx, group_id, group_id);
  for (const auto& [region, cities] : plan) {
    auto r = orgs.Insert(tx, region, "region", &root, now);
    for (const auto& [city, projects] : cities) {
      auto c = orgs.Insert(tx, city, "city", &r, now);
      tree.companies.push_back(c.id);
      for (const auto& project : projects) tree.projects.emplace_back(orgs.Insert(tx, project, "project", &c, now).id, project);
    }
  }
  return tree;
}

}  // namespace

namespace {

// Customers as a CSV file in the import format, for import tests and benchmarks.
int WriteDemoCsv(const DemoOptions& options) {
  std::ofstream out(options.csv_path, std::ios::binary);
  if (!out) {
    std::cerr << "hearth: cannot write " << options.csv_path << "\n";
    return 1;
  }
  out << "name,phone,id_number,gender,birth_date,marital_status,children_birth_years,income_level,city,occupation,"
         "source_channel,tags,consent_marketing\n";
  customers::DemoCustomers make(options.seed);
  const Timestamp now = SystemClock().Now();
  std::string line;
  for (std::int64_t n = options.csv_first; n < options.csv_first + options.customers; ++n) {
    const auto c = make.Make(n, 0, 0, now);
    line.clear();
    auto field = [&](std::string_view v) {
      AppendCsvField(line, v);
      line += ',';
    };
    field(c.name);
    field(c.phones.front().phone);
    field(c.id_number.value_or(""));
    field(c.gender);
    field(c.birth_date.value_or(""));
    field(c.marital_status.value_or(""));
    std::string years;
    for (int y : c.children_birth_years) years += (years.empty() ? "" : ";") + std::to_string(y);
    field(years);
    field(c.income_level.value_or(""));
    field(c.city.value_or(""));
    field(c.occupation.value_or(""));
    field(c.source_channel.value_or(""));
    std::string tags;
    for (const auto& t : c.tags) tags += (tags.empty() ? "" : ";") + t;
    field(tags);
    line += c.consent_marketing ? "true" : "false";
    out << line << '\n';
  }
  std::cout << fmt::format("wrote {} customers to {}\n", options.customers, options.csv_path);
  return 0;
}

constexpr std::string_view kInsertTicket = R"sql(
INSERT INTO tickets (tenant_id, org_unit_id, kind, channel, grade, status, customer_id, unit_id, project_id, category_id,
                     title, description, department, response_due_at, resolve_due_at, responded_at, resolved_at,
                     closed_at, satisfaction, resolution, responsibility, created_at, updated_at, category_root_id)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '', $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $21, $22)
RETURNING id)sql";

/// Tickets over the past year from owners about their homes: mostly repairs and complaints,
/// most of the older ones closed with a call-back, the recent ones still open. For demos and the
/// million-ticket benchmark; deadlines are a flat 1 and 10 days (the service applies the calendar).
std::int64_t AddDemoTickets(App& app, std::int64_t tenant_id, std::int64_t count, std::uint64_t seed) {
  struct Home {
    std::int64_t customer, unit, project, org_unit;
  };
  std::vector<Home> homes;
  struct Leaf {
    std::int64_t id;
    std::string name;
    std::int64_t root;
  };
  std::vector<Leaf> leaves;
  app.db->Read([&](db::Tx& tx) -> Result<void> {
    auto rows = tx.Execute(R"sql(SELECT w.customer_id, w.unit_id, u.project_id, p.org_unit_id FROM unit_owners w
                                 JOIN units u ON u.id = w.unit_id JOIN projects p ON p.id = u.project_id
                                WHERE w.tenant_id = $1 ORDER BY w.id)sql", tenant_id);
    for (std::size_t i = 0; i < rows.size(); ++i) homes.push_back({rows[i].Int(0), rows[i].Int(1), rows[i].Int(2), rows[i].Int(3)});
    auto cats = tx.Execute("SELECT id, name, parent_id FROM ticket_categories WHERE tenant_id = $1 AND parent_id IS NOT NULL",
                           tenant_id);
    for (std::size_t i = 0; i < cats.size(); ++i) leaves.push_back({cats[i].Int(0), cats[i].Text(1), cats[i].Int(2)});
    return {};
  });
  if (homes.empty() || leaves.empty() || count <= 0) return 0;
  std::uint64_t state = seed * 6364136223846793005ULL + 1442695040888963407ULL;
  auto next = [&](std::uint64_t n) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state % n;
  };
  const char* channels[] = {"hotline", "hotline", "hotline", "wechat", "web", "onsite", "email", "letter", "media"};
  const std::int64_t now = app.clock->Now().ms;
  constexpr std::int64_t kDay = 86'400'000;
  std::int64_t made = 0;
  while (made < count) {
    const std::int64_t batch = std::min<std::int64_t>(10000, count - made);
    app.db->Transact([&](db::Tx& tx) -> Result<void> {
      for (std::int64_t i = 0; i < batch; ++i) {
        const Home& h = homes[next(homes.size())];
        const auto& [category, category_name, category_root] = leaves[next(leaves.size())];
        const auto k = next(100);
        const std::string kind = k < 45 ? "repair" : k < 70 ? "complaint" : k < 90 ? "inquiry" : k < 97 ? "suggestion" : "praise";
        const auto g = next(100);
        const std::string grade = kind != "complaint" ? "general" : g < 80 ? "general" : g < 93 ? "important" : g < 99 ? "hot" : "major";
        const std::int64_t created = now - static_cast<std::int64_t>(next(365 * 24 * 60)) * 60'000;
        const std::int64_t age_days = (now - created) / kDay;
        const auto roll = next(100);
        std::string status = age_days > 20 ? (roll < 88 ? "closed" : roll < 94 ? "resolved" : "cancelled")
                             : roll < 20 ? "new" : roll < 40 ? "assigned" : roll < 65 ? "in_progress" : roll < 85 ? "resolved" : "closed";
        std::optional<std::int64_t> responded, resolved, closed, satisfaction;
        std::optional<std::string> resolution, responsibility;
        if (status != "new" && status != "assigned") responded = created + static_cast<std::int64_t>(1 + next(30)) * 3'600'000;
        if (status == "resolved" || status == "closed") {
          resolved = created + static_cast<std::int64_t>(1 + next(14)) * kDay;
          resolution = "已处理：" + category_name;
          responsibility = kind == "repair" ? "contractor" : "none";
        }
        if (status == "closed") {
          closed = *resolved + static_cast<std::int64_t>(1 + next(3)) * kDay;
          const auto s = next(100);
          satisfaction = s < 55 ? 5 : s < 85 ? 4 : s < 95 ? 3 : s < 98 ? 2 : 1;
        }
        if (status == "cancelled") closed = created + kDay;
        const std::string department = kind == "repair" ? "engineering" : "customer_relations";
        const std::string title = (kind == "repair" ? "报修：" : kind == "complaint" ? "投诉：" : "") + category_name;
        tx.Execute(kInsertTicket, tenant_id, h.org_unit, kind, std::string(channels[next(9)]), grade, status, h.customer,
                   h.unit, h.project, category, title, department, created + kDay, created + 10 * kDay, responded,
                   resolved, closed, satisfaction, resolution, responsibility, created, category_root);
      }
      return {};
    });
    made += batch;
    std::cerr << fmt::format("\rtickets {}/{}", made, count) << std::flush;
  }
  return made;
}

}  // namespace

int Demo(const Config& config, const DemoOptions& options) {
  if (!options.csv_path.empty()) return WriteDemoCsv(options);
  App app(config);
  if (auto ready = app.Prepare(); !ready) {
    std::cerr << "hearth: " << ready.error().message << "\n";
    return 1;
  }
  auto tree = app.db->Transact([&](db::Tx& tx) -> Result<DemoTree> { return EnsureOrgTree(tx, app); });
  if (!tree) {
    std::cerr << "hearth: " << tree.error().message << "\n";
    return 1;
  }
  // Staff of the first company, so that a demo shows masking and scope (password "Demo-pass-1").
  app.db->Transact([&](db::Tx& tx) -> Result<void> {
    if (!platform::UserRepo().FindForLogin(tx, "agent")) {
      auto unit = *platform::OrgRepo().Find(tx, tree->tenant_id, tree->companies.front());
      RequestContext ctx;
      ctx.request_id = "demo";
      for (const auto& [username, role, name] : std::vector<std::tuple<std::string, std::string, std::string>>{
               {"manager", "manager", "客关经理 陈敏"}, {"agent", "agent", "客服专员 李娜"},
               {"sales", "sales", "置业顾问 王强"}, {"viewer", "viewer", "只读 访客"}}) {
        platform::CreateUser cmd{username, "Demo-pass-1", name, {role}, unit.id, std::nullopt, std::nullopt};
        HEARTH_TRY(app.platform->users.CreateUnchecked(tx, ctx, cmd, unit));
      }
    }
    return {};
  });

  const auto started = std::chrono::steady_clock::now();
  const std::int64_t already = app.db->Read([&](db::Tx& tx) {
    return tx.Execute("SELECT COUNT(*) FROM customers WHERE tenant_id = $1", tree->tenant_id).front().Int(0);
  });
  customers::DemoCustomers make(options.seed + static_cast<std::uint64_t>(already));
  customers::CustomerRepo repo;
  customers::Timeline timeline;
  const char* kinds[] = {"visit", "call", "purchase", "ticket", "survey", "club"};
  const char* summaries[] = {"到访售楼处", "来电咨询户型", "签约认购", "报修：卫生间渗漏", "满意度回访", "参加万客会活动"};
  const std::int64_t per_batch = 5000;
  std::int64_t events_left = options.events;
  for (std::int64_t done = 0; done < options.customers;) {
    const std::int64_t batch = std::min(per_batch, options.customers - done);
    app.db->Transact([&](db::Tx& tx) -> Result<void> {
      const Timestamp now = app.clock->Now();
      std::int64_t first_id = 0;
      std::int64_t last_id = -1;
      for (std::int64_t i = 0; i < batch; ++i) {
        const std::int64_t n = already + done + i;
        auto c = make.Make(n, tree->tenant_id, tree->companies[static_cast<std::size_t>(n) % tree->companies.size()], now);
        c.id = repo.Insert(tx, c, customers::SearchTermsOf(c), false);
        if (i == 0) first_id = c.id;
        last_id = c.id;
        timeline.Append(tx, c.tenant_id, {0, c.id, c.created_at, "profile", "customer", c.id, "建立客户档案"}, std::nullopt, now);
        // Spread the requested events evenly over the customers still to come.
        const std::int64_t remaining = options.customers - (done + i);
        const std::int64_t these = remaining > 0 ? events_left / remaining : 0;
        for (std::int64_t e = 0; e < these; ++e) {
          const int k = static_cast<int>((n + e) % 6);
          const Timestamp at{c.created_at.ms + (e + 1) * 86400000LL * 7};
          timeline.Append(tx, c.tenant_id, {0, c.id, at, kinds[k], "", std::nullopt, summaries[k]}, std::nullopt, now);
        }
        events_left -= these;
      }
      repo.IndexInserted(tx, first_id, last_id);
      return {};
    });
    done += batch;
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::cerr << fmt::format("\rcustomers {}/{} ({:.0f}/s)", done, options.customers, done / std::max(s, 0.001))
              << std::flush;
  }
  // Projects with buildings of units by floor and room; about 60% sold, each to a customer.
  std::int64_t units_made = 0;
  if (!tree->projects.empty()) {
    app.db->Transact([&](db::Tx& tx) -> Result<void> {
      inventory::InventoryRepo inv;
      const Timestamp now = app.clock->Now();
      const std::int64_t total_customers = already + options.customers;
      std::uint64_t pick = options.seed;
      const char* layouts[] = {"3室2厅2卫", "2室2厅1卫", "4室2厅2卫", "3室2厅1卫"};
      const double areas[] = {98.5, 76.2, 128.0, 89.3};
      const char* statuses[] = {"available", "pledged", "subscribed", "contracted", "delivered"};
      for (std::size_t pi = 0; pi < tree->projects.size(); ++pi) {
        const auto& [org_unit, name] = tree->projects[pi];
        inventory::Project p{0, tree->tenant_id, org_unit, name, "", "", "2024-06-30", 1, now, now};
        p.id = inv.InsertProject(tx, p);
        const bool finished = pi % 2 == 1;
        for (int b = 1; b <= 3; ++b) {
          for (int floor = 1; floor <= 18 + static_cast<int>(pi % 3) * 6; ++floor) {
            for (int r = 1; r <= 4; ++r) {
              const std::string building = std::to_string(b), entrance = std::to_string(1 + (r - 1) / 2);
              const std::string room = std::to_string(floor) + (r < 10 ? "0" : "") + std::to_string(r);
              pick = pick * 6364136223846793005ULL + 1442695040888963407ULL;
              const int roll = static_cast<int>((pick >> 33) % 100);
              const char* status = roll < 40 ? statuses[0] : roll < 45 ? statuses[1] : roll < 55 ? statuses[2]
                                 : roll < 75 ? statuses[3] : statuses[4];
              inventory::Unit u{0, tree->tenant_id, p.id, "一期", building, entrance, room, floor,
                                inventory::UnitCode(building, entrance, room), layouts[r - 1], areas[r - 1],
                                static_cast<std::int64_t>(areas[r - 1] * 3500000 * (1 + floor / 100.0)),
                                finished ? "finished" : "raw", status, 1, now, now};
              u.id = inv.InsertUnit(tx, u);
              ++units_made;
              if (roll >= 45 && total_customers > 0) {
                const std::int64_t owner = 1 + static_cast<std::int64_t>((pick >> 13) % static_cast<std::uint64_t>(total_customers));
                if (!repo.Find(tx, tree->tenant_id, owner)) continue;
                inv.UpsertOwner(tx, tree->tenant_id, u.id, owner, 1.0, now);
                timeline.Append(tx, tree->tenant_id, {0, owner, now, "purchase", "unit", u.id, "成为 " + u.code + " 业主"},
                                std::nullopt, now);
              }
            }
          }
        }
      }
      return {};
    });
  }
  const std::int64_t tickets = AddDemoTickets(app, tree->tenant_id, options.tickets, options.seed);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cerr << "\n";
  std::cout << fmt::format("demo: {} companies, {} projects with {} units, {} customers, {} timeline events and {} tickets "
                           "added in {:.1f} s\n",
                           tree->companies.size(), tree->projects.size(), units_made, options.customers,
                           options.events - events_left, tickets, s);
  return 0;
}

}  // namespace hearth::cli
