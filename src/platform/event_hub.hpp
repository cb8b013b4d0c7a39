#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "http/event_stream.hpp"

namespace hearth::platform {

/// The open event streams of signed-in people (GET /api/v1/events), so that a module can put
/// something on a person's screen as it happens: a call put through to their desk (Publish, to
/// one person), a unit sold on the sales-control board every open board shows (PublishInScope,
/// to everyone whose scope holds the record). In this process only: behind a load balancer, a
/// person's stream and the event must meet on one server.
class EventHub {
 public:
  static constexpr std::size_t kStreamsPerUser = 8;  ///< tabs and windows; the oldest goes first

  /// A new stream for the person (the oldest of theirs is closed beyond kStreamsPerUser).
  std::shared_ptr<http::EventStream> Open(const Actor& actor);
  /// Sends the event to every open stream of the user; returns how many took it.
  int Publish(std::int64_t user_id, std::string_view event, std::string_view json);
  /// Sends the event to every open stream of the group whose person may see a record of the org
  /// unit with materialised path `path` (their scope holds it); returns how many took it.
  int PublishInScope(std::int64_t tenant_id, std::string_view path, std::string_view event, std::string_view json);
  /// Streams open now (for tests and /metrics).
  std::size_t open() const;

 private:
  struct Open_ {
    std::shared_ptr<http::EventStream> stream;
    std::int64_t tenant_id = 0;
    std::string scope;  ///< the person's org path ("/" for an administrator)
  };
  mutable std::mutex mutex_;
  std::map<std::int64_t, std::vector<Open_>> streams_;
};

}  // namespace hearth::platform
