// The module shape (docs/architecture.md), checked against the manifests the server mounts:
// a module's migrations create exactly the tables its manifest declares, every migration belongs
// to a module, a module's SQL names no table of another module, and a public service header
// includes no repo header. A new module that breaks the shape fails here, not in review.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "app.hpp"
#include "core/embedded.hpp"
#include "support/backends.hpp"

namespace hearth {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A server on a fresh database (nothing is served), kept for the whole test binary: its
/// manifests and router are read by reference.
const App& ShapeApp() {
  static test::TempDatabase temp(db::Backend::kSqlite);
  static App* app = [] {
    Config config;
    config.db_url = temp.url();
    return new App(config);
  }();
  return *app;
}
const std::vector<platform::Manifest>& Manifests() { return ShapeApp().manifests(); }

/// Tables created by SQL text: CREATE [VIRTUAL] TABLE [IF NOT EXISTS] name.
/// The tables a migration leaves behind, statement by statement: created, dropped, or renamed (a
/// table made again to change a CHECK on SQLite goes through a new name and a kept copy).
std::set<std::string> CreatedTables(const std::string& sql) {
  static const std::regex statement(
      R"((CREATE\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([a-z_]+))|(DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?([a-z_]+))|(ALTER\s+TABLE\s+([a-z_]+)\s+RENAME\s+TO\s+([a-z_]+)))",
      std::regex::icase);
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(sql.begin(), sql.end(), statement); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    if (m[1].matched) {
      out.insert(m[2]);
    } else if (m[3].matched) {
      out.erase(m[4]);
    } else if (out.erase(m[6])) {
      out.insert(m[7]);
    }
  }
  return out;
}

/// The SQL a C++ source holds: raw R"sql(…)sql" literals and ordinary string literals that read
/// as SQL (they hold SELECT, INSERT, UPDATE, DELETE, FROM or JOIN).
std::vector<std::string> SqlLiterals(const std::string& source) {
  std::vector<std::string> out;
  static const std::regex raw(R"re(R"sql\(([\s\S]*?)\)sql")re");
  for (auto it = std::sregex_iterator(source.begin(), source.end(), raw); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[1]);
  }
  static const std::regex plain(R"re("((?:[^"\\\n]|\\.)*)")re");
  static const std::regex keyword(R"(\b(SELECT|INSERT|UPDATE|DELETE|FROM|JOIN)\b)");
  for (auto it = std::sregex_iterator(source.begin(), source.end(), plain); it != std::sregex_iterator(); ++it) {
    const std::string text = (*it)[1];
    if (std::regex_search(text, keyword)) out.push_back(text);
  }
  return out;
}

std::set<std::string> Words(const std::string& sql) {
  static const std::regex word("[a-z_]+");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(sql.begin(), sql.end(), word); it != std::sregex_iterator(); ++it) {
    out.insert(it->str());
  }
  return out;
}

bool IsCode(const fs::path& p) {
  const auto ext = p.extension().string();
  return (ext == ".cpp" || ext == ".hpp") && !p.filename().string().ends_with("_test.cpp");
}

TEST(ModuleShape, MigrationsCreateExactlyTheDeclaredTables) {
  for (const auto& m : Manifests()) {
    if (m.folder.empty()) continue;
    std::set<std::string> created, declared;
    for (const EmbeddedFile& f : hearth_resources()) {
      if (!f.name.starts_with(m.folder + "/migrations/")) continue;
      for (const auto& t : CreatedTables(std::string(f.data))) created.insert(t);
    }
    for (const auto& t : m.tables) declared.insert(t.name);
    EXPECT_EQ(created, declared) << "module " << m.name << ": the tables its migrations create differ from its manifest";
  }
}

TEST(ModuleShape, EveryMigrationBelongsToAMountedModule) {
  for (const EmbeddedFile& f : hearth_resources()) {
    if (!f.name.ends_with(".sql")) continue;
    bool owned = false;
    for (const auto& m : Manifests()) owned = owned || (!m.folder.empty() && f.name.starts_with(m.folder + "/migrations/"));
    EXPECT_TRUE(owned) << f.name << " is in no mounted module's migrations/ folder";
  }
}

TEST(ModuleShape, ModuleSqlNamesOnlyItsOwnTables) {
  std::map<std::string, std::string> owner;  // table → module
  for (const auto& m : Manifests()) {
    for (const auto& t : m.tables) owner[t.name] = m.name;
  }
  ASSERT_GT(owner.size(), 30u);
  // Each module's folder, and the command line, which owns no table: it works through services.
  // tenant.cpp and backup.cpp copy every table by the manifests' lists, naming none.
  std::vector<std::pair<std::string, fs::path>> folders;
  for (const auto& m : Manifests()) {
    if (!m.folder.empty()) folders.emplace_back(m.name, fs::path(HEARTH_SOURCE_DIR) / "src" / m.folder);
  }
  folders.emplace_back("cli", fs::path(HEARTH_SOURCE_DIR) / "src" / "cli");
  std::vector<std::string> violations;
  for (const auto& [module, folder] : folders) {
    ASSERT_TRUE(fs::is_directory(folder)) << folder;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
      if (!entry.is_regular_file() || !IsCode(entry.path())) continue;
      // A nested module (modules/service inside modules/) is checked as its own.
      for (const auto& sql : SqlLiterals(ReadFile(entry.path()))) {
        for (const auto& word : Words(sql)) {
          auto it = owner.find(word);
          if (it != owner.end() && it->second != module) {
            violations.push_back(fmt::format("{} ({}) names {} of {}", fs::relative(entry.path(), HEARTH_SOURCE_DIR).string(),
                                             module, word, it->second));
          }
        }
      }
    }
  }
  std::sort(violations.begin(), violations.end());
  violations.erase(std::unique(violations.begin(), violations.end()), violations.end());
  EXPECT_TRUE(violations.empty()) << "SQL naming another module's table (use that module's service, or the "
                                     "platform's scope join):\n  "
                                  << fmt::format("{}", fmt::join(violations, "\n  "));
}

TEST(ModuleShape, PublicServiceHeadersIncludeNoRepoHeader) {
  std::vector<std::string> violations;
  static const std::regex repo_include(R"re(#include\s+"[^"]*_repo\.hpp")re");
  for (const auto& m : Manifests()) {
    if (m.folder.empty()) continue;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(HEARTH_SOURCE_DIR) / "src" / m.folder)) {
      const auto name = entry.path().filename().string();
      if (!name.ends_with(".hpp") || name.ends_with("_repo.hpp")) continue;
      if (std::regex_search(ReadFile(entry.path()), repo_include)) violations.push_back(name);
    }
  }
  EXPECT_TRUE(violations.empty()) << "headers including a repo header: " << fmt::format("{}", fmt::join(violations, ", "));
}

TEST(ModuleShape, EveryRouteIsDeclaredOnceWithItsBodyLimit) {
  std::set<std::string> seen;
  for (const auto& route : ShapeApp().router.routes()) {
    EXPECT_TRUE(seen.insert(route.spec.method + " " + route.spec.pattern).second) << route.spec.pattern;
    if (route.spec.body != http::BodyLimit::kJson) {
      EXPECT_TRUE(route.spec.method == "POST" || route.spec.method == "PUT") << route.spec.pattern;
    }
  }
}

}  // namespace
}  // namespace hearth
