#include "support/smtp_sink.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace hearth::test {

SmtpSink::SmtpSink() {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listener_, 8) != 0) {
    throw std::runtime_error("smtp sink: cannot listen");
  }
  socklen_t len = sizeof addr;
  ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { Serve(); });
}

SmtpSink::~SmtpSink() {
  stop_ = true;
  ::shutdown(listener_, SHUT_RDWR);
  ::close(listener_);
  if (thread_.joinable()) thread_.join();
}

std::vector<SmtpSink::Message> SmtpSink::Messages() {
  std::lock_guard lock(mutex_);
  return messages_;
}

void SmtpSink::Serve() {
  while (!stop_) {
    pollfd p{listener_, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    const int fd = ::accept(listener_, nullptr, nullptr);
    if (fd < 0) continue;
    Session(fd);
    ::close(fd);
  }
}

void SmtpSink::Session(int fd) {
  auto say = [&](const std::string& line) { (void)!::write(fd, line.data(), line.size()); };
  say("220 sink ESMTP\r\n");
  std::string buffer;
  Message message;
  bool in_data = false;
  char chunk[4096];
  for (;;) {
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n <= 0) return;
    buffer.append(chunk, static_cast<std::size_t>(n));
    for (;;) {
      if (in_data) {
        const auto end = buffer.find("\r\n.\r\n");
        if (end == std::string::npos) break;
        message.data = buffer.substr(0, end);
        buffer.erase(0, end + 5);
        in_data = false;
        {
          std::lock_guard lock(mutex_);
          messages_.push_back(message);
        }
        message = {};
        say("250 queued\r\n");
        continue;
      }
      const auto eol = buffer.find("\r\n");
      if (eol == std::string::npos) break;
      const std::string line = buffer.substr(0, eol);
      buffer.erase(0, eol + 2);
      const std::string verb = line.substr(0, 4);
      if (verb == "EHLO" || verb == "HELO") {
        say("250 sink\r\n");
      } else if (verb == "MAIL") {
        message.from = line.substr(10);
        say("250 ok\r\n");
      } else if (verb == "RCPT") {
        message.to.push_back(line.substr(8));
        say("250 ok\r\n");
      } else if (verb == "DATA") {
        in_data = true;
        say("354 go on\r\n");
      } else if (verb == "QUIT") {
        say("221 bye\r\n");
        return;
      } else {
        say("250 ok\r\n");
      }
    }
  }
}

}  // namespace hearth::test
