#include "support/pg_cluster.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include <fmt/format.h>

namespace hearth::test {

namespace {

const std::string& PgScript() {
  static const std::string script = std::string(HEARTH_SOURCE_DIR) + "/scripts/pg.sh";
  return script;
}

std::string TempDir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("hearth-{}-{}", name, ::getpid());
  std::filesystem::remove_all(dir);
  return dir.string();
}

std::string Started(const std::string& command) {
  std::string url = RunCapture(command);
  if (!url.starts_with("postgresql://")) throw std::runtime_error("scripts/pg.sh failed: " + command + "\n" + url);
  return url;
}

}  // namespace

std::string RunCapture(const std::string& command) {
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
    ::pclose(pipe);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

PgCluster::PgCluster(const std::string& name) : dir_(TempDir(name)) {
  url_ = Started(fmt::format("{} start {}", PgScript(), dir_));
}

PgCluster::PgCluster(const std::string& name, const PgCluster& primary) : dir_(TempDir(name)) {
  url_ = Started(fmt::format("{} replica {} {} 2>&1", PgScript(), primary.dir(), dir_));
}

PgCluster::~PgCluster() {
  RunCapture(fmt::format("{} stop {}", PgScript(), dir_));
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string PgCluster::Sql(const std::string& sql) const {
  return RunCapture(fmt::format("psql '{}' -XAtq -c \"{}\" 2>&1", url_, sql));
}

void PgCluster::Crash() { RunCapture(fmt::format("{} crash {}", PgScript(), dir_)); }

void PgCluster::Start() { Started(fmt::format("{} start {}", PgScript(), dir_)); }

}  // namespace hearth::test
