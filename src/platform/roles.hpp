#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"

namespace hearth::platform {

/// The built-in roles, in the order the API lists them.
const std::vector<std::string>& BuiltInRoles();
bool IsRole(std::string_view role);
/// The union of the permissions of `roles`, as Actor::permissions bits. Unknown roles add nothing.
std::uint64_t PermissionsOf(const std::vector<std::string>& roles);
/// Stable names of permissions ("org.read"…), for GET /me and the roles list.
std::vector<std::string> PermissionNames(std::uint64_t bits);

/// Roles are stored space-separated in users.roles.
std::string JoinRoles(const std::vector<std::string>& roles);
std::vector<std::string> SplitRoles(std::string_view text);

}  // namespace hearth::platform
