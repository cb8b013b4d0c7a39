#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace hearth {

/// What a role may do. Roles map to sets of these in platform/roles.cpp; services check them.
enum class Permission : std::uint32_t {
  kOrgRead,
  kOrgWrite,
  kUserRead,
  kUserWrite,
  kAuditRead,
  kPersonalDataView,  ///< see phone and ID numbers unmasked
  kRecordRead,        ///< read business records in scope (customers, units, tickets…)
  kRecordWrite,       ///< create and change business records in scope
  kServiceConfig,     ///< edit the service centre's categories, routing rules, SLA policies, calendars
  kDeliveryWork,      ///< customer relations' delivery work: batches, inspections, open days, handovers
  kCount,
};

/// The authenticated caller of a request: who, in which tenant (group) and org unit.
struct Actor {
  std::int64_t user_id = 0;
  std::string username;
  std::int64_t tenant_id = 0;          ///< the group org unit at the root of the caller's tree
  std::int64_t org_unit_id = 0;
  std::string org_path;                ///< materialised path of the caller's unit, "/1/4/"
  std::vector<std::string> roles;
  std::uint64_t permissions = 0;       ///< bit per Permission
  std::int64_t session_id = 0;

  bool Can(Permission p) const { return (permissions >> static_cast<std::uint32_t>(p)) & 1U; }
  bool IsAdmin() const;
  /// The manager's powers (decide, approve, define the business's models): the manager and the
  /// administrator roles.
  bool IsManager() const;
  /// True when a record of the unit with materialised path `path` is in the caller's scope.
  bool InScope(const std::string& path) const { return IsAdmin() || path.starts_with(org_path); }
};

inline bool Actor::IsAdmin() const {
  for (const auto& r : roles) {
    if (r == "admin") return true;
  }
  return false;
}

inline bool Actor::IsManager() const {
  for (const auto& r : roles) {
    if (r == "manager" || r == "admin") return true;
  }
  return false;
}

}  // namespace hearth
