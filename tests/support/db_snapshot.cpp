#include "support/db_snapshot.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "db/database.hpp"

namespace hearth::test {

namespace {

std::string CellText(const db::Value& v) {
  if (std::holds_alternative<std::monostate>(v)) return "NULL";
  if (const auto* i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) return fmt::format("{}", *d);
  if (const auto* b = std::get_if<bool>(&v)) return *b ? "t" : "f";
  return fmt::format("{:?}", std::get<std::string>(v));
}

}  // namespace

DbSnapshot SnapshotOf(const std::string& url) {
  auto db = db::Database::Open(url, {.pool_size = 1});
  DbSnapshot out;
  auto done = db->Read([&](db::Tx& tx) -> Result<void> {
    for (const auto& table : db::ListTables(tx)) {
      auto rows = tx.Execute("SELECT * FROM " + table);
      auto& lines = out[table];
      for (const auto& row : rows.rows) {
        std::string line;
        for (const auto& cell : row) line += CellText(cell) + "|";
        lines.push_back(std::move(line));
      }
      std::sort(lines.begin(), lines.end());
    }
    return {};
  });
  if (!done) throw std::runtime_error(done.error().message);
  return out;
}

std::vector<std::string> Differences(const DbSnapshot& a, const DbSnapshot& b) {
  std::vector<std::string> out;
  for (const auto& [table, rows] : a) {
    auto it = b.find(table);
    if (it == b.end()) {
      out.push_back(table + ": missing");
    } else if (it->second != rows) {
      out.push_back(fmt::format("{}: {} vs {} rows", table, rows.size(), it->second.size()));
    }
  }
  for (const auto& [table, rows] : b) {
    if (!a.contains(table)) out.push_back(table + ": extra");
  }
  return out;
}

}  // namespace hearth::test
