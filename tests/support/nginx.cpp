#include "support/nginx.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>

namespace hearth::test {

namespace {

constexpr const char* kNginx = "/usr/sbin/nginx";

bool Accepts(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

}  // namespace

int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    close(fd);
    throw std::runtime_error("no free port");
  }
  const int port = ntohs(addr.sin_port);
  close(fd);
  return port;
}

bool Nginx::Available() { return access(kNginx, X_OK) == 0; }

Nginx::Nginx(const std::vector<int>& upstream_ports) {
  char pattern[] = "/tmp/hearth-nginx.XXXXXX";
  if (!mkdtemp(pattern)) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  port_ = FreePort();
  std::string servers;
  for (int p : upstream_ports) servers += fmt::format("    server 127.0.0.1:{} max_fails=0;\n", p);
  // Running as root, nginx's workers would switch to "nobody", who cannot write the temp dirs.
  const std::string user = geteuid() == 0 ? "user root root;\n" : "";
  std::ofstream(dir_ + "/nginx.conf") << fmt::format(R"(# written by the Hearth tests; docs/deploy.md explains each line
{user}worker_processes 1;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {dir}/body;
  proxy_temp_path {dir}/proxy;
  fastcgi_temp_path {dir}/fastcgi;
  uwsgi_temp_path {dir}/uwsgi;
  scgi_temp_path {dir}/scgi;
  upstream hearth {{
{servers}    keepalive 32;
  }}
  server {{
    listen 127.0.0.1:{port};
    client_max_body_size 512m;
    location / {{
      proxy_pass http://hearth;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_read_timeout 120s;
      add_header X-Upstream $upstream_addr always;
    }}
  }}
}}
)",
                                                     fmt::arg("user", user), fmt::arg("dir", dir_),
                                                     fmt::arg("servers", servers), fmt::arg("port", port_));
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    const std::string log = dir_ + "/stderr.log";
    FILE* out = std::fopen(log.c_str(), "w");
    if (out) {
      dup2(fileno(out), 1);
      dup2(fileno(out), 2);
    }
    const std::string conf = dir_ + "/nginx.conf";
    const std::string err = dir_ + "/error.log";
    execl(kNginx, kNginx, "-p", dir_.c_str(), "-c", conf.c_str(), "-e", err.c_str(), "-g", "daemon off;", nullptr);
    _exit(127);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (Accepts(port_)) return;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      std::ifstream in(dir_ + "/stderr.log");
      throw std::runtime_error("nginx exited: " + std::string(std::istreambuf_iterator<char>(in), {}));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
  throw std::runtime_error("nginx did not start within 10 s");
}

Nginx::~Nginx() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

}  // namespace hearth::test
