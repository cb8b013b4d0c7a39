#include <gtest/gtest.h>

#include "modules/service/config/service_config.hpp"

namespace hearth::service {
namespace {

// 渗漏 (1) › 屋面渗漏 (2), 外墙渗漏 (3); 门窗 (4) › 渗漏 (5); 公共区域 (6) › 屋面渗漏 (7);
// 旧分类 (8, inactive) › 屋面渗漏 (9).
std::vector<Category> Tree() {
  auto c = [](std::int64_t id, std::optional<std::int64_t> parent, std::string name, bool active = true) {
    Category out;
    out.id = id;
    out.parent_id = parent;
    out.name = std::move(name);
    out.active = active;
    return out;
  };
  return {c(1, std::nullopt, "渗漏"), c(2, 1, "屋面渗漏"), c(3, 1, "外墙渗漏"), c(4, std::nullopt, "门窗"), c(5, 4, "渗漏"),
          c(6, std::nullopt, "公共区域"), c(7, 6, "屋面渗漏"), c(8, std::nullopt, "旧分类", false), c(9, 8, "屋面渗漏")};
}

struct Case {
  const char* text;
  std::int64_t id;     ///< the category found, or 0
  const char* reason;  ///< the field error otherwise
};

TEST(FindCategory, NamesAndPaths) {
  const Case cases[] = {
      {"外墙渗漏", 3, ""},                  // a unique name at any depth
      {"渗漏/屋面渗漏", 2, ""},             // a path from the top
      {" 渗漏 / 屋面渗漏 ", 2, ""},         // spaces around names
      {"公共区域/屋面渗漏", 7, ""},
      {"门窗/渗漏", 5, ""},
      {"门窗", 4, ""},                      // a top-level name
      {"屋面渗漏", 0, "ambiguous"},         // 2 and 7 (9 is inactive)
      {"渗漏", 0, "ambiguous"},             // 1 and 5
      {"旧分类/屋面渗漏", 0, "not_found"},  // inactive parent
      {"屋面渗漏/渗漏", 0, "not_found"},    // a path must start at the top
      {"渗漏/门窗", 0, "not_found"},
      {"电梯", 0, "not_found"},
      {"渗漏/", 0, "not_found"},
      {"", 0, "not_found"},
  };
  const auto tree = Tree();
  for (const Case& c : cases) {
    auto found = FindCategory(tree, c.text);
    if (c.id) {
      ASSERT_TRUE(found) << c.text;
      EXPECT_EQ(*found, c.id) << c.text;
    } else {
      ASSERT_FALSE(found) << c.text;
      EXPECT_EQ(found.error().fields.at(0).field, "category") << c.text;
      EXPECT_EQ(found.error().fields.at(0).reason, c.reason) << c.text;
    }
  }
}

}  // namespace
}  // namespace hearth::service
