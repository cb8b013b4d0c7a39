#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

#include <spdlog/spdlog.h>

namespace hearth::http {

namespace {

std::vector<std::string_view> Split(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

}  // namespace

void Router::Add(RouteSpec spec, Handler handler) {
  Route route{std::move(spec), std::move(handler), {}, std::nullopt, false};
  for (auto part : Split(route.spec.pattern)) route.segments.emplace_back(part);
  routes_.push_back(std::move(route));
}

void Router::Declare(std::span<const AccessRule> rules) {
  for (const AccessRule& rule : rules) {
    auto it = std::find_if(routes_.begin(), routes_.end(), [&](const Route& r) {
      return r.spec.method == rule.method && r.spec.pattern == rule.pattern;
    });
    if (it == routes_.end()) {
      throw std::logic_error("access rule for an unknown route: " + std::string(rule.method) + " " + std::string(rule.pattern));
    }
    it->permission = rule.permission;
    it->access_declared = true;
  }
}

void Router::Use(Middleware middleware) { middleware_.push_back(std::move(middleware)); }

const Route* Router::Match(Request& req, bool& path_matched) const {
  const auto parts = Split(req.path);
  path_matched = false;
  for (const Route& route : routes_) {
    if (route.segments.size() != parts.size()) continue;
    bool ok = true;
    for (std::size_t i = 0; i < parts.size() && ok; ++i) {
      const std::string& seg = route.segments[i];
      const bool param = !seg.empty() && seg.front() == '{';
      ok = param ? !parts[i].empty() : seg == parts[i];
    }
    if (!ok) continue;
    path_matched = true;
    if (route.spec.method != req.method && !(req.method == "HEAD" && route.spec.method == "GET")) continue;
    req.path_params.clear();
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const std::string& seg = route.segments[i];
      if (!seg.empty() && seg.front() == '{') {
        req.path_params.emplace_back(seg.substr(1, seg.size() - 2), std::string(parts[i]));
      }
    }
    return &route;
  }
  return nullptr;
}

bool Router::IsSlow(Request& req) const {
  const Route* route = Match(req, req.path_matched);
  req.matched_route = route;
  return route && route->spec.slow;
}

Response Router::Handle(Request& req) const {
  try {
    bool path_matched = req.path_matched;
    const Route* route = static_cast<const Route*>(req.matched_route);
    if (!route && !path_matched) route = Match(req, path_matched);
    if (!route) {
      if (path_matched) {
        return ErrorResponse(Error{ErrorCode::kNotFound, "not_found",
                                   "this path does not accept " + req.method, {}, {}});
      }
      if (fallback_ && !req.path.starts_with("/api/") && (req.method == "GET" || req.method == "HEAD")) {
        return fallback_(req);
      }
      return ErrorResponse(Error{ErrorCode::kNotFound, "not_found", "no such route", {}, {}});
    }
    req.route_pattern = route->spec.pattern;
    // Build the chain from the innermost (the handler) outwards.
    std::size_t index = 0;
    Next next = [&](Request& r) -> Response {
      if (index < middleware_.size()) {
        const Middleware& mw = middleware_[index++];
        return mw(r, *route, next);
      }
      return route->handler(r);
    };
    return next(req);
  } catch (const ServiceUnavailable& e) {
    spdlog::error("request_id={} unavailable: {}", req.context.request_id, e.what());
    if (e.storage_full()) {
      return ErrorResponse(Error{ErrorCode::kUnavailable, "storage_full",
                                 "the database's disk is full; nothing was saved. Free space and try again", {}, {}});
    }
    return ErrorResponse(Error{ErrorCode::kUnavailable, "unavailable",
                               "the database is not available; try again shortly", {}, {}});
  } catch (const std::exception& e) {
    spdlog::error("request_id={} unhandled exception: {}", req.context.request_id, e.what());
    return ErrorResponse(Error{ErrorCode::kInternal, "internal", "an internal error occurred", {}, {}});
  }
}

}  // namespace hearth::http
