#pragma once
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/actor.hpp"
#include "core/clock.hpp"

namespace hearth::platform {

/// Recently authenticated tokens, so that a busy client costs one database lookup a second
/// rather than one a request. Entries live `ttl_ms`; any revocation in this process clears the
/// whole cache. Another server's revocation is seen within `ttl_ms` (docs/adr/0006). Thread-safe.
class SessionCache {
 public:
  explicit SessionCache(std::int64_t ttl_ms) : ttl_ms_(ttl_ms) {}
  std::optional<Actor> Find(const std::string& token, Timestamp now);
  void Put(const std::string& token, const Actor& actor, Timestamp now, Timestamp session_expires_at);
  void Clear();

 private:
  struct Entry {
    Actor actor;
    std::int64_t valid_until_ms;
  };
  std::int64_t ttl_ms_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace hearth::platform
