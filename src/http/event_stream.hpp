#pragma once
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace hearth::http {

/// A server-sent events stream (text/event-stream) held open for one client. A handler answers
/// with Response::stream set; anyone may then Send to it, from any thread, until the client goes
/// (the server notices at the next write: it writes a comment every 15 seconds when idle).
class EventStream {
 public:
  /// Queues one event (`event: <name>` and one `data:` line; `data` must hold no newline, as
  /// compact JSON does not). False once the client has gone.
  bool Send(std::string_view event, std::string_view data);
  bool closed() const;

  // The server's side (http/server.cpp).
  /// Called with the stream's wake-up (posts to the connection's strand) when it starts.
  void Attach(std::function<void()> wake);
  /// What was queued since the last call, as bytes to write.
  std::string Take();
  /// The client has gone or the server stops: later Sends return false.
  void Close();

 private:
  mutable std::mutex mutex_;
  std::string pending_;
  std::function<void()> wake_;
  bool closed_ = false;
};

}  // namespace hearth::http
