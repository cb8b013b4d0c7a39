#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "http/event_stream.hpp"

namespace hearth::platform {

/// The open event streams of signed-in people (GET /api/v1/events), so that a module can put
/// something on a person's screen as it happens (a call put through to their desk). In this
/// process only: behind a load balancer, a person's stream and the event must meet on one server.
class EventHub {
 public:
  static constexpr std::size_t kStreamsPerUser = 8;  ///< tabs and windows; the oldest goes first

  /// A new stream for the user (the oldest of theirs is closed beyond kStreamsPerUser).
  std::shared_ptr<http::EventStream> Open(std::int64_t user_id);
  /// Sends the event to every open stream of the user; returns how many took it.
  int Publish(std::int64_t user_id, std::string_view event, std::string_view json);
  /// Streams open now (for tests and /metrics).
  std::size_t open() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::int64_t, std::vector<std::shared_ptr<http::EventStream>>> streams_;
};

}  // namespace hearth::platform
