// Issue 13, what an outside probe found: a body is not read before its caller is known, large
// bodies in flight are bounded, and the log is JSON that a client cannot forge. Raw sockets,
// since the point is what the server does while a body is still on its way.
#include <arpa/inet.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include <boost/json/parse.hpp>

#include "support/api_fixture.hpp"

namespace hearth::test {
namespace {

/// A connection to the server that writes and reads bytes as they are.
class Raw {
 public:
  explicit Raw(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) throw std::runtime_error("connect");
    timeval tv{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  }
  ~Raw() { ::close(fd_); }
  /// Sends all of `bytes`; false when the server closed the connection first.
  bool Send(std::string_view bytes) {
    while (!bytes.empty()) {
      const auto n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }
  /// Sends `total` bytes of body in 1 MiB pieces; how many went before the server closed.
  std::size_t SendBody(std::size_t total) {
    const std::string piece(1 << 20, 'x');
    std::size_t sent = 0;
    while (sent < total && Send(std::string_view(piece).substr(0, std::min(piece.size(), total - sent)))) {
      sent += std::min(piece.size(), total - sent);
    }
    return sent;
  }
  /// The status of the answer (0 when none came).
  int Status() {
    std::string got;
    char buf[4096];
    while (got.find("\r\n") == std::string::npos) {
      const auto n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return 0;
      got.append(buf, static_cast<std::size_t>(n));
    }
    return got.starts_with("HTTP/1.1 ") ? std::stoi(got.substr(9, 3)) : 0;
  }

 private:
  int fd_ = -1;
};

/// A figure of the server's /proc/PID/status in MiB: "VmHWM" (peak resident memory), "VmRSS" (now).
std::size_t StatusMiB(pid_t pid, std::string_view figure) {
  std::ifstream in(fmt::format("/proc/{}/status", pid));
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with(figure) && line.size() > figure.size() && line[figure.size()] == ':') {
      return std::stoul(line.substr(figure.size() + 1)) / 1024;
    }
  }
  return 0;
}
std::size_t PeakMiB(pid_t pid) { return StatusMiB(pid, "VmHWM"); }

std::string Upload(std::size_t bytes, const std::string& token = "") {
  return fmt::format(
      "POST /api/v1/imports/customers HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\nContent-Length: {}\r\n{}\r\n",
      bytes, token.empty() ? "" : "Authorization: Bearer " + token + "\r\n");
}

class HardeningApi : public ApiTest {
 protected:
  std::vector<std::string> ExtraArgs() override {
    return {"--upload-limit", std::to_string(64u << 20), "--large-bodies-in-flight", std::to_string(96u << 20)};
  }
};

TEST_P(HardeningApi, UploadsWithoutATokenAreRefusedBeforeTheirBodyIsHeld) {
  const std::size_t before = PeakMiB(server_->pid());
  // Four callers without a token, each sending a 60 MiB file at once.
  std::vector<std::thread> callers;
  std::vector<int> statuses(4);
  for (int i = 0; i < 4; ++i) {
    callers.emplace_back([&, i] {
      Raw raw(server_->port());
      raw.Send(Upload(60u << 20));
      raw.SendBody(60u << 20);
      statuses[i] = raw.Status();
    });
  }
  for (auto& t : callers) t.join();
  for (int status : statuses) EXPECT_EQ(status, 401);
  const std::size_t after = PeakMiB(server_->pid());
  EXPECT_LT(after, before + 40) << "peak memory grew from " << before << " MiB to " << after << " MiB";
  // The server goes on answering.
  EXPECT_EQ(admin_->Get("/api/v1/me").status, 200);
}

TEST_P(HardeningApi, AViewerIsRefusedTheImportBeforeTheBody) {
  admin_->Post("/api/v1/users", R"({"username":"h.viewer","password":"Passw0rd-x","display_name":"x","roles":["viewer"]})");
  Api viewer(*server_);
  ASSERT_EQ(viewer.Login("h.viewer", "Passw0rd-x").status, 200);
  Raw raw(server_->port());
  raw.Send(Upload(30u << 20, viewer.token()));
  EXPECT_EQ(raw.Status(), 403) << "answered on the header, with the body not yet sent";
}

TEST_P(HardeningApi, LargeBodiesInFlightAreBoundedPerPersonAndInAll) {
  // One person: a 50 MiB upload on its way leaves no room for a second of 50 MiB (64 MiB each).
  Raw first(server_->port());
  ASSERT_TRUE(first.Send(Upload(50u << 20, admin_->token())));
  ASSERT_EQ(first.SendBody(10u << 20), 10u << 20);
  {
    Raw second(server_->port());
    second.Send(Upload(50u << 20, admin_->token()));
    EXPECT_EQ(second.Status(), 503) << "busy: try again later";
  }
  // Another person fits beside it (40 + 50 ≤ 96 MiB in all), a third upload does not.
  admin_->Post("/api/v1/users", R"({"username":"h.clerk","password":"Passw0rd-x","display_name":"x","roles":["admin"]})");
  Api clerk(*server_);
  ASSERT_EQ(clerk.Login("h.clerk", "Passw0rd-x").status, 200);
  Raw other(server_->port());
  ASSERT_TRUE(other.Send(Upload(40u << 20, clerk.token())));
  ASSERT_EQ(other.SendBody(1u << 20), 1u << 20);
  {
    Raw third(server_->port());
    third.Send(Upload(20u << 20, clerk.token()));
    EXPECT_EQ(third.Status(), 503) << "96 MiB in all are taken";
  }
  // When the first is done, its bytes are free again.
  first.SendBody(40u << 20);
  EXPECT_NE(first.Status(), 503);
  Raw again(server_->port());
  ASSERT_TRUE(again.Send(Upload(6, admin_->token()) + "a,b\n1,2"));
  EXPECT_NE(again.Status(), 503);
}

// An upload on its way is written to a file, not held in memory: 55 MiB of a 60 MiB import sent,
// the server's resident memory stays where it was (it grew by the body before).
TEST_P(HardeningApi, UploadsOnTheirWayAreWrittenToDiskNotHeldInMemory) {
  const std::size_t before = StatusMiB(server_->pid(), "VmRSS");
  {
    Raw upload(server_->port());
    ASSERT_TRUE(upload.Send(Upload(60u << 20, admin_->token())));
    ASSERT_EQ(upload.SendBody(55u << 20), 55u << 20);
    std::this_thread::sleep_for(std::chrono::milliseconds(500));  // the last pieces reach the server
    const std::size_t during = StatusMiB(server_->pid(), "VmRSS");
    EXPECT_LT(during, before + 25) << "resident memory went from " << before << " MiB to " << during << " MiB";
  }  // the client goes away, and the file with it
  EXPECT_EQ(admin_->Get("/api/v1/me").status, 200);
  // A whole upload is read from its file: an import of a small CSV works as before.
  Raw small(server_->port());
  const std::string csv = "姓名,手机号\n流式客户,13900000077\n";
  ASSERT_TRUE(small.Send(Upload(csv.size(), admin_->token()) + csv));
  EXPECT_EQ(small.Status(), 201);
  EXPECT_EQ(admin_->Get("/api/v1/customers?q=%E6%B5%81%E5%BC%8F%E5%AE%A2%E6%88%B7").json.at("items").as_array().size(), 1u);
}

TEST_P(HardeningApi, TheLogIsJsonFromItsFirstLineToItsLastAndAClientCannotForgeALine) {
  Api anonymous(*server_);
  // A path that tries to close the log's string and add its own fields, and bytes that are not UTF-8.
  anonymous.Get("/api/v1/customers/7%22,%22user_id%22:1,%22msg%22:%22customer.deleted%22%7D%0A%7B%22msg%22:%22x%22%FF");
  {
    Raw too_large(server_->port());  // a JSON body above the limit: 413 from the header
    too_large.Send("POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000000\r\n\r\n");
    EXPECT_EQ(too_large.Status(), 413);
  }
  {
    Raw broken(server_->port());  // a header that does not parse: 400
    broken.Send("GET /api/v1/me HTTP/1.1\r\nHost: x\r\nNot a header line\r\n\r\n");
    EXPECT_EQ(broken.Status(), 400);
  }
  EXPECT_EQ(admin_->Get("/api/v1/me").status, 200);  // a line after them
  std::ifstream in(server_->log_path());
  std::string line;
  std::size_t lines = 0, forged_path = 0, status_413 = 0, status_400 = 0;
  while (std::getline(in, line)) {
    if (line.starts_with("Hearth is serving at ")) continue;  // for the person (standard error), not the log
    ++lines;
    boost::system::error_code ec;
    auto v = boost::json::parse(line, ec);
    ASSERT_FALSE(ec) << "not JSON: " << line;
    ASSERT_TRUE(v.is_object()) << line;
    const auto& o = v.as_object();
    ASSERT_TRUE(o.contains("ts") && o.contains("level") && o.contains("msg")) << line;
    EXPECT_NE(o.at("msg").as_string(), "customer.deleted") << line;
    if (o.at("msg").as_string() != "access") continue;
    const std::string path(o.at("path").as_string());
    if (path.find("customer.deleted") != std::string::npos) {
      ++forged_path;
      EXPECT_EQ(o.at("user_id").as_int64(), 0) << line;
      EXPECT_NE(path.find("\n{"), std::string::npos) << "the newline is inside the value: " << line;
    }
    status_413 += o.at("status").as_int64() == 413;
    status_400 += o.at("status").as_int64() == 400;
  }
  EXPECT_GT(lines, 3u);
  EXPECT_EQ(forged_path, 1u);
  EXPECT_EQ(status_413, 1u) << "an early 413 is logged";
  EXPECT_EQ(status_400, 1u) << "a header that does not parse is logged";
}

TEST_P(HardeningApi, ControlCharactersAreRefusedInEveryTextFieldByName) {
  auto customer = [&](const std::string& fields) {
    return admin_->Post("/api/v1/customers", R"({"phone":"13800001111",)" + fields + "}");
  };
  EXPECT_EQ(customer(R"("name":"王\u0000明")").FieldReason("name"), "control_character");  // cut the XLSX cell
  EXPECT_EQ(customer(R"("name":"\t=1+1")").FieldReason("name"), "control_character");     // passed the CSV guard
  EXPECT_EQ(customer(R"("name":"\r=1+1")").FieldReason("name"), "control_character");
  EXPECT_EQ(customer(R"("name":"张\u202egnaw")").FieldReason("name"), "control_character");  // right-to-left override
  EXPECT_EQ(customer(R"("name":"x","address":"a\u001b[2Jb")").FieldReason("address"), "control_character");
  EXPECT_EQ(customer(R"("name":"x","tags":["ok","a\u0007"])").FieldReason("tags[1]"), "control_character");
  EXPECT_EQ(admin_->Post("/api/v1/customers", R"({"name":"x","phones":[{"phone":"13800001111","label":"家\u0000"}]})")
                .FieldReason("phones[0].label"),
            "control_character");
  auto made = customer(R"("name":"王小明")");
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(admin_->Get("/api/v1/customers?limit=500").json.at("items").as_array().size(), 1u) << "nothing half-written";
  // A one-line field refuses a line break; a text block keeps line breaks and TABs but no other control.
  auto ticket = [&](const std::string& fields) {
    return admin_->Post("/api/v1/tickets",
                        fmt::format(R"({{"customer_id":{},"channel":"hotline","kind":"inquiry",{}}})", made.Int("id"), fields));
  };
  EXPECT_EQ(ticket(R"("title":"交房\n时间")").FieldReason("title"), "control_character");
  EXPECT_EQ(ticket(R"("title":"交房时间","description":"a\u0000b")").FieldReason("description"), "control_character");
  auto opened = ticket(R"("title":"交房时间","description":"第一行\r\n第二行\t完")");
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(opened.Str("description"), "第一行\r\n第二行\t完");
  // An import names the row and the field, and keeps the rows that are clean.
  auto imported = ToReply(admin_->raw().Post("/api/v1/imports/customers", {{"Authorization", "Bearer " + admin_->token()}},
                                             std::string("name,phone\n李\x01雷,13800002222\n韩梅梅,13800003333\n"), "text/csv"));
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(imported.Int("imported"), 1);
  ASSERT_EQ(imported.json.at("errors").as_array().size(), 1u) << imported.body;
  const auto& error = imported.json.at("errors").as_array()[0].as_object();
  EXPECT_EQ(error.at("line").as_int64(), 2);
  EXPECT_EQ(error.at("field").as_string(), "name");
  EXPECT_EQ(error.at("message").as_string(), "control_character");
}

INSTANTIATE_TEST_SUITE_P(Backends, HardeningApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
