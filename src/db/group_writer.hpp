#pragma once
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "core/error.hpp"
#include "db/database.hpp"

namespace hearth::db {

/// Writes the small writes of concurrent callers together (group commit). A caller submits its
/// write and waits for its own result; the first caller to find no batch being written writes
/// every write pending by then, its own among them, in one transaction, each in a savepoint of its
/// own, so that one write's failure (a refusal, a constraint) fails only its caller. A batch waits
/// for nothing but the one being written: alone, a caller writes at once.
///
/// For many small transactions that touch the same pages (an answer's rows and index entries):
/// on SQLite one commit writes each page once for the whole batch instead of once per write.
template <typename T>
class GroupWriter {
 public:
  using Write = std::function<Result<T>(Tx&)>;

  /// `refusals_expected`: writes that are often refused (a race for the same unit) go straight to
  /// a savepoint each, instead of first all together and again after the refusal.
  explicit GroupWriter(Database& db, std::size_t max_batch = 64, bool refusals_expected = false)
      : db_(db), max_batch_(max_batch), refusals_expected_(refusals_expected) {}

  Result<T> Submit(Write write) {
    // Inside a transaction of this thread already: written there (a batch on another thread would
    // wait for this transaction's write lock while this thread waits for the batch).
    if (db_.CurrentTx() != nullptr) return db_.Transact(write);
    auto mine = std::make_shared<Pending>(std::move(write));
    std::unique_lock lock(mutex_);
    pending_.push_back(mine);
    while (!mine->result) {
      if (writing_) {
        done_.wait(lock);
        continue;
      }
      writing_ = true;
      std::vector<std::shared_ptr<Pending>> batch;
      const std::size_t n = std::min(pending_.size(), max_batch_);
      batch.assign(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(n));
      pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(n));
      lock.unlock();
      WriteBatch(batch);
      lock.lock();
      writing_ = false;
      done_.notify_all();
    }
    return std::move(*mine->result);
  }

 private:
  struct Pending {
    explicit Pending(Write w) : write(std::move(w)) {}
    Write write;
    std::optional<Result<T>> result;
  };

  void WriteBatch(std::vector<std::shared_ptr<Pending>>& batch) {
    std::vector<std::optional<Result<T>>> results(batch.size());
    try {
      // First all together without savepoints (two statements fewer per write); when one write
      // fails, the batch rolls back and is written again with a savepoint around each.
      Result<void> together = Fail(ErrorCode::kConflict, "retry", "savepoints at once");
      if (!refusals_expected_) {
        together = db_.Transact([&](Tx& tx) -> Result<void> {
          for (std::size_t i = 0; i < batch.size(); ++i) {
            results[i] = batch[i]->write(tx);
            if (!*results[i]) return Fail(ErrorCode::kConflict, "retry", "one write of the batch failed");
          }
          return {};
        });
      }
      if (together) {
        std::lock_guard lock(mutex_);
        for (std::size_t i = 0; i < batch.size(); ++i) batch[i]->result = std::move(*results[i]);
        return;
      }
      auto committed = db_.Transact([&](Tx&) -> Result<void> {
        for (std::size_t i = 0; i < batch.size(); ++i) results[i] = db_.Transact([&](Tx& tx) { return batch[i]->write(tx); });
        return {};
      });
      std::lock_guard lock(mutex_);
      for (std::size_t i = 0; i < batch.size(); ++i) batch[i]->result = committed ? std::move(*results[i]) : tl::unexpected(committed.error());
    } catch (const std::exception& e) {
      // The database failed under the whole batch: each caller gets the same error.
      std::lock_guard lock(mutex_);
      for (auto& p : batch) p->result = Fail(ErrorCode::kUnavailable, "unavailable", e.what());
    }
  }

  Database& db_;
  const std::size_t max_batch_;
  const bool refusals_expected_;
  std::mutex mutex_;
  std::condition_variable done_;
  std::vector<std::shared_ptr<Pending>> pending_;
  bool writing_ = false;
};

}  // namespace hearth::db
