// The browser session over HTTP, on SQLite and on PostgreSQL: the login sets an HttpOnly,
// SameSite=Strict session cookie and a CSRF cookie; cookie-authenticated writes need the CSRF
// header and the same origin; bearer clients are unaffected; behind a trusted proxy the client's
// address and HTTPS come from X-Forwarded-For / X-Forwarded-Proto (SECURITY.md).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <vector>

#include "core/hash.hpp"
#include "support/api_fixture.hpp"

namespace hearth::test {
namespace {

std::vector<std::string> SetCookies(const Reply& r) {
  std::vector<std::string> out;
  auto [from, to] = r.headers.equal_range("Set-Cookie");
  for (auto it = from; it != to; ++it) out.push_back(it->second);
  return out;
}

// The Set-Cookie header of cookie `name`, or "".
std::string SetCookie(const Reply& r, const std::string& name) {
  for (const auto& c : SetCookies(r)) {
    if (c.starts_with(name + "=")) return c;
  }
  return "";
}

std::string CookieValueOf(const std::string& set_cookie) {
  const auto eq = set_cookie.find('=');
  return set_cookie.substr(eq + 1, set_cookie.find(';') - eq - 1);
}

bool Has(const std::string& set_cookie, const std::string& attribute) {
  return set_cookie.find("; " + attribute) != std::string::npos;
}

class SessionCookieApi : public ApiTest {
 protected:
  struct Browser {
    std::string session;
    std::string csrf;
    httplib::Headers Cookies() const {
      return {{"Cookie", fmt::format("theme=dark; hearth_session={}; hearth_csrf={}", session, csrf)}};
    }
    httplib::Headers Write(const std::string& origin = "") const {
      auto h = Cookies();
      h.emplace("X-CSRF-Token", csrf);
      if (!origin.empty()) h.emplace("Origin", origin);
      return h;
    }
  };

  Browser SignIn() {
    Api anon(*server_);
    auto login = anon.Login("admin", TestServer::kAdminPassword);
    EXPECT_EQ(login.status, 200) << login.body;
    return {CookieValueOf(SetCookie(login, "hearth_session")), CookieValueOf(SetCookie(login, "hearth_csrf"))};
  }

  std::string Host() const { return fmt::format("127.0.0.1:{}", server_->port()); }

  /// A login with extra headers: as admin, or with a wrong password as `username`.
  Reply LoginWith(const httplib::Headers& headers, const std::string& username = "admin") {
    const std::string password = username == "admin" ? TestServer::kAdminPassword : "wrong";
    return ToReply(Api(*server_).raw().Post(
        "/api/v1/auth/login", headers, fmt::format(R"({{"username":"{}","password":"{}"}})", username, password),
        "application/json"));
  }

  std::int64_t Customers() {
    auto r = admin_->Get("/api/v1/customers?limit=500");
    return static_cast<std::int64_t>(r.Member("items").as_array().size());
  }
};

TEST_P(SessionCookieApi, LoginSetsAnHttpOnlyStrictSessionCookieAndACsrfCookie) {
  Api anon(*server_);
  auto login = anon.Login("admin", TestServer::kAdminPassword);
  ASSERT_EQ(login.status, 200);
  ASSERT_EQ(SetCookies(login).size(), 3u) << "the session, the CSRF token and the device id (the login throttle's)";
  const std::string device = SetCookie(login, "hearth_device");
  EXPECT_TRUE(Has(device, "HttpOnly")) << device;
  EXPECT_TRUE(Has(device, "Path=/api/v1/auth/login;")) << "sent to the login only: " << device;
  const std::string session = SetCookie(login, "hearth_session");
  const std::string csrf = SetCookie(login, "hearth_csrf");
  EXPECT_EQ(CookieValueOf(session), login.Str("token"));
  EXPECT_TRUE(Has(session, "HttpOnly")) << session;
  EXPECT_TRUE(Has(session, "SameSite=Strict")) << session;
  EXPECT_TRUE(Has(session, "Path=/")) << session;
  EXPECT_TRUE(Has(session, "Max-Age=43200")) << "lives as long as the session: " << session;
  EXPECT_FALSE(Has(session, "Secure")) << "plain HTTP without a trusted proxy: " << session;
  EXPECT_FALSE(Has(csrf, "HttpOnly")) << "the page must read it: " << csrf;
  EXPECT_TRUE(Has(csrf, "SameSite=Strict")) << csrf;
  EXPECT_EQ(CookieValueOf(csrf), Sha256Hex("hearth-csrf\n" + login.Str("token")));
  EXPECT_EQ(login.headers.find("Set-Cookie") != login.headers.end(), true);
  // Other answers set no cookie.
  EXPECT_TRUE(SetCookies(admin_->Get("/api/v1/me")).empty());
}

TEST_P(SessionCookieApi, TheCookieAuthenticatesAndWritesNeedTheCsrfHeaderAndTheSameOrigin) {
  const Browser browser = SignIn();
  Api plain(*server_);  // no bearer token: only what a browser would send
  auto me = plain.Get("/api/v1/me", browser.Cookies());
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.Str("username"), "admin");

  const std::string body = R"({"name":"韩梅","phone":"13100000001"})";
  const auto before = Customers();
  // A forged form post: the browser sends the cookies but the attacker cannot read the CSRF one.
  auto no_header = plain.Post("/api/v1/customers", body, browser.Cookies());
  EXPECT_EQ(no_header.status, 403) << no_header.body;
  EXPECT_EQ(no_header.ErrorCode(), "csrf_failed");
  auto wrong = browser.Cookies();
  wrong.emplace("X-CSRF-Token", std::string(64, 'a'));
  EXPECT_EQ(plain.Post("/api/v1/customers", body, wrong).ErrorCode(), "csrf_failed");
  auto other_site = plain.Post("/api/v1/customers", body, browser.Write("https://evil.example"));
  EXPECT_EQ(other_site.status, 403);
  EXPECT_EQ(other_site.ErrorCode(), "csrf_failed");
  auto referer = browser.Write();
  referer.emplace("Referer", "http://evil.example/page");
  EXPECT_EQ(plain.Post("/api/v1/customers", body, referer).ErrorCode(), "csrf_failed");
  EXPECT_EQ(plain.Delete("/api/v1/customers/1", browser.Cookies()).ErrorCode(), "csrf_failed");
  EXPECT_EQ(Customers(), before) << "a refused request wrote nothing";

  auto ok = plain.Post("/api/v1/customers", body, browser.Write("http://" + Host()));
  ASSERT_EQ(ok.status, 201) << ok.body;
  auto no_origin = plain.Post("/api/v1/customers", R"({"name":"李雷","phone":"13100000002"})", browser.Write());
  EXPECT_EQ(no_origin.status, 201) << "the header alone suffices when the browser sends no Origin";
  // API clients with a bearer token need no CSRF header.
  EXPECT_EQ(admin_->Post("/api/v1/customers", R"({"name":"王芳","phone":"13100000003"})").status, 201);
  EXPECT_EQ(Customers(), before + 3);
  // The bearer header wins over a cookie (an API client in a browser-like environment).
  auto mixed = admin_->Post("/api/v1/customers", R"({"name":"赵强","phone":"13100000004"})",
                            {{"Cookie", "hearth_session=stale"}});
  EXPECT_EQ(mixed.status, 201) << mixed.body;
}

TEST_P(SessionCookieApi, LogoutEndsTheCookieSessionAndClearsBothCookies) {
  const Browser browser = SignIn();
  Api plain(*server_);
  auto refused = plain.Post("/api/v1/auth/logout", "", browser.Cookies());
  EXPECT_EQ(refused.ErrorCode(), "csrf_failed") << "a page elsewhere cannot sign the user out either";
  auto out = plain.Post("/api/v1/auth/logout", "", browser.Write());
  ASSERT_EQ(out.status, 204) << out.body;
  EXPECT_TRUE(Has(SetCookie(out, "hearth_session"), "Max-Age=0"));
  EXPECT_TRUE(Has(SetCookie(out, "hearth_csrf"), "Max-Age=0"));
  auto after = plain.Get("/api/v1/me", browser.Cookies());
  EXPECT_EQ(after.status, 401);
  EXPECT_TRUE(Has(SetCookie(after, "hearth_session"), "Max-Age=0")) << "a dead session cookie is cleared";
  // A cookie that never was a session.
  EXPECT_EQ(plain.Get("/api/v1/me", {{"Cookie", "hearth_session=0123456789abcdef"}}).status, 401);
  EXPECT_EQ(plain.Get("/api/v1/me", {{"Cookie", "hearth_session="}}).status, 401);
}

TEST_P(SessionCookieApi, ALoginFromAnotherSiteIsRefused) {
  auto r = LoginWith({{"Origin", "https://evil.example"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.ErrorCode(), "csrf_failed");
  EXPECT_TRUE(SetCookies(r).empty());
  auto same = LoginWith({{"Origin", "http://" + Host()}});
  EXPECT_EQ(same.status, 200) << same.body;
}

TEST_P(SessionCookieApi, ForwardedHeadersAreIgnoredWithoutTrustProxy) {
  auto r = LoginWith({{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_FALSE(Has(SetCookie(r, "hearth_session"), "Secure"));
  // Twenty failed logins on unknown names "from" other addresses all count against this one client.
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(LoginWith({{"X-Forwarded-For", fmt::format("10.9.0.{}", i)}}, fmt::format("nobody{}", i)).status, 401);
  }
  auto limited = LoginWith({{"X-Forwarded-For", "10.9.1.1"}}, "nobody-else");
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_EQ(LoginWith({{"X-Forwarded-For", "10.9.1.1"}}).status, 200) << "a real account at the address is not held back";
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionCookieApi, testing::ValuesIn(EnabledBackends()), BackendName);

// Behind a load balancer (--trust-proxy): HTTPS and the client's address come from the proxy.
class TrustedProxyApi : public SessionCookieApi {
  std::vector<std::string> ExtraArgs() override { return {"--trust-proxy"}; }
};

TEST_P(TrustedProxyApi, CookiesAreSecureOverHttpsAndEachClientIsThrottledByItsOwnAddress) {
  auto https = LoginWith({{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(https.status, 200);
  EXPECT_TRUE(Has(SetCookie(https, "hearth_session"), "Secure"));
  EXPECT_TRUE(Has(SetCookie(https, "hearth_csrf"), "Secure"));
  EXPECT_FALSE(Has(SetCookie(LoginWith({{"X-Forwarded-Proto", "http"}}), "hearth_session"), "Secure"));

  // One client (the last X-Forwarded-For entry, the one the proxy added) fails twenty times; the
  // forged first entry does not help it, and another client is not held back.
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(LoginWith({{"X-Forwarded-For", fmt::format("1.2.3.{}, 10.9.0.1", i)}}, fmt::format("nobody{}", i)).status, 401);
  }
  auto limited = LoginWith({{"X-Forwarded-For", "7.7.7.7, 10.9.0.1"}}, "nobody-else");
  EXPECT_EQ(limited.status, 429) << limited.body;
  auto other = LoginWith({{"X-Forwarded-For", "10.9.0.2"}}, "nobody-else");
  EXPECT_EQ(other.status, 401) << other.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, TrustedProxyApi, testing::ValuesIn(EnabledBackends()), BackendName);

}  // namespace
}  // namespace hearth::test
