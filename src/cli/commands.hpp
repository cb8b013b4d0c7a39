#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "app.hpp"

namespace hearth::cli {

/// `hearth serve`: migrate, create the first admin if asked, serve until SIGTERM.
int Serve(const Config& config);
/// `hearth migrate`: apply pending migrations and list them.
int Migrate(const Config& config);

struct UserAddOptions {
  std::string username;
  std::vector<std::string> roles;
  std::int64_t org_unit_id = 0;
  std::string display_name;
};
/// `hearth user add`: create a staff account from the command line.
int UserAdd(const Config& config, const UserAddOptions& options);

}  // namespace hearth::cli
