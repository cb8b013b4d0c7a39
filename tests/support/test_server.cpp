#include "support/test_server.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>
#include <thread>

#include <boost/json/parse.hpp>
#include <gtest/gtest.h>
#include <fmt/format.h>

namespace hearth::test {

TestServer::TestServer(const std::string& db_url, std::vector<std::string> extra_args,
                       std::vector<std::pair<std::string, std::string>> env) {
  static int counter = 0;
  log_path_ = (std::filesystem::temp_directory_path() / fmt::format("hearth_server_{}_{}.log", getpid(), counter++)).string();
  std::vector<std::string> args{HEARTH_BINARY, "serve", "--listen", "127.0.0.1:0", "--db", db_url, "--fast-hashing"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    FILE* log = std::fopen(log_path_.c_str(), "w");
    if (log) {
      dup2(fileno(log), 1);
      dup2(fileno(log), 2);
    }
    setenv("HEARTH_ADMIN_PASSWORD", kAdminPassword, 1);
    for (const auto& [name, value] : env) {
      if (value.empty()) {
        unsetenv(name.c_str());
      } else {
        setenv(name.c_str(), value.c_str(), 1);
      }
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  // The server prints its URL with the port it bound once it accepts connections.
  const std::regex ready(R"(serving at http://127\.0\.0\.1:(\d+)/)");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    std::ifstream in(log_path_);
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      if (std::regex_search(line, m, ready)) {
        port_ = std::stoi(m[1]);
        return;
      }
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      std::ifstream again(log_path_);
      std::string text((std::istreambuf_iterator<char>(again)), std::istreambuf_iterator<char>());
      throw std::runtime_error("hearth serve exited early:\n" + text);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("hearth serve did not start within 30 s");
}

TestServer::~TestServer() {
  Stop();
  // A failed test shows what the server logged, which is otherwise deleted with the test.
  if (::testing::Test::HasFailure()) {
    std::ifstream in(log_path_);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
      if (line.find("\"msg\":\"access\"") != std::string::npos && line.find("\"status\":2") != std::string::npos) continue;
      lines.push_back(std::move(line));
    }
    const std::size_t from = lines.size() > 40 ? lines.size() - 40 : 0;
    std::fprintf(stderr, "--- the server's log (last %zu lines but successful requests) ---\n", lines.size() - from);
    for (std::size_t i = from; i < lines.size(); ++i) std::fprintf(stderr, "%s\n", lines[i].c_str());
  }
  std::filesystem::remove(log_path_);
}

int TestServer::Stop() {
  if (pid_ <= 0) return 0;
  kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 500; ++i) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

void TestServer::Kill() {
  if (pid_ <= 0) return;
  kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::unique_ptr<httplib::Client> TestServer::Client() const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client->set_connection_timeout(5);
  client->set_read_timeout(30);
  return client;
}

const boost::json::value& Reply::Member(const char* key) const {
  const auto* found = json.is_object() ? json.as_object().if_contains(key) : nullptr;
  if (!found) throw std::runtime_error(fmt::format("the answer {} has no \"{}\": {}", status, key, body.substr(0, 500)));
  return *found;
}

std::string Reply::ErrorCode() const {
  if (!json.is_object()) return "";
  const auto* err = json.as_object().if_contains("error");
  if (!err || !err->is_object()) return "";
  const auto* code = err->as_object().if_contains("code");
  return code && code->is_string() ? std::string(code->as_string()) : "";
}

std::string Reply::FieldReason(const std::string& name) const {
  if (!json.is_object()) return "";
  const auto* err = json.as_object().if_contains("error");
  if (!err || !err->is_object()) return "";
  const auto* fields = err->as_object().if_contains("fields");
  if (!fields || !fields->is_object()) return "";
  const auto* reason = fields->as_object().if_contains(name);
  return reason && reason->is_string() ? std::string(reason->as_string()) : "";
}

Reply ToReply(const httplib::Result& result) {
  Reply reply;
  if (!result) {
    reply.status = -1;
    return reply;
  }
  reply.status = result->status;
  reply.headers = result->headers;
  reply.body = result->body;
  boost::system::error_code ec;
  auto v = boost::json::parse(result->body, ec);
  if (!ec) reply.json = std::move(v);
  return reply;
}

httplib::Headers Api::WithAuth(httplib::Headers headers) const {
  if (!token_.empty()) headers.emplace("Authorization", "Bearer " + token_);
  return headers;
}

Reply Api::Get(const std::string& path, const httplib::Headers& headers) {
  return ToReply(client_->Get(path, WithAuth(headers)));
}

Reply Api::Post(const std::string& path, const std::string& body, const httplib::Headers& headers) {
  return ToReply(client_->Post(path, WithAuth(headers), body, "application/json"));
}

Reply Api::Patch(const std::string& path, const std::string& body, const httplib::Headers& headers) {
  return ToReply(client_->Patch(path, WithAuth(headers), body, "application/json"));
}

Reply Api::Put(const std::string& path, const std::string& body, const httplib::Headers& headers) {
  return ToReply(client_->Put(path, WithAuth(headers), body, "application/json"));
}

Reply Api::Delete(const std::string& path, const httplib::Headers& headers) {
  return ToReply(client_->Delete(path, WithAuth(headers)));
}

Reply Api::Upload(const std::string& path, const std::string& bytes, const std::string& content_type) {
  return ToReply(client_->Post(path, WithAuth({}), bytes, content_type));
}

Reply Api::Login(const std::string& username, const std::string& password) {
  const std::string body = fmt::format(R"({{"username":"{}","password":"{}"}})", username, password);
  Reply reply = ToReply(client_->Post("/api/v1/auth/login", body, "application/json"));
  if (reply.status == 200) token_ = std::string(reply.json.at("token").as_string());
  return reply;
}

std::pair<int, std::string> RunHearthOutput(const std::string& env, const std::string& args) {
  FILE* pipe = ::popen(("env " + env + " " + HEARTH_BINARY + " " + args + " 2>&1").c_str(), "r");
  if (!pipe) return {-1, ""};
  std::string out;
  char buf[4096];
  while (const std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

int RunHearth(const std::string& args) {
  const int status = std::system((std::string(HEARTH_BINARY) + " " + args + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace hearth::test
