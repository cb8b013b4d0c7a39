// The authorisation matrix: every route the server registers × every built-in role × a record of
// the caller's own org unit and one of another, generated from the route table. A route without
// an access rule fails the first test, so a new route cannot ship unguarded.
//
// For each route and role: without the route's permission → 403 before the request is read;
// with it → never 401/403 (but for the finer rules named below) and never 5xx; a record of another
// region → never 2xx (a GET answers 404, as if it did not exist); no token → 401.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "app.hpp"
#include "platform/roles.hpp"
#include "support/api_fixture.hpp"

namespace hearth::test {
namespace {

struct RouteInfo {
  std::string method;
  std::string pattern;
  bool auth = true;
  std::optional<std::string> permission;  ///< e.g. "record.write"; nullopt: any signed-in user
};

std::vector<RouteInfo> RouteTable() {
  TempDatabase temp(db::Backend::kSqlite);
  Config config;
  config.db_url = temp.url();
  App app(config);
  std::vector<RouteInfo> out;
  for (const auto& route : app.router.routes()) {
    RouteInfo info{route.spec.method, route.spec.pattern, route.spec.auth(), std::nullopt};
    if (auto permission = route.spec.permission()) {
      info.permission = platform::PermissionNames(std::uint64_t{1} << static_cast<std::uint32_t>(*permission)).at(0);
    }
    out.push_back(std::move(info));
  }
  return out;
}

// Every route states its access in its module's manifest (http::Access has no default, so a
// route without one does not compile); the table must still cover the whole API.
TEST(AuthzMatrix, TheRouteTableCoversTheApi) {
  const auto routes = RouteTable();
  EXPECT_GT(routes.size(), 90u);
  const auto guarded = std::count_if(routes.begin(), routes.end(), [](const RouteInfo& r) { return r.permission.has_value(); });
  EXPECT_GT(guarded, 80) << "most routes need a permission";
}

/// Records of one region: the ids a route's path parameters take.
struct Fixture {
  std::int64_t org_unit = 0, customer = 0, project = 0, unit = 0, ticket = 0, repair = 0, attachment = 0,
               work_order = 0, alert = 0, user = 0, lead = 0, pledge = 0, subscription = 0, contract = 0;
  std::int64_t referral = 0, adjustment = 0;
  std::int64_t batch = 0, inspection = 0, finding = 0, photo = 0, open_day = 0, handover = 0, slot = 0, proposal = 0, signup = 0;
};

// Rules finer than a permission: a caller who holds the route's permission may still be refused.
const std::set<std::string> kFinerRules = {
    "POST /api/v1/work-orders/{id}/approve",                 // engineering members approve major plans
    "DELETE /api/v1/tickets/{id}/attachments/{file_id}",     // the uploader or an administrator
    "POST /api/v1/customers/{id}/reveal",                    // a reason is needed without personal_data.view
    "POST /api/v1/change-orders/{id}/approve",               // a manager decides change orders
    "POST /api/v1/change-orders/{id}/reject",
    "POST /api/v1/referrals/{id}/pay",                       // a manager pays referral rewards
    "GET /api/v1/messages",                                  // the message log is for managers
    "POST /api/v1/lead-disputes/{id}/uphold",                // a manager decides attribution disputes
    "POST /api/v1/lead-disputes/{id}/reject",
    "POST /api/v1/price-adjustments/{id}/apply",             // a manager applies price adjustments
    "POST /api/v1/price-adjustments/{id}/cancel",            // the draft's author or a manager
    "POST /api/v1/discount-schemes",                         // a manager keeps the discount schemes
    "PATCH /api/v1/discount-schemes/{id}",
    "POST /api/v1/subscriptions/{id}/approve-price",         // a manager decides prices below the floor
    "POST /api/v1/subscriptions/{id}/reject-price",
    "PUT /api/v1/projects/{id}/sales-settings",              // a manager sets the attribution rules
    "POST /api/v1/open-days/{id}/veto",                      // a customer-relations manager vetoes an open day
    "POST /api/v1/adverse-factors/{id}/withdraw",            // a manager withdraws an adverse factor
    "PATCH /api/v1/journey/playbook/{id}",                   // a manager edits the playbook (the group's, its company's)
    "POST /api/v1/journey/make",                             // a manager runs the journey's task maker
    "POST /api/v1/journey-funds/{company_id}/entries",       // a manager of the company records the fund's inflows
    "POST /api/v1/fund-proposals/{id}/approve",              // a manager of the company decides its spending
    "POST /api/v1/fund-proposals/{id}/reject",
    "POST /api/v1/segment-models",                           // managers define segment models
    "PATCH /api/v1/segment-models/{id}",                     // managers of the model's unit change it
    "POST /api/v1/segment-models/{id}/recompute",            // managers ask for fresh counts
    "PUT /api/v1/value-assumptions/{org_unit_id}",           // managers set their company's value assumptions
    "DELETE /api/v1/value-assumptions/{org_unit_id}",
    "POST /api/v1/club/offers",                              // managers keep the merchants' offers
    "PUT /api/v1/club/settings",                             // the group's managers set the club's rules
    "POST /api/v1/club/rates/recompute",                     // managers compute the club's rates
    "POST /api/v1/campaigns",                                // campaigns are managers' work
    "POST /api/v1/campaigns/audience-count",
    "PATCH /api/v1/campaigns/{id}",
    "POST /api/v1/campaigns/{id}/send",
    "POST /api/v1/campaigns/{id}/cancel",
    "DELETE /api/v1/customers/{id}/marketing/opt-outs/{channel}",  // a manager takes an opt-out back
};

class AuthzMatrixApi : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_EQ(ToReply(admin_->raw().Put("/api/v1/service-settings", {{"Authorization", "Bearer " + admin_->token()}},
                                        R"({"mass_threshold":2,"mass_window_hours":72})", "application/json"))
                  .status,
              200);
    own_ = MakeFixture("华南", "13500000001");
    other_ = MakeFixture("华北", "13500000002");
    for (const auto& role : platform::BuiltInRoles()) {
      if (role == "admin") continue;
      const std::string name = "z." + role;
      auto made = admin_->Post("/api/v1/users", fmt::format(R"({{"username":"{}","password":"Passw0rd-x","display_name":"{}","roles":["{}"],"org_unit_id":{}}})",
                                                            name, name, role, own_.org_unit));
      ASSERT_EQ(made.status, 201) << made.body;
      auto api = std::make_unique<Api>(*server_);
      ASSERT_EQ(api->Login(name, "Passw0rd-x").status, 200);
      callers_.emplace_back(role, std::move(api));
    }
    // Least privileged first; the administrator last.
    auto admin = std::make_unique<Api>(*server_);
    admin->SetToken(admin_->token());
    callers_.emplace_back("admin", std::move(admin));
    for (auto& [role, api] : callers_) {
      auto me = api->Get("/api/v1/me");
      for (const auto& p : me.json.at("permissions").as_array()) permissions_[role].insert(std::string(p.as_string()));
    }
  }

  Fixture MakeFixture(const std::string& region, const std::string& phone) {
    Fixture f;
    f.org_unit = admin_->Post("/api/v1/org-units", fmt::format(R"({{"name":"{}","kind":"region","parent_id":{}}})", region, group_id_)).Int("id");
    f.user = admin_->Post("/api/v1/users", fmt::format(R"({{"username":"u{}","password":"Passw0rd-x","display_name":"x","roles":["agent"],"org_unit_id":{}}})",
                                                       phone, f.org_unit)).Int("id");
    f.customer = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"{}业主","phone":"{}","org_unit_id":{}}})", region, phone, f.org_unit)).Int("id");
    f.project = admin_->Post("/api/v1/projects", fmt::format(R"({{"name":"{}花园","city":"x","org_unit_id":{}}})", region, f.org_unit)).Int("id");
    auto bulk = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", f.project),
                             R"({"building":"1","entrance":"1","floor_from":1,"floor_to":1,"rooms":[{"suffix":"01","area_m2":90}]})");
    f.unit = bulk.json.at("items").as_array().at(0).at("id").as_int64();
    admin_->Post(fmt::format("/api/v1/units/{}/owners", f.unit), fmt::format(R"({{"customer_id":{}}})", f.customer));
    auto ticket = [&](const std::string& extra) {
      return admin_->Post("/api/v1/tickets", fmt::format(R"({{"channel":"hotline","customer_id":{},"project_id":{},{}}})", f.customer, f.project, extra));
    };
    f.ticket = ticket(R"("kind":"complaint","title":"噪音")").Int("id");
    // Two repairs of one category in one project: a mass-complaint alert.
    const auto categories = admin_->Get("/api/v1/ticket-categories");
    std::int64_t category = categories.json.at("items").as_array().at(0).at("id").as_int64();
    f.repair = ticket(fmt::format(R"("kind":"repair","title":"渗水","category_id":{},"unit_id":{})", category, f.unit)).Int("id");
    ticket(fmt::format(R"("kind":"repair","title":"渗水","category_id":{},"unit_id":{})", category, f.unit));
    std::string png("\x89PNG\r\n\x1A\n", 8);
    png += "data";
    f.attachment = admin_->Upload(fmt::format("/api/v1/tickets/{}/attachments", f.repair), png, "image/png").Int("id");
    f.work_order = admin_->Post(fmt::format("/api/v1/tickets/{}/work-orders", f.repair),
                                R"({"contractor":"维保","plan":"修","appointment_at":"2026-12-01T02:00:00Z"})").Int("id");
    const auto alerts = admin_->Get("/api/v1/mass-alerts");
    for (const auto& a : alerts.json.at("items").as_array()) {
      if (a.at("project_id").as_int64() == f.project) f.alert = a.at("id").as_int64();
    }
    // A deal of the region's customer: a lead, a pledge, a subscription and its contract.
    f.lead = admin_->Post("/api/v1/leads", fmt::format(R"({{"project_id":{},"customer_id":{},"source":"visit"}})", f.project, f.customer)).Int("id");
    f.pledge = admin_->Post("/api/v1/pledges", fmt::format(R"({{"project_id":{},"customer_id":{},"amount_cents":100}})", f.project, f.customer)).Int("id");
    auto sold = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", f.project),
                             R"({"building":"9","entrance":"1","floor_from":1,"floor_to":1,"rooms":[{"suffix":"01","area_m2":90}]})");
    const auto sold_unit = sold.json.at("items").as_array().at(0).at("id").as_int64();
    f.subscription = admin_->Post("/api/v1/subscriptions", fmt::format(R"({{"unit_id":{},"buyers":[{{"customer_id":{},"share":1}}],"price_cents":1000}})",
                                                                      sold_unit, f.customer)).Int("id");
    f.contract = admin_->Post("/api/v1/contracts", fmt::format(R"({{"subscription_id":{},"contract_no":"C-{}","signed_on":"2026-11-20","total_cents":1000,
        "payment_plan":[{{"due_on":"2026-12-01","amount_cents":1000,"kind":"down_payment"}}]}})", f.subscription, phone)).Int("id");
    // The owner refers a friend; a price adjustment is drafted.
    const auto friend_ = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"{}朋友","phone":"{}9{}","org_unit_id":{}}})",
                                                                       region, phone.substr(0, 9), phone.back(), f.org_unit)).Int("id");
    f.referral = admin_->Post("/api/v1/referrals", fmt::format(R"({{"referrer_id":{},"referee_id":{},"project_id":{}}})",
                                                               f.customer, friend_, f.project)).Int("id");
    f.adjustment = admin_->Post("/api/v1/price-adjustments", fmt::format(R"({{"project_id":{},"name":"首开定价","method":"set_per_m2","value":3000000}})",
                                                                         f.project)).Int("id");
    // A delivery batch of the owned unit and the sold one, inspected, with a finding, released; an
    // open day; the sold unit's handover.
    f.batch = admin_->Post("/api/v1/delivery-batches", fmt::format(R"({{"project_id":{},"name":"一期","unit_ids":[{},{}],"planned_on":"2027-03-01"}})",
                                                                   f.project, f.unit, sold_unit)).Int("id");
    f.inspection = admin_->Post(fmt::format("/api/v1/delivery-batches/{}/inspections", f.batch), R"({"kind":"risk_check","on":"2026-12-01"})").Int("id");
    f.finding = admin_->Post(fmt::format("/api/v1/inspections/{}/findings", f.inspection),
                             fmt::format(R"({{"unit_id":{},"location":"厨房","severity":"minor","description":"柜门缝隙"}})", f.unit)).Int("id");
    f.photo = admin_->Upload(fmt::format("/api/v1/findings/{}/photos", f.finding), png, "image/png").Int("id");
    admin_->Post(fmt::format("/api/v1/delivery-batches/{}/release", f.batch), "");
    f.slot = admin_->Post(fmt::format("/api/v1/delivery-batches/{}/slots", f.batch), R"({"from_on":"2099-03-01","to_on":"2099-03-02","hours":[9],"per_hour":4})")
                 .json.at("items").at(0).at("id").as_int64();
    f.open_day = admin_->Post("/api/v1/open-days", fmt::format(R"({{"project_id":{},"on":"2099-12-10","decoration":"raw"}})", f.project)).Int("id");
    f.signup = admin_->Post(fmt::format("/api/v1/open-days/{}/signups", f.open_day), fmt::format(R"({{"unit_id":{}}})", f.unit)).Int("id");
    f.handover = admin_->Post("/api/v1/handovers", fmt::format(R"({{"unit_id":{},"slot_at":"2027-03-02T02:00:00Z"}})", sold_unit)).Int("id");
    // The region's 一路同行 fund: an owners' meeting's proposal.
    f.proposal = admin_->Post("/api/v1/fund-proposals", fmt::format(R"({{"project_id":{},"title":"健身器材","meeting_on":"2026-11-01","amount_cents":100}})",
                                                                    f.project)).Int("id");
    EXPECT_TRUE(f.customer && f.project && f.unit && f.ticket && f.repair && f.attachment && f.work_order && f.alert && f.user &&
                f.lead && f.pledge && f.subscription && f.contract && f.referral && f.adjustment && f.batch && f.inspection &&
                f.finding && f.photo && f.open_day && f.handover && f.slot && f.proposal && f.signup)
        << region;
    return f;
  }

  /// The path with its parameters filled from `f`; nullopt when the route has no record of an
  /// org unit to aim at (configuration, the caller's own things).
  static std::string Fill(const std::string& pattern, const Fixture& f, bool& scoped) {
    scoped = false;
    std::string path = pattern;
    auto put = [&](const std::string& name, const std::string& value) {
      for (auto at = path.find(name); at != std::string::npos; at = path.find(name)) path.replace(at, name.size(), value);
    };
    const std::vector<std::pair<std::string, std::int64_t>> by_prefix{
        {"/api/v1/customers/", f.customer}, {"/api/v1/projects/", f.project}, {"/api/v1/units/", f.unit},
        {"/api/v1/tickets/", f.repair},     {"/api/v1/work-orders/", f.work_order}, {"/api/v1/mass-alerts/", f.alert},
        {"/api/v1/org-units/", f.org_unit}, {"/api/v1/users/", f.user},         {"/api/v1/leads/", f.lead},
        {"/api/v1/pledges/", f.pledge},     {"/api/v1/subscriptions/", f.subscription}, {"/api/v1/contracts/", f.contract},
        {"/api/v1/referrals/", f.referral}, {"/api/v1/price-adjustments/", f.adjustment},
        {"/api/v1/delivery-batches/", f.batch}, {"/api/v1/inspections/", f.inspection}, {"/api/v1/findings/", f.finding},
        {"/api/v1/open-days/", f.open_day}, {"/api/v1/handovers/", f.handover}, {"/api/v1/handover-slots/", f.slot},
        {"/api/v1/fund-proposals/", f.proposal}, {"/api/v1/open-day-signups/", f.signup}};
    for (const auto& [prefix, id] : by_prefix) {
      if (pattern.starts_with(prefix + "{id}")) {
        put("{id}", std::to_string(id));
        scoped = true;
      }
    }
    put("{id}", "1");  // configuration rows, imports, notifications: the first
    put("{file_id}", std::to_string(pattern.starts_with("/api/v1/findings/") ? f.photo : f.attachment));
    put("{customer_id}", std::to_string(f.customer));
    if (pattern.find("{project_id}") != std::string::npos) {
      put("{project_id}", std::to_string(f.project));
      scoped = true;
    }
    if (pattern.find("{unit_id}") != std::string::npos) {
      put("{unit_id}", std::to_string(f.unit));
      scoped = true;
    }
    if (pattern.find("{org_unit_id}") != std::string::npos) {
      put("{org_unit_id}", std::to_string(f.org_unit));  // the region's company (value assumptions)
      scoped = true;
    }
    if (pattern.find("{company_id}") != std::string::npos) {
      put("{company_id}", std::to_string(f.org_unit));  // the region holds the fixture's project: its company
      scoped = true;
    }
    put("{region}", "CN");
    put("{day}", "2026-12-31");
    put("{department}", "engineering");
    put("{step}", "notice");
    put("{stage}", "documents");
    put("{channel}", "sms");
    return path;
  }

  Reply Call(Api& api, const RouteInfo& route, const std::string& path) {
    const httplib::Headers auth{{"Authorization", "Bearer " + api.token()}};
    auto& raw = api.raw();
    const bool file = route.pattern.ends_with("/attachments") || route.pattern.starts_with("/api/v1/imports/");
    const std::string body = file ? std::string("name,phone\n") : std::string("{}");
    const char* type = route.pattern.ends_with("/attachments") ? "image/png" : file ? "text/csv" : "application/json";
    if (route.method == "GET" && route.pattern == "/api/v1/events") {
      // A stream that stays open: its status is all there is to check (an error has a body).
      int status = 0;
      raw.Get(
          path, auth,
          [&](const httplib::Response& res) {
            status = res.status;
            return false;
          },
          [](const char*, std::size_t) { return true; });
      if (status != 200) return ToReply(raw.Get(path, auth));
      Reply streaming;
      streaming.status = status;
      return streaming;
    }
    if (route.method == "GET") return ToReply(raw.Get(path, auth));
    if (route.method == "POST") return ToReply(raw.Post(path, auth, body, type));
    if (route.method == "PATCH") return ToReply(raw.Patch(path, auth, body, type));
    if (route.method == "PUT") return ToReply(raw.Put(path, auth, body, type));
    return ToReply(raw.Delete(path, auth));
  }

  Fixture own_, other_;
  std::vector<std::pair<std::string, std::unique_ptr<Api>>> callers_;
  std::map<std::string, std::set<std::string>> permissions_;
};

TEST_P(AuthzMatrixApi, EveryRouteEveryRoleOwnAndOtherOrgUnit) {
  auto routes = RouteTable();
  // Reads before writes, deletions last, so that a permitted write cannot hide a later check.
  auto rank = [](const RouteInfo& r) { return r.method == "GET" ? 0 : r.method == "DELETE" ? 2 : 1; };
  std::stable_sort(routes.begin(), routes.end(), [&](const RouteInfo& a, const RouteInfo& b) { return rank(a) < rank(b); });
  std::size_t checks = 0, denied = 0, other_org = 0, routes_checked = 0;
  Api anonymous(*server_);
  for (const auto& route : routes) {
    if (!route.auth || route.pattern == "/api/v1/auth/logout") continue;
    ++routes_checked;
    const std::string name = route.method + " " + route.pattern;
    bool scoped = false;
    const std::string own_path = Fill(route.pattern, own_, scoped);
    const std::string other_path = Fill(route.pattern, other_, scoped);
    EXPECT_EQ(Call(anonymous, route, own_path).status, 401) << name << " without a token";
    ++checks;
    for (auto& [role, api] : callers_) {
      const bool allowed = !route.permission || permissions_[role].contains(*route.permission);
      if (scoped && role != "admin" && allowed) {
        // Another region's record first, while it still exists.
        auto r = Call(*api, route, other_path);
        EXPECT_TRUE(r.status < 200 || r.status >= 300) << name << " as " << role << " reached another region's record: " << r.status;
        if (route.method == "GET") {
          EXPECT_EQ(r.status, 404) << name << " as " << role << " on another region's record";
        }
        ++other_org;
        ++checks;
      }
      auto r = Call(*api, route, own_path);
      ++checks;
      EXPECT_LT(r.status, 500) << name << " as " << role << ": " << r.body;
      if (!allowed) {
        EXPECT_EQ(r.status, 403) << name << " as " << role << " lacks " << *route.permission << ": " << r.body;
        EXPECT_EQ(r.ErrorCode(), "forbidden") << name << " as " << role;
        ++denied;
      } else if (!kFinerRules.contains(name)) {
        EXPECT_TRUE(r.status != 401 && r.status != 403) << name << " as " << role << " holds the permission: " << r.status << " " << r.body;
        if (route.method == "GET" && scoped) {
          EXPECT_EQ(r.status, 200) << name << " as " << role << " on its own region's record";
        }
      }
    }
  }
  std::cout << fmt::format("authorization matrix ({}): {} routes × {} roles, own and other org unit: {} checks, {} refusals "
                           "by permission, {} attempts on another region's records refused\n",
                           GetParam() == db::Backend::kSqlite ? "SQLite" : "PostgreSQL", routes_checked, callers_.size(),
                           checks, denied, other_org);
}

// The sharing rule in the matrix: every read of a customer, for every role that may read, reaches
// another region's customer who owns a home in the caller's region (masked as the role says), and
// never one who has no home, deal or ticket there.
TEST_P(AuthzMatrixApi, CustomerReadsFollowTheSharingRule) {
  auto bulk = admin_->Post(fmt::format("/api/v1/projects/{}/units/bulk", own_.project),
                           R"({"building":"2","entrance":"1","floor_from":3,"floor_to":3,"rooms":[{"suffix":"01","area_m2":90}]})");
  const auto unit = bulk.json.at("items").as_array().at(0).at("id").as_int64();
  const auto buyer = admin_->Post("/api/v1/customers", fmt::format(R"({{"name":"异地业主","phone":"13500000009","org_unit_id":{}}})", other_.org_unit)).Int("id");
  ASSERT_EQ(admin_->Post(fmt::format("/api/v1/units/{}/owners", unit), fmt::format(R"({{"customer_id":{}}})", buyer)).status, 201);
  std::size_t checks = 0;
  for (const auto& route : RouteTable()) {
    if (route.method != "GET" || !route.pattern.starts_with("/api/v1/customers/{id}")) continue;
    for (auto& [role, api] : callers_) {
      if (role == "admin" || (route.permission && !permissions_[role].contains(*route.permission))) continue;
      auto path_of = [&](std::int64_t customer) {
        Fixture f = own_;
        f.customer = customer;
        bool scoped = false;
        return Fill(route.pattern, f, scoped);
      };
      const auto shared = Call(*api, route, path_of(buyer));
      EXPECT_EQ(shared.status, 200) << route.pattern << " as " << role << " on a customer with a home here: " << shared.body;
      if (route.pattern == "/api/v1/customers/{id}" && shared.status == 200) {
        const bool unmasked = permissions_[role].contains("personal_data.view");
        EXPECT_EQ(shared.Str("phone"), unmasked ? "13500000009" : "135****0009") << role;
      }
      EXPECT_EQ(Call(*api, route, path_of(other_.customer)).status, 404)
          << route.pattern << " as " << role << " on a customer with nothing here";
      checks += 2;
    }
  }
  EXPECT_GT(checks, 10u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuthzMatrixApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
