#pragma once
#include <cstdint>
#include <random>
#include <string>

#include "modules/customers/customer.hpp"

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

}  // namespace hearth::customers
