#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <optional>
#include <span>

#include "core/actor.hpp"
#include "http/request.hpp"

namespace hearth::http {

/// How a route is reached and described in the OpenAPI document.
struct RouteSpec {
  std::string method;    ///< "GET", "POST", "PATCH", "DELETE"
  std::string pattern;   ///< "/api/v1/users/{id}"
  bool auth = true;      ///< requires a valid bearer token
  bool slow = false;     ///< spends CPU for long (password hashing): always run on the worker pool
};

/// One row of a module's access table (Odoo's ir.model.access): a route and the permission it
/// needs, nullopt for any signed-in user.
struct AccessRule {
  std::string method;
  std::string pattern;
  std::optional<Permission> permission;
};

using Handler = std::function<Response(Request&)>;

struct Route {
  RouteSpec spec;
  Handler handler;
  std::vector<std::string> segments;  ///< the pattern split at '/', "{id}" kept as is
  /// Who may call it, from the module's access table (Router::Declare): the permission checked
  /// before the handler runs (services check it again, with the org scope), or none when any
  /// signed-in user may. Public routes (spec.auth false) need no declaration.
  std::optional<Permission> permission = std::nullopt;
  bool access_declared = false;
};

/// Middleware wraps every routed call: it may answer itself or call `next`.
using Next = std::function<Response(Request&)>;
using Middleware = std::function<Response(Request&, const Route&, const Next&)>;

/// Maps method and path to handlers. Routes and middleware are added at start-up, before the
/// server runs; Handle is then thread-safe.
class Router {
 public:
  void Add(RouteSpec spec, Handler handler);
  /// Declares who may call routes already added. Throws std::logic_error for a rule that names
  /// no route, so that a table and its routes cannot drift apart unnoticed.
  void Declare(std::span<const AccessRule> rules);
  /// Middleware runs in the order added, outermost first.
  void Use(Middleware middleware);
  /// Serves paths outside /api/ that match no route (the web app).
  void SetFallback(Handler handler) { fallback_ = std::move(handler); }

  /// Routes the request, runs middleware and the handler, and turns escaped exceptions into
  /// 500 (bugs) or 503 (a dependency down). Sets req.route_pattern.
  Response Handle(Request& req) const;
  /// True when the route the request goes to is marked slow (looked up once; Handle reuses it).
  bool IsSlow(Request& req) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  const Route* Match(Request& req, bool& path_matched) const;

  std::vector<Route> routes_;
  std::vector<Middleware> middleware_;
  Handler fallback_;
};

}  // namespace hearth::http
