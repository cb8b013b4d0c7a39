#pragma once
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace hearth::test {

/// A minimal SMTP server on 127.0.0.1 for tests: accepts every message (EHLO, MAIL, RCPT, DATA,
/// QUIT) and keeps what it received.
class SmtpSink {
 public:
  struct Message {
    std::string from;
    std::vector<std::string> to;
    std::string data;  ///< headers and body as sent, without the final "."
  };

  SmtpSink();
  ~SmtpSink();
  int port() const { return port_; }
  std::vector<Message> Messages();

 private:
  void Serve();
  void Session(int fd);

  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mutex_;
  std::vector<Message> messages_;
};

}  // namespace hearth::test
