#pragma once
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

#include "db/database.hpp"

namespace hearth::db {

/// Where report queries read (`hearth serve --db-replica URL`): a PostgreSQL streaming replica
/// when one is configured and answering, else the primary. A replica that fails is left alone
/// for a few seconds and the query runs again on the primary, so a report never fails because
/// the replica is down — it only costs the primary the work. Reads on a replica see the primary
/// as it was `lag` ago (docs/deploy.md). Thread-safe.
class ReadReplica {
 public:
  static constexpr std::chrono::seconds kRetryAfter{5};

  ReadReplica(Database& primary, std::unique_ptr<Database> replica)
      : primary_(primary), replica_(std::move(replica)) {}

  bool configured() const { return replica_ != nullptr; }

  /// `fn(Tx&)` on the replica, or on the primary when there is none or it failed. `fn` may run
  /// twice (once on each), so it must build its answer afresh each time.
  template <typename F>
  auto Read(F&& fn) -> std::invoke_result_t<F, Tx&> {
    if (replica_ && Usable()) {
      try {
        auto result = replica_->Read(fn);
        ++replica_reads_;
        return result;
      } catch (const UnavailableError& e) {
        MarkDown(e.what());
      } catch (const ConstraintError&) {
        throw;
      } catch (const std::exception& e) {
        // A standby cancels a query whose rows its replay must remove (a recovery conflict), and
        // a replica may lag behind a migration: this query runs on the primary instead.
        NoteFailure(e.what());
      }
    }
    ++primary_reads_;
    return primary_.Read(fn);
  }

  struct Status {
    bool up = false;                 ///< the replica answered and is in recovery (a standby)
    std::int64_t lag_ms = 0;         ///< how long ago the last transaction it replayed committed, 0 when caught up
    std::int64_t lag_bytes = 0;      ///< WAL the primary has written that the replica has not replayed
    std::int64_t replica_reads = 0;  ///< report queries answered by the replica
    std::int64_t primary_reads = 0;  ///< report queries that ran on the primary (no replica, or it failed)
  };
  /// Asks the replica and the primary how far behind the replica is (for /metrics).
  Status Measure();

 private:
  bool Usable() const;
  void MarkDown(const std::string& why);
  void NoteFailure(const std::string& why);

  Database& primary_;
  std::unique_ptr<Database> replica_;
  std::atomic<std::int64_t> down_until_ms_{0};  // steady clock
  std::atomic<std::int64_t> replica_reads_{0};
  std::atomic<std::int64_t> primary_reads_{0};
};

}  // namespace hearth::db
