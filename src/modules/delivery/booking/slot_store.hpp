#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "db/database.hpp"
#include "modules/delivery/booking/slot.hpp"

/// The handover calendar's table, for the parts of the module that book seats (handovers) and
/// that plan them (booking), in the caller's transaction. No scope checks: the callers hold the
/// batch in scope.
namespace hearth::delivery::slots {

std::optional<Slot> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
/// The batch's slot starting at `at`, if the calendar has one.
std::optional<Slot> At(db::Tx& tx, std::int64_t batch_id, Timestamp at);
/// The batch's slots in time order.
std::vector<Slot> OfBatch(db::Tx& tx, std::int64_t batch_id);
/// Adds the slots that do not exist yet (`per_hour` seats each); answers how many were added.
int Add(db::Tx& tx, std::int64_t tenant_id, std::int64_t batch_id, const std::vector<Timestamp>& starts, int per_hour,
        Timestamp now);
/// Takes a seat while one is left (a compare-and-set: of any number of bookings of the last seat,
/// one wins); false when the slot is full.
bool Take(db::Tx& tx, std::int64_t slot_id, Timestamp now);
/// Gives a seat back (a cancelled or moved booking).
void Free(db::Tx& tx, std::int64_t slot_id, Timestamp now);
/// Sets the capacity while it is not below the seats booked and the version is `expected` (when
/// given); false otherwise.
bool SetCapacity(db::Tx& tx, std::int64_t tenant_id, std::int64_t id, int capacity, std::optional<std::int64_t> expected,
                 Timestamp now);

}  // namespace hearth::delivery::slots
