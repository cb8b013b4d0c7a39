#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/router.hpp"

namespace hearth::http {

class Metrics;

struct ServerConfig {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;          ///< 0 picks a free port (see Server::port)
  int io_threads = 0;                  ///< 0: one per core
  int worker_threads = 0;              ///< the worker pool; 0: 2 per core
  bool inline_handlers = false;        ///< run handlers of routes not marked slow on the network threads
  std::size_t body_limit = 1 << 20;    ///< larger bodies get 413
  std::size_t upload_body_limit = 512u << 20;  ///< the limit for paths under /api/v1/imports/ (files)
  std::size_t attachment_body_limit = 10u << 20;  ///< the limit for paths ending in /attachments (photos)
  /// Bodies larger than body_limit being read and handled at once: at most this many bytes in
  /// all, and at most upload_body_limit per signed-in person; beyond, 503 with Retry-After.
  std::size_t large_bodies_in_flight = 1u << 30;
  /// Where uploads are written as they arrive (files without a name); "": the system's temporary
  /// directory (TMPDIR, else /tmp).
  std::string upload_dir;
  int idle_timeout_s = 60;             ///< keep-alive connections idle longer are closed
  int request_timeout_s = 30;          ///< a request must arrive whole within this
  int shutdown_grace_s = 30;           ///< in-flight requests get this long after SIGTERM
  bool access_log = true;
  /// Behind a load balancer: the client's address is the last X-Forwarded-For entry and HTTPS is
  /// X-Forwarded-Proto. Without it both headers are ignored (a client could forge them).
  bool trust_proxy = false;
};

/// The HTTP/1.1 server (Boost.Beast, C++20 coroutines; docs/adr/0001-http-server.md). Parses
/// requests into http::Request, runs the router on a worker pool, writes responses, records
/// metrics and access logs. Beast stays inside server.cpp.
class Server {
 public:
  /// Binds the listening socket; throws std::runtime_error when it cannot.
  Server(ServerConfig config, const Router& router, Metrics& metrics);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// The bound port.
  unsigned short port() const;
  /// Serves until SIGTERM/SIGINT or Stop(); then stops accepting, lets in-flight requests finish
  /// (up to the grace period), closes idle connections and returns.
  void Run(const std::function<void()>& on_ready = {});
  /// Starts the graceful shutdown from any thread.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hearth::http
