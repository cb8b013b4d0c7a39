#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/actor.hpp"
#include "core/clock.hpp"

namespace hearth::platform {

/// A staff account.
struct User {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t org_unit_id = 0;
  std::string username;
  std::string display_name;
  std::optional<std::string> phone;  ///< personal data: masked for roles without kPersonalDataView
  std::optional<std::string> email;
  std::vector<std::string> roles;
  bool disabled = false;
  std::int64_t version = 1;
  Timestamp created_at;
  Timestamp updated_at;
  /// Set when too many consecutive logins failed; only an administrator's PATCH clears it.
  std::optional<Timestamp> locked_at;
  /// Consecutive failed logins on devices the account does not know (the lock-out's count).
  std::int64_t failed_logins = 0;
};

/// The API view of a user; `unmasked` shows the phone in full.
boost::json::object ToJson(const User& user, bool unmasked);

struct SessionRow {
  std::int64_t session_id = 0;
  Timestamp expires_at;
  bool revoked = false;
  User user;
  std::string org_path;
};

struct UserFilter {
  std::optional<std::string> q;  ///< fragment of username or display name
  std::optional<std::int64_t> org_unit_id;
};

}  // namespace hearth::platform
