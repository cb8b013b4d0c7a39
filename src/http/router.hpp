#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <optional>
#include <unordered_map>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "http/request.hpp"

namespace hearth::http {

/// Who may call a route. Every route states it: there is no default, so a route cannot ship
/// unguarded. A permission is checked before the body is read (the services check it again,
/// with the org scope).
struct Access {
  enum class Kind { kPublic, kSignedIn, kPermission };
  Kind kind;
  Permission permission = Permission::kCount;
  constexpr Access(Permission p) : kind(Kind::kPermission), permission(p) {}  // NOLINT: implicit on purpose
  constexpr explicit Access(Kind k) : kind(k) {}
};
/// No token needed (sign-in, the customer's ticket link, health checks).
inline constexpr Access kPublic{Access::Kind::kPublic};
/// Any signed-in user.
inline constexpr Access kSignedIn{Access::Kind::kSignedIn};

/// How large a body a route takes (the server's --body-limit and its two larger limits).
enum class BodyLimit {
  kJson,        ///< --body-limit (1 MiB)
  kAttachment,  ///< photos and documents: the attachment limit
  kUpload,      ///< import files: the upload limit, with a longer time to arrive
};

/// How a route is reached, who may call it, and how it runs; described in the OpenAPI document.
struct RouteSpec {
  std::string method;    ///< "GET", "POST", "PUT", "PATCH", "DELETE"
  std::string pattern;   ///< "/api/v1/users/{id}"
  Access access;
  BodyLimit body = BodyLimit::kJson;
  bool slow = false;     ///< spends CPU or I/O for long (password hashing, files) or waits to be written with
                         ///< others (a group commit): always on the worker pool

  bool auth() const { return access.kind != Access::Kind::kPublic; }
  /// The permission checked before the handler, or nullopt (public or any signed-in user).
  std::optional<Permission> permission() const {
    if (access.kind != Access::Kind::kPermission) return std::nullopt;
    return access.permission;
  }
};

/// A handler answers a Response, or an Error that the router renders as API.md's error body
/// (so that `HEARTH_TRY` and `HEARTH_ASSIGN` work in handlers).
using Handler = std::function<Result<Response>(Request&)>;

struct Route {
  RouteSpec spec;
  Handler handler;
  std::vector<std::string> segments;  ///< the pattern split at '/', "{id}" kept as is
};

/// Middleware wraps every routed call: it may answer itself or call `next`.
using Next = std::function<Response(Request&)>;
using Middleware = std::function<Response(Request&, const Route&, const Next&)>;
/// A check on a request whose header is read and whose body is not (who calls, and may they):
/// answers a refusal, or nullopt to let the body be read. The server runs it before reading a
/// body, so that a caller who may not use a route never makes the server hold what they send.
using Admission = std::function<std::optional<Response>(Request&, const Route&)>;

/// Maps method and path to handlers. Routes and middleware are added at start-up, before the
/// server runs; Handle is then thread-safe.
class Router {
 public:
  /// Throws std::logic_error when the method and pattern are already routed.
  void Add(RouteSpec spec, Handler handler);
  /// Middleware runs in the order added, outermost first.
  void Use(Middleware middleware);
  /// Admission checks run in the order added, on the header alone (Admit), before any middleware.
  void UseBeforeBody(Admission admission) { admission_.push_back(std::move(admission)); }
  /// Runs the admission checks on a resolved request (Resolve): a refusal, or nullopt and
  /// req.admitted set. Nothing for a request without a route (Handle answers it). Handle runs
  /// them itself for a request that was not admitted.
  std::optional<Response> Admit(Request& req) const;
  /// Serves paths outside /api/ that match no route (the web app).
  void SetFallback(Handler handler) { fallback_ = std::move(handler); }

  /// Routes the request, runs middleware and the handler, and turns escaped exceptions into
  /// 500 (bugs) or 503 (a dependency down). Sets req.route_pattern.
  Response Handle(Request& req) const;
  /// The route the request's method and path go to, or nullptr; sets req.matched_route,
  /// req.path_matched and req.path_params, so that Handle does not match again. The server calls
  /// it once the header is read (the route decides the body limit and the thread).
  const Route* Resolve(Request& req) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  const Route* Match(Request& req, bool& path_matched) const;
  std::optional<Response> RunAdmission(Request& req, const Route& route) const;
  /// Calls `fn(route)` for each route that may match a path of these parts, in the order added,
  /// until it answers true; the routes are indexed by segment count and third segment.
  template <typename Fn>
  const Route* FirstCandidate(const std::vector<std::string_view>& parts, Fn&& fn) const;
  static bool PathMatches(const Route& route, const std::vector<std::string_view>& parts);
  static bool MethodMatches(const Route& route, std::string_view method);

  std::vector<Route> routes_;
  /// "count/third segment" (or "count/{}" when the pattern has a parameter there) → positions in routes_.
  std::unordered_map<std::string, std::vector<std::size_t>> index_;
  std::vector<Middleware> middleware_;
  std::vector<Admission> admission_;
  Handler fallback_;
};

}  // namespace hearth::http
