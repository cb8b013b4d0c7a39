#pragma once
#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include <boost/json/value.hpp>
#include <httplib.h>

#include "support/backends.hpp"

namespace hearth::test {

/// A `hearth serve` process on a free port over a TempDatabase (or a given URL), with the admin
/// password kAdminPassword. Stopped with SIGTERM when destroyed.
class TestServer {
 public:
  static constexpr const char* kAdminPassword = "Admin-pass-2026";

  /// `env`: variables to set for the server (an empty value unsets it), after
  /// HEARTH_ADMIN_PASSWORD=kAdminPassword.
  explicit TestServer(const std::string& db_url, std::vector<std::string> extra_args = {},
                      std::vector<std::pair<std::string, std::string>> env = {});
  ~TestServer();

  /// Sends SIGTERM and waits for the exit; returns the exit status (-1 when it had to be killed).
  int Stop();
  /// SIGKILL, as a crash or a power cut would end it: no shutdown code runs.
  void Kill();
  pid_t pid() const { return pid_; }
  /// The server's stdout and stderr (its logs).
  const std::string& log_path() const { return log_path_; }
  int port() const { return port_; }
  std::unique_ptr<httplib::Client> Client() const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_path_;
};

/// An answer with its body parsed (null when the body is empty or not JSON).
struct Reply {
  int status = 0;
  boost::json::value json;
  httplib::Headers headers;
  std::string body;
  /// error.code of an error body, or "".
  std::string ErrorCode() const;
  /// error.fields[name], or "".
  std::string FieldReason(const std::string& name) const;
  /// json[key]; throws, naming the status and the body, when the answer has no such member.
  std::int64_t Int(const char* key) const { return Member(key).as_int64(); }
  std::string Str(const char* key) const { return std::string(Member(key).as_string()); }
  const boost::json::value& Member(const char* key) const;
};

/// An HTTP client for one server, optionally logged in.
class Api {
 public:
  explicit Api(const TestServer& server) : client_(server.Client()) {}
  Reply Get(const std::string& path, const httplib::Headers& headers = {});
  Reply Post(const std::string& path, const std::string& body, const httplib::Headers& headers = {});
  Reply Patch(const std::string& path, const std::string& body, const httplib::Headers& headers = {});
  Reply Put(const std::string& path, const std::string& body, const httplib::Headers& headers = {});
  Reply Delete(const std::string& path, const httplib::Headers& headers = {});
  /// POSTs raw bytes (a file) with the given content type.
  Reply Upload(const std::string& path, const std::string& bytes, const std::string& content_type);
  /// Logs in and keeps the token for later calls; returns the login reply.
  Reply Login(const std::string& username, const std::string& password);
  void SetToken(std::string token) { token_ = std::move(token); }
  const std::string& token() const { return token_; }
  httplib::Client& raw() { return *client_; }

 private:
  httplib::Headers WithAuth(httplib::Headers headers) const;
  std::unique_ptr<httplib::Client> client_;
  std::string token_;
};

Reply ToReply(const httplib::Result& result);

/// Runs the hearth binary with `args` (a shell command line's arguments), output discarded;
/// answers its exit status.
int RunHearth(const std::string& args);
/// Runs `env_and_args` as `env VAR=… hearth ARGS…` would; answers the exit status and what it
/// printed (standard output and error together).
std::pair<int, std::string> RunHearthOutput(const std::string& env, const std::string& args);

}  // namespace hearth::test
