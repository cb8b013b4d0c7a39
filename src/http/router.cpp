#include "http/router.hpp"

#include "core/log.hpp"

#include <algorithm>
#include <stdexcept>


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

/// The index key of a path split into parts: its count and its third part ("api", "v1", "customers").
std::string IndexKey(std::size_t count, std::string_view third) {
  std::string key = std::to_string(count);
  key += '/';
  key += third;
  return key;
}

/// The answer to the exception being handled, which escaped a check or a handler: 503 when the
/// database is down (or its disk full), else 500; logged with the request id. Call in a catch.
Response Escaped(const Request& req) {
  try {
    throw;
  } catch (const ServiceUnavailable& e) {
    log::Error("database unavailable").Str("request_id", req.context.request_id).Str("error", e.what());
    if (e.storage_full()) {
      return ErrorResponse(Error{ErrorCode::kUnavailable, "storage_full",
                                 "the database's disk is full; nothing was saved. Free space and try again", {}, {}});
    }
    return ErrorResponse(Error{ErrorCode::kUnavailable, "unavailable",
                               "the database is not available; try again shortly", {}, {}});
  } catch (const std::exception& e) {
    log::Error("unhandled exception").Str("request_id", req.context.request_id).Str("error", e.what());
  } catch (...) {
    log::Error("unhandled exception").Str("request_id", req.context.request_id);
  }
  return ErrorResponse(Error{ErrorCode::kInternal, "internal", "an internal error occurred", {}, {}});
}

/// A handler's answer, or its error as API.md's error body.
Response Answer(Result<Response> answer) {
  return answer ? std::move(*answer) : ErrorResponse(answer.error());
}

}  // namespace

void Router::Add(RouteSpec spec, Handler handler) {
  for (const Route& r : routes_) {
    if (r.spec.method == spec.method && r.spec.pattern == spec.pattern) {
      throw std::logic_error("routed twice: " + spec.method + " " + spec.pattern);
    }
  }
  Route route{std::move(spec), std::move(handler), {}};
  for (auto part : Split(route.spec.pattern)) route.segments.emplace_back(part);
  const std::size_t n = route.segments.size();
  const std::string third = n > 2 ? route.segments[2] : "";
  index_[IndexKey(n, !third.empty() && third.front() == '{' ? "{}" : third)].push_back(routes_.size());
  routes_.push_back(std::move(route));
}

void Router::Use(Middleware middleware) { middleware_.push_back(std::move(middleware)); }

bool Router::PathMatches(const Route& route, const std::vector<std::string_view>& parts) {
  if (route.segments.size() != parts.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& seg = route.segments[i];
    const bool param = !seg.empty() && seg.front() == '{';
    if (param ? parts[i].empty() : seg != parts[i]) return false;
  }
  return true;
}

bool Router::MethodMatches(const Route& route, std::string_view method) {
  return route.spec.method == method || (method == "HEAD" && route.spec.method == "GET");
}

template <typename Fn>
const Route* Router::FirstCandidate(const std::vector<std::string_view>& parts, Fn&& fn) const {
  static const std::vector<std::size_t> kNone;
  const std::size_t n = parts.size();
  const auto literal = index_.find(IndexKey(n, n > 2 ? parts[2] : std::string_view()));
  const auto param = n > 2 ? index_.find(IndexKey(n, "{}")) : index_.end();
  const auto& a = literal == index_.end() ? kNone : literal->second;
  const auto& b = param == index_.end() ? kNone : param->second;
  // Both lists are in the order routes were added: walk them as one.
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    const std::size_t at = j == b.size() || (i < a.size() && a[i] < b[j]) ? a[i++] : b[j++];
    if (fn(routes_[at])) return &routes_[at];
  }
  return nullptr;
}

const Route* Router::Match(Request& req, bool& path_matched) const {
  const auto parts = Split(req.path);
  path_matched = false;
  const Route* found = FirstCandidate(parts, [&](const Route& route) {
    if (!PathMatches(route, parts)) return false;
    path_matched = true;
    return MethodMatches(route, req.method);
  });
  req.path_params.clear();
  if (!found) return nullptr;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& seg = found->segments[i];
    if (!seg.empty() && seg.front() == '{') {
      req.path_params.emplace_back(seg.substr(1, seg.size() - 2), std::string(parts[i]));
    }
  }
  return found;
}

const Route* Router::Resolve(Request& req) const {
  const Route* route = Match(req, req.path_matched);
  req.matched_route = route;
  req.route_resolved = true;
  if (route) req.route_pattern = route->spec.pattern;
  return route;
}

std::optional<Response> Router::Admit(Request& req) const {
  const Route* route = static_cast<const Route*>(req.matched_route);
  if (!route) return std::nullopt;
  try {
    return RunAdmission(req, *route);
  } catch (...) {
    return Escaped(req);
  }
}

std::optional<Response> Router::RunAdmission(Request& req, const Route& route) const {
  for (const auto& admission : admission_) {
    if (auto refusal = admission(req, route)) return refusal;
  }
  req.admitted = true;
  return std::nullopt;
}

Response Router::Handle(Request& req) const {
  try {
    bool path_matched = req.path_matched;
    const Route* route = static_cast<const Route*>(req.matched_route);
    if (!req.route_resolved) route = Match(req, path_matched);
    if (!route) {
      if (path_matched) {
        return ErrorResponse(Error{ErrorCode::kNotFound, "not_found",
                                   "this path does not accept " + req.method, {}, {}});
      }
      if (fallback_ && !req.path.starts_with("/api/") && (req.method == "GET" || req.method == "HEAD")) {
        return Answer(fallback_(req));
      }
      return ErrorResponse(Error{ErrorCode::kNotFound, "not_found", "no such route", {}, {}});
    }
    req.route_pattern = route->spec.pattern;
    // The server admits a request before reading its body; one handed here directly (tests) is
    // admitted now, before any middleware.
    if (!req.admitted) {
      if (auto refusal = RunAdmission(req, *route)) return std::move(*refusal);
    }
    // Build the chain from the innermost (the handler) outwards.
    std::size_t index = 0;
    Next next = [&](Request& r) -> Response {
      if (index < middleware_.size()) {
        const Middleware& mw = middleware_[index++];
        return mw(r, *route, next);
      }
      return Answer(route->handler(r));
    };
    return next(req);
  } catch (...) {
    return Escaped(req);
  }
}

}  // namespace hearth::http
