#include "modules/customers/import_jobs.hpp"

#include <chrono>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/xlsx_reader.hpp"
#include "db/columns.hpp"
#include "http/request.hpp"

namespace hearth::customers {

namespace {

const db::Columns<ImportJob> kColumns{
    {"id", &ImportJob::id},
    {"tenant_id", &ImportJob::tenant_id},
    {"user_id", &ImportJob::user_id},
    {"kind", &ImportJob::kind},
    {"status", &ImportJob::status},
    {"dry_run", &ImportJob::dry_run},
    {"format", &ImportJob::format},
    {"bytes", &ImportJob::bytes},
    {"rows_done", &ImportJob::rows_done},
    {"rows_total", &ImportJob::rows_total},
    {"result", &ImportJob::result},
    {"error", &ImportJob::error},
    {"created_at", &ImportJob::created_at},
    {"updated_at", &ImportJob::updated_at},
    {"finished_at", &ImportJob::finished_at},
};
constexpr std::string_view kInsert = R"sql(
INSERT INTO import_jobs (tenant_id, user_id, kind, status, dry_run, format, bytes, created_at, updated_at)
VALUES ($1, $2, $3, 'running', $4, $5, $6, $7, $7) RETURNING id)sql";
constexpr std::string_view kSave = R"sql(
UPDATE import_jobs SET status = $2, rows_done = $3, rows_total = $4, result = $5, error = $6, updated_at = $7,
       finished_at = $8, version = version + 1
 WHERE id = $1)sql";

std::string Select(std::string_view where) { return "SELECT " + kColumns.List() + " FROM import_jobs " + std::string(where); }

ImportJob FromRow(const db::Row& r) { return kColumns.Read(r); }

boost::json::value ParsedOrNull(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  boost::system::error_code ec;
  auto v = boost::json::parse(*text, ec);
  return ec ? boost::json::value(nullptr) : v;
}

std::string ErrorJson(const Error& e) {
  boost::json::object fields;
  for (const auto& f : e.fields) fields[f.field] = f.reason;
  return boost::json::serialize(boost::json::object{{"code", e.slug}, {"message", e.message}, {"fields", std::move(fields)}});
}

/// A job left "running" by a server that stopped reads as failed.
void MarkIfStale(ImportJob& job, Timestamp now) {
  if (job.status != "running" || now.ms - job.updated_at.ms <= ImportJobs::kStaleAfterMs) return;
  job.status = "failed";
  job.error = ErrorJson(Error{ErrorCode::kUnavailable, "interrupted",
                              "the server running this import stopped; import the file again", {}, {}});
}

}  // namespace

boost::json::object ToJson(const ImportJob& j) {
  return {{"id", j.id},
          {"kind", j.kind},
          {"status", j.status},
          {"dry_run", j.dry_run},
          {"format", j.format},
          {"bytes", j.bytes},
          {"rows_done", j.rows_done},
          {"rows_total", j.rows_total ? boost::json::value(*j.rows_total) : boost::json::value(nullptr)},
          {"result", ParsedOrNull(j.result)},
          {"error", ParsedOrNull(j.error)},
          {"created_at", FormatRfc3339(j.created_at)},
          {"updated_at", FormatRfc3339(j.updated_at)},
          {"finished_at", j.finished_at ? boost::json::value(FormatRfc3339(*j.finished_at)) : boost::json::value(nullptr)}};
}

struct ImportJobs::Running {
  ImportJob job;
  RequestContext ctx;
  ImportOptions options;
  http::SharedBytes bytes;  ///< the file (an upload's, mapped) until the job ends
  std::atomic<bool> cancel{false};
  std::atomic<bool> finished{false};
  std::thread thread;
};

ImportJobs::ImportJobs(db::Database& db, const Clock& clock, CustomerService& customers)
    : db_(db), clock_(clock), customers_(customers) {}

ImportJobs::~ImportJobs() {
  std::lock_guard lock(mutex_);
  for (auto& job : running_) job->cancel = true;
  for (auto& job : running_) {
    if (job->thread.joinable()) job->thread.join();
  }
}

void ImportJobs::Reap() {
  for (auto it = running_.begin(); it != running_.end();) {
    if ((*it)->finished) {
      if ((*it)->thread.joinable()) (*it)->thread.join();
      it = running_.erase(it);
    } else {
      ++it;
    }
  }
}

Result<ImportJob> ImportJobs::Start(const RequestContext& ctx, http::SharedBytes bytes, const ImportOptions& options) {
  HEARTH_TRY(customers_.ImportTarget(ctx, options));
  const Actor& actor = ctx.actor_ref();
  std::lock_guard lock(mutex_);
  Reap();
  if (static_cast<int>(running_.size()) >= kMaxRunning) {
    return Fail(ErrorCode::kRateLimited, "rate_limited", "imports are running already; start this one when they are done");
  }
  auto running = std::make_unique<Running>();
  ImportJob& job = running->job;
  job.tenant_id = actor.tenant_id;
  job.user_id = actor.user_id;
  job.kind = "customers";
  job.status = "running";
  job.dry_run = options.dry_run;
  job.format = LooksLikeZip(bytes.view) ? "xlsx" : "csv";
  job.bytes = static_cast<std::int64_t>(bytes.view.size());
  job.created_at = job.updated_at = clock_.Now();
  HEARTH_ASSIGN(job.id, db_.Transact([&](db::Tx& tx) -> Result<std::int64_t> {
    return tx.Execute(kInsert, job.tenant_id, job.user_id, job.kind, job.dry_run, job.format, job.bytes, job.created_at)
        .front()
        .Int(0);
  }));
  running->ctx = ctx;
  running->options = options;
  running->options.cancel = &running->cancel;
  running->bytes = std::move(bytes);
  Running& ref = *running;
  running_.push_back(std::move(running));
  ref.thread = std::thread([this, &ref] { Run(ref); });
  return job;
}

void ImportJobs::Save(std::int64_t id, const ImportJob& s) {
  auto saved = db_.Transact([&](db::Tx& tx) -> Result<void> {
    tx.Execute(kSave, id, s.status, s.rows_done, s.rows_total, s.result, s.error, s.updated_at,
               s.finished_at ? std::optional<std::int64_t>(s.finished_at->ms) : std::nullopt);
    return {};
  });
  (void)saved;  // progress is best effort; the final save is retried below
}

void ImportJobs::Run(Running& running) {
  ImportJob state = running.job;
  auto last_saved = std::chrono::steady_clock::now();
  Result<ImportReport> report = tl::unexpected(Error{});
  try {
    report = customers_.Import(running.ctx, running.bytes.view, running.options, [&](std::int64_t done, std::int64_t total) {
      state.rows_done = done;
      state.rows_total = total;
      const auto now = std::chrono::steady_clock::now();
      if (now - last_saved < std::chrono::milliseconds(250)) return;
      last_saved = now;
      state.updated_at = clock_.Now();
      Save(state.id, state);
    });
  } catch (const std::exception& e) {
    report = tl::unexpected(Error{ErrorCode::kInternal, "internal", e.what(), {}, {}});
  }
  state.updated_at = clock_.Now();
  state.finished_at = state.updated_at;
  if (report) {
    state.status = "done";
    state.rows_done = report->rows;
    state.rows_total = report->rows;
    state.result = boost::json::serialize(ToJson(*report));
  } else {
    state.status = "failed";
    state.error = ErrorJson(report.error());
  }
  for (int attempt = 0; attempt < 5; ++attempt) {
    try {
      Save(state.id, state);
      break;
    } catch (const std::exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(200 << attempt));
    }
  }
  running.bytes = {};  // the file goes
  running.finished = true;
}

Result<ImportJob> ImportJobs::Get(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  auto rows = db_.Read([&](db::Tx& tx) -> Result<db::QueryResult> {
    return tx.Execute(Select("WHERE id = $1 AND tenant_id = $2"), id, actor.tenant_id);
  });
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return NotFound("no such import");
  ImportJob job = FromRow(rows->front());
  if (job.user_id != actor.user_id && !actor.IsAdmin()) return NotFound("no such import");
  MarkIfStale(job, clock_.Now());
  return job;
}

Result<platform::Listing<ImportJob>> ImportJobs::List(const RequestContext& ctx, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  auto rows = db_.Read([&](db::Tx& tx) -> Result<db::QueryResult> {
    return tx.Execute(Select("WHERE tenant_id = $1 AND user_id = $2 AND id < $3 ORDER BY id DESC LIMIT $4"),
                      actor.tenant_id, actor.user_id, page.after_id.value_or(INT64_MAX), page.limit + 1);
  });
  if (!rows) return tl::unexpected(rows.error());
  platform::Listing<ImportJob> out;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    out.items.push_back(FromRow((*rows)[i]));
  }
  out.next_cursor = TrimToPage(out.items, page, [](const ImportJob& j) { return j.id; });
  for (auto& job : out.items) MarkIfStale(job, clock_.Now());
  return out;
}

}  // namespace hearth::customers
