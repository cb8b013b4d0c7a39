#include "http/server.hpp"

#include "core/log.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <list>
#include <mutex>
#include <random>
#include <unordered_map>
#include <utility>
#include <thread>

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>

#include "http/event_stream.hpp"
#include "http/upload_file.hpp"
#include "http/metrics.hpp"

namespace hearth::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

std::string NewRequestId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  return fmt::format("{:016x}", rng());
}

bool IsSafeRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

/// Behind a trusted proxy: the client is the last X-Forwarded-For entry (the one the proxy added;
/// earlier ones came from the client and may be forged), HTTPS is X-Forwarded-Proto.
void ApplyProxyHeaders(Request& req) {
  if (auto forwarded = req.Header("x-forwarded-for")) {
    std::string_view last = *forwarded;
    if (const auto comma = last.rfind(','); comma != std::string_view::npos) last.remove_prefix(comma + 1);
    while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
    while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
    const bool plausible = !last.empty() && last.size() <= 45 && std::all_of(last.begin(), last.end(), [](char c) {
      return std::isxdigit(static_cast<unsigned char>(c)) || c == '.' || c == ':';
    });
    if (plausible) req.remote_address = std::string(last);
  }
  if (auto proto = req.Header("x-forwarded-proto")) req.https = *proto == "https";
}

/// The path as the access log shows it: a path that carries a credential (the customer's link
/// token) is logged as its route pattern, and long paths are cut. Query strings, where searches
/// put phone numbers and names, are never logged.
std::string LoggedPath(const Request& req) {
  if (req.route_pattern.find("{token}") != std::string::npos) return req.route_pattern;
  return req.path.size() > 200 ? req.path.substr(0, 200) : req.path;
}

/// The bytes of large bodies being read and handled, in all and per person (Config::
/// large_bodies_in_flight): Claim says whether one more fits; the claim is given back when the
/// request ends.
class BodyBudget {
 public:
  BodyBudget(std::size_t total, std::size_t per_person) : total_(total), per_person_(per_person) {}
  class Claim {
   public:
    Claim() = default;
    Claim(BodyBudget* budget, std::int64_t person, std::size_t bytes) : budget_(budget), person_(person), bytes_(bytes) {}
    Claim(Claim&& other) noexcept { *this = std::move(other); }
    Claim& operator=(Claim&& other) noexcept {
      Release();
      budget_ = std::exchange(other.budget_, nullptr);
      person_ = other.person_;
      bytes_ = other.bytes_;
      return *this;
    }
    ~Claim() { Release(); }
    explicit operator bool() const { return budget_ != nullptr; }

   private:
    void Release() {
      if (budget_) budget_->Give(person_, bytes_);
      budget_ = nullptr;
    }
    BodyBudget* budget_ = nullptr;
    std::int64_t person_ = 0;
    std::size_t bytes_ = 0;
  };
  Claim Take(std::int64_t person, std::size_t bytes) {
    std::lock_guard lock(mutex_);
    std::size_t& mine = by_person_[person];
    if (used_ + bytes > total_ || (person != 0 && mine + bytes > per_person_)) {
      if (mine == 0) by_person_.erase(person);
      return {};
    }
    used_ += bytes;
    mine += bytes;
    return Claim(this, person, bytes);
  }

 private:
  void Give(std::int64_t person, std::size_t bytes) {
    std::lock_guard lock(mutex_);
    used_ -= bytes;
    if ((by_person_[person] -= bytes) == 0) by_person_.erase(person);
  }
  std::mutex mutex_;
  std::size_t total_;
  std::size_t per_person_;
  std::size_t used_ = 0;
  std::unordered_map<std::int64_t, std::size_t> by_person_;
};

std::string ResponseHead(const Response& res, const std::string& request_id, bool keep_alive, bool http10) {
  std::string head;
  head.reserve(256 + res.content_type.size());
  head += "HTTP/1.1 ";
  head += std::to_string(res.status);
  head += ' ';
  const auto reason = bhttp::obsolete_reason(static_cast<bhttp::status>(res.status));
  head.append(reason.data(), reason.size());
  head += "\r\nServer: hearth\r\n";
  if (!res.content_type.empty()) {
    head += "Content-Type: ";
    head += res.content_type;
    head += "\r\n";
  }
  head += "Content-Length: ";
  head += std::to_string(res.body.size());
  head += "\r\nX-Request-Id: ";
  head += request_id;
  head += "\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n";
  // Never framed, but by a page of its own that says so (the survey builder's preview).
  if (std::none_of(res.headers.begin(), res.headers.end(), [](const auto& h) { return h.first == "X-Frame-Options"; })) {
    head += "X-Frame-Options: DENY\r\n";
  }
  // API answers hold personal data: no cache keeps them unless the handler says otherwise.
  if (res.content_type.starts_with("application/json") &&
      std::none_of(res.headers.begin(), res.headers.end(), [](const auto& h) { return h.first == "Cache-Control"; })) {
    head += "Cache-Control: no-store\r\n";
  }
  for (const auto& [k, v] : res.headers) {
    // Handlers set these from fixed text; refuse anything that could split the response.
    if (k.find_first_of("\r\n:") != std::string::npos || v.find_first_of("\r\n") != std::string::npos) continue;
    head += k;
    head += ": ";
    head += v;
    head += "\r\n";
  }
  if (!keep_alive) {
    head += "Connection: close\r\n";
  } else if (http10) {
    head += "Connection: keep-alive\r\n";
  }
  head += "\r\n";
  return head;
}

using SteadyClock = std::chrono::steady_clock;

// One accepted connection. Its coroutines and every operation on its socket run on its loop's
// thread. A read or write that outlives the deadline is cut off (the socket is closed) by a
// watcher coroutine, so that moving the deadline costs a store, not a timer per operation
// (beast::tcp_stream's timers were a tenth of a small request's time).
struct Connection {
  explicit Connection(tcp::socket s) : socket(std::move(s)), timer(socket.get_executor()) {}
  tcp::socket socket;
  asio::steady_timer timer;
  SteadyClock::time_point deadline = SteadyClock::time_point::max();
  SteadyClock::time_point armed = SteadyClock::time_point::max();  // when the watcher's timer fires
  bool busy = false;  // a request is being read past its header, handled or answered
  bool done = false;  // the connection's coroutine has ended

  void ExpireAfter(SteadyClock::duration d) {
    deadline = SteadyClock::now() + d;
    if (deadline < armed) timer.cancel();  // the watcher wakes and waits for the earlier time
  }
  void ExpireNever() { deadline = SteadyClock::time_point::max(); }
};

asio::awaitable<void> WatchDeadline(std::shared_ptr<Connection> conn) {
  while (!conn->done) {
    conn->armed = conn->deadline;
    conn->timer.expires_at(conn->armed);
    co_await conn->timer.async_wait(asio::as_tuple(asio::use_awaitable));
    if (conn->done) break;
    if (SteadyClock::now() >= conn->deadline) {
      beast::error_code ignored;
      conn->socket.close(ignored);  // the pending read or write ends with an error
      break;
    }
  }
}

}  // namespace

struct Server::Impl {
  ServerConfig config;
  const Router& router;
  Metrics& metrics;
  BodyBudget body_budget{config.large_bodies_in_flight, config.upload_body_limit};
  // One event loop per network thread, each run by its thread alone (a connection lives on one
  // loop: no strand, no lock between threads). The first also runs the acceptor and signals.
  // The acceptor on the first loop takes each socket for the next loop in turn: an accept still
  // queued on the first loop holds a socket of another loop, so the other loops are declared
  // first and destroyed last.
  std::vector<std::unique_ptr<asio::io_context>> more_loops;
  asio::io_context ioc{1};
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  std::size_t next_loop = 0;  // used by the accepting coroutine only
  std::unique_ptr<asio::thread_pool> workers;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc, SIGINT, SIGTERM};
  std::atomic<bool> draining{false};
  bool accepting = false;  // the accepting coroutine runs (on the first loop; read there only)
  std::mutex connections_mutex;
  std::list<std::weak_ptr<Connection>> connections;
  std::atomic<int> open_connections{0};

  Impl(ServerConfig c, const Router& r, Metrics& m) : config(std::move(c)), router(r), metrics(m) {}

  asio::awaitable<void> Accept() {
    accepting = true;
    struct Done {
      bool& flag;
      ~Done() { flag = false; }
    } done{accepting};
    for (;;) {
      asio::io_context& loop = next_loop == 0 ? ioc : *more_loops[next_loop - 1];
      next_loop = (next_loop + 1) % (more_loops.size() + 1);
      auto [ec, socket] = co_await acceptor.async_accept(loop.get_executor(), asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (draining || ec == asio::error::operation_aborted) co_return;
        log::Warn("accept failed").Str("error", ec.message());
        continue;
      }
      socket.set_option(tcp::no_delay(true), ec);
      auto conn = std::make_shared<Connection>(std::move(socket));
      std::list<std::weak_ptr<Connection>>::iterator where;
      {
        std::lock_guard lock(connections_mutex);
        connections.push_front(conn);
        where = connections.begin();
      }
      ++open_connections;
      auto executor = conn->socket.get_executor();
      asio::co_spawn(executor, WatchDeadline(conn), asio::detached);
      asio::co_spawn(executor, Serve(conn), [this, where, conn](std::exception_ptr) {
        conn->done = true;
        conn->timer.cancel();
        std::lock_guard lock(connections_mutex);
        connections.erase(where);
        --open_connections;
      });
    }
  }

  asio::awaitable<void> Serve(std::shared_ptr<Connection> conn) {
    beast::flat_buffer buffer;
    std::string remote;
    {
      beast::error_code ec;
      auto endpoint = conn->socket.remote_endpoint(ec);
      if (!ec) remote = endpoint.address().to_string();
    }
    for (;;) {
      if (draining) co_return;
      conn->busy = false;
      conn->ExpireAfter(std::chrono::seconds(config.idle_timeout_s));
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(32 * 1024);
      // The route decides the limit (its manifest names the larger ones: uploads, attachments), once
      // the header is read: a big Content-Length is judged by the route it goes to.
      parser.body_limit(boost::none);
      auto [ec, n] = co_await bhttp::async_read_header(conn->socket, buffer, parser,
                                                       asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (ec == bhttp::error::header_limit || ec == bhttp::error::bad_target || ec == bhttp::error::bad_method ||
            ec == bhttp::error::bad_version || ec == bhttp::error::bad_field || ec == bhttp::error::bad_value) {
          co_await WriteError(conn, 400, "bad_request", "the request could not be parsed", nullptr, remote);
        }
        co_return;
      }
      conn->busy = true;
      const auto started = std::chrono::steady_clock::now();
      Request req;
      {
        const auto& head = parser.get();
        req.method = std::string(head.method_string());
        req.target = std::string(head.target());
      }
      const auto q = req.target.find('?');
      const std::string_view raw_path = std::string_view(req.target).substr(0, q);
      req.path = PercentDecode(raw_path.empty() ? "/" : raw_path, false).value_or(std::string(raw_path));
      if (q != std::string::npos) req.query = req.target.substr(q + 1);
      // The route, known from the header, sets the body limit (its manifest declares it) and
      // the thread; Handle uses what is found here.
      const Route* route = router.Resolve(req);
      const BodyLimit body = route ? route->spec.body : BodyLimit::kJson;
      const bool upload = body == BodyLimit::kUpload;
      const bool attachment = body == BodyLimit::kAttachment;
      const std::size_t limit = upload       ? config.upload_body_limit
                                : attachment ? std::max(config.body_limit, config.attachment_body_limit)
                                             : config.body_limit;
      parser.body_limit(limit);
      if (parser.content_length() && *parser.content_length() > limit) {
        co_await WriteError(conn, 413, "payload_too_large", fmt::format("the body is larger than {} bytes", limit), &req,
                            remote);
        co_return;
      }
      // Who calls, from the header alone, before the body is read: a caller without a valid token
      // (or whose role may not use the route) is answered now and never makes the server hold
      // a body. With a body still on its way, the answer closes the connection.
      {
        const auto& head = parser.get();
        req.headers.reserve(8);
        for (const auto& field : head) {
          std::string name(field.name_string());
          for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          req.headers.emplace_back(std::move(name), std::string(field.value()));
        }
      }
      req.remote_address = remote;
      if (config.trust_proxy) ApplyProxyHeaders(req);
      req.context.remote_address = req.remote_address;
      auto incoming_id = req.Header("x-request-id");
      req.context.request_id = incoming_id && IsSafeRequestId(*incoming_id) ? std::string(*incoming_id) : NewRequestId();
      if (auto lang = req.Header("accept-language"); lang && lang->starts_with("en")) req.context.locale = "en";
      std::optional<Response> refused = router.Admit(req);
      const bool body_pending = parser.chunked() || (parser.content_length() && *parser.content_length() > 0);
      if (refused && body_pending) {
        co_await AnswerAndClose(conn, *refused, &req, remote, started);
        co_return;
      }
      // Large bodies in flight (attachments in memory, uploads on disk, each until its request
      // ends): only so many bytes of them at once, per person and in all.
      BodyBudget::Claim claim;
      if (body_pending && limit > config.body_limit) {
        const std::size_t bytes = parser.content_length().value_or(limit);
        if (bytes > config.body_limit) {
          claim = body_budget.Take(req.context.actor ? req.context.actor->user_id : 0, bytes);
          if (!claim) {
            Response busy = ErrorResponse(Error{ErrorCode::kUnavailable, "busy",
                                                "too many large uploads at once; try again in a minute", {}, {}});
            busy.headers.emplace_back("Retry-After", "60");
            co_await AnswerAndClose(conn, busy, &req, remote, started);
            co_return;
          }
        }
      }
      conn->ExpireAfter(std::chrono::seconds(upload ? 600 : attachment ? 120 : config.request_timeout_s));
      bool keep_alive = false, is_head = false, http10 = false;
      if (upload && body_pending) {
        // An upload goes to a file as it arrives: the process never holds it (SECURITY.md).
        auto [file, stored] = co_await ReadUpload(conn, buffer, std::move(parser), limit, ec, keep_alive, http10);
        if (ec) {
          if (ec == bhttp::error::body_limit) {
            co_await WriteError(conn, 413, "payload_too_large", fmt::format("the body is larger than {} bytes", limit),
                                &req, remote);
          }
          co_return;
        }
        if (!stored) {
          co_await WriteError(conn, 503, "storage_full", "the upload could not be stored; try again later", &req, remote);
          co_return;
        }
        req.upload = std::move(file);
      } else {
        std::tie(ec, n) = co_await bhttp::async_read(conn->socket, buffer, parser, asio::as_tuple(asio::use_awaitable));
        if (ec) {
          if (ec == bhttp::error::body_limit) {
            co_await WriteError(conn, 413, "payload_too_large", fmt::format("the body is larger than {} bytes", limit),
                                &req, remote);
          }
          co_return;
        }
        auto& beast_req = parser.get();
        req.body = std::move(beast_req.body());
        keep_alive = beast_req.keep_alive();
        is_head = beast_req.method() == bhttp::verb::head;
        http10 = beast_req.version() == 10;
      }

      conn->ExpireNever();  // a handler takes the time it takes (imports); the answer's write is bounded below
      Response res;
      // Handlers run on the worker pool when so configured (PostgreSQL: queries off the network
      // threads) and always when the route is slow; otherwise inline, which saves two thread
      // hand-offs per request (SQLite answers in microseconds).
      if (refused) {
        res = std::move(*refused);
      } else if (workers && (!config.inline_handlers || (route && route->spec.slow))) {
        res = co_await asio::co_spawn(
            workers->get_executor(), [&]() -> asio::awaitable<Response> { co_return router.Handle(req); },
            asio::use_awaitable);
      } else {
        res = router.Handle(req);
      }

      if (res.stream) {
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        metrics.ObserveRequest(req.route_pattern, req.method, res.status, seconds);
        co_await StreamEvents(conn, res, req.context.request_id);
        break;
      }

      // The response head is written by hand: Beast's header container allocates per field and
      // its serializer cost more than the rest of a small request (measured with callgrind).
      const bool keep = keep_alive && !draining;
      const std::size_t body_size = res.body.size();
      std::string head_text = ResponseHead(res, req.context.request_id, keep, http10);
      std::array<asio::const_buffer, 2> buffers{asio::buffer(head_text),
                                                asio::buffer(res.body.data(), is_head ? 0 : body_size)};
      // Counted before the answer leaves, so that a client reading /metrics right after its
      // request always finds it (the write's own time is left out).
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      metrics.ObserveRequest(req.route_pattern, req.method, res.status, seconds);
      conn->ExpireAfter(std::chrono::seconds(config.request_timeout_s));
      const auto [wec, written] = co_await asio::async_write(conn->socket, buffers, asio::as_tuple(asio::use_awaitable));
      LogAccess(&req, res.status, seconds, body_size, remote);
      if (wec || !keep) break;
    }
    beast::error_code ignored;
    conn->socket.shutdown(tcp::socket::shutdown_send, ignored);
  }

  /// A server-sent events answer: the head, then whatever the stream is sent, until the client
  /// goes or the server stops. Idle, it writes a comment every 15 s (so that a client gone
  /// without a word is noticed, and proxies keep the connection).
  asio::awaitable<void> StreamEvents(std::shared_ptr<Connection> conn, Response& res, const std::string& request_id) {
    res.content_type = "text/event-stream; charset=utf-8";
    res.headers.emplace_back("Cache-Control", "no-store");
    res.headers.emplace_back("X-Accel-Buffering", "no");  // nginx in front: pass events at once
    std::string head = ResponseHead(res, request_id, false, false);
    // No length: the body is the stream, until the connection closes.
    if (const auto at = head.find("Content-Length: "); at != std::string::npos) head.erase(at, head.find("\r\n", at) + 2 - at);
    conn->ExpireAfter(std::chrono::seconds(config.request_timeout_s));
    auto [ec, n] = co_await asio::async_write(conn->socket, asio::buffer(head), asio::as_tuple(asio::use_awaitable));
    conn->ExpireNever();
    auto timer = std::make_shared<asio::steady_timer>(conn->socket.get_executor());
    auto executor = conn->socket.get_executor();
    std::weak_ptr<asio::steady_timer> weak = timer;
    res.stream->Attach([executor, weak] {
      asio::post(executor, [weak] {
        if (auto t = weak.lock()) t->cancel();
      });
    });
    auto last_write = std::chrono::steady_clock::now();
    std::string out = ": connected\n\n";
    while (!ec && !draining) {
      out += res.stream->Take();
      if (out.empty() && std::chrono::steady_clock::now() - last_write > std::chrono::seconds(15)) out = ": ping\n\n";
      if (!out.empty()) {
        // A client that stops reading is cut off like any other; waiting for events is not bounded.
        conn->ExpireAfter(std::chrono::seconds(config.request_timeout_s));
        std::tie(ec, n) = co_await asio::async_write(conn->socket, asio::buffer(out), asio::as_tuple(asio::use_awaitable));
        conn->ExpireNever();
        out.clear();
        last_write = std::chrono::steady_clock::now();
        if (ec) break;
      }
      // Woken by a Send (the timer is cancelled), or each second to see whether the server stops.
      timer->expires_after(std::chrono::seconds(1));
      co_await timer->async_wait(asio::as_tuple(asio::use_awaitable));
    }
    res.stream->Close();
    beast::error_code ignored;
    conn->socket.shutdown(tcp::socket::shutdown_both, ignored);
  }

  /// The access log's line of a request (`req` null when its header did not parse).
  void LogAccess(const Request* req, int status, double seconds, std::size_t bytes, const std::string& remote) const {
    if (!config.access_log) return;
    log::Info("access")
        .Str("request_id", req ? std::string_view(req->context.request_id) : "")
        .Str("method", req ? std::string_view(req->method) : "")
        .Str("path", req ? LoggedPath(*req) : "")
        .Str("route", req ? std::string_view(req->route_pattern) : "")
        .Int("status", status)
        .Num("ms", seconds * 1000)
        .Int("bytes", static_cast<std::int64_t>(bytes))
        .Int("user_id", req && req->context.actor ? req->context.actor->user_id : 0)
        .Str("remote", remote);
  }

  /// Answers a request that is refused before it is read whole (its header does not parse, its
  /// body is too large) and closes the connection. `req` is the request when its header was read.
  asio::awaitable<void> WriteError(std::shared_ptr<Connection> conn, int status, std::string_view code,
                                   std::string_view message, const Request* req, const std::string& remote) {
    Response res{status, "application/json", fmt::format(R"({{"error":{{"code":"{}","message":"{}"}}}})", code, message),
                 {}};
    co_await AnswerAndClose(conn, res, req, remote, std::chrono::steady_clock::now());
  }

  /// Reads an upload's body into a new file (UploadFile) as it arrives, in pieces of 256 KiB.
  /// `ec` is the read's error; `stored` false when the file could not be made or written (the
  /// body is still read to its end, so that the answer reaches the client).
  asio::awaitable<std::pair<std::shared_ptr<UploadFile>, bool>> ReadUpload(
      std::shared_ptr<Connection> conn, beast::flat_buffer& buffer, bhttp::request_parser<bhttp::string_body>&& header,
      std::size_t limit, beast::error_code& ec, bool& keep_alive, bool& http10) {
    std::shared_ptr<UploadFile> file;
    bool stored = true;
    try {
      file = std::make_shared<UploadFile>(config.upload_dir.empty() ? std::filesystem::temp_directory_path().string()
                                                                    : config.upload_dir);
    } catch (const std::exception& e) {
      log::Error("cannot make an upload file").Str("error", e.what());
      stored = false;
    }
    bhttp::request_parser<bhttp::buffer_body> parser{std::move(header)};
    parser.body_limit(limit);
    std::vector<char> piece(256 * 1024);
    while (!parser.is_done()) {
      parser.get().body().data = piece.data();
      parser.get().body().size = piece.size();
      std::size_t n = 0;
      std::tie(ec, n) = co_await bhttp::async_read(conn->socket, buffer, parser, asio::as_tuple(asio::use_awaitable));
      if (ec == bhttp::error::need_buffer) ec = {};
      if (ec) co_return std::pair{nullptr, false};
      const std::size_t got = piece.size() - parser.get().body().size;
      if (stored && !file->Append(piece.data(), got)) {
        log::Error("cannot write an upload file").Str("error", std::strerror(errno));
        stored = false;
      }
    }
    if (stored && !file->Finish()) stored = false;
    keep_alive = parser.get().keep_alive();
    http10 = parser.get().version() == 10;
    co_return std::pair{std::move(file), stored};
  }

  /// Writes `res`, closing the connection after it, and reads and drops what the client still
  /// sends (a refused body) for a bounded time and amount.
  asio::awaitable<void> AnswerAndClose(std::shared_ptr<Connection> conn, const Response& res, const Request* req,
                                       const std::string& remote, std::chrono::steady_clock::time_point started) {
    const std::string head = ResponseHead(res, req ? req->context.request_id : std::string(), false, false);
    std::array<asio::const_buffer, 2> buffers{asio::buffer(head), asio::buffer(res.body)};
    conn->ExpireAfter(std::chrono::seconds(config.request_timeout_s));
    co_await asio::async_write(conn->socket, buffers, asio::as_tuple(asio::use_awaitable));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    metrics.ObserveRequest(req ? req->route_pattern : "", req ? req->method : "unknown", res.status, seconds);
    LogAccess(req, res.status, seconds, res.body.size(), remote);
    // Lingering close: closing with unread request bytes makes the kernel send a reset, and
    // clients still writing the body would lose this answer. Read and drop what they send, for
    // a bounded time and amount, after saying we are done.
    beast::error_code ignored;
    conn->socket.shutdown(tcp::socket::shutdown_send, ignored);
    conn->ExpireAfter(std::chrono::seconds(5));
    std::array<char, 16384> sink;
    std::size_t drained = 0;
    while (drained < (64u << 20)) {
      auto [ec, n] = co_await conn->socket.async_read_some(asio::buffer(sink), asio::as_tuple(asio::use_awaitable));
      if (ec) break;
      drained += n;
    }
  }

  void BeginShutdown() {
    if (draining.exchange(true)) return;
    log::Info("shutting down: no new connections, finishing in-flight requests");
    beast::error_code ec;
    acceptor.close(ec);
    // Idle keep-alive connections would wait for their timeout: close them now. Busy ones
    // finish their request and then close because `draining` is set.
    std::lock_guard lock(connections_mutex);
    for (auto& weak : connections) {
      if (auto conn = weak.lock()) {
        asio::post(conn->socket.get_executor(), [conn] {
          if (!conn->busy) conn->socket.cancel();
        });
      }
    }
  }
};

Server::Server(ServerConfig config, const Router& router, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(config), router, metrics)) {
  auto& cfg = impl_->config;
  const int cores = std::max(1U, std::thread::hardware_concurrency());
  if (cfg.io_threads <= 0) cfg.io_threads = cores;
  if (cfg.worker_threads <= 0) cfg.worker_threads = 2 * cores;
  for (int i = 1; i < cfg.io_threads; ++i) {
    impl_->more_loops.push_back(std::make_unique<asio::io_context>(1));
    impl_->keep_running.push_back(asio::make_work_guard(*impl_->more_loops.back()));
  }
  {
    impl_->workers = std::make_unique<asio::thread_pool>(static_cast<std::size_t>(cfg.worker_threads));
  }
  tcp::endpoint endpoint{asio::ip::make_address(cfg.host), cfg.port};
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
}

Server::~Server() {
  if (impl_->workers) impl_->workers->join();
}

unsigned short Server::port() const { return impl_->acceptor.local_endpoint().port(); }

void Server::Stop() {
  asio::post(impl_->ioc, [this] { impl_->BeginShutdown(); });
}

void Server::Run(const std::function<void()>& on_ready) {
  Impl& impl = *impl_;
  impl.signals.async_wait([&impl](beast::error_code ec, int) {
    if (!ec) impl.BeginShutdown();
  });
  asio::co_spawn(impl.ioc, impl.Accept(), asio::detached);
  // Once draining, wait for connections to finish (or the grace period), then stop the loop.
  asio::steady_timer watcher(impl.ioc);
  std::chrono::steady_clock::time_point deadline{};
  std::function<void(beast::error_code)> watch = [&](beast::error_code) {
    if (impl.draining) {
      if (deadline == std::chrono::steady_clock::time_point{}) {
        deadline = std::chrono::steady_clock::now() + std::chrono::seconds(impl.config.shutdown_grace_s);
      }
      // The accepting coroutine ends first: its cancelled accept, still queued, would hold a
      // socket of another loop past that loop's life.
      if ((impl.open_connections == 0 && !impl.accepting) || std::chrono::steady_clock::now() > deadline) {
        impl.signals.cancel();
        impl.keep_running.clear();
        for (auto& loop : impl.more_loops) loop->stop();
        impl.ioc.stop();
        return;
      }
    }
    watcher.expires_after(std::chrono::milliseconds(50));
    watcher.async_wait(watch);
  };
  watch({});
  if (on_ready) on_ready();
  std::vector<std::thread> threads;
  for (auto& loop : impl.more_loops) threads.emplace_back([&loop] { loop->run(); });
  impl.ioc.run();
  for (auto& t : threads) t.join();
  if (impl.workers) impl.workers->join();
  log::Info("stopped");
}

}  // namespace hearth::http
