#pragma once
#include <atomic>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <boost/json/object.hpp>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "http/upload_file.hpp"
#include "modules/customers/customer_service.hpp"
#include "platform/org_service.hpp"

namespace hearth::customers {

/// An import running in the background, or its outcome.
struct ImportJob {
  std::int64_t id = 0;
  std::int64_t tenant_id = 0;
  std::int64_t user_id = 0;
  std::string kind;    ///< "customers"
  std::string status;  ///< running, done, failed
  bool dry_run = false;
  std::string format;  ///< csv, xlsx
  std::int64_t bytes = 0;
  std::int64_t rows_done = 0;
  std::optional<std::int64_t> rows_total;
  std::optional<std::string> result;  ///< the report as JSON text, when done
  std::optional<std::string> error;   ///< the error body as JSON text, when failed
  Timestamp created_at;
  Timestamp updated_at;
  std::optional<Timestamp> finished_at;
};

boost::json::object ToJson(const ImportJob& job);

/// Imports that answer at once and run on a thread of their own, reporting progress in
/// import_jobs (API.md, Import and export: Prefer: respond-async). At most `kMaxRunning` run on
/// one server at a time. A job whose server went away (no progress for `kStaleAfter`) reads as
/// failed "interrupted". Destroying this object stops the running jobs before their next batch.
class ImportJobs {
 public:
  static constexpr int kMaxRunning = 2;
  static constexpr std::int64_t kStaleAfterMs = 60'000;

  ImportJobs(db::Database& db, const Clock& clock, CustomerService& customers);
  ~ImportJobs();
  ImportJobs(const ImportJobs&) = delete;
  ImportJobs& operator=(const ImportJobs&) = delete;

  /// Checks what can be checked up front (permission, org unit), records the job and starts it.
  /// 429 rate_limited when kMaxRunning jobs run already.
  Result<ImportJob> Start(const RequestContext& ctx, http::SharedBytes bytes, const ImportOptions& options);
  /// The caller's own job (any job of the tenant for an administrator); 404 otherwise.
  Result<ImportJob> Get(const RequestContext& ctx, std::int64_t id);
  /// The caller's jobs, newest first.
  Result<platform::Listing<ImportJob>> List(const RequestContext& ctx, const Page& page);

 private:
  struct Running;
  void Run(Running& job);
  void Save(std::int64_t id, const ImportJob& state);
  void Reap();  ///< joins the threads of finished jobs

  db::Database& db_;
  const Clock& clock_;
  CustomerService& customers_;
  std::mutex mutex_;
  std::list<std::unique_ptr<Running>> running_;
};

}  // namespace hearth::customers
