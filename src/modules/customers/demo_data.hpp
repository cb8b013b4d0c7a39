#pragma once
#include <cstdint>
#include <random>
#include <string>

#include "core/clock.hpp"
#include "db/database.hpp"
#include "modules/customers/customer.hpp"
#include "platform/manifest.hpp"

namespace hearth::customers {

/// Plausible, valid, unique customers for demos and benchmarks: Chinese names drawn from common
/// surnames and given-name characters, mobile numbers with real prefixes, resident IDs with a
/// real region code, birth date and check character, households and tags. Deterministic for a
/// seed. Not thread-safe.
class DemoCustomers {
 public:
  explicit DemoCustomers(std::uint64_t seed = 20261123) : rng_(seed) {}
  /// The `n`-th customer (n counts from 0 and keeps phones and ID numbers unique).
  Customer Make(std::int64_t n, std::int64_t tenant_id, std::int64_t org_unit_id, Timestamp now);
  std::string Name();

 private:
  std::mt19937_64 rng_;
};

/// `hearth demo`, the customers module's part: `demo.customers` new customers spread over the
/// companies, each with a profile event and `demo.events` timeline events spread over them;
/// batches of 5,000 in one transaction each, progress on stderr.
Result<void> AddDemoCustomers(db::Database& db, const Clock& clock, platform::Demo& demo);

}  // namespace hearth::customers
