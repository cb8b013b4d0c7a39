#include "http/metrics.hpp"

#include <algorithm>

#include <map>
#include <mutex>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

namespace hearth::http {

struct Metrics::Impl {
  std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
  prometheus::Family<prometheus::Counter>& requests =
      prometheus::BuildCounter().Name("hearth_http_requests_total").Help("HTTP requests by route, method and status")
          .Register(*registry);
  prometheus::Family<prometheus::Histogram>& latency =
      prometheus::BuildHistogram().Name("hearth_http_request_duration_seconds")
          .Help("HTTP request latency by route and method").Register(*registry);
  std::mutex mutex;
  std::map<std::string, prometheus::Gauge*, std::less<>> gauges;
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

void Metrics::ObserveRequest(std::string_view route, std::string_view method, int status, double seconds) {
  static const prometheus::Histogram::BucketBoundaries kBuckets{0.0005, 0.001, 0.002, 0.005, 0.01, 0.025,
                                                                0.05,   0.1,   0.25,  0.5,   1.0,  2.5};
  // Each thread keeps the children it has used, so the hot path takes no lock. Children live
  // as long as the registry, which outlives the server threads.
  struct Children {
    prometheus::Histogram* histogram;
    prometheus::Counter* counter;
  };
  thread_local std::map<std::pair<const Impl*, std::string>, Children, std::less<>> cache;
  // A client chooses the method's text: any other than these is one label, so that it cannot
  // make the registry grow without bound.
  static constexpr std::string_view kMethods[] = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
  if (std::find(std::begin(kMethods), std::end(kMethods), method) == std::end(kMethods)) method = "other";
  std::string key;
  key.reserve(route.size() + method.size() + 5);
  key.append(route).append(" ").append(method).append(" ").append(std::to_string(status));
  auto it = cache.find(std::pair<const Impl*, std::string>(impl_.get(), key));
  if (it == cache.end()) {
    const std::string route_label = route.empty() ? "unmatched" : std::string(route);
    std::lock_guard lock(impl_->mutex);
    Children c{&impl_->latency.Add({{"route", route_label}, {"method", std::string(method)}}, kBuckets),
               &impl_->requests.Add(
                   {{"route", route_label}, {"method", std::string(method)}, {"status", std::to_string(status)}})};
    it = cache.emplace(std::pair<const Impl*, std::string>(impl_.get(), key), c).first;
  }
  it->second.histogram->Observe(seconds);
  it->second.counter->Increment();
}

void Metrics::SetGauge(const std::string& name, const std::string& help, double value) {
  std::lock_guard lock(impl_->mutex);
  auto it = impl_->gauges.find(name);
  if (it == impl_->gauges.end()) {
    auto& family = prometheus::BuildGauge().Name(name).Help(help).Register(*impl_->registry);
    it = impl_->gauges.emplace(name, &family.Add({})).first;
  }
  it->second->Set(value);
}

std::string Metrics::Render() const {
  return prometheus::TextSerializer().Serialize(impl_->registry->Collect());
}

}  // namespace hearth::http
