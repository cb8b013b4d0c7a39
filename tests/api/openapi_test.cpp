// The OpenAPI document must describe exactly the routes the server registers.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "app.hpp"
#include "http/openapi.hpp"
#include "support/backends.hpp"

namespace hearth {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

TEST(OpenApi, DocumentsEveryRegisteredRouteAndNothingElse) {
  test::TempDatabase temp(db::Backend::kSqlite);
  Config config;
  config.db_url = temp.url();
  App app(config);
  std::set<std::string> registered;
  for (const auto& route : app.router.routes()) registered.insert(Lower(route.spec.method) + " " + route.spec.pattern);

  std::set<std::string> documented;
  const auto& doc = http::OpenApiDocument();
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      if (method == "parameters") continue;
      documented.insert(std::string(method) + " " + std::string(path));
      EXPECT_TRUE(op.as_object().contains("responses")) << method << " " << path;
    }
  }
  for (const auto& r : registered) EXPECT_TRUE(documented.contains(r)) << "undocumented route: " << r;
  for (const auto& d : documented) EXPECT_TRUE(registered.contains(d)) << "documented but not served: " << d;
}

TEST(OpenApi, PublicRoutesAreMarkedWithoutSecurity) {
  test::TempDatabase temp(db::Backend::kSqlite);
  Config config;
  config.db_url = temp.url();
  App app(config);
  const auto& paths = http::OpenApiDocument().at("paths").as_object();
  for (const auto& route : app.router.routes()) {
    const auto& op = paths.at(route.spec.pattern).at(Lower(route.spec.method)).as_object();
    const bool open = op.contains("security") && op.at("security").as_array().empty();
    EXPECT_EQ(open, !route.spec.auth()) << route.spec.method << " " << route.spec.pattern;
  }
}

}  // namespace
}  // namespace hearth
