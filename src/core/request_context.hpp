#pragma once
#include <optional>
#include <string>

#include "core/actor.hpp"

namespace hearth {

/// Who is asking and how to trace it: built by http/ middleware, passed to every service call.
struct RequestContext {
  std::string request_id;
  std::optional<Actor> actor;  ///< set on authenticated routes
  std::string locale = "zh-CN";
  std::string remote_address;

  const Actor& actor_ref() const { return *actor; }
};

}  // namespace hearth
