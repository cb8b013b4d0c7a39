#pragma once
#include <httplib.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>

namespace hearth::test {

/// A local stand-in of the WeChat official account's API (the gateway's --wechat-url): GET
/// /cgi-bin/token hands out a token for the right app id and secret; POST
/// /cgi-bin/message/template/send takes a template message with a valid token, keeps it and
/// answers {"errcode":0,"msgid"}. `expire` makes the current token expired (42001) once; an openid
/// in `unfollowed` answers 43004 (the customer no longer follows the account).
class WeChatApi {
 public:
  struct Message {
    std::string touser, template_id, url;
    boost::json::object data;
  };
  static constexpr const char* kAppId = "wx-test-app";
  static constexpr const char* kSecret = "wechat-test-secret";

  WeChatApi() {
    server_.Get("/cgi-bin/token", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.get_param_value("appid") != kAppId || req.get_param_value("secret") != kSecret ||
          req.get_param_value("grant_type") != "client_credential") {
        res.set_content(R"({"errcode":40013,"errmsg":"invalid appid"})", "application/json");
        return;
      }
      std::lock_guard lock(mutex_);
      token_ = "tok-" + std::to_string(++tokens_);
      res.set_content(R"({"access_token":")" + token_ + R"(","expires_in":7200})", "application/json");
    });
    server_.Post("/cgi-bin/message/template/send", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex_);
      if (expire.exchange(false)) token_ = "expired";
      if (req.get_param_value("access_token") != token_) {
        res.set_content(R"({"errcode":42001,"errmsg":"access_token expired"})", "application/json");
        return;
      }
      boost::system::error_code ec;
      auto body = boost::json::parse(req.body, ec);
      if (ec || !body.is_object()) {
        res.set_content(R"({"errcode":47001,"errmsg":"data format error"})", "application/json");
        return;
      }
      const auto& o = body.as_object();
      auto text = [&](const char* key) {
        const auto* v = o.if_contains(key);
        return v && v->is_string() ? std::string(v->as_string()) : std::string();
      };
      if (text("touser") == unfollowed) {
        res.set_content(R"({"errcode":43004,"errmsg":"require subscribe"})", "application/json");
        return;
      }
      Message m{text("touser"), text("template_id"), text("url"), {}};
      if (const auto* d = o.if_contains("data"); d && d->is_object()) m.data = d->as_object();
      received_.push_back(std::move(m));
      res.set_content(R"({"errcode":0,"errmsg":"ok","msgid":)" + std::to_string(1000 + received_.size()) + "}", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~WeChatApi() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<Message> Received() {
    std::lock_guard lock(mutex_);
    return received_;
  }
  int tokens() {
    std::lock_guard lock(mutex_);
    return tokens_;
  }
  std::atomic<bool> expire{false};
  std::string unfollowed;  ///< set before the server sends

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  std::mutex mutex_;
  std::string token_;
  int tokens_ = 0;
  std::vector<Message> received_;
};

}  // namespace hearth::test
