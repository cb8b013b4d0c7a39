#pragma once
#include <string>

#include "core/error.hpp"

namespace hearth::platform {

struct MailerOptions {
  std::string url;   ///< smtp://host:port or smtps://host:port (HEARTH_SMTP_URL); empty: no e-mail
  std::string from;  ///< the sender address (HEARTH_SMTP_FROM)
};

/// Sends plain-text e-mail in UTF-8 over SMTP with libcurl. Called from jobs, never inside a
/// request, so a slow mail server delays no one.
class Mailer {
 public:
  explicit Mailer(MailerOptions options) : options_(std::move(options)) {}
  bool enabled() const { return !options_.url.empty() && !options_.from.empty(); }
  /// 503 unavailable when the server refuses or cannot be reached (the job retries).
  Result<void> Send(const std::string& to, const std::string& subject, const std::string& body) const;

 private:
  MailerOptions options_;
};

}  // namespace hearth::platform
