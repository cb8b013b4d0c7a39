#include "modules/delivery/booking/slot_store.hpp"

#include <string>

#include "db/columns.hpp"

namespace hearth::delivery::slots {

namespace {

const db::Columns<Slot> kColumns{
    {"id", &Slot::id},
    {"tenant_id", &Slot::tenant_id},
    {"batch_id", &Slot::batch_id},
    {"starts_at", &Slot::starts_at},
    {"capacity", &Slot::capacity},
    {"booked", &Slot::booked},
    {"version", &Slot::version},
    {"created_at", &Slot::created_at},
    {"updated_at", &Slot::updated_at},
};
const std::string kFind = "SELECT " + kColumns.List() + " FROM handover_slots WHERE id = $1 AND tenant_id = $2";
const std::string kAt = "SELECT " + kColumns.List() + " FROM handover_slots WHERE batch_id = $1 AND starts_at = $2";
const std::string kOfBatch = "SELECT " + kColumns.List() + " FROM handover_slots WHERE batch_id = $1 ORDER BY starts_at";
constexpr std::string_view kInsert = R"sql(
INSERT INTO handover_slots (tenant_id, batch_id, starts_at, capacity, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (batch_id, starts_at) DO NOTHING)sql";
constexpr std::string_view kTake = R"sql(
UPDATE handover_slots SET booked = booked + 1, version = version + 1, updated_at = $2 WHERE id = $1 AND booked < capacity)sql";
constexpr std::string_view kFree = R"sql(
UPDATE handover_slots SET booked = booked - 1, version = version + 1, updated_at = $2 WHERE id = $1 AND booked > 0)sql";
constexpr std::string_view kSetCapacity = R"sql(
UPDATE handover_slots SET capacity = $3, version = version + 1, updated_at = $5
 WHERE id = $1 AND tenant_id = $2 AND booked <= $3 AND (CAST($4 AS BIGINT) IS NULL OR version = $4))sql";

}  // namespace

std::optional<Slot> Find(db::Tx& tx, std::int64_t tenant_id, std::int64_t id) {
  auto rows = tx.Execute(kFind, id, tenant_id);
  if (rows.empty()) return std::nullopt;
  return kColumns.Read(rows.front());
}

std::optional<Slot> At(db::Tx& tx, std::int64_t batch_id, Timestamp at) {
  auto rows = tx.Execute(kAt, batch_id, at);
  if (rows.empty()) return std::nullopt;
  return kColumns.Read(rows.front());
}

std::vector<Slot> OfBatch(db::Tx& tx, std::int64_t batch_id) {
  std::vector<Slot> out;
  for (const auto& r : tx.Execute(kOfBatch, batch_id)) out.push_back(kColumns.Read(r));
  return out;
}

int Add(db::Tx& tx, std::int64_t tenant_id, std::int64_t batch_id, const std::vector<Timestamp>& starts, int per_hour,
        Timestamp now) {
  int added = 0;
  for (const auto& at : starts) added += static_cast<int>(tx.Execute(kInsert, tenant_id, batch_id, at, per_hour, now).affected);
  return added;
}

bool Take(db::Tx& tx, std::int64_t slot_id, Timestamp now) { return tx.Execute(kTake, slot_id, now).affected == 1; }

void Free(db::Tx& tx, std::int64_t slot_id, Timestamp now) { tx.Execute(kFree, slot_id, now); }

bool SetCapacity(db::Tx& tx, std::int64_t tenant_id, std::int64_t id, int capacity, std::optional<std::int64_t> expected,
                 Timestamp now) {
  return tx.Execute(kSetCapacity, id, tenant_id, capacity, expected, now).affected == 1;
}

}  // namespace hearth::delivery::slots
