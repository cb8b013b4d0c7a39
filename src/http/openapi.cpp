#include "http/openapi.hpp"

#include <stdexcept>

#include <boost/json/parse.hpp>

#include "core/embedded.hpp"

namespace hearth::http {

namespace {

void MergeMembers(boost::json::object& into, const boost::json::object& from, const std::string& file) {
  for (const auto& kv : from) {
    if (into.contains(kv.key())) throw std::logic_error(file + " redefines " + std::string(kv.key()));
    into[kv.key()] = kv.value();
  }
}

boost::json::object Build() {
  boost::json::object doc;
  std::vector<std::pair<std::string, boost::json::object>> fragments;
  for (const EmbeddedFile& f : hearth_resources()) {
    if (!f.name.ends_with("openapi.json")) continue;
    auto value = boost::json::parse(f.data);
    if (f.name == "http/openapi.json") {
      doc = value.as_object();
    } else {
      fragments.emplace_back(std::string(f.name), value.as_object());
    }
  }
  auto& paths = doc["paths"].as_object();
  auto& schemas = doc["components"].as_object()["schemas"].as_object();
  for (auto& [name, fragment] : fragments) {
    if (auto* p = fragment.if_contains("paths")) MergeMembers(paths, p->as_object(), name);
    if (auto* c = fragment.if_contains("components")) {
      if (auto* s = c->as_object().if_contains("schemas")) MergeMembers(schemas, s->as_object(), name);
    }
  }
  return doc;
}

}  // namespace

const boost::json::object& OpenApiDocument() {
  static const boost::json::object doc = Build();
  return doc;
}

}  // namespace hearth::http
