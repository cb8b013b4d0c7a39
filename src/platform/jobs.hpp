#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "platform/mailer.hpp"

namespace hearth::platform {

/// A job as its handler sees it.
struct Job {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::string kind;
  boost::json::object payload;
  Timestamp run_at;
  int attempts = 0;
};

/// Jobs stored in the database (docs/adr/0011-jobs.md): enqueued in the caller's transaction, so
/// a job exists exactly when the change that wants it committed; claimed with an atomic UPDATE
/// (FOR UPDATE SKIP LOCKED on PostgreSQL), so each due job runs on one server only, even with
/// several servers on one database; retried with back-off when its handler fails; reclaimed
/// when the server running it died. Done jobs are removed a week after they were due. Due times
/// follow the injected clock.
class JobScheduler {
 public:
  /// A handler runs in its own transaction; an error rolls it back and the job is retried.
  using Handler = std::function<Result<void>(db::Tx& tx, const Job& job)>;
  static constexpr int kMaxAttempts = 5;

  JobScheduler(db::Database& db, const Clock& clock, std::string worker_name);
  ~JobScheduler();

  void Register(const std::string& kind, Handler handler);
  /// A handler that talks to the outside world (e-mail): it runs outside any transaction, and
  /// the job is marked done afterwards.
  using IoHandler = std::function<Result<void>(const Job& job)>;
  void RegisterIo(const std::string& kind, IoHandler handler);
  /// Adds a job in the caller's transaction.
  void Enqueue(db::Tx& tx, std::int64_t tenant_id, const std::string& kind, const boost::json::object& payload,
               Timestamp run_at);
  /// Claims and runs the jobs due now, in batches, until none is left; returns how many ran.
  int RunDue();
  /// Polls in the background every `interval_ms` (real time) until destroyed.
  void Start(int interval_ms = 1000);
  void Stop();

 private:
  db::Database& db_;
  const Clock& clock_;
  std::string worker_;
  std::map<std::string, Handler> handlers_;
  std::map<std::string, IoHandler> io_handlers_;
  std::mutex run_mutex_;  // one RunDue at a time on this server
  std::mutex wake_mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

/// In-app notifications (the bell in the web app).
class Notifications {
 public:
  /// With an enabled mailer, every notification also goes by e-mail to users who have an address
  /// (a job per message, so a slow or absent mail server holds up nothing).
  Notifications(db::Database& db, const Clock& clock, JobScheduler& jobs, const Mailer& mailer);
  /// Adds one per user, in the caller's transaction.
  void Notify(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& user_ids, const std::string& kind,
              const std::string& title, const std::string& body, const std::string& ref_type, std::int64_t ref_id);
  /// Active users of `org_unit_id` holding one of `roles`.
  static std::vector<std::int64_t> UsersWithRole(db::Tx& tx, std::int64_t org_unit_id,
                                                 std::initializer_list<std::string_view> roles);

  struct Item {
    std::int64_t id = 0;
    std::string kind;
    std::string title;
    std::string body;
    std::optional<std::string> ref_type;
    std::optional<std::int64_t> ref_id;
    std::optional<Timestamp> read_at;
    Timestamp created_at;
  };
  /// The caller's notifications, newest first (only unread ones when asked), one more than the limit.
  std::vector<Item> List(db::Tx& tx, std::int64_t user_id, bool unread_only, const Page& page);
  /// Marks one of the caller's notifications read; false when it is not theirs.
  bool MarkRead(db::Tx& tx, std::int64_t user_id, std::int64_t id);

  /// GET /api/v1/notifications: the caller's own.
  Result<std::pair<std::vector<Item>, std::optional<std::string>>> Mine(const RequestContext& ctx, bool unread_only,
                                                                          const Page& page);
  /// POST /api/v1/notifications/{id}/read; 404 when it is not the caller's.
  Result<void> Read(const RequestContext& ctx, std::int64_t id);

 private:
  db::Database& db_;
  const Clock& clock_;
  JobScheduler& jobs_;
  const Mailer& mailer_;
};

boost::json::object ToJson(const Notifications::Item& n);

}  // namespace hearth::platform
