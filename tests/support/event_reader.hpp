#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "support/test_server.hpp"

namespace hearth::test {

/// An open GET /api/v1/events of one signed-in person, read on a thread of its own.
class EventReader {
 public:
  EventReader(const TestServer& server, const std::string& token) : client_(server.Client()) {
    client_->set_read_timeout(std::chrono::seconds(30));
    thread_ = std::thread([this, token] {
      client_->Get("/api/v1/events", {{"Authorization", "Bearer " + token}}, [this](const char* data, std::size_t n) {
        std::lock_guard lock(mutex_);
        text_.append(data, n);
        changed_.notify_all();
        return !stop_;
      });
    });
  }
  ~EventReader() {
    stop_ = true;
    client_->stop();
    thread_.join();
  }
  /// Waits until the stream holds `needle` (true) or `timeout` passes (false).
  bool WaitFor(const std::string& needle, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return text_.find(needle) != std::string::npos; });
  }
  std::string text() {
    std::lock_guard lock(mutex_);
    return text_;
  }

 private:
  std::unique_ptr<httplib::Client> client_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string text_;
  std::atomic<bool> stop_{false};
};

}  // namespace hearth::test
