#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hearth::platform {

/// One audit entry on its way to audit_log, as the journal keeps it.
struct JournaledEntry {
  std::string boot;      ///< the process that journaled it (random, per start)
  std::int64_t seq = 0;  ///< its place in that process's journal, from 1
  std::int64_t tenant_id = 0;
  std::int64_t at_ms = 0;
  std::optional<std::int64_t> actor_id;
  std::optional<std::string> actor_username;
  std::string action;
  std::string entity_type;
  std::optional<std::int64_t> entity_id;
  std::optional<std::string> after_json;  ///< JSON text (the journal line holds it as it is)
  std::string request_id;
  std::string remote_address;
};

/// Takes audit entries off the path of the request that causes them (a manager's read of a
/// customer's unmasked phone) without losing any:
///   - Append copies the entry as one line into a journal file mapped in memory (MAP_SHARED, no
///     system call, no fsync: the page cache holds it, so it survives the process being killed,
///     as a committed SQLite WAL page does) and returns;
///   - a background thread writes what has gathered in one transaction, at most `max_batch`
///     rows and at most `max_delay` after the first of them arrived, then deletes that file;
///   - Recover, at start-up, writes the files that a process which ended without writing them
///     left behind. The writer records with each batch how far the process's journal is
///     written (audit_journal_marks), so an entry written just before a crash and replayed
///     after it is there once.
/// Journal files are named `<db_key>.<boot>.<seq>.jsonl` and held with flock(2) while their
/// process lives, so several processes (on one database or on several) may share a directory:
/// each replays only the files of its own database whose owner is gone.
class AuditJournal {
 public:
  /// Writes a batch (entries of one process, in journal order) in one transaction, skipping
  /// those already written; throws when it cannot (the batch is tried again).
  using Writer = std::function<void(const std::vector<JournaledEntry>& batch)>;

  struct Options {
    std::string dir;     ///< created when missing
    std::string db_key;  ///< names the database this journal writes to (no secrets: a hash)
    std::chrono::milliseconds max_delay{1000};
    std::size_t max_batch = 5000;
    /// A journal file's size, taken on the disk when it is made: a file holds what arrives while
    /// the batch before is written (about 4,500 reads); a full one is followed by another.
    std::size_t file_bytes = 1u << 20;
  };

  /// Opens the directory and starts the writer thread. Throws std::runtime_error when the
  /// directory cannot be created or written.
  AuditJournal(Options options, Writer writer);
  /// Writes what is pending, then stops.
  ~AuditJournal();
  AuditJournal(const AuditJournal&) = delete;
  AuditJournal& operator=(const AuditJournal&) = delete;

  /// Writes to the database the entries of files whose process has ended; returns how many
  /// entries they held.
  std::size_t Recover();

  /// Journals the entry (its boot and seq are filled in); the writer thread puts it in the
  /// database.
  void Append(JournaledEntry entry);

  /// Waits until every entry appended before the call is in the database (at most `timeout`;
  /// false when the database could not be written meanwhile).
  bool Flush(std::chrono::milliseconds timeout = std::chrono::seconds(10));

  /// Tests: stops the writer thread without writing what is pending, as a crash would (the
  /// journal files stay for Recover).
  void AbandonForTest();

  const std::string& dir() const { return options_.dir; }

 private:
  /// A journal file, open and mapped, closed when the last holder lets go (an Append copies its
  /// line outside the lock and keeps the file meanwhile).
  struct File {
    int fd = -1;
    char* map = nullptr;
    std::size_t bytes = 0;
    ~File();
  };
  struct Segment {
    std::shared_ptr<const File> file;
    std::string path;
    std::size_t used = 0;    ///< bytes given to lines so far
    std::uint64_t last = 0;  ///< once closed: the count of entries appended when it was
  };
  void Rotate();  // under mutex_: later entries go to a new file
  Segment OpenSegment();  // under mutex_
  void Run();
  static void Close(Segment& s);

  Options options_;
  Writer writer_;
  std::string boot_;  ///< random, names this process's files

  std::mutex mutex_;
  std::condition_variable wake_;   ///< the writer: something to do
  std::condition_variable done_;   ///< Flush callers: a batch is written
  Segment current_;                ///< the file Append writes to
  std::deque<Segment> closed_;     ///< older files, deleted once their entries are written
  /// Written-out files kept mapped, cleared, under a name Recover does not read, for the next
  /// segments: a new file's page faults and an old one's unmapping (a TLB shootdown on every
  /// core) cost more than the reads they journal, five files a second at full load.
  std::vector<Segment> spares_;
  std::uint64_t next_segment_ = 0;
  std::vector<JournaledEntry> pending_;
  std::chrono::steady_clock::time_point first_pending_at_{};
  std::uint64_t appended_ = 0;  ///< entries appended so far
  std::uint64_t written_ = 0;   ///< of which in the database
  std::int64_t seq_ = 0;        ///< the last seq given
  bool urgent_ = false;         ///< a Flush waits: do not wait for more entries
  bool stop_ = false;
  bool abandon_ = false;
  std::thread thread_;
};

/// The journal line of an entry and back (nullopt for a line that is not one: the last line of
/// a file may be cut short by a crash).
std::string JournalLine(const JournaledEntry& e);
std::optional<JournaledEntry> ParseJournalLine(std::string_view line);

}  // namespace hearth::platform
