#include "db/read_replica.hpp"

#include "core/log.hpp"


#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

namespace hearth::db {

namespace {

std::int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// On the standby: whether it is one, the replay delay (0 when it has replayed all it received)
// and the position it has replayed to.
constexpr std::string_view kReplicaLag = R"sql(
SELECT pg_is_in_recovery(),
       CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
            ELSE COALESCE((EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) * 1000)::bigint, 0) END,
       COALESCE(pg_last_wal_replay_lsn()::text, ''))sql";

constexpr std::string_view kBytesBehind =
    "SELECT GREATEST(pg_wal_lsn_diff(pg_current_wal_lsn(), $1::text::pg_lsn), 0)::bigint";

}  // namespace

bool ReadReplica::Usable() const { return SteadyMs() >= down_until_ms_.load(); }

void ReadReplica::MarkDown(const std::string& why) {
  down_until_ms_ = SteadyMs() + std::chrono::milliseconds(kRetryAfter).count();
  log::Warn("the read replica failed; reports read the primary for a while")
      .Int("retry_after_s", kRetryAfter.count())
      .Str("error", why);
}

void ReadReplica::NoteFailure(const std::string& why) {
  log::Warn("a report query failed on the read replica; it runs on the primary").Str("error", why);
}

ReadReplica::Status ReadReplica::Measure() {
  Status s;
  s.replica_reads = replica_reads_.load();
  s.primary_reads = primary_reads_.load();
  if (!replica_ || !Usable()) return s;
  try {
    const QueryResult lag = replica_->Read([](Tx& tx) { return tx.Execute(kReplicaLag); });  // Row points into it
    const Row row = lag.front();
    s.up = row.Bool(0);
    s.lag_ms = row.Int(1);
    const std::string replayed = row.Text(2);
    if (s.up && !replayed.empty()) {
      s.lag_bytes = primary_.Read([&](Tx& tx) { return tx.Execute(kBytesBehind, replayed); }).front().Int(0);
    }
  } catch (const std::exception& e) {  // unreachable, or not a standby of ours
    MarkDown(e.what());
    s.up = false;
  }
  return s;
}

}  // namespace hearth::db
