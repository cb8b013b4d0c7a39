#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace hearth::customers {

/// One touch with a customer: a visit, a call, a purchase, a ticket, a survey, a club event…
struct TimelineEvent {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  Timestamp at;
  std::string kind;      ///< "profile", "visit", "call", "purchase", "ticket", "survey", "club", "merge"…
  std::string ref_type;  ///< what ref_id points at ("ticket", "unit", "customer"…), or ""
  std::optional<std::int64_t> ref_id;
  std::string summary;
};

/// The customer timeline: every module appends in its own transaction; pages newest first.
/// Reads cost one index range scan on (customer_id, at, id) whatever the table's size.
class Timeline {
 public:
  /// Appends in the caller's transaction. `actor_id` may be empty for system events.
  void Append(db::Tx& tx, std::int64_t tenant_id, const TimelineEvent& event, std::optional<std::int64_t> actor_id,
              Timestamp now);

  /// Appends the same event (ref: the customer itself) to customers `first_id`..`last_id`, which
  /// this transaction inserted: one statement for a batch of imported rows. SQLite only, where
  /// the writing transaction holds the database and no other writer's ids can fall in the range.
  void AppendToInserted(db::Tx& tx, std::int64_t tenant_id, std::int64_t first_id, std::int64_t last_id,
                        std::string_view kind, std::string_view summary, std::optional<std::int64_t> actor_id,
                        Timestamp now);

  struct Cursor {
    std::int64_t at_ms;
    std::int64_t id;
  };
  /// Events of a customer newest first, after `cursor`; `limit + 1` rows, so that the caller can
  /// tell whether a next page exists.
  std::vector<TimelineEvent> Page(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id,
                                  const std::optional<std::string>& kind, const std::optional<Cursor>& cursor,
                                  int limit);
  /// Moves every event of `from` to `into` (merge).
  void Move(db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into);
};

boost::json::object ToJson(const TimelineEvent& event);

/// "c2:<at>:<id>" as URL-safe base64, and back; nullopt when malformed.
std::string EncodeTimelineCursor(const Timeline::Cursor& cursor);
std::optional<Timeline::Cursor> DecodeTimelineCursor(const std::string& text);

}  // namespace hearth::customers
