#include "platform/roles.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>

namespace hearth::platform {

namespace {

constexpr std::uint64_t Bits(std::initializer_list<Permission> ps) {
  std::uint64_t bits = 0;
  for (Permission p : ps) bits |= std::uint64_t{1} << static_cast<std::uint32_t>(p);
  return bits;
}

using P = Permission;
// The access table (Odoo's ir.model.access idea): role → what it may do. Scope by org unit is
// applied on top of this in every service.
struct RoleRow {
  std::string_view role;
  std::uint64_t permissions;
};
constexpr std::array<RoleRow, 6> kRoles{{
    {"admin", (std::uint64_t{1} << static_cast<std::uint32_t>(P::kCount)) - 1},
    {"manager", Bits({P::kOrgRead, P::kUserRead, P::kUserWrite, P::kPersonalDataView, P::kRecordRead,
                      P::kRecordWrite, P::kDeliveryWork})},
    {"agent", Bits({P::kOrgRead, P::kUserRead, P::kRecordRead, P::kRecordWrite, P::kDeliveryWork})},
    {"sales", Bits({P::kOrgRead, P::kUserRead, P::kRecordRead, P::kRecordWrite})},
    {"engineer", Bits({P::kOrgRead, P::kUserRead, P::kRecordRead, P::kRecordWrite})},
    {"viewer", Bits({P::kOrgRead, P::kUserRead, P::kRecordRead})},
}};

constexpr std::array<std::string_view, static_cast<std::size_t>(P::kCount)> kPermissionNames{
    "org.read", "org.write", "user.read", "user.write", "audit.read", "personal_data.view", "record.read",
    "record.write", "service.config", "delivery.work"};

}  // namespace

const std::vector<std::string>& BuiltInRoles() {
  static const std::vector<std::string> roles = [] {
    std::vector<std::string> out;
    for (const auto& r : kRoles) out.emplace_back(r.role);
    return out;
  }();
  return roles;
}

bool IsRole(std::string_view role) {
  return std::any_of(kRoles.begin(), kRoles.end(), [&](const RoleRow& r) { return r.role == role; });
}

std::uint64_t PermissionsOf(const std::vector<std::string>& roles) {
  std::uint64_t bits = 0;
  for (const auto& role : roles) {
    for (const auto& r : kRoles) {
      if (r.role == role) bits |= r.permissions;
    }
  }
  return bits;
}

std::vector<std::string> PermissionNames(std::uint64_t bits) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < kPermissionNames.size(); ++i) {
    if ((bits >> i) & 1U) out.emplace_back(kPermissionNames[i]);
  }
  return out;
}

std::string JoinRoles(const std::vector<std::string>& roles) {
  std::string out;
  for (const auto& r : roles) {
    if (!out.empty()) out += ' ';
    out += r;
  }
  return out;
}

std::vector<std::string> SplitRoles(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace hearth::platform
