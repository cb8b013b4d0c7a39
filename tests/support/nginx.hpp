#pragma once
#include <sys/types.h>

#include <string>
#include <vector>

namespace hearth::test {

/// nginx (Debian's nginx-light) as a round-robin load balancer in front of `hearth serve`
/// processes on 127.0.0.1, configured as docs/deploy.md describes (X-Forwarded-For/-Proto, the
/// Host header passed on, keep-alive to the upstreams). Each answer carries `X-Upstream`, the
/// server that handled it. Stopped when destroyed.
class Nginx {
 public:
  explicit Nginx(const std::vector<int>& upstream_ports);
  ~Nginx();
  Nginx(const Nginx&) = delete;
  Nginx& operator=(const Nginx&) = delete;

  /// False when no nginx binary is installed.
  static bool Available();
  int port() const { return port_; }

 private:
  std::string dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

/// A TCP port on 127.0.0.1 that was free a moment ago.
int FreePort();

}  // namespace hearth::test
