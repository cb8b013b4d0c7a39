#include "platform/jobs.hpp"

#include "core/log.hpp"

#include <algorithm>
#include <sstream>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace hearth::platform {

namespace {

constexpr std::int64_t kLeaseMs = 5 * 60'000;  // a claimed job not finished by then is taken back
constexpr int kBatch = 20;

constexpr std::string_view kEnqueue = R"sql(
INSERT INTO jobs (tenant_id, kind, payload, run_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5))sql";
// One statement claims a batch: no two servers can take the same row.
constexpr std::string_view kClaimSqlite = R"sql(
UPDATE jobs SET status = 'running', locked_by = $1, locked_until = $2, attempts = attempts + 1, updated_at = $3
 WHERE id IN (SELECT id FROM jobs WHERE status = 'pending' AND run_at <= $3 ORDER BY run_at, id LIMIT $4)
RETURNING id, tenant_id, kind, payload, run_at, attempts)sql";
constexpr std::string_view kClaimPg = R"sql(
UPDATE jobs SET status = 'running', locked_by = $1, locked_until = $2, attempts = attempts + 1, updated_at = $3
 WHERE id IN (SELECT id FROM jobs WHERE status = 'pending' AND run_at <= $3 ORDER BY run_at, id LIMIT $4
              FOR UPDATE SKIP LOCKED)
RETURNING id, tenant_id, kind, payload, run_at, attempts)sql";
constexpr std::string_view kReclaim = R"sql(
UPDATE jobs SET status = 'pending', locked_by = NULL, locked_until = NULL, updated_at = $1
 WHERE status = 'running' AND locked_until < $1)sql";
constexpr std::string_view kDone = R"sql(
UPDATE jobs SET status = 'done', locked_by = NULL, locked_until = NULL, updated_at = $2 WHERE id = $1)sql";
// Done jobs are kept a week (to look into what ran), then removed; failed ones stay.
constexpr std::int64_t kKeepDoneMs = 7LL * 24 * 3'600'000;
constexpr std::string_view kPurge = "DELETE FROM jobs WHERE status = 'done' AND run_at < $1";
constexpr std::string_view kRetry = R"sql(
UPDATE jobs SET status = $2, run_at = $3, last_error = $4, locked_by = NULL, locked_until = NULL, updated_at = $5
 WHERE id = $1)sql";

constexpr std::string_view kNotify = R"sql(
INSERT INTO notifications (tenant_id, user_id, kind, title, body, ref_type, ref_id, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8))sql";
constexpr std::string_view kList = R"sql(
SELECT id, kind, title, body, ref_type, ref_id, read_at, created_at FROM notifications
 WHERE user_id = $1 AND id < $2 AND ($3 = 0 OR read_at IS NULL) ORDER BY id DESC LIMIT $4)sql";
constexpr std::string_view kMarkRead = R"sql(
UPDATE notifications SET read_at = $3, updated_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL)sql";
constexpr std::string_view kOwned = "SELECT 1 FROM notifications WHERE id = $1 AND user_id = $2";

}  // namespace

JobScheduler::JobScheduler(db::Database& db, const Clock& clock, std::string worker_name)
    : db_(db), clock_(clock), worker_(std::move(worker_name)) {}

JobScheduler::~JobScheduler() { Stop(); }

void JobScheduler::Register(const std::string& kind, Handler handler) { handlers_[kind] = std::move(handler); }

void JobScheduler::RegisterIo(const std::string& kind, IoHandler handler) { io_handlers_[kind] = std::move(handler); }

void JobScheduler::Enqueue(db::Tx& tx, std::int64_t tenant_id, const std::string& kind,
                           const boost::json::object& payload, Timestamp run_at) {
  tx.Execute(kEnqueue, tenant_id, kind, boost::json::serialize(payload), run_at, clock_.Now());
}

int JobScheduler::RunDue() {
  std::lock_guard lock(run_mutex_);
  int ran = 0;
  for (int round = 0; round < 100; ++round) {
    const Timestamp now = clock_.Now();
    auto claimed = db_.Transact([&](db::Tx& tx) -> Result<std::vector<Job>> {
      if (round == 0) tx.Execute(kPurge, Timestamp{now.ms - kKeepDoneMs});
      tx.Execute(kReclaim, now);
      auto rows = tx.Execute(tx.backend() == db::Backend::kSqlite ? kClaimSqlite : kClaimPg, worker_,
                             now.ms + kLeaseMs, now, static_cast<std::int64_t>(kBatch));
      std::vector<Job> jobs;
      for (std::size_t i = 0; i < rows.size(); ++i) {
        boost::system::error_code ec;
        auto payload = boost::json::parse(rows[i].Text(3), ec);
        jobs.push_back({rows[i].Int(0), rows[i].Int(1), rows[i].Text(2),
                        !ec && payload.is_object() ? payload.as_object() : boost::json::object{}, rows[i].Time(4),
                        static_cast<int>(rows[i].Int(5))});
      }
      // RETURNING keeps no order: run them in the order they fell due.
      std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) {
        return a.run_at.ms != b.run_at.ms ? a.run_at.ms < b.run_at.ms : a.id < b.id;
      });
      return jobs;
    });
    if (!claimed || claimed->empty()) break;
    for (const Job& job : *claimed) {
      auto handler = handlers_.find(job.kind);
      auto io = io_handlers_.find(job.kind);
      Result<void> outcome = handler == handlers_.end() && io == io_handlers_.end()
                                 ? Result<void>(Fail(ErrorCode::kInternal, "no_handler", "no handler for " + job.kind))
                                 : Result<void>{};
      if (io != io_handlers_.end()) {
        try {
          outcome = io->second(job);
          if (outcome) {
            outcome = db_.Transact([&](db::Tx& tx) -> Result<void> {
              tx.Execute(kDone, job.id, clock_.Now());
              return {};
            });
          }
        } catch (const std::exception& e) {
          outcome = Fail(ErrorCode::kInternal, "exception", e.what());
        }
      } else if (handler != handlers_.end()) {
        try {
          outcome = db_.Transact([&](db::Tx& tx) -> Result<void> {
            HEARTH_TRY(handler->second(tx, job));
            tx.Execute(kDone, job.id, clock_.Now());
            return {};
          });
        } catch (const std::exception& e) {
          outcome = Fail(ErrorCode::kInternal, "exception", e.what());
        }
      }
      if (!outcome) {
        const bool give_up = job.attempts >= kMaxAttempts;
        const Timestamp later{clock_.Now().ms + (60'000LL << std::min(job.attempts, 10))};
        log::Warn("job failed").Int("job", job.id).Str("kind", job.kind).Int("attempts", job.attempts).Str(
            "error", outcome.error().message);
        (void)db_.Transact([&](db::Tx& tx) -> Result<void> {
          tx.Execute(kRetry, job.id, give_up ? "failed" : "pending", later, outcome.error().message, clock_.Now());
          return {};
        });
      }
      ++ran;
    }
  }
  return ran;
}

void JobScheduler::Start(int interval_ms) {
  thread_ = std::thread([this, interval_ms] {
    std::unique_lock lock(wake_mutex_);
    while (!stopping_) {
      lock.unlock();
      try {
        RunDue();
      } catch (const std::exception& e) {
        log::Warn("job scheduler").Str("error", e.what());  // the database may be down
      }
      lock.lock();
      wake_.wait_for(lock, std::chrono::milliseconds(interval_ms), [&] { return stopping_; });
    }
  });
}

void JobScheduler::Stop() {
  {
    std::lock_guard lock(wake_mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Notifications::Notifications(db::Database& db, const Clock& clock, JobScheduler& jobs, const Mailer& mailer)
    : db_(db), clock_(clock), jobs_(jobs), mailer_(mailer) {
  jobs_.RegisterIo("email.send", [this](const Job& job) -> Result<void> {
    auto text = [&](const char* key) {
      const auto* v = job.payload.if_contains(key);
      return v && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    return mailer_.Send(text("to"), text("subject"), text("body"));
  });
}

void Notifications::Notify(db::Tx& tx, std::int64_t tenant_id, const std::vector<std::int64_t>& user_ids,
                           const std::string& kind, const std::string& title, const std::string& body,
                           const std::string& ref_type, std::int64_t ref_id) {
  const Timestamp now = clock_.Now();
  for (const auto user : user_ids) {
    tx.Execute(kNotify, tenant_id, user, kind, title, body, ref_type, ref_id, now);
    if (!mailer_.enabled()) continue;
    auto email = tx.Execute("SELECT email FROM users WHERE id = $1 AND email IS NOT NULL AND email <> ''", user);
    if (email.empty()) continue;
    jobs_.Enqueue(tx, tenant_id, "email.send",
                  boost::json::object{{"to", email.front().Text(0)}, {"subject", "[Hearth] " + title}, {"body", body}},
                  now);
  }
}

std::vector<std::int64_t> Notifications::UsersWithRole(db::Tx& tx, std::int64_t org_unit_id,
                                                        std::initializer_list<std::string_view> roles) {
  auto rows = tx.Execute("SELECT id, roles FROM users WHERE org_unit_id = $1 AND NOT disabled ORDER BY id", org_unit_id);
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::istringstream held(rows[i].Text(1));
    for (std::string role; held >> role;) {
      if (std::find(roles.begin(), roles.end(), role) != roles.end()) {
        out.push_back(rows[i].Int(0));
        break;
      }
    }
  }
  return out;
}

std::vector<Notifications::Item> Notifications::List(db::Tx& tx, std::int64_t user_id, bool unread_only, const Page& page) {
  auto rows = tx.Execute(kList, user_id, page.after_id.value_or(INT64_MAX), std::int64_t{unread_only ? 1 : 0},
                         page.limit + 1);
  std::vector<Item> out;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    Item n{r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.OptText(4), r.OptInt(5), std::nullopt, r.Time(7)};
    n.read_at = r.OptTime(6);
    out.push_back(std::move(n));
  }
  return out;
}

bool Notifications::MarkRead(db::Tx& tx, std::int64_t user_id, std::int64_t id) {
  if (tx.Execute(kOwned, id, user_id).empty()) return false;
  tx.Execute(kMarkRead, id, user_id, clock_.Now());
  return true;
}

Result<std::pair<std::vector<Notifications::Item>, std::optional<std::string>>> Notifications::Mine(
    const RequestContext& ctx, bool unread_only, const Page& page) {
  const Actor& actor = ctx.actor_ref();
  return db_.Read([&](db::Tx& tx) -> Result<std::pair<std::vector<Item>, std::optional<std::string>>> {
    auto items = List(tx, actor.user_id, unread_only, page);
    auto next = TrimToPage(items, page, [](const Item& n) { return n.id; });
    return std::make_pair(std::move(items), std::move(next));
  });
}

Result<void> Notifications::Read(const RequestContext& ctx, std::int64_t id) {
  const Actor& actor = ctx.actor_ref();
  return db_.Transact([&](db::Tx& tx) -> Result<void> {
    if (!MarkRead(tx, actor.user_id, id)) return NotFound("no such notification");
    return {};
  });
}

boost::json::object ToJson(const Notifications::Item& n) {
  return {{"id", n.id},
          {"kind", n.kind},
          {"title", n.title},
          {"body", n.body},
          {"ref_type", n.ref_type ? boost::json::value(*n.ref_type) : boost::json::value(nullptr)},
          {"ref_id", n.ref_id ? boost::json::value(*n.ref_id) : boost::json::value(nullptr)},
          {"read_at", n.read_at ? boost::json::value(FormatRfc3339(*n.read_at)) : boost::json::value(nullptr)},
          {"created_at", FormatRfc3339(n.created_at)}};
}

}  // namespace hearth::platform
