#include "platform/session_cache.hpp"

#include <algorithm>

namespace hearth::platform {

std::optional<Actor> SessionCache::Find(const std::string& token, Timestamp now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(token);
  if (it == entries_.end()) return std::nullopt;
  if (it->second.valid_until_ms <= now.ms) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.actor;
}

void SessionCache::Put(const std::string& token, const Actor& actor, Timestamp now, Timestamp session_expires_at) {
  std::lock_guard lock(mutex_);
  if (entries_.size() > 50000) entries_.clear();  // bound memory; a miss only costs a query
  entries_[token] = Entry{actor, std::min(now.ms + ttl_ms_, session_expires_at.ms)};
}

void SessionCache::Clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace hearth::platform
