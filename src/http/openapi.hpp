#pragma once
#include <string>

#include <boost/json/object.hpp>

namespace hearth::http {

/// The OpenAPI 3 document of the whole API: src/http/openapi.json (info, shared components,
/// operational routes) merged with every module's `<module>/openapi.json` (its paths and
/// schemas). Built once; the test in tests/api compares its paths with the router's routes.
const boost::json::object& OpenApiDocument();

}  // namespace hearth::http
