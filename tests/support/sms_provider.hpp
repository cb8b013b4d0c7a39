#pragma once
#include <httplib.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

namespace hearth::test {

/// A local stand-in of an SMS provider's HTTP API (the message gateway's --sms-url): accepts
/// POST /send {"to", "text", "sign", "ref"} with the bearer key, keeps what it received and answers
/// {"id"}; `fail` makes it answer 503 (the provider down).
class SmsProvider {
 public:
  struct Sms {
    std::string to, text, sign, ref, authorization;
  };

  SmsProvider() {
    server_.Post("/send", [this](const httplib::Request& req, httplib::Response& res) {
      if (fail.load()) {
        res.status = 503;
        res.set_content(R"({"error":"down for maintenance"})", "application/json");
        return;
      }
      boost::system::error_code ec;
      auto body = boost::json::parse(req.body, ec);
      if (ec || !body.is_object()) {
        res.status = 400;
        return;
      }
      auto text = [&](const char* key) {
        const auto* v = body.as_object().if_contains(key);
        return v && v->is_string() ? std::string(v->as_string()) : std::string();
      };
      std::lock_guard lock(mutex_);
      received_.push_back({text("to"), text("text"), text("sign"), text("ref"), req.get_header_value("Authorization")});
      res.set_content(R"({"id":"sm-)" + std::to_string(received_.size()) + R"("})", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~SmsProvider() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/send"; }
  std::vector<Sms> Received() {
    std::lock_guard lock(mutex_);
    return received_;
  }
  /// Waits up to `seconds` for at least `n` messages.
  std::vector<Sms> WaitFor(std::size_t n, int seconds = 10) {
    for (int i = 0; i < seconds * 20; ++i) {
      if (auto got = Received(); got.size() >= n) return got;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return Received();
  }
  std::atomic<bool> fail{false};

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<Sms> received_;
};

}  // namespace hearth::test
