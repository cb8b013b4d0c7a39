// The server starts and stops cleanly while connections come and go: every loop and socket is
// released in an order that never touches a freed loop (run under the sanitizer build in CI).
#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <future>
#include <thread>
#include <vector>

#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace hearth::http {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

// The acceptor lives on the first loop and accepts each socket for the next loop in turn, so a
// pending accept on the first loop holds a socket of another loop until the first loop is gone.
TEST(ServerLifetime, StopsWithAcceptsAndConnectionsPendingOnEveryLoop) {
  Router router;
  Metrics metrics;
  for (int round = 0; round < 20; ++round) {
    ServerConfig config;
    config.port = 0;
    config.io_threads = 3;
    config.worker_threads = 1;
    config.access_log = false;
    config.shutdown_grace_s = 1;
    Server server(config, router, metrics);
    std::promise<void> ready;
    std::thread running([&] { server.Run([&] { ready.set_value(); }); });
    ready.get_future().wait();
    asio::io_context client;
    std::vector<tcp::socket> sockets;
    for (int i = 0; i < 1 + round % 5; ++i) {
      sockets.emplace_back(client);
      boost::system::error_code ec;
      sockets.back().connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), server.port()), ec);
      ASSERT_FALSE(ec) << ec.message();
      if (i % 2 == 0) {
        const std::string request = "GET /api/v1/nothing HTTP/1.1\r\nHost: a\r\n\r\n";
        asio::write(sockets.back(), asio::buffer(request), ec);
      }
    }
    server.Stop();
    running.join();
  }
}

}  // namespace
}  // namespace hearth::http
